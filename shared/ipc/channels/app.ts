import { z } from 'zod';
import { empty, language, location, operationId } from '../schemas';

/** Channels of the application. */
export const appChannels = {
  'app.info': {
    input: empty,
    output: z.object({
      version: z.string(),
      platform: z.string(),
      recentVaults: z.array(location),
    }),
  },
  'settings.get': {
    input: empty,
    output: z.object({ language, autoLockMinutes: z.number().int() }),
  },
  'settings.set': {
    input: z.strictObject({
      language: language.optional(),
      autoLockMinutes: z.number().int().min(1).max(240).optional(),
    }),
    output: z.object({ language, autoLockMinutes: z.number().int() }),
  },
  'operation.cancel': {
    input: z.strictObject({ operationId }),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const;
