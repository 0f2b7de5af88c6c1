import { readFile, stat } from 'node:fs/promises';
import { UsageError, type Command, type CommandContext } from '../command';
import { secretFromFile } from '../secrets';
import { writeFileAtomic } from '../../core/fs/atomic';
import {
  exportPublicKey,
  exportSecretKey,
  generateOrgKey,
  getKey,
  getOrganisationKey,
  groupFingerprint,
  importKeys,
  listKeys,
  parseFingerprint,
  setTrust,
  type KeyInfo,
} from '../../core/pgp';
import { LIMITS } from '../../core/pgp/config';

function describeKey(key: KeyInfo): string {
  const role =
    key.kind === 'organisation'
      ? `organisation key${key.active ? '' : ' (previous)'}`
      : `partner key, ${key.trusted ? 'trusted' : 'NOT trusted'}`;
  const expiry = key.expires ? `expires ${key.expires.slice(0, 10)}` : 'never expires';
  const status = key.revoked ? ', REVOKED' : key.expired ? ', EXPIRED' : '';
  const uses =
    [key.canSign ? 'sign' : null, key.canEncrypt ? 'encrypt' : null].filter(Boolean).join(' + ') ||
    'no usable capability';
  const lines = [
    `${groupFingerprint(key.fingerprint)}`,
    `  ${role}${status}`,
    ...key.userIds.map((u) => `  user id    ${u}`),
    `  algorithm  ${key.algorithm} (v${key.version}), ${uses}`,
    `  created    ${key.created.slice(0, 10)}, ${expiry}`,
  ];
  if (key.kind === 'partner' && key.trusted && key.trustedBy)
    lines.push(`  trusted by ${key.trustedBy} on ${key.trustedAt?.slice(0, 10) ?? '?'}`);
  for (const warning of key.warnings) lines.push(`  warning: ${warning}`);
  return lines.join('\n');
}

async function readSecondaryPassphrase(
  context: CommandContext,
  option: string,
  what: string,
): Promise<string | undefined> {
  const file = context.string(option);
  if (file === undefined) return undefined;
  return secretFromFile(file, what);
}

const generate: Command = {
  name: 'keys generate',
  summary:
    "Generate the organisation's OpenPGP key (v4 Ed25519/Curve25519, read by GnuPG 2.2); its secret stays in the vault.",
  options: {
    name: {
      type: 'string',
      valueName: 'NAME',
      description: 'the name on the key (the organisation)',
      required: true,
    },
    email: {
      type: 'string',
      valueName: 'EMAIL',
      description: 'the e-mail address on the key',
      required: true,
    },
  },
  examples: [
    'vigil keys generate --vault ./vault --name "Defenders Network" --email docs@example.org',
  ],
  details: `The key signs every dossier and receives partner bundles. Its secret part never leaves
the encrypted vault unless you export a passphrase-protected backup (vigil keys export --secret).
Send the public key to partners with: vigil keys export --public --out org.asc`,
  async run(context) {
    const vault = await context.openVault();
    const key = await generateOrgKey(vault, {
      name: context.requireString('name'),
      email: context.requireString('email'),
    });
    context.output(
      key,
      () =>
        `Organisation key generated.\n\n${describeKey(key)}\n\nShare the public key: vigil keys export --public --out org.asc`,
    );
  },
};

const exportCommand: Command = {
  name: 'keys export',
  summary:
    'Export a public key (armored), or a passphrase-protected backup of the organisation secret key.',
  options: {
    public: {
      type: 'boolean',
      description: 'export the public key (the organisation key unless --fingerprint is given)',
    },
    secret: {
      type: 'boolean',
      description:
        'export a backup of the organisation secret key, protected by a passphrase (needs --out)',
    },
    out: {
      type: 'string',
      valueName: 'FILE',
      description: 'write to FILE (must not exist) instead of standard output',
    },
    fingerprint: {
      type: 'string',
      valueName: 'FPR',
      description: 'the key to export (default: the organisation key)',
    },
    'backup-passphrase-file': {
      type: 'string',
      valueName: 'FILE',
      description:
        "with --secret: read the backup's passphrase from FILE's first line (else it is asked twice)",
    },
  },
  examples: [
    'vigil keys export --public --vault ./vault --out org.asc',
    'vigil keys export --public --fingerprint 3A1F…C09E --vault ./vault',
    'vigil keys export --secret --vault ./vault --out org-secret.asc --backup-passphrase-file backup-pass.txt',
  ],
  details: `The secret backup is protected the way GnuPG 2.2 reads (iterated and salted S2K, SHA-256,
AES-256): "gpg --import org-secret.asc" asks for its passphrase. Keep it offline.`,
  async run(context) {
    const wantPublic = context.flag('public');
    const wantSecret = context.flag('secret');
    if (wantPublic === wantSecret)
      throw new UsageError('give exactly one of --public or --secret.', exportCommand);
    const out = context.string('out');
    const fingerprint = context.string('fingerprint');
    if (fingerprint !== undefined) parseFingerprint(fingerprint);
    if (wantSecret) {
      if (!out)
        throw new UsageError(
          '--secret needs --out FILE: a secret key is never printed.',
          exportCommand,
        );
      let passphrase = await readSecondaryPassphrase(
        context,
        'backup-passphrase-file',
        'the backup passphrase',
      );
      const vault = await context.openVault();
      if (passphrase === undefined) {
        if (!context.io.promptHidden || !context.io.stdinIsTTY)
          throw new UsageError(
            'give the backup passphrase with --backup-passphrase-file FILE.',
            exportCommand,
          );
        passphrase = await context.io.promptHidden('Passphrase for the backup: ');
        if ((await context.io.promptHidden('Repeat it: ')) !== passphrase)
          throw new UsageError('the two passphrases differ; nothing was exported.', exportCommand);
      }
      const armored = await exportSecretKey(vault, { passphrase, fingerprint });
      await writeFileAtomic(out, Buffer.from(armored, 'utf8'), { overwrite: false });
      const key =
        fingerprint === undefined
          ? await getOrganisationKey(vault)
          : await getKey(vault, fingerprint);
      context.output(
        { fingerprint: key.fingerprint, out, secret: true },
        () => `Secret key backup of ${groupFingerprint(key.fingerprint)} written to ${out}.`,
      );
      return;
    }
    const vault = await context.openVault();
    const armored = await exportPublicKey(vault, fingerprint);
    const key =
      fingerprint === undefined
        ? await getOrganisationKey(vault)
        : await getKey(vault, fingerprint);
    if (out) {
      await writeFileAtomic(out, Buffer.from(armored, 'utf8'), { overwrite: false });
      context.output(
        { fingerprint: key.fingerprint, out },
        () => `Public key ${groupFingerprint(key.fingerprint)} written to ${out}.`,
      );
    } else if (context.json) {
      context.output({ fingerprint: key.fingerprint, publicKey: armored }, () => armored);
    } else {
      context.io.stdout.write(armored.endsWith('\n') ? armored : `${armored}\n`);
    }
  },
};

