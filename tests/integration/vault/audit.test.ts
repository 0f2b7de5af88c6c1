import { describe, expect, it } from 'vitest';
import { checkVault } from '../../../electron/core';
import { verifyAuditChain } from '../../../electron/core/vault/audit';
import { newVault, openRawDatabase, reopen } from '../../helpers/vault';

describe('audit log', () => {
  it('chains every entry to the one before and verifies', async () => {
    const { vault } = await newVault();
    for (let i = 0; i < 20; i += 1) {
      await vault.db.transaction((tx) =>
        vault.record(tx, {
          action: 'test.touch',
          entityType: 'test',
          entityId: String(i),
          detail: { i },
        }),
      );
    }
    const rows = await vault.db.all<{
      seq: number;
      prev_hash: string;
      hash: string;
      actor: string;
    }>('SELECT * FROM audit_log ORDER BY seq');
    expect(rows).toHaveLength(21);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(rows.every((r) => r.actor === 'tester')).toBe(true);
    expect(await verifyAuditChain(vault.db)).toMatchObject({ ok: true, entries: 21, problems: [] });
    await vault.lock();
  });

  it('refuses UPDATE and DELETE through SQL', async () => {
    const { vault } = await newVault();
    await expect(vault.db.run("UPDATE audit_log SET actor = 'someone else'")).rejects.toThrow(
      /append-only/,
    );
    await expect(vault.db.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await vault.lock();
  });

  it('detects an edited row, a deleted row and a re-chained forgery made around the triggers', async () => {
    const { vault, dir } = await newVault();
    for (let i = 0; i < 5; i += 1) {
      await vault.db.transaction((tx) =>
        vault.record(tx, { action: 'test.touch', entityType: 'test', entityId: String(i) }),
      );
    }
    await vault.lock();

    const raw = await openRawDatabase(dir);
    await raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    await raw.run("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
    await raw.run('DELETE FROM audit_log WHERE seq = 5');
    await raw.close();

    const opened = await reopen(dir);
    const result = await verifyAuditChain(opened.db);
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(
      'audit entry 3 was altered (its hash does not match its content)',
    );
    expect(result.problems).toContain('audit entry 5 is missing (next is 6)');
    const report = await checkVault(opened);
    expect(report.ok).toBe(false);
    expect(report.items.find((i) => i.name.startsWith('audit log'))?.ok).toBe(false);
    await opened.lock();
  });
});
