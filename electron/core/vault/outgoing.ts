import { randomUUID } from 'node:crypto';
import { lstat, rm, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { VigilError } from '../errors';
import { TEMP_MARKER, tempPathFor } from '../fs/atomic';
import { trackTemp } from '../fs/tempRegistry';
import { readableTime } from '../fs/processes';
import type { AuditEvent } from './audit';
import type { Vault } from './vault';

/**
 * Writes that leave the vault: a dossier folder, a bundle, an exported
 * evidence file, a case document, a database copy, a backup (and the
 * database snapshot it is made from). Each is recorded in the
 * vault before anything is written, then written under a temporary name
 * beside its target and moved into place only when complete. So an output
 * is either complete or gone:
 *
 * - on an error or a cancellation, the temporary is removed at once;
 * - on SIGINT or SIGTERM, the process removes it before exiting
 *   (see fs/tempRegistry.ts);
 * - after a SIGKILL or a power cut, the row is still there, and the next
 *   process to open the vault as its writer removes what was left.
 */
export type OutgoingKind =
  | 'dossier-folder'
  | 'bundle'
  | 'evidence-file'
  | 'case-document'
  | 'database-copy'
  | 'backup'
  | 'backup-snapshot';

const WHAT: Record<OutgoingKind, string> = {
  'dossier-folder': 'dossier folder',
  bundle: 'bundle',
  'evidence-file': 'evidence file',
  'case-document': 'case document',
  'database-copy': 'database copy',
  backup: 'backup',
  'backup-snapshot': 'database snapshot of a backup',
};

export interface OutgoingWrite {
  /** Where to write: a temporary path beside the target, in the same folder. */
  readonly temp: string;
  /**
   * Call as soon as the temporary exists. Its identity (device and inode)
   * is recorded, so that after a crash a target carrying it is known to be
   * this output, complete.
   */
  readonly created: () => Promise<void>;
}

/** What an opening found left behind by an interrupted write, and what it did. */
export interface RecoveryNote {
  what: string;
  path: string;
  startedAt: string;
  outcome: 'removed' | 'completed' | 'not-removed';
  problem?: string;
}

interface Row {
  id: string;
  kind: OutgoingKind;
  target: string;
  temp: string;
  temp_id: string | null;
  started_at: string;
  audit: string | null;
}

async function fileId(path: string): Promise<string | null> {
  try {
    const s = await lstat(path, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/**
 * Runs `work`, which writes `temp` and moves it to `target`, as a recorded
 * outgoing write. `audit` is recorded in the transaction that closes the
 * record, so a finished export is never missing from the log (even after
 * a crash right after the move: see recoverOutgoing).
 */
export async function writeOutgoing<T>(
  vault: Vault,
  spec: { kind: OutgoingKind; target: string; audit?: AuditEvent },
  work: (write: OutgoingWrite) => Promise<T>,
): Promise<T> {
  const target = resolve(spec.target);
  const temp = tempPathFor(target);
  const id = randomUUID();
  await vault.db.transaction((tx) =>
    tx.run(
      'INSERT INTO outgoing_writes (id, kind, target, temp, temp_id, started_at, pid, audit) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)',
      [
        id,
        spec.kind,
        target,
        temp,
        vault.now().toISOString(),
        process.pid,
        spec.audit ? JSON.stringify(spec.audit) : null,
      ],
    ),
  );
  const tracked = trackTemp(temp, `the unfinished ${WHAT[spec.kind]} ${target}`);
  let result: T;
  try {
    result = await work({
      temp,
      created: async () => {
        const identity = await fileId(temp);
        await vault.db.transaction((tx) =>
          tx.run('UPDATE outgoing_writes SET temp_id = ? WHERE id = ?', [identity, id]),
        );
      },
    });
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    tracked.done();
    // If this fails too (a full disk), the row stays and the next opener finds nothing left to remove.
    await vault.db
      .transaction((tx) => tx.run('DELETE FROM outgoing_writes WHERE id = ?', [id]))
      .catch(() => undefined);
    throw error;
  }
  tracked.done();
  await vault.db.transaction(async (tx) => {
    await tx.run('DELETE FROM outgoing_writes WHERE id = ?', [id]);
    if (spec.audit) await vault.record(tx, spec.audit);
  });
  return result;
}

/** A recorded temporary must sit beside its target and carry the marker: never remove anything else. */
function plausible(row: Row): boolean {
  return (
    dirname(row.temp) === dirname(row.target) &&
    basename(row.temp).startsWith(`.${basename(row.target)}${TEMP_MARKER}`)
  );
}

/**
 * Removes what interrupted outgoing writes left behind. Only the writer may
 * call this: while it holds the lock, no other process is writing, so every
 * row is from a process that died.
 */
export async function recoverOutgoing(vault: Vault): Promise<RecoveryNote[]> {
  const rows = await vault.db.all<Row>(
    'SELECT id, kind, target, temp, temp_id, started_at, audit FROM outgoing_writes ORDER BY started_at',
  );
  const notes: RecoveryNote[] = [];
  for (const row of rows) {
    const what = WHAT[row.kind] ?? 'output';
    if (!plausible(row)) {
      notes.push({
        what,
        path: row.temp,
        startedAt: row.started_at,
        outcome: 'not-removed',
        problem: 'its recorded temporary path is not beside its target; Vigil left it alone',
      });
      continue;
    }
    const tempId = await fileId(row.temp);
    const targetId = await fileId(row.target);
    const completed = row.temp_id !== null && targetId === row.temp_id;
    if (tempId !== null) {
      try {
        await rm(row.temp, { recursive: true, force: true });
      } catch (error) {
        notes.push({
          what,
          path: row.temp,
          startedAt: row.started_at,
          outcome: 'not-removed',
          problem: (error as NodeJS.ErrnoException).code ?? String(error),
        });
        continue;
      }
    }
    if (completed) {
      notes.push({ what, path: row.target, startedAt: row.started_at, outcome: 'completed' });
    } else if (tempId !== null) {
      notes.push({ what, path: row.temp, startedAt: row.started_at, outcome: 'removed' });
    }
    await vault.db.transaction(async (tx) => {
      await tx.run('DELETE FROM outgoing_writes WHERE id = ?', [row.id]);
      if (completed && row.audit) {
        const event = JSON.parse(row.audit) as AuditEvent;
        await vault.record(tx, {
          ...event,
          detail: { ...event.detail, recordedAfterInterruption: true },
        });
      } else if (tempId !== null) {
        await vault.record(tx, {
          action: 'vault.interrupted-output-removed',
          entityType: 'vault',
          entityId: vault.id,
          detail: { kind: row.kind, startedAt: row.started_at },
        });
      }
    });
  }
  return notes;
}

/** Outgoing writes still recorded (for `check`: after recovery, only those that could not be removed). */
export async function pendingOutgoing(vault: Vault): Promise<number> {
  const row = await vault.db.get<{ n: number }>('SELECT count(*) AS n FROM outgoing_writes');
  return row?.n ?? 0;
}

export function describeRecovery(note: RecoveryNote): string {
  const started = readableTime(note.startedAt);
  switch (note.outcome) {
    case 'removed':
      return `removed the unfinished ${note.what} ${note.path} left by an interrupted export (started ${started})`;
    case 'completed':
      return `the ${note.what} ${note.path} (started ${started}) was complete when its process stopped; its export is now in the audit log`;
    default:
      return `could not remove the unfinished ${note.what} ${note.path} left by an interrupted export (started ${started}): ${note.problem ?? 'unknown reason'}. It may hold plaintext: delete it by hand`;
  }
}

/** Refuses a target that exists (exports never overwrite) or whose folder does not. */
export async function assertNewOutput(path: string, what: string): Promise<string> {
  const target = resolve(path);
  const parent = await stat(dirname(target)).catch(() => null);
  if (!parent)
    throw new VigilError(
      'NOT_FOUND',
      `Cannot write ${what} to ${target}: its folder does not exist.`,
    );
  if (!parent.isDirectory())
    throw new VigilError(
      'INVALID_INPUT',
      `Cannot write ${what} to ${target}: ${dirname(target)} is not a folder.`,
    );
  if (
    await lstat(target).then(
      () => true,
      () => false,
    )
  )
    throw new VigilError(
      'CONFLICT',
      `${target} already exists; Vigil never overwrites an export. Choose a new name.`,
    );
  return target;
}
