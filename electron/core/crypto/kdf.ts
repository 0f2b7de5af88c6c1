import sodium from 'sodium-native';
import { VigilError } from '../errors';
import { allocSecret, wipe, type SecretBytes } from './secrets';

export const MIB = 1024 * 1024;

/** Argon2id parameters as stored in the vault header. */
export interface Argon2idParams {
  alg: 'argon2id13';
  /** Iterations (Argon2 "t"). */
  opslimit: number;
  /** Memory in bytes (Argon2 "m"). */
  memlimit: number;
}

/** About half a second on a current laptop: strong against offline guessing on seized disks. */
export const DEFAULT_ARGON2ID: Argon2idParams = {
  alg: 'argon2id13',
  opslimit: 3,
  memlimit: 256 * MIB,
};

/** Below this the passphrase slot is too cheap to attack; the vault refuses it. */
export const MIN_MEMLIMIT = 64 * MIB;
export const MAX_MEMLIMIT = 4096 * MIB;
export const MIN_OPSLIMIT = 1;
export const MAX_OPSLIMIT = 64;

export function argon2idParams(input?: {
  memoryMiB?: number;
  iterations?: number;
}): Argon2idParams {
  const params: Argon2idParams = {
    alg: 'argon2id13',
    opslimit: input?.iterations ?? DEFAULT_ARGON2ID.opslimit,
    memlimit: input?.memoryMiB !== undefined ? input.memoryMiB * MIB : DEFAULT_ARGON2ID.memlimit,
  };
  assertArgon2idParams(params);
  return params;
}

export function assertArgon2idParams(params: Argon2idParams): void {
  const { opslimit, memlimit } = params;
  if (!Number.isInteger(opslimit) || opslimit < MIN_OPSLIMIT || opslimit > MAX_OPSLIMIT) {
    throw new VigilError(
      'INVALID_INPUT',
      `Argon2id iterations must be a whole number from ${MIN_OPSLIMIT} to ${MAX_OPSLIMIT}.`,
    );
  }
  if (
    !Number.isInteger(memlimit) ||
    memlimit % MIB !== 0 ||
    memlimit < MIN_MEMLIMIT ||
    memlimit > MAX_MEMLIMIT
  ) {
    throw new VigilError(
      'INVALID_INPUT',
      `Argon2id memory must be a whole number of MiB from ${MIN_MEMLIMIT / MIB} to ${MAX_MEMLIMIT / MIB}.`,
    );
  }
}

/**
 * Passphrases are compared as Unicode NFC so that the same words typed on
 * different systems (composed or decomposed accents) open the same vault.
 */
export function passphraseBytes(passphrase: string): SecretBytes {
  // A lone surrogate has no UTF-8 form: Buffer.from would write U+FFFD for any of them,
  // and two different passphrases would open the same vault.
  if (/[\uD800-\uDFFF]/u.test(passphrase))
    throw new VigilError(
      'INVALID_INPUT',
      'The passphrase holds characters that are not valid Unicode text; nothing was done.',
    );
  const encoded = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  const secret = allocSecret(encoded.length);
  encoded.copy(secret);
  wipe(encoded);
  return secret;
}

export async function deriveArgon2id(
  passphrase: string,
  salt: Uint8Array,
  params: Argon2idParams,
): Promise<SecretBytes> {
  assertArgon2idParams(params);
  const out = allocSecret(32);
  const input = passphraseBytes(passphrase);
  try {
    // The async variant runs on libuv's pool, so the Electron main loop keeps breathing.
    await sodium.crypto_pwhash_async(
      out,
      input,
      salt,
      params.opslimit,
      params.memlimit,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
    return out;
  } catch (error) {
    wipe(out);
    throw new VigilError('INTERNAL', 'The key derivation failed (not enough memory?).', {
      cause: error,
    });
  } finally {
    wipe(input);
  }
}

/** Keyed BLAKE2b for high-entropy secrets (the recovery key), bound to a context. */
export function deriveBlake2b(secret: Uint8Array, context: string, salt: Uint8Array): SecretBytes {
  const out = allocSecret(32);
  const input = Buffer.concat([Buffer.from(context, 'utf8'), Buffer.from(salt)]);
  sodium.crypto_generichash(out, input, secret);
  return out;
}
