import { randomUUID } from 'node:crypto';
import { TRASH_KINDS, type TrashKind } from '../../../shared/domain/trash';
import { VigilError } from '../errors';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { writeTransaction, type WriteContext } from './context';
import { checkId, notFound } from './validate';
import { openingWords } from './openingWords';

// The trash. Deleting a record moves its rows, and the rows that go with it,
// into one trash entry in the same transaction: nothing is lost by a
// mistaken delete, and since the rows leave their tables, search, lists,
// counts, timelines and exports never see a trashed record (the search index
// and the counts follow the tables by trigger). Restoring puts the rows back
// as they were; emptying destroys them, and the evidence blobs' keys with them
// (electron/core/evidence/trash.ts).
//
// Restore conflicts, decided here:
// - the record's id is in use again (restored already, or imported): refused;
// - a record it needs is in the trash itself (the case of an event, the
//   witness of a testimony, a victim): refused, naming that entry, so the
//   user restores it first; nothing is restored half;
// - a record it needs was destroyed (the trash was emptied): a link to it is
//   dropped (a victim, a linked event) or cleared (a witness, a source's
//   person), and the restore says what was dropped; a record whose case was
//   destroyed cannot come back;
// - a case whose reference was taken meanwhile comes back under the next
//   free reference, and says so.

export { TRASH_KINDS, type TrashKind };

/** One set of rows that goes with a record, selected by its id. */
interface Part {
  table: string;
  /** WHERE clause; every `?` is bound to the record's id. */
  where: string;
  /**
   * Rows of other records that point at this one through a reference that
   * deleting clears (ON DELETE SET NULL): they stay, and a restore points
   * them back. `key` names the row, `column` the reference.
   */
  relink?: { column: string; key: readonly string[] };
}

const EVENTS_OF_CASE = '(SELECT id FROM events WHERE case_id = ?)';

/** The rows of each kind of record, in the order they are put back (parents first). */
const PARTS: Record<TrashKind, readonly Part[]> = {
  case: [
    { table: 'cases', where: 'id = ?' },
    // Where the case came from and its partner's terms (migration 11): without them a restored
    // partner case would no longer be recognised, and its records would use unknown terms.
    { table: 'record_origins', where: 'case_id = ?' },
    { table: 'case_vocab_terms', where: 'case_id = ?' },
    { table: 'case_persons', where: 'case_id = ?' },
    { table: 'events', where: 'case_id = ?' },
    { table: 'event_victims', where: `event_id IN ${EVENTS_OF_CASE}` },
    { table: 'event_perpetrators', where: `event_id IN ${EVENTS_OF_CASE}` },
    { table: 'event_links', where: `event_id IN ${EVENTS_OF_CASE}` },
    { table: 'testimonies', where: 'case_id = ?' },
    {
      table: 'record_versions',
      where: "kind = 'testimony' AND record_id IN (SELECT id FROM testimonies WHERE case_id = ?)",
    },
    { table: 'event_sources', where: `event_id IN ${EVENTS_OF_CASE}` },
    { table: 'interventions', where: 'case_id = ?' },
    {
      table: 'intervention_states',
      where: 'intervention_id IN (SELECT id FROM interventions WHERE case_id = ?)',
    },
    { table: 'submissions', where: 'case_id = ?' },
    { table: 'releases', where: 'case_id = ?' },
    { table: 'evidence', where: 'case_id = ? AND parent_id IS NULL' },
    { table: 'evidence', where: 'case_id = ? AND parent_id IS NOT NULL' },
  ],
  person: [
    { table: 'persons', where: 'id = ?' },
    { table: 'record_versions', where: "kind = 'person' AND record_id = ?" },
    { table: 'case_persons', where: 'person_id = ?' },
    { table: 'event_victims', where: 'person_id = ?' },
    { table: 'event_perpetrators', where: 'person_id = ?' },
    {
      table: 'event_sources',
      where: 'person_id = ?',
      relink: { column: 'person_id', key: ['event_id', 'position'] },
    },
    {
      table: 'testimonies',
      where: 'witness_id = ?',
      relink: { column: 'witness_id', key: ['id'] },
    },
  ],
  event: [
    { table: 'events', where: 'id = ?' },
    { table: 'event_victims', where: 'event_id = ?' },
    { table: 'event_perpetrators', where: 'event_id = ?' },
    { table: 'event_links', where: 'event_id = ? OR linked_event_id = ?' },
    { table: 'event_sources', where: 'event_id = ?' },
  ],
  testimony: [
    { table: 'testimonies', where: 'id = ?' },
    { table: 'record_versions', where: "kind = 'testimony' AND record_id = ?" },
    {
      table: 'event_sources',
      where: 'testimony_id = ?',
      relink: { column: 'testimony_id', key: ['event_id', 'position'] },
    },
  ],
  intervention: [
    { table: 'interventions', where: 'id = ?' },
    { table: 'intervention_states', where: 'intervention_id = ?' },
  ],
  evidence: [
    { table: 'evidence', where: 'id = ?' },
    { table: 'evidence', where: 'parent_id = ?' },
  ],
};

