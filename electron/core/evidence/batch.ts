import type { ErrorCode } from '../../../shared/errors';
import { VigilError, isVigilError } from '../errors';
import { stripRefusal } from '../metadata';
import type { MediaType } from '../metadata/types';
import type { Vault } from '../vault/vault';
import { moveEvidenceToTrashTx, stripEvidence } from './evidence';

/** How many items one batch may name: a case's list, not a bulk interface. */
export const BATCH_MAX = 500;

/** What happened to one file of a batch strip. */
export type BatchStripOutcome =
  | { id: string; name: string; status: 'stripped'; copyId: string; removed: number }
  /** It had a working copy already: nothing was done. */
  | { id: string; name: string; status: 'already'; copyId: string }
  /** A kind of file Vigil cannot strip: it keeps all its metadata (never reported as clean). */
  | { id: string; name: string; status: 'unsupported'; reason: string }
  /** A kind Vigil strips, but this file was refused (damaged, ambiguous, encrypted…). */
  | { id: string; name: string; status: 'refused'; code: ErrorCode; reason: string };

export interface BatchStripResult {
  outcomes: BatchStripOutcome[];
  /** Cancelled after the file it was working on: those not listed were not touched. */
  cancelled: boolean;
}

interface Chosen {
  id: string;
  case_id: string;
  kind: string;
  parent_id: string | null;
  sha256: string;
  media_type: string;
  original_name: string | null;
  title: string | null;
}

/**
 * Checks a selection before anything is done: a bounded list of distinct
 * ids, every one an original of this case. An unknown id, one of another
 * case, or a working copy refuses the whole selection, naming it.
 */
async function chosenOriginals(
  vault: Vault,
  caseId: string,
  ids: readonly string[],
): Promise<Chosen[]> {
  if (!Array.isArray(ids) || ids.length === 0)
    throw new VigilError('INVALID_INPUT', 'Choose at least one evidence file.');
  if (ids.length > BATCH_MAX)
    throw new VigilError(
      'INVALID_INPUT',
      `At most ${BATCH_MAX} evidence files can be chosen at once; ${ids.length} were.`,
    );
  if (new Set(ids).size !== ids.length)
    throw new VigilError('INVALID_INPUT', 'The same evidence file was chosen twice.');
  if (!(await vault.db.get('SELECT 1 AS x FROM cases WHERE id = ?', [caseId])))
    throw new VigilError('NOT_FOUND', `No case with id ${caseId}.`);
  const found: Chosen[] = [];
  for (const id of ids) {
    const row = await vault.db.get<Chosen>(
      'SELECT id, case_id, kind, parent_id, sha256, media_type, original_name, title FROM evidence WHERE id = ?',
      [id],
    );
    if (!row)
      throw new VigilError('NOT_FOUND', `No evidence item with id ${id}. Nothing was done.`);
    if (row.case_id !== caseId)
      throw new VigilError(
        'INVALID_INPUT',
        `Evidence ${id} belongs to another case; a batch takes the files of one case. Nothing was done.`,
      );
    if (row.kind !== 'original' || row.parent_id !== null)
      throw new VigilError(
        'INVALID_INPUT',
        `Evidence ${id} is a working copy; choose originals. Nothing was done.`,
      );
    found.push(row);
  }
  return found;
}

const nameOf = (row: Chosen) => row.original_name ?? row.title ?? row.id;

/**
 * Strips the chosen originals of a case, one after the other. Each file's
 * strip is atomic on its own (its working copy is written, checked and
 * recorded, or nothing is kept), so a cancel, checked between files, stops
 * after the current one and leaves no half-written copy. A file that already
 * has a working copy, or of a kind Vigil cannot strip, is skipped and says
 * so; a file the stripper refuses is reported with its reason, and the batch
 * goes on.
 */
export async function stripEvidenceBatch(
  vault: Vault,
  caseId: string,
  ids: readonly string[],
  options: {
    signal?: AbortSignal;
    onProgress?: (index: number, name: string, finished: boolean) => void;
  } = {},
): Promise<BatchStripResult> {
  await vault.ensureWriter();
  const chosen = await chosenOriginals(vault, caseId, ids);
  const outcomes: BatchStripOutcome[] = [];
  for (const [index, row] of chosen.entries()) {
    if (options.signal?.aborted) return { outcomes, cancelled: true };
    const name = nameOf(row);
    options.onProgress?.(index, name, false);
    outcomes.push(await stripOne(vault, row, name));
    options.onProgress?.(index, name, true);
  }
  return { outcomes, cancelled: false };
}

async function stripOne(vault: Vault, row: Chosen, name: string): Promise<BatchStripOutcome> {
  const existing = await vault.db.get<{ id: string }>(
    "SELECT id FROM evidence WHERE parent_id = ? AND kind = 'stripped'",
    [row.id],
  );
  if (existing) return { id: row.id, name, status: 'already', copyId: existing.id };
  const refusal = stripRefusal(row.media_type as MediaType);
  if (refusal) return { id: row.id, name, status: 'unsupported', reason: refusal };
  try {
    // No signal here: a file once begun is finished (or refused whole), never cut in half.
    const copy = await stripEvidence(vault, row.id);
    return {
      id: row.id,
      name,
      status: 'stripped',
      copyId: copy.id,
      removed: copy.stripReport?.removed.length ?? 0,
    };
  } catch (error) {
    if (!isVigilError(error) || error.code === 'VAULT_LOCKED' || error.code === 'DISK_FULL')
      throw error;
    return { id: row.id, name, status: 'refused', code: error.code, reason: error.message };
  }
}

/**
 * Moves the chosen originals of a case (with their working copies) to the
 * trash, in one transaction: all of them or, if one is refused, none. Each
 * gets its own trash entry, so each can be restored on its own.
 */
export async function deleteEvidenceBatch(
  vault: Vault,
  caseId: string,
  ids: readonly string[],
): Promise<{ trash: string[] }> {
  await vault.ensureWriter();
  const chosen = await chosenOriginals(vault, caseId, ids);
  const entries = await vault.db.transaction(async (tx) => {
    const made: string[] = [];
    for (const row of chosen)
      made.push((await moveEvidenceToTrashTx(tx, vault, row, { batch: chosen.length })).trash);
    return made;
  });
  return { trash: entries };
}
