import { stat } from 'node:fs/promises';
import { secretFromFile } from '../secrets';
import { UsageError, EXIT, type Command, type CommandContext } from '../command';
import { KDF_OPTIONS, kdfFromOptions } from '../parse';
import {
  changePassphrase,
  checkVault,
  repairVault,
  createVault,
  exportSqlcipher,
  readVaultInfo,
  recoverVault,
  replaceRecoveryKey,
  checkDamagedDatabase,
  databasePath,
  isVigilError,
  type CheckReport,
  type Vault,
} from '../../core';

function secretOption(context: CommandContext, option: string, what: string): Promise<string> {
  return secretFromFile(context.requireString(option), what);
}

const init: Command = {
  name: 'init',
  summary: 'Create a new vault and print its recovery key (shown once).',
  options: { ...KDF_OPTIONS },
  examples: [
    'vigil init --vault ~/vigil-vault',
    'vigil init --vault ./vault --passphrase-file pass.txt --json',
  ],
  details: `The recovery key opens the vault if the passphrase is forgotten. It is shown only now:
write it down or print it, and keep it apart from the laptop.`,
  async run(context) {
    const dir = context.vaultDir();
    const passphrase = await context.passphrase('New vault passphrase: ', true);
    const created = await createVault({
      dir,
      passphrase,
      kdf: kdfFromOptions(context),
      actor: context.string('actor') ?? context.io.env.VIGIL_ACTOR,
      ...context.lockOptions(),
    });
    await created.vault.lock();
    context.output({ vaultId: created.vaultId, recoveryKey: created.recoveryKey }, () =>
      [
        `Vault created in ${dir}`,
        `Vault id: ${created.vaultId}`,
        '',
        'Recovery key (shown only this once; write it down and keep it apart from this computer):',
        '',
        `  ${created.recoveryKey}`,
        '',
      ].join('\n'),
    );
  },
};

const passwd: Command = {
  name: 'passwd',
  summary: 'Change the vault passphrase (and optionally its Argon2id cost).',
  options: {
    'new-passphrase-file': {
      type: 'string',
      valueName: 'FILE',
      description: "read the new passphrase from FILE's first line",
    },
    ...KDF_OPTIONS,
  },
  examples: [
    'vigil passwd --vault ./vault --passphrase-file old.txt --new-passphrase-file new.txt',
  ],
  details:
    'Only the vault header is rewritten, atomically: if the computer stops mid-way, the old or the new passphrase opens the vault.',
  async run(context) {
    const dir = context.vaultDir();
    const newPassphrase = context.string('new-passphrase-file')
      ? await secretOption(context, 'new-passphrase-file', 'the new passphrase')
      : await promptNew(context);
    const passphrase = await context.passphrase('Current passphrase: ');
    await changePassphrase({
      dir,
      passphrase,
      newPassphrase,
      kdf: kdfFromOptions(context),
      actor: context.string('actor'),
      ...context.lockOptions(),
    });
    context.output({ ok: true }, () => 'Passphrase changed.');
  },
};

async function promptNew(context: CommandContext): Promise<string> {
  if (!context.io.promptHidden || context.string('passphrase-file') === undefined) {
    throw new UsageError('give the new passphrase with --new-passphrase-file FILE.');
  }
  const first = await context.io.promptHidden('New passphrase: ');
  if ((await context.io.promptHidden('Repeat it: ')) !== first)
    throw new UsageError('the two passphrases differ; nothing was done.');
  return first;
}

const recover: Command = {
  name: 'recover',
  summary: 'Set a new passphrase using the recovery key.',
  options: {
    'recovery-key-file': {
      type: 'string',
      valueName: 'FILE',
      description: "read the recovery key from FILE's first line",
      required: true,
    },
    'new-passphrase-file': {
      type: 'string',
      valueName: 'FILE',
      description: "read the new passphrase from FILE's first line",
      required: true,
    },
    ...KDF_OPTIONS,
  },
  examples: [
    'vigil recover --vault ./vault --recovery-key-file key.txt --new-passphrase-file new.txt',
  ],
  async run(context) {
    const dir = context.vaultDir();
    const recoveryKey = await secretOption(context, 'recovery-key-file', 'the recovery key');
    const newPassphrase = await secretOption(context, 'new-passphrase-file', 'the new passphrase');
    await recoverVault({
      dir,
      recoveryKey,
      newPassphrase,
      kdf: kdfFromOptions(context),
      actor: context.string('actor'),
      ...context.lockOptions(),
    });
    context.output(
      { ok: true },
      () => 'Recovered: the vault now opens with the new passphrase. The recovery key stays valid.',
    );
  },
};

async function databaseExists(dir: string): Promise<boolean> {
  return stat(databasePath(dir)).then(
    (s) => s.isFile(),
    () => false,
  );
}