/** What each column that names another record refers to, and whether it may be cleared. */
const REFERENCES: Record<
  string,
  Record<string, { table: string; kind: TrashKind; clear?: true }>
> = {
  case_persons: {
    case_id: { table: 'cases', kind: 'case' },
    person_id: { table: 'persons', kind: 'person' },
  },
  events: { case_id: { table: 'cases', kind: 'case' } },
  event_victims: {
    event_id: { table: 'events', kind: 'event' },
    person_id: { table: 'persons', kind: 'person' },
  },
  event_perpetrators: {
    event_id: { table: 'events', kind: 'event' },
    person_id: { table: 'persons', kind: 'person' },
  },
  event_links: {
    event_id: { table: 'events', kind: 'event' },
    linked_event_id: { table: 'events', kind: 'event' },
  },
  event_sources: {
    event_id: { table: 'events', kind: 'event' },
    person_id: { table: 'persons', kind: 'person', clear: true },
    testimony_id: { table: 'testimonies', kind: 'testimony', clear: true },
  },
  testimonies: {
    case_id: { table: 'cases', kind: 'case' },
    witness_id: { table: 'persons', kind: 'person', clear: true },
  },
  interventions: { case_id: { table: 'cases', kind: 'case' } },
  intervention_states: { intervention_id: { table: 'interventions', kind: 'intervention' } },
  submissions: { case_id: { table: 'cases', kind: 'case' } },
  releases: { case_id: { table: 'cases', kind: 'case' } },
  evidence: {
    case_id: { table: 'cases', kind: 'case' },
    parent_id: { table: 'evidence', kind: 'evidence' },
  },
};

const MAIN_TABLE: Record<TrashKind, string> = {
  case: 'cases',
  person: 'persons',
  event: 'events',
  testimony: 'testimonies',
  intervention: 'interventions',
  evidence: 'evidence',
};

type Row = Record<string, unknown>;
interface SavedRow {
  table: string;
  row: Row;
  relink?: { column: string; key: readonly string[] };
}

/** One entry of the trash, as listed (without its rows). */
export interface TrashEntry {
  id: string;
  kind: TrashKind;
  recordId: string;
  caseId: string | null;
  label: string;
  deletedAt: string;
  deletedBy: string;
  /** How many rows it holds (the record and what goes with it). */
  rows: number;
  /** Evidence files it keeps (encrypted) until the trash is emptied. */
  blobs: number;
}

/** What a restore did. */
export interface RestoreResult {
  entry: TrashEntry;
  /** A case restored under a new reference, because its own was taken meanwhile. */
  referenceChanged?: { from: string; to: string };
  /** Links to records that no longer exist (the trash was emptied), left out. */
  dropped: string[];
  /**
   * Links to records that are in the trash themselves (a person's role in a
   * trashed case, a victim of an event that went with its case): kept in
   * that record's entry, they come back when it is restored. One per entry.
   */
  waiting: { entry: string; kind: TrashKind; label: string }[];
}

