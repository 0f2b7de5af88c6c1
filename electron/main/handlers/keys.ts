import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { VigilError } from '../../core/errors';
import { writeFileAtomic } from '../../core/fs/atomic';
import {
  exportPublicKey,
  exportSecretKey,
  generateOrgKey,
  getOrganisationKey,
  importKeys,
  listKeys,
  setTrust,
} from '../../core/pgp';
import type { Handlers } from '../ipc/dispatch';
import type { AppContext } from './context';

/** A key file is small; anything larger is refused before it is read (as the CLI does). */
const MAX_KEY_FILE = 4 * 1024 * 1024;

type KeysChannels =
  | 'keys.list'
  | 'keys.generate'
  | 'keys.chooseFile'
  | 'keys.import'
  | 'keys.setTrust'
  | 'keys.exportPublic'
  | 'keys.exportSecret';

export function keysHandlers(ctx: AppContext): Pick<Handlers, KeysChannels> {
  const vault = () => ctx.session.requireVault();
  // The native save dialog already asked before replacing an existing file.
  const save = async (suggested: string, text: () => Promise<string>) => {
    const out = await ctx.dialogs.chooseSaveFile(suggested);
    if (!out) return { saved: false, label: null };
    await writeFileAtomic(out, Buffer.from(await text(), 'utf8'));
    return { saved: true, label: basename(out) };
  };
  return {
    'keys.list': async () => listKeys(vault()),
    'keys.generate': async (input) => generateOrgKey(vault(), input),
    'keys.chooseFile': async () => {
      vault();
      const path = await ctx.dialogs.chooseOpenFile('key');
      if (!path) return null;
      const size = (await stat(path).catch(() => null))?.size;
      if (size === undefined)
        throw new VigilError('IO_ERROR', 'That file cannot be read; choose another.');
      return { fileId: ctx.session.remember('file', path), name: basename(path), size };
    },
    'keys.import': async ({ fileId, trust, passphrase }) => {
      const v = vault();
      const path = ctx.session.resolve('file', fileId);
      const size = (await stat(path).catch(() => null))?.size;
      if (size === undefined)
        throw new VigilError('IO_ERROR', 'The key file can no longer be read; choose it again.');
      if (size > MAX_KEY_FILE) {
        throw new VigilError(
          'INVALID_INPUT',
          'That file is too large to be an OpenPGP key (more than 4 MiB).',
        );
      }
      return importKeys(v, await readFile(path), { trust, passphrase });
    },
    'keys.setTrust': async ({ fingerprint, trusted }) => setTrust(vault(), fingerprint, trusted),
    'keys.exportPublic': async ({ fingerprint }) => {
      const v = vault();
      const key = fingerprint ? null : await getOrganisationKey(v);
      const name = `${(fingerprint ?? key?.fingerprint ?? 'key').replace(/\s+/g, '').slice(-16)}.asc`;
      return save(name, () => exportPublicKey(v, fingerprint));
    },
    'keys.exportSecret': async ({ passphrase }) => {
      const v = vault();
      const key = await getOrganisationKey(v);
      return save(`${key.fingerprint.slice(-16)}-secret-backup.asc`, () =>
        exportSecretKey(v, { passphrase }),
      );
    },
  };
}
