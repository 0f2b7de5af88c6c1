import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { link, lstat, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type {
  CustodyEntry,
  EvidenceItem,
  EvidenceKind,
  IntakeResult,
  IntegrityProblem,
} from '../../../shared/evidence';
import { VigilError, fsError } from '../errors';
import {
  EVIDENCE_EDIT_FIELDS,
  evidenceEditSchema,
  type EvidenceEditInput,
} from '../../../shared/domain/evidenceEdit';
import { parseInput } from '../records/validate';
import { fsyncDir } from '../fs/atomic';
import { WriteBehind } from '../fs/writeBehind';
import { crashPoint } from '../fs/crashPoints';
import { wipe } from '../crypto/secrets';
import {
  checkMediaOutput,
  detectSource,
  detectType,
  FileSource,
  inspectBuffer,
  inspectMediaSource,
  isMedia,
  prepareMediaStrip,
  runPlan,
  stripBuffer,
  type CopyExtent,
  type InspectReport,
  type StripReport,
} from '../metadata';
import { BlobSource } from './blobSource';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { blobInUse, moveToTrashTx } from '../records/trash';
import {
  deleteBlob,
  readBlob,
  readBlobToBuffer,
  settleBlob,
  checkBlob,
  writeBlob,
  type StreamOptions,
} from './blobStore';
import { writeOutgoing } from '../vault/outgoing';

/** Files up to this size are read back into memory to find their capture time and place;
 *  larger audio and video files are inspected by seeking (inspectLargeMedia). */
const INSPECT_AT_INTAKE_MAX = 64 * 1024 * 1024;
/** Images and documents are stripped in memory; larger ones are refused with a clear message. Audio and video stream. */
const STRIP_MAX = 512 * 1024 * 1024;

interface EvidenceRow {
  id: string;
  case_id: string;
  parent_id: string | null;
  kind: EvidenceKind;
  blob_id: string;
  blob_key: Buffer;
  sha256: string;
  size: number;
  media_type: string;
  mime: string;
  original_name: string | null;
  title: string | null;
  description: string | null;
  source: string | null;
  intake_at: string;
  intake_by: string;
  capture_time: string | null;
  capture_lat: number | null;
  capture_lon: number | null;
  capture_alt: number | null;
  metadata: string | null;
  strip_report: string | null;
  metadata_problem: string | null;
}

const COLUMNS = `id, case_id, parent_id, kind, blob_id, blob_key, sha256, size, media_type, mime, original_name, title,
  description, source, intake_at, intake_by, capture_time, capture_lat, capture_lon, capture_alt, metadata, strip_report, metadata_problem`;

function toItem(row: EvidenceRow, derivatives: string[]): EvidenceItem {
  return {
    id: row.id,
    caseId: row.case_id,
    parentId: row.parent_id,
    kind: row.kind,
    sha256: row.sha256,
    size: row.size,
    type: row.media_type,
    mime: row.mime,
    originalName: row.original_name,
    title: row.title,
    description: row.description,
    source: row.source,
    intakeAt: row.intake_at,
    intakeBy: row.intake_by,
    capture: {
      time: row.capture_time,
      latitude: row.capture_lat,
      longitude: row.capture_lon,
      altitude: row.capture_alt,
    },
    metadata: row.metadata ? (JSON.parse(row.metadata) as EvidenceItem['metadata']) : [],
    metadataReadable: row.metadata_problem === null,
    metadataProblem: row.metadata_problem,
    stripReport: row.strip_report
      ? (JSON.parse(row.strip_report) as EvidenceItem['stripReport'])
      : null,
    derivatives,
  };
}

async function row(q: Queryable, id: string): Promise<EvidenceRow> {
  const found = await q.get<EvidenceRow>(`SELECT ${COLUMNS} FROM evidence WHERE id = ?`, [id]);
  if (!found) throw new VigilError('NOT_FOUND', `No evidence item with id ${id}.`);
  return found;
}

async function assertCase(q: Queryable, caseId: string): Promise<void> {
  if (!(await q.get('SELECT 1 FROM cases WHERE id = ?', [caseId])))
    throw new VigilError('NOT_FOUND', `No case with id ${caseId}.`);
}

/** Deletes a blob file unless a record, or an entry in the trash, still uses it. */
export async function releaseBlob(vault: Vault, blobId: string): Promise<void> {
  if (!(await blobInUse(vault.db, blobId))) await deleteBlob(vault.dir, blobId);
}

/** The facts that tell whether a file on disk is still the one just read. */
type FileIdentity = Pick<Stats, 'size' | 'mtimeMs' | 'ino' | 'dev'>;

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino && a.dev === b.dev;
}

