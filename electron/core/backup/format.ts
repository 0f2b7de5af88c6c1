import { z } from 'zod';
import sodium from 'sodium-native';
import { VigilError } from '../errors';

/**
 * A Vigil backup is one file:
 *
 *   "VGLBACK1"
 *   member… each: kind (1 byte) | name length (u16 BE) | name (UTF-8) | size (u64 BE) | bytes
 *     kind H  vault.header  the vault's header, as on disk (its keyslots open the backup)
 *     kind D  vault.db      a consistent SQLCipher copy, still encrypted under the vault key
 *     kind B  blobs/ID.blob evidence blobs, still secretstream-encrypted under their own keys
 *   kind M  manifest.json   every member's kind, name, size and SHA-256, in order
 *   MAC (32 bytes)          keyed BLAKE2b of the manifest under the vault's backup key
 *
 * Nothing in it is plaintext but the header's public parameters. The MAC
 * makes the container one authenticated whole: a member changed, dropped,
 * added, reordered or swapped in from another backup fails verification.
 * The manifest comes last so that the file is written in one pass, with
 * bounded memory, whatever the size of the evidence.
 */
export const BACKUP_MAGIC = Buffer.from('VGLBACK1', 'latin1');
export const BACKUP_FORMAT = 1;
export const MAC_BYTES = 32;
const MAC_CONTEXT = Buffer.from('vigil-backup-manifest-v1\n', 'utf8');

export type MemberKind = 'H' | 'D' | 'B' | 'M';
export const MEMBER_KINDS: readonly MemberKind[] = ['H', 'D', 'B', 'M'];

export const HEADER_MEMBER = 'vault.header';
export const DATABASE_MEMBER = 'vault.db';
export const MANIFEST_MEMBER = 'manifest.json';
/** A blob member's name; the strict form keeps a restore inside its directory. */
export const BLOB_MEMBER =
  /^blobs\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.blob$/;

/** Limits that keep a hostile file from making the reader allocate without bound. */
export const MAX_HEADER_MEMBER = 64 * 1024;
export const MAX_MANIFEST = 64 * 1024 * 1024;
const MAX_NAME = 256;

export const memberSchema = z
  .object({
    kind: z.enum(['H', 'D', 'B']),
    name: z.string().min(1).max(MAX_NAME),
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type Member = z.infer<typeof memberSchema>;

export const manifestSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    backupId: z.uuid(),
    vaultId: z.uuid(),
    createdAt: z.iso.datetime(),
    schemaVersion: z.number().int().min(1),
    members: z.array(memberSchema),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;

/** The bytes that introduce a member. */
export function memberHead(kind: MemberKind, name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > MAX_NAME) throw new Error('member name too long');
  const head = Buffer.alloc(1 + 2 + nameBytes.length + 8);
  head.write(kind, 0, 'latin1');
  head.writeUInt16BE(nameBytes.length, 1);
  nameBytes.copy(head, 3);
  head.writeBigUInt64BE(BigInt(size), 3 + nameBytes.length);
  return head;
}

export function manifestMac(manifest: Uint8Array, key: Uint8Array): Buffer {
  const mac = Buffer.alloc(MAC_BYTES);
  sodium.crypto_generichash(mac, Buffer.concat([MAC_CONTEXT, manifest]), key);
  return mac;
}

export function damagedBackup(why: string): VigilError {
  return new VigilError(
    'INTEGRITY_FAILED',
    `The backup is damaged or altered (${why}); nothing was restored from it.`,
  );
}
