import { createHash } from 'node:crypto';
import {
  consentChange,
  type ConsentChange,
  type ConsentRecord,
} from '../../../shared/domain/consent';
import { VigilError } from '../errors';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import type { WriteContext } from './context';
import { checkId } from './validate';

// Every version of a testimony and of a person (whose consent record is part
// of them): who changed which fields, when, and the whole record as it was
// then. Versions are only ever added: an edit, a consent change, the restore
// of an earlier version each add one. A sealed version (Martus-style) is
// marked with the SHA-256 of its content and never changes; the testimony
// can still be corrected, as a new version beside it.

export const VERSIONED_KINDS = ['testimony', 'person'] as const;
export type VersionedKind = (typeof VERSIONED_KINDS)[number];

export interface VersionSummary {
  version: number;
  /** The fields this version changed (every field given, for the first). */
  fields: string[];
  actor: string;
  createdAt: string;
  /** Set when the version was sealed: the SHA-256 of its content, and when. */
  sealed: { sha256: string; at: string; by: string } | null;
}

export interface Version<R> extends VersionSummary {
  record: R;
}

interface VersionRow {
  version: number;
  data: string;
  fields: string;
  actor: string;
  created_at: string;
  sealed_sha256: string | null;
  sealed_at: string | null;
  sealed_by: string | null;
}

/** The content a seal covers: the record without its stamps, keys in a stable order. */
export function sealDigest(record: Record<string, unknown>): string {
  const { createdAt: _c, updatedAt: _u, ...content } = record;
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(content)))
    .digest('hex');
}

async function lastVersion(q: Queryable, kind: VersionedKind, id: string): Promise<number> {
  const row = await q.get<{ n: number | null }>(
    'SELECT max(version) AS n FROM record_versions WHERE kind = ? AND record_id = ?',
    [kind, id],
  );
  return row?.n ?? 0;
}