/**
 * A large audio or video file (a phone video is rarely under 64 MB) is inspected by seeking in
 * the file being taken in: only its boxes, tags and headers are read, so intake keeps its speed
 * and the panel still shows where it was filmed. The report stands only if the file on disk is
 * still the one that was hashed and stored (same size, inode and modification time, before
 * and after); otherwise, or for any other kind of file, there is no report.
 */
async function inspectLargeMedia(
  path: string,
  stored: { sha256: string; size: number },
  before: FileIdentity,
): Promise<InspectReport | null> {
  let handle;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (info.size !== stored.size || !sameFile(before, info)) return null;
    const src = new FileSource(handle, info.size);
    const detected = await detectSource(src);
    if (!isMedia(detected.type)) return null;
    const report = await inspectMediaSource(src, { detected, sha256: stored.sha256 });
    return sameFile(before, await handle.stat()) ? report : null;
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

async function inspectStored(
  vault: Vault,
  blobId: string,
  key: Buffer,
  size: number,
): Promise<InspectReport | null> {
  if (size > INSPECT_AT_INTAKE_MAX) return null;
  try {
    return await inspectBuffer(
      await readBlobToBuffer(vault.dir, blobId, key, INSPECT_AT_INTAKE_MAX),
    );
  } catch {
    // A file Vigil cannot parse is still evidence: it is kept, just without capture facts.
    return null;
  }
}

const NOT_INSPECTED = "Vigil did not read this file's metadata when it was added.";

/** Why an intake could not list the file's metadata, or null when it could. */
function metadataProblem(report: InspectReport | null, size: number): string | null {
  if (report) return report.readable ? null : (report.unreadableReason ?? NOT_INSPECTED);
  return size > INSPECT_AT_INTAKE_MAX
    ? `The file is larger than ${INSPECT_AT_INTAKE_MAX / 1024 / 1024} MB; Vigil did not read its metadata at intake.`
    : "Vigil could not read this file's metadata.";
}

export interface IntakeInput {
  caseId: string;
  path: string;
  title?: string;
  description?: string;
  /** Provenance: where and from whom the file came. */
  source?: string;
}

/**
 * Takes one file into the vault: one streaming pass hashes and encrypts it
 * into a blob (atomic: temp, fsync, rename), then one transaction records the
 * row and the custody entry. A crash between the two leaves an orphan blob,
 * which `vigil check` reports and `--repair` removes; never a half row.
 */
export async function intakeFile(
  vault: Vault,
  input: IntakeInput,
  options: StreamOptions = {},
): Promise<IntakeResult> {
  // The blob is written before its row: hold the writer lock first, so that no other
  // process's repair can take it for an orphan in between.
  await vault.ensureWriter();
  await assertCase(vault.db, input.caseId);
  const path = resolve(input.path);
  const info = await stat(path).catch((error: unknown) => {
    throw fsError(error, `Cannot read ${input.path}`);
  });
  if (!info.isFile()) throw new VigilError('INVALID_INPUT', `${input.path} is not a regular file.`);

  const written = await writeBlob(
    vault.dir,
    createReadStream(path, { highWaterMark: 1024 * 1024 }),
    options,
  );
  try {
    crashPoint('evidence:blob-stored');
    const detected = detectType(written.head);
    const same = await vault.db.get<{ id: string }>(
      "SELECT id FROM evidence WHERE case_id = ? AND sha256 = ? AND kind = 'original'",
      [input.caseId, written.sha256],
    );
    if (same) {
      await deleteBlob(vault.dir, written.blobId);
      await vault.db.transaction((tx) =>
        vault.record(tx, {
          action: 'evidence.intake-duplicate',
          entityType: 'evidence',
          entityId: same.id,
          detail: { sha256: written.sha256 },
        }),
      );
      return {
        id: same.id,
        sha256: written.sha256,
        size: written.size,
        type: detected.type,
        duplicate: true,
      };
    }
    const report =
      written.size > INSPECT_AT_INTAKE_MAX
        ? await inspectLargeMedia(path, written, info)
        : await inspectStored(vault, written.blobId, written.key, written.size);
    // An office document's kind shows only once its archive is read: the full inspection knows it.
    const type = report ? { type: report.type, mime: report.mime } : detected;
    const id = randomUUID();
    try {
      await vault.db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO evidence (${COLUMNS}) VALUES (?, ?, NULL, 'original', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
          [
            id,
            input.caseId,
            written.blobId,
            written.key,
            written.sha256,
            written.size,
            type.type,
            type.mime,
            basename(path),
            input.title ?? null,
            input.description ?? null,
            input.source ?? null,
            vault.now().toISOString(),
            vault.actor,
            report?.capture.time ?? null,
            report?.capture.latitude ?? null,
            report?.capture.longitude ?? null,
            report?.capture.altitude ?? null,
            report ? JSON.stringify(report.fields) : null,
            metadataProblem(report, written.size),
          ],
        );
        await vault.record(tx, {
          action: 'evidence.intake',
          entityType: 'evidence',
          entityId: id,
          detail: {
            caseId: input.caseId,
            sha256: written.sha256,
            size: written.size,
            type: type.type,
          },
        });
      });
    } catch (error) {
      await deleteBlob(vault.dir, written.blobId);
      throw error;
    }
    return {
      id,
      sha256: written.sha256,
      size: written.size,
      type: type.type,
      duplicate: false,
    };
  } finally {
    settleBlob(written);
  }
}

