import { z } from 'zod';
import {
  checkReport,
  empty,
  kdfPreset,
  location,
  opaqueId,
  passphrase,
  shortText,
} from '../schemas';

/** Channels of the vault lifecycle. */
export const vaultChannels = {
  'vault.chooseNewLocation': { input: empty, output: location.nullable() },
  'vault.chooseExisting': { input: empty, output: location.nullable() },
  'vault.create': {
    input: z.strictObject({ locationId: opaqueId, passphrase, kdf: kdfPreset }),
    output: z.object({ vaultId: z.string(), recoveryKey: z.string() }),
  },
  'vault.unlock': {
    input: z.strictObject({ locationId: opaqueId, passphrase }),
    output: z.object({ vaultId: z.string(), label: z.string() }),
  },
  'vault.lock': {
    /** `panic` and `quick-exit` also close every window and leave a neutral lock screen. */
    input: z.strictObject({ reason: z.enum(['user', 'panic', 'quick-exit']) }),
    output: z.object({}),
  },
  'vault.status': {
    input: empty,
    output: z.object({
      unlocked: z.boolean(),
      vaultId: z.string().nullable(),
      label: z.string().nullable(),
      /**
       * Where the open vault is, for a page loaded while it is open (a reload) to know which
       * unlock screen a later lock goes to. Null when none is open.
       */
      open: location.nullable(),
      /**
       * The vault locked last in this run, for a fresh window to offer its unlock screen (after a
       * panic or quick exit closed every window). Its label is empty when names are not shown.
       */
      locked: location.nullable(),
    }),
  },
  'vault.info': {
    input: empty,
    output: z.object({
      vaultId: z.string(),
      createdAt: z.string(),
      kdf: z.object({ alg: z.string(), memoryMiB: z.number(), iterations: z.number() }),
    }),
  },
  'vault.changePassphrase': {
    input: z.strictObject({ current: passphrase, next: passphrase, kdf: kdfPreset.optional() }),
    output: z.object({}),
  },
  'vault.recover': {
    input: z.strictObject({
      locationId: opaqueId,
      recoveryKey: shortText(200),
      newPassphrase: passphrase,
    }),
    output: z.object({}),
  },
  /** A new recovery key, shown once; the old one stops working. */
  'vault.newRecoveryKey': {
    input: z.strictObject({ passphrase }),
    output: z.object({ recoveryKey: z.string() }),
  },
  'vault.check': { input: empty, output: checkReport },
} as const;