const importCommand: Command = {
  name: 'keys import',
  summary:
    "Import partners' public keys (from gpg or any OpenPGP program), or the organisation's secret key.",
  options: {
    trust: {
      type: 'boolean',
      description:
        'mark the imported partner keys trusted (check their fingerprints with their owners first)',
    },
    'key-passphrase-file': {
      type: 'string',
      valueName: 'FILE',
      description:
        "for a passphrase-protected secret key: read its passphrase from FILE's first line",
    },
  },
  positionals: [
    {
      name: 'FILE',
      description: 'the key file, armored or binary (gpg --export, gpg --armor --export)',
      required: true,
    },
  ],
  examples: [
    'vigil keys import --vault ./vault partner.asc',
    'vigil keys import --vault ./vault --trust partner.asc --json',
  ],
  details: `Keys that GnuPG 2.2 cannot use for encryption (version 6 keys, RFC 9580 algorithms) or that
ask for AEAD encryption are imported with a warning: bundles to them are always written in the
SEIPD v1 form gpg 2.2 reads, or refused when gpg 2.2 could not read them at all.`,
  async run(context) {
    const file = context.positionals[0]!;
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${file} (${error.code ?? error.message}).`, importCommand);
    });
    // A key file is small; a larger file is refused before it is read.
    if (!info.isFile() || info.size > LIMITS.keyFileBytes)
      throw new UsageError(
        `${file} is not a key file (a key file is a file of at most 4 MiB).`,
        importCommand,
      );
    const data = await readFile(file);
    const passphrase = await readSecondaryPassphrase(
      context,
      'key-passphrase-file',
      "the secret key's passphrase",
    );
    const vault = await context.openVault();
    const results = await importKeys(vault, data, { trust: context.flag('trust'), passphrase });
    for (const { key } of results)
      for (const warning of key.warnings)
        context.warn(`warning: ${groupFingerprint(key.fingerprint)}: ${warning}`);
    context.output(
      results.map((r) => ({ status: r.status, ...r.key })),
      () =>
        results
          .map(
            (r) =>
              `${r.status === 'new' ? 'Imported' : r.status === 'updated' ? 'Updated' : 'Unchanged'}:\n${describeKey(r.key)}`,
          )
          .join('\n\n'),
    );
  },
};

const list: Command = {
  name: 'keys list',
  access: 'read',
  summary: 'List the organisation key and the partner keys, with fingerprints and warnings.',
  examples: ['vigil keys list --vault ./vault', 'vigil keys list --vault ./vault --json'],
  details:
    'Fingerprints are shown in groups of four hex digits; with --json they are 40 hex digits.',
  async run(context) {
    const vault = await context.openVault();
    const keys = await listKeys(vault);
    context.output(keys, () =>
      keys.length === 0
        ? 'No keys yet: vigil keys generate, or vigil keys import FILE.'
        : keys.map(describeKey).join('\n\n'),
    );
  },
};

function trustCommand(trusted: boolean): Command {
  const command: Command = {
    name: trusted ? 'keys trust' : 'keys untrust',
    summary: trusted
      ? "Mark a partner key trusted: bundles it signs are accepted on import (compare its fingerprint with its owner's first)."
      : 'Withdraw trust from a partner key: bundles it signs are refused unless accepted explicitly.',
    positionals: [
      {
        name: 'FPR',
        description: 'the fingerprint of the partner key (40 hex digits, spaces allowed)',
        required: true,
      },
    ],
    examples: [`vigil keys ${trusted ? 'trust' : 'untrust'} --vault ./vault "3A1F 0B22 … C09E"`],
    async run(context) {
      const fingerprint = parseFingerprint(context.positionals[0]!);
      const vault = await context.openVault();
      const key = await setTrust(vault, fingerprint, trusted);
      context.output(key, () =>
        `${trusted ? 'Trusted' : 'No longer trusted'}: ${groupFingerprint(key.fingerprint)} ${key.userIds[0] ?? ''}`.trimEnd(),
      );
    },
  };
  return command;
}

export const keyCommands: Command[] = [
  generate,
  exportCommand,
  importCommand,
  list,
  trustCommand(true),
  trustCommand(false),
];