/**
 * Records evidence that arrived in a partner's bundle, inside the caller's
 * transaction (the bundle import writes the case and its evidence together).
 * The blob was already written; its provenance goes into the custody log.
 */
export async function recordImportedEvidence(
  tx: Queryable,
  vault: Vault,
  input: {
    caseId: string;
    blob: { blobId: string; key: Buffer; sha256: string; size: number };
    type: string;
    mime: string;
    name: string;
    source: string;
    provenance: Record<string, unknown>;
  },
): Promise<string> {
  const id = randomUUID();
  await tx.run(
    `INSERT INTO evidence (${COLUMNS}) VALUES (?, ?, NULL, 'original', ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, ?)`,
    [
      id,
      input.caseId,
      input.blob.blobId,
      input.blob.key,
      input.blob.sha256,
      input.blob.size,
      input.type,
      input.mime,
      input.name,
      input.source,
      vault.now().toISOString(),
      vault.actor,
      NOT_INSPECTED,
    ],
  );
  await vault.record(tx, {
    action: 'evidence.imported',
    entityType: 'evidence',
    entityId: id,
    detail: {
      caseId: input.caseId,
      sha256: input.blob.sha256,
      size: input.blob.size,
      type: input.type,
      ...input.provenance,
    },
  });
  return id;
}

export async function intakeFiles(
  vault: Vault,
  input: Omit<IntakeInput, 'path'> & { paths: string[] },
  options: {
    signal?: AbortSignal;
    onProgress?: (file: number, bytes: number, size: number) => void;
  } = {},
): Promise<IntakeResult[]> {
  const results: IntakeResult[] = [];
  for (const [index, path] of input.paths.entries()) {
    const size = (await stat(path).catch(() => null))?.size ?? 0;
    results.push(
      await intakeFile(
        vault,
        { ...input, path },
        { signal: options.signal, onProgress: (bytes) => options.onProgress?.(index, bytes, size) },
      ),
    );
  }
  return results;
}

/**
 * Where an item's bytes are and how to open them: for the dossier exporter
 * inside the core only (the key never leaves the core).
 */
export async function evidenceBlob(
  vault: Vault,
  id: string,
): Promise<{ blobId: string; key: Buffer; sha256: string; size: number }> {
  const found = await row(vault.db, id);
  return { blobId: found.blob_id, key: found.blob_key, sha256: found.sha256, size: found.size };
}

export async function getEvidence(vault: Vault, id: string): Promise<EvidenceItem> {
  const found = await row(vault.db, id);
  const children = await vault.db.all<{ id: string }>(
    'SELECT id FROM evidence WHERE parent_id = ? ORDER BY intake_at',
    [id],
  );
  return toItem(
    found,
    children.map((c) => c.id),
  );
}

export async function listEvidence(vault: Vault, caseId: string): Promise<EvidenceItem[]> {
  await assertCase(vault.db, caseId);
  const rows = await vault.db.all<EvidenceRow>(
    `SELECT ${COLUMNS} FROM evidence WHERE case_id = ? ORDER BY intake_at, id`,
    [caseId],
  );
  return rows.map((r) =>
    toItem(
      r,
      rows.filter((c) => c.parent_id === r.id).map((c) => c.id),
    ),
  );
}

