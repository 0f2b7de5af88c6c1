import { z } from 'zod';
import { DRAFT_KINDS } from '../../drafts';
import { empty, language, location, opaqueId, operationId } from '../schemas';

/** Unsaved drafts by kind: counts only, never their content. */
const draftCounts = z.partialRecord(z.enum(DRAFT_KINDS), z.number().int().min(0).max(10_000));

const settingsOut = z.object({
  /** null until the user chooses: the interface then follows the system's language. */
  language: language.nullable(),
  autoLockMinutes: z.number().int(),
  lockOnHide: z.boolean(),
  hideVaultNames: z.boolean(),
  clipboardSeconds: z.number().int(),
  /** Remind the user to back up when the last backup is older than this many days. */
  backupReminderDays: z.number().int(),
  /** The user folded the navigation away. */
  navCollapsed: z.boolean(),
});

/** Channels of the application. */
export const appChannels = {
  'app.info': {
    input: empty,
    output: z.object({
      version: z.string(),
      platform: z.string(),
      /** Labels are empty when the user chose to show no vault names. */
      recentVaults: z.array(location),
    }),
  },
  /** Forgets one recent vault (by the reference app.info gave), or every one; no vault is touched. */
  'app.forgetRecent': {
    input: z.strictObject({ locationId: opaqueId.optional() }),
    output: z.object({}),
  },
  /** Shows a file or folder Vigil has just written (an export) in the system's file manager. */
  'app.showInFolder': {
    input: z.strictObject({ outputId: opaqueId }),
    output: z.object({}),
  },
  /** Copies text to the clipboard; main clears it after the delay if it still holds this text. */
  'clipboard.copy': {
    input: z.strictObject({ text: z.string().min(1).max(4096) }),
    output: z.object({ clearsInSeconds: z.number().int() }),
  },
  'settings.get': { input: empty, output: settingsOut },
  'settings.set': {
    input: z.strictObject({
      language: language.optional(),
      autoLockMinutes: z.number().int().min(1).max(240).optional(),
      backupReminderDays: z.number().int().min(1).max(365).optional(),
      lockOnHide: z.boolean().optional(),
      hideVaultNames: z.boolean().optional(),
      clipboardSeconds: z.number().int().min(5).max(600).optional(),
      navCollapsed: z.boolean().optional(),
    }),
    output: settingsOut,
  },
  /** The renderer's unsaved drafts, by kind (counts only), so a lock can say what it discarded. */
  'drafts.report': {
    input: z.strictObject({ counts: draftCounts }),
    output: z.object({}),
  },
  /** What the last lock of the open vault discarded (told once; empty when nothing was). */
  'drafts.discarded': {
    input: empty,
    output: z.object({ counts: draftCounts }),
  },
  /** "Close anyway": the user chose to close the window with drafts open; nothing is saved. */
  'app.closeWindow': {
    input: empty,
    output: z.object({}),
  },
  'operation.cancel': {
    input: z.strictObject({ operationId }),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const;