async function insertVersion(
  q: Queryable,
  kind: VersionedKind,
  record: { id: string },
  version: number,
  fields: readonly string[],
  actor: string,
  at: string,
): Promise<void> {
  await q.run(
    `INSERT INTO record_versions (kind, record_id, version, data, fields, actor, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [kind, record.id, version, JSON.stringify(record), JSON.stringify(fields), actor, at],
  );
}

/**
 * Adds the version a write made, in its transaction. A record stored before
 * versions were kept gets its earlier state as version 1 first (`before`).
 */
export async function addVersionTx(
  ctx: WriteContext,
  kind: VersionedKind,
  record: { id: string; updatedAt?: string },
  fields: readonly string[],
  before?: { id: string; updatedAt?: string },
): Promise<number> {
  let last = await lastVersion(ctx.tx, kind, record.id);
  if (last === 0 && before) {
    await insertVersion(ctx.tx, kind, before, 1, [], 'unknown', before.updatedAt ?? ctx.now);
    last = 1;
  }
  await insertVersion(ctx.tx, kind, record, last + 1, fields, ctx.vault.actor, ctx.now);
  return last + 1;
}

function summaryOf(row: VersionRow): VersionSummary {
  return {
    version: row.version,
    fields: JSON.parse(row.fields) as string[],
    actor: row.actor,
    createdAt: row.created_at,
    sealed:
      row.sealed_sha256 && row.sealed_at && row.sealed_by
        ? { sha256: row.sealed_sha256, at: row.sealed_at, by: row.sealed_by }
        : null,
  };
}

/** Every version of a record, oldest first (none for a record never changed since versions were kept). */
export async function listVersions(
  vault: Vault,
  kind: VersionedKind,
  id: string,
): Promise<VersionSummary[]> {
  const rows = await vault.db.all<VersionRow>(
    'SELECT * FROM record_versions WHERE kind = ? AND record_id = ? ORDER BY version',
    [kind, checkId(id, kind)],
  );
  return rows.map(summaryOf);
}

/** One version of a record, whole. */
export async function getVersion<R>(
  vault: Vault,
  kind: VersionedKind,
  id: string,
  version: number,
): Promise<Version<R>> {
  const row = await vault.db.get<VersionRow>(
    'SELECT * FROM record_versions WHERE kind = ? AND record_id = ? AND version = ?',
    [kind, checkId(id, kind), version],
  );
  if (!row)
    throw new VigilError(
      'NOT_FOUND',
      `The ${kind} ${id} has no version ${version} (see vigil ${kind} versions ${id}).`,
    );
  return { ...summaryOf(row), record: JSON.parse(row.data) as R };
}

/**
 * The patch that makes version `n` current again: its values of the record's
 * own fields (not its id or stamps). The caller applies it as an edit, so the
 * restore passes the same checks as any change and is a version of its own.
 */
export async function versionPatch(
  vault: Vault,
  kind: VersionedKind,
  id: string,
  n: number,
  fields: readonly string[],
): Promise<Record<string, unknown>> {
  if (!Number.isSafeInteger(n) || n < 1)
    throw new VigilError(
      'INVALID_INPUT',
      `The version is a whole number from 1, not ${String(n)}.`,
    );
  const version = await getVersion<Record<string, unknown>>(vault, kind, id, n);
  return Object.fromEntries(
    fields.filter((f) => f in version.record).map((f) => [f, version.record[f]]),
  );
}

/** Marks the latest version sealed, with the digest of its content. Returns it. */
export async function sealLatestTx(
  ctx: WriteContext,
  kind: VersionedKind,
  record: { id: string; updatedAt?: string } & Record<string, unknown>,
): Promise<VersionSummary> {
  let last = await lastVersion(ctx.tx, kind, record.id);
  if (last === 0) {
    await insertVersion(ctx.tx, kind, record, 1, [], ctx.vault.actor, record.updatedAt ?? ctx.now);
    last = 1;
  }
  const row = await ctx.tx.get<VersionRow>(
    'SELECT * FROM record_versions WHERE kind = ? AND record_id = ? AND version = ?',
    [kind, record.id, last],
  );
  if (row?.sealed_sha256)
    throw new VigilError(
      'CONFLICT',
      `Version ${last} of this ${kind} is already sealed (SHA-256 ${row.sealed_sha256}).`,
    );
  const sha256 = sealDigest(JSON.parse(row!.data) as Record<string, unknown>);
  await ctx.tx.run(
    `UPDATE record_versions SET sealed_sha256 = ?, sealed_at = ?, sealed_by = ?
     WHERE kind = ? AND record_id = ? AND version = ?`,
    [sha256, ctx.now, ctx.vault.actor, kind, record.id, last],
  );
  return summaryOf({
    ...row!,
    sealed_sha256: sha256,
    sealed_at: ctx.now,
    sealed_by: ctx.vault.actor,
  });
}

/** One change of a consent record, as its history shows it. */
export interface ConsentHistoryEntry {
  version: number;
  change: ConsentChange | 'recorded';
  /** The day it took effect: the day withdrawn for a withdrawal, else the day given (if known). */
  on: string | null;
  actor: string;
  recordedAt: string;
  consent: ConsentRecord | null;
}

/**
 * The history of a record's consent, from its versions: every version whose
 * consent differs from the one before, classified (granted, widened,
 * narrowed, withdrawn, changed) and dated. The first version's consent is
 * `recorded` when it lets nothing out, else `granted`.
 */
export async function consentHistory(
  vault: Vault,
  kind: VersionedKind,
  id: string,
): Promise<ConsentHistoryEntry[]> {
  const rows = await vault.db.all<VersionRow>(
    'SELECT * FROM record_versions WHERE kind = ? AND record_id = ? ORDER BY version',
    [kind, checkId(id, kind)],
  );
  const entries: ConsentHistoryEntry[] = [];
  let previous: ConsentRecord | null | undefined;
  for (const row of rows) {
    const consent = (JSON.parse(row.data) as { consent?: ConsentRecord | null }).consent ?? null;
    const change =
      previous === undefined
        ? consentChange(null, consent) === 'granted'
          ? 'granted'
          : 'recorded'
        : consentChange(previous, consent);
    previous = consent;
    if (!change) continue;
    entries.push({
      version: row.version,
      change,
      on: change === 'withdrawn' ? (consent?.withdrawnOn ?? null) : (consent?.givenOn ?? null),
      actor: row.actor,
      recordedAt: row.created_at,
      consent,
    });
  }
  return entries;
}
