import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/ipc/contract';
import { verifyBackup } from '../../../electron/core';
import { createCase, createEvent, createIntervention } from '../../../electron/core/records';
import { testServices } from '../../helpers/services';
import { tempDir } from '../../helpers/tmp';
import { newVault, PASSPHRASE } from '../../helpers/vault';

describe('backup and due channels', () => {
  it('back up through the save dialog, report the last backup and the reminder, list what is due', async () => {
    const services = await testServices();
    const { vault } = await newVault();
    await services.context.session.open(vault);
    const call = async <T = unknown>(channel: string, input: unknown): Promise<T> => {
      const result = (await services.dispatch(channel, input)) as Result<T>;
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value;
    };

    expect(await call('backup.status', {})).toEqual({
      lastAt: null,
      remindAfterDays: 7,
      reminder: true,
    });
    // Cancelled in the dialog: nothing happens.
    services.dialogs.saves.push(null);
    expect(await call('backup.create', { operationId: 'op-backup-1' })).toEqual({
      saved: false,
      label: null,
      outputId: null,
      bytes: null,
      createdAt: null,
    });
    const out = join(await tempDir(), 'chosen.vigilbackup');
    services.dialogs.saves.push(out);
    const made = await call<{ saved: boolean; label: string; bytes: number }>('backup.create', {
      operationId: 'op-backup-2',
    });
    expect(made).toMatchObject({ saved: true, label: 'chosen.vigilbackup' });
    // "Show in folder": the renderer holds a reference; main opens the path it chose itself.
    await call('app.showInFolder', {
      outputId: (made as unknown as { outputId: string }).outputId,
    });
    expect(services.dialogs.shownInFolder).toEqual([out]);
    expect(made.bytes).toBeGreaterThan(0);
    expect(services.events.some((e) => e.event === 'progress')).toBe(true);
    expect((await verifyBackup(out, { passphrase: PASSPHRASE })).vaultId).toBe(vault.id);
    const status = await call<{ lastAt: string; reminder: boolean }>('backup.status', {});
    expect(status.reminder).toBe(false);
    expect(Date.parse(status.lastAt)).toBeGreaterThan(Date.now() - 60_000);
    // The same file again: never overwritten.
    services.dialogs.saves.push(out);
    const again = await services.dispatch('backup.create', {
      operationId: 'op-backup-3',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    expect(await call('settings.set', { backupReminderDays: 30 })).toMatchObject({
      backupReminderDays: 30,
    });
    for (const bad of [0, 366, 1.5, '7'])
      expect(await services.dispatch('settings.set', { backupReminderDays: bad })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });

    const { id: caseId } = await createCase(vault, { title: 'Due case' });
    await createEvent(vault, caseId, {
      eventType: 'final-domestic-decision',
      start: { value: '2023-10-31', qualifier: 'exact' },
    });
    await createIntervention(vault, caseId, {
      interventionType: 'urgent-appeal',
      followUpOn: '2099-05-01',
    });
    const due = await call<{ dueOn: string; overdue: boolean; rule: string | null }[]>(
      'due.list',
      {},
    );
    expect(due.map((d) => [d.dueOn, d.rule, d.overdue])).toEqual([
      ['2024-02-29', 'echr-application', true],
      ['2024-04-30', 'iachr-petition', true], // 31 October + 6 months: April has 30 days
      ['2099-05-01', null, false],
    ]);
    expect(await call('due.list', { overdueOnly: true })).toHaveLength(2);
    for (const bad of [{ withinDays: -1 }, { withinDays: 'x' }, { overdue: true }])
      expect(await services.dispatch('due.list', bad)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    await services.context.session.lock('user');
  }, 60_000);
});
