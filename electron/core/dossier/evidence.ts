import type { WithheldItem } from '../../../shared/dossier';
import { VigilError } from '../errors';
import { evidenceBlob, listEvidence, stripEvidence, viewEvidence } from '../evidence';
import { stripBuffer, stripRefusal, type MediaType } from '../metadata';
import type { Vault } from '../vault/vault';

/**
 * Office documents are refused by their content (tracked changes), not only by
 * their type: a preview strips them in memory, keeping nothing, so that it
 * says exactly what the export will leave out.
 */
const CONTENT_REFUSED = new Set(['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp']);

async function dryStripRefusal(vault: Vault, id: string): Promise<string | null> {
  try {
    await stripBuffer((await viewEvidence(vault, id)).bytes);
    return null;
  } catch (error) {
    return error instanceof VigilError ? error.message : 'its metadata could not be removed';
  }
}

/** One evidence file as it goes into a dossier. */
export interface DossierEvidence {
  /** The original's id in the vault. */
  id: string;
  /** The file's name at intake: for the sender's report only, never written into the dossier. */
  name: string;
  path: string;
  type: string;
  copy: 'stripped' | 'original';
  /** The id of the item whose bytes are exported (the working copy or the original). */
  sourceId: string;
  sha256: string;
  size: number;
  originalSha256: string;
  /**
   * What the item shows, as the user described it (free text that the
   * template releases before printing; never written to the manifest).
   */
  title: string;
  description: string;
  /** When the original was captured (from its metadata), or null. */
  capturedAt: string | null;
}

const EXTENSIONS: Record<string, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  tiff: 'tif',
  heic: 'heic',
  avif: 'avif',
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  odt: 'odt',
  ods: 'ods',
  odp: 'odp',
  mp3: 'mp3',
  aac: 'aac',
  mp4: 'mp4',
  mov: 'mov',
  m4a: 'm4a',
  wav: 'wav',
  flac: 'flac',
  ogg: 'ogg',
  webm: 'webm',
};

/**
 * Chooses what evidence goes into a dossier: the stripped working copy of
 * each original (made now if needed), or, for the originals the user named
 * one by one, the original itself. A file that cannot be stripped and was not
 * named is left out and reported to the sender, never sent with its metadata
 * by surprise. Files are renamed E01, E02… in the order they go, after the
 * choice, so the numbers have no gaps: original names can identify people,
 * and a gap would show that something was left out.
 */
export async function selectEvidence(
  vault: Vault,
  caseId: string,
  options: { originals: readonly string[]; only?: readonly string[]; preview?: boolean },
): Promise<{ items: DossierEvidence[]; withheld: WithheldItem[] }> {
  const all = (await listEvidence(vault, caseId)).filter((item) => item.kind === 'original');
  const check = (ids: readonly string[], what: string) => {
    for (const id of ids)
      if (!all.some((item) => item.id === id))
        throw new VigilError('NOT_FOUND', `${what} ${id} is not an original of this case.`);
  };
  if (options.only) check(options.only, 'Evidence');
  check(options.originals, 'The original to include,');
  if (options.only) {
    const outside = options.originals.filter((id) => !options.only!.includes(id));
    if (outside.length > 0)
      throw new VigilError(
        'INVALID_INPUT',
        `The original ${outside[0]} is to be included but is not among the evidence chosen for the dossier.`,
      );
  }
  const chosen = options.only ? all.filter((item) => options.only!.includes(item.id)) : all;
  const asOriginal = new Set(options.originals);
  const picked: Omit<DossierEvidence, 'path'>[] = [];
  const withheld: WithheldItem[] = [];
  const leaveOut = (item: (typeof all)[number], reason: string) =>
    withheld.push({
      kind: 'evidence',
      record: { kind: 'evidence', id: item.id },
      field: null,
      what: `evidence ${item.originalName ?? item.id} (${item.type})`,
      reason: `${reason} (include this original by its id to send it with its metadata)`,
      subject: { name: item.originalName ?? null, terms: [], date: null, shownAs: null },
      why: [{ code: 'cannot-strip' }],
    });
  for (const item of chosen) {
    let sourceId = item.id;
    let copy: DossierEvidence['copy'] = 'original';
    if (!asOriginal.has(item.id) && options.preview) {
      // A preview changes nothing: it says what export would do without making working copies.
      const existing = item.derivatives.length > 0;
      const refusal = existing
        ? null
        : (stripRefusal(item.type as MediaType) ??
          (CONTENT_REFUSED.has(item.type) ? await dryStripRefusal(vault, item.id) : null));
      if (refusal) {
        leaveOut(item, refusal);
        continue;
      }
      picked.push({
        id: item.id,
        name: item.originalName ?? item.id,
        type: item.type,
        copy: 'stripped',
        sourceId: item.derivatives[0] ?? item.id,
        sha256: '',
        size: 0,
        originalSha256: item.sha256,
        title: item.title ?? '',
        description: item.description ?? '',
        capturedAt: item.capture.time,
      });
      continue;
    }
    if (!asOriginal.has(item.id)) {
      try {
        sourceId = (await stripEvidence(vault, item.id)).id;
        copy = 'stripped';
      } catch (error) {
        leaveOut(
          item,
          error instanceof VigilError ? error.message : 'its metadata could not be removed',
        );
        continue;
      }
    }
    const blob = await evidenceBlob(vault, sourceId);
    picked.push({
      id: item.id,
      name: item.originalName ?? item.id,
      type: item.type,
      copy,
      sourceId,
      sha256: blob.sha256,
      size: blob.size,
      originalSha256: item.sha256,
      title: item.title ?? '',
      description: item.description ?? '',
      capturedAt: item.capture.time,
    });
  }
  const items = picked.map((item, i) => ({
    ...item,
    path: `evidence/E${String(i + 1).padStart(2, '0')}.${EXTENSIONS[item.type] ?? 'bin'}`,
  }));
  return { items, withheld };
}
