import { VigilError } from '../errors';
import { open, seal } from '../crypto/aead';
import { deriveArgon2id, deriveBlake2b, type Argon2idParams } from '../crypto/kdf';
import { randomBytes, wipe, type SecretBytes } from '../crypto/secrets';
import {
  HEADER_FORMAT,
  readHeader,
  type PassphraseSlot,
  type RecoverySlot,
  type SlotKind,
  type VaultHeader,
} from './header';

/**
 * Keyslots wrap the random 256-bit vault key. Slot "passphrase" uses a key
 * derived with Argon2id; slot "recovery" uses a key derived from the random
 * recovery key. The associated data binds the header format, the vault id and
 * the slot's own KDF parameters, so editing any of them breaks the slot.
 */
export const VAULT_KEY_BYTES = 32;
const RECOVERY_CONTEXT = 'vigil-recovery-slot-v1';

function associatedData(
  vaultId: string,
  kind: SlotKind,
  slot: Pick<PassphraseSlot | RecoverySlot, 'kdf' | 'salt'>,
): Buffer {
  return Buffer.from(
    JSON.stringify({
      magic: 'vigil-keyslot',
      format: HEADER_FORMAT,
      vaultId,
      kind,
      kdf: slot.kdf,
      salt: slot.salt,
    }),
    'utf8',
  );
}

function wrap<T extends PassphraseSlot | RecoverySlot>(
  vaultId: string,
  kind: SlotKind,
  params: Pick<T, 'kdf' | 'salt'>,
  kek: SecretBytes,
  vaultKey: SecretBytes,
): T {
  const sealed = seal(vaultKey, kek, associatedData(vaultId, kind, params));
  return {
    ...params,
    nonce: sealed.nonce.toString('base64'),
    wrappedKey: sealed.ciphertext.toString('base64'),
  } as T;
}

function unwrap(
  vaultId: string,
  kind: SlotKind,
  slot: PassphraseSlot | RecoverySlot,
  kek: SecretBytes,
): SecretBytes | null {
  return open(
    {
      nonce: Buffer.from(slot.nonce, 'base64'),
      ciphertext: Buffer.from(slot.wrappedKey, 'base64'),
    },
    kek,
    associatedData(vaultId, kind, slot),
  );
}

export async function makePassphraseSlot(
  vaultId: string,
  vaultKey: SecretBytes,
  passphrase: string,
  kdf: Argon2idParams,
): Promise<PassphraseSlot> {
  const params = { kdf, salt: randomBytes(16).toString('base64') };
  const kek = await deriveArgon2id(passphrase, Buffer.from(params.salt, 'base64'), kdf);
  try {
    return wrap<PassphraseSlot>(vaultId, 'passphrase', params, kek, vaultKey);
  } finally {
    wipe(kek);
  }
}

export function makeRecoverySlot(
  vaultId: string,
  vaultKey: SecretBytes,
  recoverySecret: SecretBytes,
): RecoverySlot {
  const params = { kdf: { alg: 'blake2b' as const }, salt: randomBytes(16).toString('base64') };
  const kek = deriveBlake2b(recoverySecret, RECOVERY_CONTEXT, Buffer.from(params.salt, 'base64'));
  try {
    return wrap<RecoverySlot>(vaultId, 'recovery', params, kek, vaultKey);
  } finally {
    wipe(kek);
  }
}

/** The vault key, or WRONG_PASSPHRASE. */
export async function unlockWithPassphrase(
  header: VaultHeader,
  passphrase: string,
): Promise<SecretBytes> {
  const slot = header.slots.passphrase;
  const kek = await deriveArgon2id(passphrase, Buffer.from(slot.salt, 'base64'), slot.kdf);
  try {
    const key = unwrap(header.vaultId, 'passphrase', slot, kek);
    if (!key)
      throw new VigilError(
        'WRONG_PASSPHRASE',
        'Wrong passphrase: the vault was not opened and nothing was changed.',
      );
    return key;
  } finally {
    wipe(kek);
  }
}

/**
 * The vault key, unwrapped once with the passphrase, for a process that opens
 * the vault for many commands in a row (`vigil batch`, `vigil shell`) with
 * `openUnlockedVault`, paying for Argon2id once. The caller keeps it in
 * guarded memory and wipes it when the session ends or idles.
 *
 * `whileDeriving` is called once Argon2id runs on libuv's pool, leaving this
 * thread idle for most of a second: the caller starts loading there the code
 * it needs next (SQLCipher, the commands), which would otherwise wait for the
 * key. What it starts must handle its own failures; a throw is ignored.
 */
export async function unlockVaultKey(
  dir: string,
  passphrase: string,
  whileDeriving?: () => void,
): Promise<{ vaultId: string; vaultKey: SecretBytes }> {
  const header = await readHeader(dir);
  const deriving = unlockWithPassphrase(header, passphrase);
  try {
    whileDeriving?.();
  } catch {
    // Loading ahead only saves time; the commands load what they need themselves.
  }
  return { vaultId: header.vaultId, vaultKey: await deriving };
}

/** The vault key, or WRONG_RECOVERY_KEY. */
export function unlockWithRecoveryKey(
  header: VaultHeader,
  recoverySecret: SecretBytes,
): SecretBytes {
  const slot = header.slots.recovery;
  const kek = deriveBlake2b(recoverySecret, RECOVERY_CONTEXT, Buffer.from(slot.salt, 'base64'));
  try {
    const key = unwrap(header.vaultId, 'recovery', slot, kek);
    if (!key)
      throw new VigilError(
        'WRONG_RECOVERY_KEY',
        'This recovery key does not belong to this vault; nothing was changed.',
      );
    return key;
  } finally {
    wipe(kek);
  }
}
