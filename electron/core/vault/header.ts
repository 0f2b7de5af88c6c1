import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { VigilError, fsError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { MAX_MEMLIMIT, MAX_OPSLIMIT, MIN_MEMLIMIT, MIN_OPSLIMIT } from '../crypto/kdf';
import { DATABASE_FILE, headerPath } from './layout';

/**
 * The vault header is a small text file:
 *
 *   VIGIL-VAULT-HEADER 1
 *   {"format":1,"vaultId":…,"slots":{…}}
 *   sha256 <hex of the two lines above>
 *
 * It holds only public parameters and wrapped keys. The checksum tells a
 * damaged header (any flipped byte) apart from a wrong passphrase; the AEAD of
 * each keyslot, whose associated data binds the parameters, is what stops an
 * attacker from weakening them.
 */
export const HEADER_MAGIC = 'VIGIL-VAULT-HEADER 1';
export const HEADER_FORMAT = 1;
const MAX_HEADER_BYTES = 64 * 1024;

const base64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === bytes, `must encode ${bytes} bytes`);

const sealedKey = { nonce: base64(24), wrappedKey: base64(48) };

const passphraseSlotSchema = z
  .object({
    kdf: z
      .object({
        alg: z.literal('argon2id13'),
        opslimit: z.number().int().min(MIN_OPSLIMIT).max(MAX_OPSLIMIT),
        memlimit: z.number().int().min(MIN_MEMLIMIT).max(MAX_MEMLIMIT),
      })
      .strict(),
    salt: base64(16),
    ...sealedKey,
  })
  .strict();

const recoverySlotSchema = z
  .object({
    kdf: z.object({ alg: z.literal('blake2b') }).strict(),
    salt: base64(16),
    ...sealedKey,
  })
  .strict();

const headerSchema = z
  .object({
    format: z.literal(HEADER_FORMAT),
    vaultId: z.uuid(),
    createdAt: z.iso.datetime(),
    slots: z.object({ passphrase: passphraseSlotSchema, recovery: recoverySlotSchema }).strict(),
  })
  .strict();

export type VaultHeader = z.infer<typeof headerSchema>;
export type PassphraseSlot = VaultHeader['slots']['passphrase'];
export type RecoverySlot = VaultHeader['slots']['recovery'];
export type SlotKind = keyof VaultHeader['slots'];

const checksum = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function serializeHeader(header: VaultHeader): Buffer {
  const body = `${HEADER_MAGIC}\n${JSON.stringify(headerSchema.parse(header))}\n`;
  return Buffer.from(`${body}sha256 ${checksum(body)}\n`, 'utf8');
}

const damaged = (why: string) =>
  new VigilError(
    'HEADER_DAMAGED',
    `The vault header is damaged (${why}); the vault was not changed. Restore the header from a backup.`,
  );

export function parseHeader(bytes: Uint8Array): VaultHeader {
  if (bytes.byteLength > MAX_HEADER_BYTES) throw damaged('it is too large');
  const text = Buffer.from(bytes).toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(Buffer.from(bytes))) throw damaged('it is not valid UTF-8');
  const lines = text.split('\n');
  if (lines.length !== 4 || lines[3] !== '')
    throw damaged('it does not have the expected three lines');
  const [magic, json, sum] = lines as [string, string, string];
  const match = /^sha256 ([0-9a-f]{64})$/.exec(sum);
  if (!match) throw damaged('its checksum line is malformed');
  if (match[1] !== checksum(`${magic}\n${json}\n`))
    throw damaged('its checksum does not match its content');
  if (magic !== HEADER_MAGIC) {
    const version = /^VIGIL-VAULT-HEADER (\d+)$/.exec(magic);
    if (version && Number(version[1]) > HEADER_FORMAT) {
      throw new VigilError(
        'VAULT_TOO_NEW',
        `This vault was made by a newer version of Vigil (header format ${version[1]}); update Vigil to open it.`,
      );
    }
    throw damaged('its first line is not a Vigil header');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw damaged('its parameters are not valid JSON');
  }
  const result = headerSchema.safeParse(parsed);
  if (!result.success)
    throw damaged(
      `its parameters are invalid: ${result.error.issues[0]?.path.join('.') || 'structure'}`,
    );
  return result.data;
}

/** Reads and checks the header; tells "no vault here" apart from "vault with a broken header". */
export async function readHeader(dir: string): Promise<VaultHeader> {
  let bytes: Buffer;
  try {
    bytes = await readFile(headerPath(dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      const hasDatabase = await stat(`${dir}/${DATABASE_FILE}`).then(
        () => true,
        () => false,
      );
      if (hasDatabase) throw damaged('the header file is missing');
      throw new VigilError('VAULT_NOT_FOUND', `There is no Vigil vault at ${dir}.`);
    }
    throw fsError(error, 'Cannot read the vault header');
  }
  return parseHeader(bytes);
}

/** Replaces the header atomically: after a crash it is the old one or the new one. */
export async function writeHeaderBytes(
  dir: string,
  bytes: Uint8Array,
  options: { create?: boolean } = {},
): Promise<void> {
  await writeFileAtomic(headerPath(dir), bytes, {
    crashPrefix: 'header',
    overwrite: !options.create,
    label: 'the new vault header',
  });
}
