import { z } from 'zod';
import { empty, operationId } from '../schemas';

const dueItem = z.object({
  caseId: z.string(),
  caseReference: z.string(),
  caseTitle: z.string(),
  dueOn: z.string(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  kind: z.enum(['follow-up', 'rule']),
  rule: z.string().nullable(),
  from: z.string().nullable(),
  approximate: z.boolean(),
  source: z.object({ type: z.enum(['intervention', 'event']), id: z.string() }),
});

/** Channels of whole-vault backups and of the deadlines across cases. */
export const backupChannels = {
  /** Backs up into a file the user chooses in a save dialog opened by main. */
  'backup.create': {
    input: z.strictObject({ operationId }),
    output: z.object({
      saved: z.boolean(),
      label: z.string().nullable(),
      /** For app.showInFolder: a reference to where main wrote it (null when nothing was saved). */
      outputId: z.string().nullable(),
      bytes: z.number().nullable(),
      createdAt: z.string().nullable(),
    }),
  },
  /** When the last backup was made, and whether it is older than the reminder setting. */
  'backup.status': {
    input: empty,
    output: z.object({
      lastAt: z.string().nullable(),
      remindAfterDays: z.number().int(),
      reminder: z.boolean(),
    }),
  },
  'due.list': {
    input: z.strictObject({
      withinDays: z.number().int().min(0).max(36500).optional(),
      overdueOnly: z.boolean().optional(),
    }),
    output: z.array(dueItem),
  },
} as const;
