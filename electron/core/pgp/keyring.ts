import type { PublicKey } from 'openpgp';
import { VigilError } from '../errors';
import type { Vault } from '../vault/vault';
import { allKeys, parsePublicKey, type KeyKind } from './keyStore';
import { parseKeyFile } from './keys';

/**
 * Where a key that checks a signature came from, which decides what a good
 * signature by it proves:
 * - `vault`: a key in the vault (the organisation's, or a partner's that a
 *   user may have marked trusted);
 * - `dossier`: the signer's key shipped inside the dossier itself: it proves
 *   only that the same key signed everything, not who holds it;
 * - `pinned`: a key the user named on purpose (`--key FILE`) as the one
 *   expected to have signed.
 */
export type KeyOrigin = 'vault' | 'dossier' | 'pinned';

export interface KnownKey {
  fingerprint: string;
  /** The key's kind in the vault; null for keys from elsewhere. */
  kind: KeyKind | null;
  /** The organisation's key, a partner key marked trusted, or a pinned key. */
  trusted: boolean;
  origin: KeyOrigin;
  userIds: string[];
  key: PublicKey;
}

/** The keys a signature is checked against, with each (sub)key id pointing at its key. */
export interface Keyring {
  /** Where its keys are, for messages: "in the vault", "the key given with --key". */
  places: string[];
  keys: PublicKey[];
  byKeyId: Map<string, KnownKey>;
  byFingerprint: Map<string, KnownKey>;
}

const PLACES: Record<KeyOrigin, string> = {
  vault: 'in the vault',
  dossier: "in the dossier's signer-key.asc",
  pinned: 'the key given with --key',
};

function build(known: KnownKey[], places: string[]): Keyring {
  const ring: Keyring = { places, keys: [], byKeyId: new Map(), byFingerprint: new Map() };
  for (const entry of known) {
    // The first source of a key wins: a key in the vault keeps its trust even if a dossier ships it too.
    if (ring.byFingerprint.has(entry.fingerprint)) continue;
    ring.byFingerprint.set(entry.fingerprint, entry);
    ring.keys.push(entry.key);
    for (const id of entry.key.getKeyIDs()) {
      const hex = id.toHex().toUpperCase();
      if (!ring.byKeyId.has(hex)) ring.byKeyId.set(hex, entry);
    }
  }
  return ring;
}

/** Every public key in the vault, trusted as the vault says. */
export async function vaultKeyring(vault: Vault): Promise<Keyring> {
  const known: KnownKey[] = [];
  for (const stored of await allKeys(vault.db)) {
    known.push({
      fingerprint: stored.fingerprint,
      kind: stored.kind,
      trusted: stored.kind === 'organisation' || stored.trusted,
      origin: 'vault',
      userIds: stored.userIds,
      key: await parsePublicKey(stored),
    });
  }
  return build(known, [PLACES.vault]);
}

/**
 * The public keys in a key file (armored or binary; the public part of a
 * secret key). A `pinned` key is trusted (the user named it), a key shipped
 * in a `dossier` is not. Refuses a file that holds no key.
 */
export async function fileKeyring(
  data: Uint8Array | string,
  origin: Exclude<KeyOrigin, 'vault'>,
): Promise<Keyring> {
  const keys = await parseKeyFile(data);
  if (keys.length === 0) throw new VigilError('INVALID_INPUT', 'The file holds no key.');
  return build(
    keys.map((key) => {
      const pub: PublicKey = key.isPrivate() ? key.toPublic() : key;
      return {
        fingerprint: pub.getFingerprint().toUpperCase(),
        kind: null,
        trusted: origin === 'pinned',
        origin,
        userIds: pub.getUserIDs(),
        key: pub,
      };
    }),
    [PLACES[origin]],
  );
}

/** Several keyrings as one; where a key is in more than one, the earlier ring's entry counts. */
export function mergeKeyrings(...rings: Keyring[]): Keyring {
  return build(
    rings.flatMap((ring) => [...ring.byFingerprint.values()]),
    [...new Set(rings.flatMap((ring) => ring.places))],
  );
}

export const EMPTY_KEYRING: Keyring = build([], []);
