import { basename } from 'node:path';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { VigilError, fsError } from '../errors';
import { describeMode } from '../fs/fileMode';
import { decryptMessage, type DecryptOptions, type DecryptReport, type Keyring } from '../pgp';
import type { Vault } from '../vault/vault';
import { folderSource, zipSource, type DossierSource } from './source';
import type { ZipBytes } from './zip';

/**
 * Opens a path as a dossier in whichever form it is: a folder, a zip, or an
 * encrypted partner bundle (decrypted with the vault's organisation key; the
 * plaintext stays sealed in the vault and lives only while `use` runs). The
 * same for `vigil verify` and `vigil import`, so both see the same files.
 */
export interface OpenOptions {
  /** Needed for a bundle (its key decrypts it); a folder or a zip opens without. */
  vault: Vault | null;
  /** Who may have signed a bundle (default: anyone; the caller judges the signature it gets back). */
  signers?: Pick<
    DecryptOptions<unknown>,
    'acceptUnsigned' | 'acceptUnknownSigner' | 'acceptUntrustedSigner'
  >;
  /** The keys a bundle's own signature is checked against (default: the vault's). */
  keyring?: Keyring;
}

export function fileBytes(path: string, size: number): ZipBytes {
  return { size, stream: (start, end) => createReadStream(path, { start, end: end - 1 }) };
}

async function fileHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Whether a file begins as an encrypted OpenPGP message does: with a session
 * key packet (public-key or passphrase) or a marker packet, in either packet
 * format. A photo or a PDF chosen by mistake is told apart here, before any
 * parsing, so that it is named as what it is and not as a damaged bundle.
 */
function startsAsEncryptedMessage(head: Buffer): boolean {
  const first = head[0];
  if (first === undefined || (first & 0x80) === 0) return false;
  const tag = first & 0x40 ? first & 0x3f : (first >> 2) & 0x0f;
  return tag === 1 || tag === 3 || tag === 10;
}

const ZIP_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

export async function withDossier<T>(
  path: string,
  options: OpenOptions,
  use: (source: DossierSource, bundle: DecryptReport | null) => Promise<T>,
): Promise<{ value: T; bundle: DecryptReport | null }> {
  const info = await stat(path).catch((error: unknown) => {
    throw fsError(error, `Cannot read ${path}`);
  });
  if (info.isDirectory()) {
    const source = await folderSource(path);
    return { value: await use(source, null), bundle: null };
  }
  if (!info.isFile())
    throw new VigilError(
      'VERIFICATION_FAILED',
      `${path} is neither a dossier folder nor a file (${describeMode(info.mode)}); it was not opened.`,
    );
  const head = await fileHead(path, 4).catch((error: unknown) => {
    throw fsError(error, `Cannot read ${path}`);
  });
  if (ZIP_MAGIC.some((magic) => head.equals(magic))) {
    const source = await zipSource('zip', fileBytes(path, info.size));
    try {
      return { value: await use(source, null), bundle: null };
    } finally {
      source.close();
    }
  }
  const vault = options.vault;
  if (!vault)
    throw new VigilError(
      'INVALID_INPUT',
      `${path} is not a dossier folder or zip. If it is an encrypted partner bundle, only the vault holding the key it was encrypted to can open it (give --vault).`,
    );
  // An ASCII-armored message goes on, to be told how to convert it.
  if (!head.toString('latin1').startsWith('----') && !startsAsEncryptedMessage(head))
    throw new VigilError(
      'INVALID_INPUT',
      `${basename(path)} is not a Vigil bundle, dossier zip or dossier folder; nothing was opened.`,
    );
  const signers = options.signers ?? {
    acceptUnsigned: true,
    acceptUnknownSigner: true,
    acceptUntrustedSigner: true,
  };
  const decrypted = await decryptMessage(vault, path, {
    ...signers,
    ...(options.keyring ? { keyring: options.keyring } : {}),
    onPlaintext: async (plaintext, report) => {
      const source = await zipSource('bundle', {
        size: plaintext.size,
        stream: (start, end) => plaintext.stream(start, end),
      });
      try {
        return await use(source, report);
      } finally {
        source.close();
      }
    },
  });
  const { value, ...bundle } = decrypted;
  return { value, bundle };
}