/** The custody log of one item: its entries in the hash-chained audit log, oldest first. */
export async function custodyLog(vault: Vault, id: string): Promise<CustodyEntry[]> {
  await row(vault.db, id);
  const rows = await vault.db.all<{
    seq: number;
    at: string;
    actor: string;
    action: string;
    detail: string;
    hash: string;
  }>(
    "SELECT seq, at, actor, action, detail, hash FROM audit_log WHERE entity_type = 'evidence' AND entity_id = ? ORDER BY seq",
    [id],
  );
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

/** Decrypts an item into memory (for a preview) and records the view in its custody log. */
export async function viewEvidence(
  vault: Vault,
  id: string,
  maxBytes = STRIP_MAX,
): Promise<{ item: EvidenceItem; bytes: Buffer }> {
  const found = await row(vault.db, id);
  const bytes = await readBlobToBuffer(vault.dir, found.blob_id, found.blob_key, maxBytes);
  await vault.db.transaction((tx) =>
    vault.record(tx, {
      action: 'evidence.view',
      entityType: 'evidence',
      entityId: id,
      detail: { sha256: found.sha256 },
    }),
  );
  return { item: await getEvidence(vault, id), bytes };
}

/**
 * Makes (or returns) the stripped working copy of an original: decrypted in
 * memory, stripped by the allow-list stripper, re-inspected, and stored as a
 * blob of its own linked to the original, which is never modified.
 */
export async function stripEvidence(
  vault: Vault,
  id: string,
  options: StreamOptions & { acceptChanges?: boolean } = {},
): Promise<EvidenceItem> {
  await vault.ensureWriter();
  const original = await row(vault.db, id);
  if (original.kind !== 'original')
    throw new VigilError(
      'INVALID_INPUT',
      'Only an original can be stripped; this item is already a working copy.',
    );
  const existing = await vault.db.get<{ id: string }>(
    "SELECT id FROM evidence WHERE parent_id = ? AND kind = 'stripped'",
    [id],
  );
  if (existing) return getEvidence(vault, existing.id);
  let stripped = await stripMediaBlob(vault, original, options);
  if (!stripped) {
    if (original.size > STRIP_MAX) {
      throw new VigilError(
        'UNSUPPORTED',
        `This file is larger than ${STRIP_MAX / 1024 / 1024} MB; Vigil cannot strip it in the vault.`,
      );
    }
    const bytes = await readBlobToBuffer(vault.dir, original.blob_id, original.blob_key, STRIP_MAX);
    // One digest per side: the original's was taken at intake (and its blob is authenticated as
    // it is decrypted), the copy's is taken by the blob writer as it encrypts it.
    const { output, report: bufferReport } = await stripBuffer(
      bytes,
      { acceptChanges: options.acceptChanges },
      { inputSha256: original.sha256, outputHashedByWriter: true },
    );
    wipe(bytes);
    const written = await writeBlob(vault.dir, [output]);
    stripped = { written, report: { ...bufferReport, outputSha256: written.sha256 } };
  }
  const { written, report } = stripped;
  const derivativeId = randomUUID();
  try {
    await vault.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO evidence (${COLUMNS}) VALUES (?, ?, ?, 'stripped', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, NULL)`,
        [
          derivativeId,
          original.case_id,
          id,
          written.blobId,
          written.key,
          written.sha256,
          written.size,
          original.media_type,
          original.mime,
          original.original_name,
          original.title,
          original.description,
          original.source,
          vault.now().toISOString(),
          vault.actor,
          JSON.stringify([]),
          JSON.stringify({ removed: report.removed, kept: report.kept }),
        ],
      );
      const detail = {
        originalSha256: original.sha256,
        sha256: written.sha256,
        removed: report.removed.length,
        kept: report.kept.length,
        ...(options.acceptChanges ? { acceptedChanges: true } : {}),
      };
      await vault.record(tx, {
        action: 'evidence.derive',
        entityType: 'evidence',
        entityId: id,
        detail: { ...detail, derivativeId },
      });
      await vault.record(tx, {
        action: 'evidence.derived-from',
        entityType: 'evidence',
        entityId: derivativeId,
        detail: { ...detail, parentId: id },
      });
    });
  } catch (error) {
    await deleteBlob(vault.dir, written.blobId);
    throw error;
  } finally {
    settleBlob(written);
  }
  return getEvidence(vault, derivativeId);
}

/**
 * Audio and video, streamed from blob to blob: the original is decrypted in
 * chunks as the parsers and the copy need it (never whole, never to disk),
 * the working copy is encrypted as it is produced, then decrypted again and
 * checked by the format's own walker before it is recorded. Undefined when
 * the original is not audio or video.
 */
async function stripMediaBlob(
  vault: Vault,
  original: EvidenceRow,
  options: StreamOptions,
): Promise<{ written: Awaited<ReturnType<typeof writeBlob>>; report: StripReport } | undefined> {
  const src = new BlobSource(vault.dir, original.blob_id, original.blob_key, original.size, {
    signal: options.signal,
  });
  try {
    if (!isMedia((await detectSource(src)).type)) return undefined;
    const prepared = await prepareMediaStrip(src, { sha256: original.sha256 });
    const copies: CopyExtent[] = [];
    const written = await writeBlob(
      vault.dir,
      runPlan(prepared.plan, src, { ...options, copies }),
      {
        signal: options.signal,
      },
    );
    const out = new BlobSource(vault.dir, written.blobId, written.key, written.size);
    try {
      return {
        written,
        report: await checkMediaOutput(prepared, out, written.sha256, { input: src, copies }),
      };
    } catch (error) {
      await deleteBlob(vault.dir, written.blobId);
      settleBlob(written);
      throw error;
    } finally {
      await out.close();
    }
  } finally {
    await src.close();
  }
}

/**
 * Writes an item to a file: the stripped working copy by default (made now
 * if there is none yet), the original only when asked. Every chunk is
 * authenticated before it is written and the whole is re-hashed; on any
 * failure the partial file is removed, so there is a verified output or none.
 */
export async function exportEvidence(
  vault: Vault,
  id: string,
  input: { out: string; original?: boolean; force?: boolean; acceptChanges?: boolean },
  options: StreamOptions = {},
): Promise<{ id: string; kind: EvidenceKind; out: string; sha256: string; size: number }> {
  let item = await row(vault.db, id);
  if (!input.original && item.kind === 'original') {
    try {
      item = await row(
        vault.db,
        (await stripEvidence(vault, id, { acceptChanges: input.acceptChanges })).id,
      );
    } catch (error) {
      if (error instanceof VigilError && error.code === 'UNSUPPORTED') {
        throw new VigilError(
          'UNSUPPORTED',
          `${error.message} No working copy can be made, so nothing was exported; use --original to export the original, which keeps all its metadata.`,
        );
      }
      throw error;
    }
  } else if (input.original && item.kind !== 'original' && item.parent_id) {
    item = await row(vault.db, item.parent_id);
  }
  const out = resolve(input.out);
  if (
    !input.force &&
    (await lstat(out).then(
      () => true,
      () => false,
    ))
  ) {
    throw new VigilError(
      'CONFLICT',
      `${out} already exists; choose another name or allow overwriting.`,
    );
  }
  const source = item;
  await writeOutgoing(
    vault,
    {
      kind: 'evidence-file',
      target: out,
      audit: {
        action: 'evidence.export',
        entityType: 'evidence',
        entityId: source.id,
        detail: { sha256: source.sha256, size: source.size, kind: source.kind },
      },
    },
    async ({ temp, created }) => {
      const hash = createHash('sha256');
      let size = 0;
      try {
        const handle = await open(temp, 'wx', 0o600);
        const behind = new WriteBehind(handle);
        try {
          await created();
          for await (const chunk of readBlob(vault.dir, source.blob_id, source.blob_key, options)) {
            hash.update(chunk);
            size += chunk.length;
            await handle.write(chunk);
            behind.wrote(chunk.length);
          }
          await behind.settle();
          await handle.sync();
        } finally {
          await behind.drain();
          await handle.close();
        }
        const digest = hash.digest('hex');
        if (digest !== source.sha256 || size !== source.size) {
          throw new VigilError(
            'INTEGRITY_FAILED',
            `Evidence ${source.id} decrypted to different bytes than were recorded at intake; nothing was exported.`,
          );
        }
        if (input.force) await rename(temp, out);
        else {
          await link(temp, out);
          await unlink(temp);
        }
        await fsyncDir(dirname(out));
      } catch (error) {
        throw error instanceof VigilError ? error : fsError(error, `Cannot write ${out}`);
      }
    },
  );
  return { id: item.id, kind: item.kind, out, sha256: item.sha256, size: item.size };
}

/** Decrypts and re-hashes one item, recording the result in its custody log. */
export async function verifyEvidence(
  vault: Vault,
  id: string,
): Promise<{ id: string; ok: boolean; problem: string | null; code: IntegrityProblem | null }> {
  const found = await row(vault.db, id);
  const problem = await checkBlob(vault.dir, found.blob_id, found.blob_key, {
    sha256: found.sha256,
    size: found.size,
  });
  await vault.db.transaction((tx) =>
    vault.record(tx, {
      action: 'evidence.verify',
      entityType: 'evidence',
      entityId: id,
      detail: { sha256: found.sha256, ok: problem === null },
    }),
  );
  return { id, ok: problem === null, problem: problem?.text ?? null, code: problem?.code ?? null };
}

/**
 * Moves an item and its working copies to the trash: they leave every list
 * and export, their blobs stay encrypted on disk until the trash is emptied
 * (then their keys are destroyed: crypto-erasure). `vigil trash restore` brings
 * them back.
 */
export async function deleteEvidence(
  vault: Vault,
  id: string,
): Promise<{ deleted: string[]; trash: string }> {
  await vault.ensureWriter();
  const found = await row(vault.db, id);
  return vault.db.transaction((tx) =>
    moveEvidenceToTrashTx(tx, vault, { id: found.id, sha256: found.sha256 }),
  );
}

/**
 * Moves one item and its working copies into one trash entry, in the
 * caller's transaction, with a custody entry for each (`evidence.delete`).
 */
export async function moveEvidenceToTrashTx(
  tx: Queryable,
  vault: Vault,
  item: { id: string; sha256: string },
  detail: Record<string, unknown> = {},
): Promise<{ deleted: string[]; trash: string }> {
  const children = await tx.all<{ id: string }>('SELECT id FROM evidence WHERE parent_id = ?', [
    item.id,
  ]);
  const moved = await moveToTrashTx(
    { tx, vault, now: vault.now().toISOString() },
    'evidence',
    item.id,
  );
  for (const child of children)
    await vault.record(tx, {
      action: 'evidence.delete',
      entityType: 'evidence',
      entityId: child.id,
      detail: { trash: moved.id },
    });
  await vault.record(tx, {
    action: 'evidence.delete',
    entityType: 'evidence',
    entityId: item.id,
    detail: { sha256: item.sha256, trash: moved.id, ...detail },
  });
  return { deleted: [...children.map((c) => c.id), item.id], trash: moved.id };
}

/**
 * Corrects the words around an item (title, description, provenance), for
 * the item and its working copies, which carry the same words. The file, its
 * hash and its metadata stay. Checked by the shared schema, under the writer
 * lock, in one transaction with its custody entry (`evidence.update`, naming
 * the fields changed). Returns the item as stored.
 */
export async function updateEvidence(
  vault: Vault,
  id: string,
  patch: EvidenceEditInput,
  options: { onChange?: (fields: readonly string[]) => void } = {},
): Promise<EvidenceItem> {
  const changes = parseInput(evidenceEditSchema, patch, 'evidence update');
  await vault.ensureWriter();
  const fields = await vault.db.transaction(async (tx) => {
    const found = await row(tx, id);
    if (found.parent_id)
      throw new VigilError(
        'INVALID_INPUT',
        `Evidence ${id} is a working copy of ${found.parent_id}; edit the original, and its copies follow.`,
      );
    // An empty text is no text: stored as null, as intake stores an absent one.
    const value = (f: (typeof EVIDENCE_EDIT_FIELDS)[number]) => changes[f] || null;
    const changed = EVIDENCE_EDIT_FIELDS.filter((f) => f in changes && value(f) !== found[f]);
    if (changed.length === 0) return changed;
    const sets = changed.map((f) => `${f} = ?`).join(', ');
    const values = changed.map(value);
    await tx.run(`UPDATE evidence SET ${sets} WHERE id = ? OR parent_id = ?`, [...values, id, id]);
    await vault.record(tx, {
      action: 'evidence.update',
      entityType: 'evidence',
      entityId: id,
      detail: { fields: changed },
    });
    return changed;
  });
  options.onChange?.(fields);
  return getEvidence(vault, id);
}
