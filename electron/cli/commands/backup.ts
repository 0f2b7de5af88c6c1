import { readFirstLineOfFile } from '../io';
import { UsageError, type Command, type CommandContext } from '../command';
import {
  createBackup,
  restoreBackup,
  verifyBackup,
  type BackupSummary,
  type BackupUnlock,
} from '../../core';

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Runs long work with Ctrl-C and SIGTERM turned into a cancellation, so the
 * core removes its temp file before the process ends (a SIGKILL cannot be
 * caught: the temp name is hidden, and the next run removes it).
 */
async function cancellable<T>(
  context: CommandContext,
  work: (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<T>,
  label: string,
): Promise<T> {
  const controller = new AbortController();
  const cancel = (): void => controller.abort();
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  try {
    return await work(controller.signal, (done, total) =>
      context.progress(
        `${label}: ${mb(done)} of ${mb(total)} (${Math.floor((100 * done) / Math.max(1, total))}%)`,
      ),
    );
  } finally {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
    context.progress('');
  }
}

const RECOVERY_OPTION = {
  'recovery-key-file': {
    type: 'string' as const,
    valueName: 'FILE',
    description:
      "open the backup with the recovery key in FILE's first line instead of the passphrase",
  },
};

async function unlockFor(context: CommandContext): Promise<BackupUnlock> {
  const file = context.string('recovery-key-file');
  if (file === undefined) return { passphrase: await context.passphrase('Vault passphrase: ') };
  const recoveryKey = await readFirstLineOfFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(
      `cannot read the recovery key from ${file} (${error.code ?? error.message}).`,
    );
  });
  if (recoveryKey.length === 0) throw new UsageError(`the first line of ${file} is empty.`);
  return { recoveryKey };
}

function backupFile(context: CommandContext): string {
  const file = context.positionals[0];
  if (!file) throw new UsageError('give the backup FILE.');
  return file;
}

function formatSummary(summary: BackupSummary): string[] {
  return [
    `Backup ${summary.backupId} of vault ${summary.vaultId}, made ${summary.createdAt}`,
    `${mb(summary.bytes)}; ${summary.blobs} evidence file(s); ${Object.entries(summary.records)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ')}`,
    ...summary.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}`),
  ];
}

const backup: Command = {
  name: 'backup',
  summary: 'Back up the whole vault (records, header, evidence) into one encrypted file.',
  options: {
    out: {
      type: 'string',
      valueName: 'FILE',
      description: 'the backup file to write (must not exist)',
      required: true,
    },
  },
  examples: ['vigil backup --vault ./vault --out /media/usb/vigil-2026-12-05.vigilbackup'],
  details: `The backup is consistent even while the vault is in use, and encrypted under the vault's own
keys: its passphrase or its recovery key (as they were at the time of the backup) opens it. The
file appears only when complete (mode 0600); Ctrl-C cancels and leaves nothing behind.
Check it with "vigil backup verify FILE"; restore it with "vigil restore FILE --vault DIR".`,
  async run(context) {
    const out = context.requireString('out');
    const vault = await context.openVault();
    const result = await cancellable(
      context,
      (signal, onProgress) => createBackup(vault, { out, signal, onProgress }),
      'Backing up',
    );
    context.output(
      result,
      () => `Backed up to ${result.file} (${mb(result.bytes)}, ${result.blobs} evidence file(s)).`,
    );
  },
};

const verify: Command = {
  name: 'backup verify',
  summary: 'Check a backup completely without restoring it (exit 3 if anything is wrong).',
  positionals: [{ name: 'FILE', description: 'the backup file', required: true }],
  options: { ...RECOVERY_OPTION },
  examples: [
    'vigil backup verify vigil.vigilbackup --passphrase-file pass.txt',
    'vigil backup verify vigil.vigilbackup --recovery-key-file key.txt --json',
  ],
  details: `Every member is read and hashed against the manifest, whose MAC is checked under the vault
key; the database is opened with that key and checked (encrypted pages, structure, references,
the audit chain), and every evidence file it refers to must be present. Nothing is written but a
temporary encrypted copy of the database, removed at the end.`,
  async run(context) {
    const file = backupFile(context);
    const unlock = await unlockFor(context);
    const summary = await cancellable(
      context,
      (signal, onProgress) => verifyBackup(file, unlock, { signal, onProgress }),
      'Verifying',
    );
    context.output({ ok: true, ...summary }, () =>
      [...formatSummary(summary), 'The backup is intact.'].join('\n'),
    );
  },
};

const restore: Command = {
  name: 'restore',
  summary: 'Restore a backup into a new vault directory (--vault DIR, missing or empty).',
  positionals: [{ name: 'FILE', description: 'the backup file', required: true }],
  options: { ...RECOVERY_OPTION },
  examples: ['vigil restore vigil.vigilbackup --vault ./restored --passphrase-file pass.txt'],
  details: `The backup is checked as "vigil backup verify" does while it is restored; the directory
appears only when everything is in place and checked. It then opens with the passphrase (or the
recovery key) the vault had when the backup was made.`,
  async run(context) {
    const file = backupFile(context);
    const dir = context.vaultDir();
    const unlock = await unlockFor(context);
    const summary = await cancellable(
      context,
      (signal, onProgress) =>
        restoreBackup(file, dir, unlock, {
          signal,
          onProgress,
          actor: context.string('actor') ?? context.io.env.VIGIL_ACTOR,
        }),
      'Restoring',
    );
    context.output({ ok: true, vault: dir, ...summary }, () =>
      [...formatSummary(summary), `Restored into ${dir}.`].join('\n'),
    );
  },
};

export const backupCommands: Command[] = [backup, verify, restore];