function formatCheck(report: CheckReport): string {
  const lines = report.items.map(
    (item) =>
      `${item.ok ? 'ok  ' : 'FAIL'}  ${item.name}${item.problems.map((p) => `\n        ${p}`).join('')}${(item.notes ?? []).map((n) => `\n        note: ${n}`).join('')}`,
  );
  lines.push(report.ok ? 'The vault is intact.' : 'The vault has integrity problems (see above).');
  return lines.join('\n');
}

const check: Command = {
  name: 'check',
  summary:
    'Verify the vault: encrypted pages, structure, references, the audit chain and evidence blobs.',
  options: {
    repair: {
      type: 'boolean',
      description:
        'first remove what an interrupted operation left inside the vault (orphan evidence blobs, temporary and sealed temporary files); never data a record uses, nor what another process is writing',
    },
  },
  examples: [
    'vigil check --vault ./vault --passphrase-file pass.txt',
    'vigil check --vault ./vault --repair',
  ],
  details: `Exit code 3 when anything fails, with what is damaged (the numbers of damaged pages, the
records or files concerned). What an interrupted export left outside the vault is removed when the
vault is opened, and reported here.`,
  async run(context) {
    let vault: Vault;
    try {
      vault = await context.openVault();
    } catch (error) {
      // A database too damaged to open: still say which pages are damaged.
      if (!isVigilError(error, 'VAULT_DAMAGED') || !(await databaseExists(context.vaultDir())))
        throw error;
      const report = await checkDamagedDatabase(
        { dir: context.vaultDir(), passphrase: await context.vaultPassphrase() },
        error,
      );
      context.output(report, () => formatCheck(report));
      return EXIT.integrity;
    }
    const repaired = context.flag('repair') ? await repairVault(vault) : undefined;
    const report = await checkVault(vault);
    context.output(repaired ? { ...report, repaired: repaired.removed } : report, () =>
      [
        ...(repaired
          ? [
              `Removed ${repaired.removed.length} leftover file(s)${repaired.removed.map((f) => `\n  ${f}`).join('')}`,
            ]
          : []),
        formatCheck(report),
      ].join('\n'),
    );
    return report.ok ? EXIT.ok : EXIT.integrity;
  },
};

const exportCommand: Command = {
  name: 'export-sqlcipher',
  summary: 'Copy the vault into a standalone SQLCipher 4 database with its own passphrase.',
  options: {
    out: {
      type: 'string',
      valueName: 'FILE',
      description: 'the database file to write (must not exist)',
      required: true,
    },
    'export-passphrase-file': {
      type: 'string',
      valueName: 'FILE',
      description: "read the export's passphrase from FILE's first line",
      required: true,
    },
  },
  examples: [
    'vigil export-sqlcipher --vault ./vault --out copy.db --export-passphrase-file export-pass.txt',
  ],
  details: `The copy uses SQLCipher 4's default settings, so any SQLCipher 4 tool opens it:
  sqlcipher copy.db  then  PRAGMA key = 'the export passphrase';
Evidence files stay encrypted in the vault's blobs folder; the copy holds their records and keys.`,
  async run(context) {
    const exportPassphrase = await secretOption(
      context,
      'export-passphrase-file',
      'the export passphrase',
    );
    const vault = await context.openVault();
    const result = await exportSqlcipher(vault, {
      out: context.requireString('out'),
      passphrase: exportPassphrase,
    });
    context.output(result, () => `Exported to ${result.out} (${result.bytes} bytes).`);
  },
};

const newRecoveryKey: Command = {
  name: 'new-recovery-key',
  summary: 'Replace the recovery key (lost, or seen by someone) and print the new one, once.',
  examples: ['vigil new-recovery-key --vault ./vault --passphrase-file pass.txt'],
  details:
    'The old recovery key stops working at once. The passphrase and the records are unchanged.',
  async run(context) {
    const dir = context.vaultDir();
    const passphrase = await context.passphrase();
    const recoveryKey = await replaceRecoveryKey({
      dir,
      passphrase,
      actor: context.string('actor') ?? context.io.env.VIGIL_ACTOR,
      ...context.lockOptions(),
    });
    context.output({ recoveryKey }, () =>
      [
        'New recovery key (shown only this once; the old one no longer works):',
        '',
        `  ${recoveryKey}`,
        '',
      ].join('\n'),
    );
  },
};

const info: Command = {
  name: 'info',
  summary: "Show a vault's id and key-derivation settings (no passphrase needed).",
  async run(context) {
    const result = await readVaultInfo(context.vaultDir());
    context.output(result, () =>
      [
        `Vault id:   ${result.vaultId}`,
        `Created:    ${result.createdAt}`,
        `Passphrase: Argon2id, ${result.kdf.memoryMiB} MiB, ${result.kdf.iterations} iterations`,
      ].join('\n'),
    );
  },
};

export const vaultCommands: Command[] = [
  init,
  passwd,
  recover,
  newRecoveryKey,
  check,
  exportCommand,
  info,
];
