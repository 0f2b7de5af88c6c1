import { basename } from 'node:path';
import { createBackup, lastBackupAt } from '../../core';
import { listDue } from '../../core/records';
import type { Handlers } from '../ipc/dispatch';
import type { AppContext } from './context';

const DAY_MS = 24 * 60 * 60 * 1000;

const stamp = (date: Date) => date.toISOString().slice(0, 10);

export function backupHandlers(
  ctx: AppContext,
): Pick<Handlers, 'backup.create' | 'backup.status' | 'due.list'> {
  return {
    async 'backup.create'({ operationId }) {
      const vault = ctx.session.requireVault();
      const out = await ctx.dialogs.chooseSaveFile(`vigil-backup-${stamp(new Date())}.vigilbackup`);
      if (!out) return { saved: false, label: null, outputId: null, bytes: null, createdAt: null };
      const result = await ctx.operations.run(operationId, (signal, progress) =>
        createBackup(vault, {
          out,
          signal,
          onProgress: (done, total) => progress({ phase: 'backup', done, total, item: null }),
        }),
      );
      return {
        saved: true,
        label: basename(result.file),
        outputId: ctx.session.remember('output', result.file),
        bytes: result.bytes,
        createdAt: result.createdAt,
      };
    },
    async 'backup.status'() {
      const lastAt = await lastBackupAt(ctx.session.requireVault());
      const remindAfterDays = ctx.settings.get().backupReminderDays;
      const reminder =
        lastAt === null || Date.now() - Date.parse(lastAt) > remindAfterDays * DAY_MS;
      return { lastAt, remindAfterDays, reminder };
    },
    async 'due.list'(input) {
      return listDue(ctx.session.requireVault(), input);
    },
  };
}