// Buffers (evidence keys) survive JSON as base64.
const encode = (row: Row): Row =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      Buffer.isBuffer(v) || v instanceof Uint8Array
        ? { $base64: Buffer.from(v).toString('base64') }
        : v,
    ]),
  );
const decode = (row: Row): Row =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      v && typeof v === 'object' && '$base64' in v
        ? Buffer.from(String((v as { $base64: string }).$base64), 'base64')
        : v,
    ]),
  );

const binds = (where: string, id: string) => Array.from(where.matchAll(/\?/g), () => id);

/**
 * What the trash shows and `vigil trash list` prints. Events and interventions
 * start with their type's term id, then their day: the UI names both in the
 * user's language (shared/domain/trash.ts trashLabelParts reads this order).
 */
function labelOf(kind: TrashKind, row: Row): string {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (kind) {
    case 'case':
      return `${s(row.reference)} ${s(row.title)}`.trim();
    case 'person':
      return s(row.name);
    case 'event':
      return [s(row.event_type), s(row.start_date), s(row.title)].filter(Boolean).join(' ');
    case 'testimony': {
      // Its first words tell apart two undated testimonies of anonymous witnesses.
      const opening = openingWords(s(row.statement));
      const taken = s(row.taken_on) === 'unknown' ? '' : s(row.taken_on);
      return [taken, s(row.witness_description), opening].filter(Boolean).join(' ');
    }
    case 'intervention':
      return [s(row.intervention_type), s(row.sent_on), s(row.recipient)].filter(Boolean).join(' ');
    case 'evidence':
      return s(row.title) || s(row.original_name) || s(row.sha256);
  }
}

/**
 * Moves a record, and what goes with it, into the trash, in the caller's
 * transaction. Returns the new entry's id. The caller audits.
 */
