import { z } from 'zod';
import { coreWarningOut, empty, opaqueId, passphrase, shortText } from '../schemas';

/** A fingerprint as people paste it (spaces, 0x); the core checks it is 40 or 64 hex digits. */
const fingerprint = z.string().min(1).max(100);

export const keyInfoOut = z.object({
  fingerprint: z.string(),
  kind: z.enum(['organisation', 'partner']),
  active: z.boolean(),
  userIds: z.array(z.string()),
  created: z.string(),
  expires: z.string().nullable(),
  algorithm: z.string(),
  version: z.number(),
  canSign: z.boolean(),
  canEncrypt: z.boolean(),
  revoked: z.boolean(),
  expired: z.boolean(),
  trusted: z.boolean(),
  trustedBy: z.string().nullable(),
  trustedAt: z.string().nullable(),
  importedAt: z.string(),
  warnings: z.array(z.string()),
  notices: z.array(coreWarningOut),
});

const saved = z.object({ saved: z.boolean(), label: z.string().nullable() });

/**
 * Channels of the OpenPGP keys: the organisation's key (generate, export its
 * public part or a passphrase-protected backup) and partners' keys (import,
 * trust). Key files are chosen in a native dialog; the renderer holds an
 * opaque reference, never a path, and never sees secret key material.
 */
export const keysChannels = {
  'keys.list': { input: empty, output: z.array(keyInfoOut) },
  'keys.generate': {
    input: z.strictObject({ name: shortText(200), email: shortText(254) }),
    output: keyInfoOut,
  },
  'keys.chooseFile': {
    input: empty,
    output: z.object({ fileId: opaqueId, name: z.string(), size: z.number() }).nullable(),
  },
  'keys.import': {
    input: z.strictObject({
      fileId: opaqueId,
      trust: z.boolean(),
      passphrase: passphrase.optional(),
    }),
    output: z.array(z.object({ key: keyInfoOut, status: z.enum(['new', 'updated', 'unchanged']) })),
  },
  'keys.setTrust': {
    input: z.strictObject({ fingerprint, trusted: z.boolean() }),
    output: keyInfoOut,
  },
  'keys.exportPublic': {
    input: z.strictObject({ fingerprint: fingerprint.optional() }),
    output: saved,
  },
  'keys.exportSecret': { input: z.strictObject({ passphrase }), output: saved },
} as const;