export async function moveToTrashTx(
  ctx: Pick<WriteContext, 'tx' | 'vault' | 'now'>,
  kind: TrashKind,
  id: string,
): Promise<TrashEntry> {
  const recordId = checkId(id, kind);
  const saved: SavedRow[] = [];
  for (const part of PARTS[kind]) {
    const rows = await ctx.tx.all<Row>(
      `SELECT * FROM ${part.table} WHERE ${part.where}`,
      binds(part.where, recordId),
    );
    for (const row of rows)
      saved.push({
        table: part.table,
        row: encode(row),
        ...(part.relink ? { relink: part.relink } : {}),
      });
  }
  const main = saved[0];
  if (!main || main.table !== MAIN_TABLE[kind] || main.row.id !== recordId)
    throw notFound(kind, recordId);
  // Children before parents; rows that only point here stay (SET NULL clears them).
  for (const part of [...PARTS[kind]].reverse())
    if (!part.relink)
      await ctx.tx.run(
        `DELETE FROM ${part.table} WHERE ${part.where}`,
        binds(part.where, recordId),
      );
  const blobIds = [
    ...new Set(saved.filter((s) => s.table === 'evidence').map((s) => String(s.row.blob_id))),
  ];
  const entry: TrashEntry = {
    id: randomUUID(),
    kind,
    recordId,
    caseId:
      kind === 'case' ? recordId : typeof main.row.case_id === 'string' ? main.row.case_id : null,
    label: labelOf(kind, main.row),
    deletedAt: ctx.now,
    deletedBy: ctx.vault.actor,
    rows: saved.filter((s) => !s.relink).length,
    blobs: blobIds.length,
  };
  await ctx.tx.run(
    `INSERT INTO trash (id, kind, record_id, case_id, label, deleted_at, deleted_by, rows, blob_ids)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      entry.id,
      kind,
      recordId,
      entry.caseId,
      entry.label,
      entry.deletedAt,
      entry.deletedBy,
      JSON.stringify(saved),
      JSON.stringify(blobIds),
    ],
  );
  return entry;
}

interface TrashRow {
  id: string;
  kind: TrashKind;
  record_id: string;
  case_id: string | null;
  label: string;
  deleted_at: string;
  deleted_by: string;
  rows: string;
  blob_ids: string;
}

function entryOf(row: TrashRow): TrashEntry {
  const saved = JSON.parse(row.rows) as SavedRow[];
  return {
    id: row.id,
    kind: row.kind,
    recordId: row.record_id,
    caseId: row.case_id,
    label: row.label,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
    rows: saved.filter((s) => !s.relink).length,
    blobs: (JSON.parse(row.blob_ids) as string[]).length,
  };
}

/** The trash, most recently deleted first. */
export async function listTrash(
  vault: Vault,
  query: { kind?: TrashKind; caseId?: string } = {},
): Promise<TrashEntry[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (query.kind) {
    where.push('kind = ?');
    params.push(query.kind);
  }
  if (query.caseId) {
    where.push('case_id = ?');
    params.push(query.caseId);
  }
  const rows = await vault.db.all<TrashRow>(
    `SELECT * FROM trash ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY deleted_at DESC, rowid DESC`,
    params,
  );
  return rows.map(entryOf);
}

/** The entry `id` names: a trash entry's id, or the id of the record deleted (its latest entry). */
async function findEntry(q: Queryable, id: string): Promise<TrashRow> {
  const key = checkId(id, 'trash entry').toLowerCase();
  const row = await q.get<TrashRow>(
    'SELECT * FROM trash WHERE id = ? OR record_id = ? ORDER BY id = ? DESC, deleted_at DESC LIMIT 1',
    [key, key, key],
  );
  if (!row)
    throw new VigilError(
      'NOT_FOUND',
      `There is nothing in the trash with the id ${key} (see vigil trash list).`,
    );
  return row;
}

async function exists(q: Queryable, table: string, id: string): Promise<boolean> {
  return Boolean(await q.get(`SELECT 1 AS x FROM ${table} WHERE id = ?`, [id]));
}

/**
 * The trash entry that holds a row of `table` with these key values: the
 * entry of the record itself, or of the record it went with (an event that
 * went with its case is in the case's entry).
 */
async function holderOf(
  q: Queryable,
  table: string,
  key: Record<string, string | number>,
  restoring: string,
): Promise<TrashRow | undefined> {
  const columns = Object.keys(key);
  const matches = columns.map(() => `json_extract(saved.value, ?) = ?`).join(' AND ');
  return q.get<TrashRow>(
    `SELECT * FROM trash WHERE id <> ? AND EXISTS (
       SELECT 1 FROM json_each(trash.rows) AS saved
       WHERE json_extract(saved.value, '$.table') = ?
         AND json_extract(saved.value, '$.relink') IS NULL AND ${matches})
     ORDER BY deleted_at DESC, rowid DESC LIMIT 1`,
    [restoring, table, ...columns.flatMap((c) => [`$.row.${c}`, key[c]!])],
  );
}

/** Adds a row to a trash entry, to come back (last) when that entry is restored. */
async function parkIn(q: Queryable, holder: TrashRow, saved: SavedRow): Promise<void> {
  const rows = JSON.parse(holder.rows) as SavedRow[];
  rows.push({ ...saved, row: encode(saved.row) });
  holder.rows = JSON.stringify(rows);
  await q.run('UPDATE trash SET rows = ? WHERE id = ?', [holder.rows, holder.id]);
}

function noteWaiting(result: RestoreResult, holder: TrashRow): void {
  if (!result.waiting.some((w) => w.entry === holder.id))
    result.waiting.push({ entry: holder.id, kind: holder.kind, label: holder.label });
}

async function insertRow(q: Queryable, table: string, row: Row): Promise<void> {
  const columns = Object.keys(row);
  await q.run(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    columns.map((c) => row[c] as string | number | Buffer | null),
  );
}

/**
 * Points a row that referred to the record back at it, or brings a source
 * back. A row that is in the trash itself (a testimony or an event that went
 * with its case) is pointed back there, so it returns linked.
 */
async function relinkRow(q: Queryable, saved: SavedRow, result: RestoreResult): Promise<void> {
  const { column, key } = saved.relink!;
  const where = key.map((k) => `${k} = ?`).join(' AND ');
  const keyValues = key.map((k) => saved.row[k] as string | number);
  const done = await q.run(
    `UPDATE ${saved.table} SET ${column} = ? WHERE ${where} AND ${column} IS NULL`,
    [saved.row[column] as string, ...keyValues],
  );
  if (done.changes > 0) return;
  if (await relinkInTrash(q, saved, result)) return;
  if (saved.table !== 'event_sources') return;
  // The source went when it was left empty, or its place was taken: add it at the end.
  const eventId = String(saved.row.event_id);
  if (!(await exists(q, 'events', eventId))) {
    const holder = await holderOf(q, 'events', { id: eventId }, result.entry.id);
    if (holder) {
      await parkIn(q, holder, saved);
      noteWaiting(result, holder);
    } else result.dropped.push(`a source of event ${eventId}`);
    return;
  }
  const taken = await q.get(
    'SELECT 1 AS x FROM event_sources WHERE event_id = ? AND position = ?',
    [eventId, saved.row.position as number],
  );
  if (!taken) {
    await insertRow(q, 'event_sources', saved.row);
    return;
  }
  const last = await q.get<{ n: number | null }>(
    'SELECT max(position) AS n FROM event_sources WHERE event_id = ?',
    [eventId],
  );
  await insertRow(q, 'event_sources', { ...saved.row, position: (last?.n ?? -1) + 1 });
}

/** Sets the reference in the trashed copy of the row, if the row is in the trash and it is unset. */
async function relinkInTrash(
  q: Queryable,
  saved: SavedRow,
  result: RestoreResult,
): Promise<boolean> {
  const { column, key } = saved.relink!;
  const keyOf = Object.fromEntries(key.map((k) => [k, saved.row[k] as string | number]));
  const holder = await holderOf(q, saved.table, keyOf, result.entry.id);
  if (!holder) return false;
  const rows = JSON.parse(holder.rows) as SavedRow[];
  const target = rows.find(
    (r) => r.table === saved.table && !r.relink && key.every((k) => r.row[k] === keyOf[k]),
  );
  if (!target || (target.row[column] ?? null) !== null) return false;
  target.row[column] = saved.row[column];
  holder.rows = JSON.stringify(rows);
  await q.run('UPDATE trash SET rows = ? WHERE id = ?', [holder.rows, holder.id]);
  noteWaiting(result, holder);
  return true;
}

/**
 * Checks a row's references before it goes back. A record in the trash stops
 * the restore of a record that needs it (an event's case, a testimony's
 * witness); a link to one (a person's role in a trashed case) waits in that
 * record's entry and comes back with it. A destroyed one is left out (or
 * cleared), and said.
 */
async function resolveReferences(
  q: Queryable,
  saved: SavedRow,
  isMain: boolean,
  result: RestoreResult,
): Promise<Row | null> {
  const row = { ...saved.row };
  for (const [column, ref] of Object.entries(REFERENCES[saved.table] ?? {})) {
    const target = row[column];
    if (typeof target !== 'string' || (await exists(q, ref.table, target))) continue;
    const holder = await holderOf(q, ref.table, { id: target }, result.entry.id);
    if (holder && isMain)
      throw new VigilError(
        'CONFLICT',
        `It needs the ${ref.kind} ${holder.label ? `"${holder.label}" ` : ''}(${target}), which is in the trash: restore that first (vigil trash restore ${holder.id}). Nothing was restored.`,
      );
    if (holder) {
      await parkIn(q, holder, saved);
      noteWaiting(result, holder);
      return null;
    }
    if (isMain)
      throw new VigilError(
        'CONFLICT',
        `Its ${ref.kind} ${target} no longer exists (the trash was emptied), so it cannot come back. Nothing was restored.`,
      );
    if (ref.clear) {
      row[column] = null;
      result.dropped.push(`${saved.table}.${column} → ${ref.kind} ${target}`);
    } else {
      result.dropped.push(`${saved.table} → ${ref.kind} ${target}`);
      return null;
    }
  }
  return row;
}

/**
 * Puts a trash entry's rows back, in one transaction (all or nothing), and
 * removes the entry. `onRestored` runs in the same transaction (to audit).
 */
export async function restoreFromTrash(
  vault: Vault,
  id: string,
  options: {
    nextReference?: (q: Queryable, now: Date) => Promise<string>;
    audit?: (ctx: WriteContext, result: RestoreResult) => Promise<void>;
  } = {},
): Promise<RestoreResult> {
  return writeTransaction(vault, async (ctx) => {
    const found = await findEntry(ctx.tx, id);
    const entry = entryOf(found);
    const saved = (JSON.parse(found.rows) as SavedRow[]).map((s) => ({
      ...s,
      row: decode(s.row),
    }));
    if (await exists(ctx.tx, MAIN_TABLE[entry.kind], entry.recordId))
      throw new VigilError(
        'CONFLICT',
        `A ${entry.kind} with the id ${entry.recordId} exists again in the vault (restored or imported since). Nothing was restored.`,
      );
    const result: RestoreResult = { entry, dropped: [], waiting: [] };
    for (const [index, item] of saved.entries()) {
      if (item.relink) {
        await relinkRow(ctx.tx, item, result);
        continue;
      }
      const row = await resolveReferences(ctx.tx, item, index === 0, result);
      if (!row) continue;
      if (index === 0 && entry.kind === 'case') {
        const reference = String(row.reference);
        const taken = await ctx.tx.get('SELECT 1 AS x FROM cases WHERE reference = ?', [reference]);
        if (taken && options.nextReference) {
          row.reference = await options.nextReference(ctx.tx, vault.now());
          result.referenceChanged = { from: reference, to: String(row.reference) };
        }
      }
      // A link between two events comes back once: the other entry may have put it back.
      if (item.table === 'event_links') {
        const again = await ctx.tx.get(
          'SELECT 1 AS x FROM event_links WHERE event_id = ? AND linked_event_id = ?',
          [row.event_id as string, row.linked_event_id as string],
        );
        if (again) continue;
      }
      await insertRow(ctx.tx, item.table, row);
    }
    // Removed last: the case's "last change" follows the removal, once the case is back.
    await ctx.tx.run('DELETE FROM trash WHERE id = ?', [entry.id]);
    await options.audit?.(ctx, result);
    return result;
  });
}

/**
 * Removes entries from the trash for good (all, or those deleted before
 * `before`), in the caller's transaction; returns them with the evidence
 * blobs they held, for the caller to destroy those no record still uses.
 */
export async function purgeTrashTx(
  q: Queryable,
  selection: { before?: string; ids?: readonly string[] } = {},
): Promise<{ entries: TrashEntry[]; blobIds: string[] }> {
  const where: string[] = [];
  const params: string[] = [];
  if (selection.before !== undefined) {
    where.push('deleted_at < ?');
    params.push(selection.before);
  }
  if (selection.ids) {
    where.push(`id IN (${selection.ids.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...selection.ids);
  }
  const rows = await q.all<TrashRow>(
    `SELECT * FROM trash ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  const blobIds = new Set<string>();
  for (const row of rows) {
    for (const blob of JSON.parse(row.blob_ids) as string[]) blobIds.add(blob);
    await q.run('DELETE FROM trash WHERE id = ?', [row.id]);
  }
  return { entries: rows.map(entryOf), blobIds: [...blobIds] };
}

/** Blobs still used: by an evidence record, or by an entry in the trash. */
export async function blobInUse(q: Queryable, blobId: string): Promise<boolean> {
  const row = await q.get(
    `SELECT 1 AS x FROM evidence WHERE blob_id = ?
     UNION ALL SELECT 1 FROM trash, json_each(trash.blob_ids) WHERE json_each.value = ?
     LIMIT 1`,
    [blobId, blobId],
  );
  return Boolean(row);
}

/** Every blob the trash keeps (so that a repair never removes one). */
export async function trashBlobIds(q: Queryable): Promise<string[]> {
  const rows = await q.all<{ value: string }>(
    'SELECT DISTINCT json_each.value AS value FROM trash, json_each(trash.blob_ids)',
  );
  return rows.map((r) => r.value);
}
