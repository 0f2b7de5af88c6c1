import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core';
import { createVault } from '../../../electron/core';
import { intakeFile, updateEvidence } from '../../../electron/core/evidence';
import {
  createCase,
  createEvent,
  createIntervention,
  createPerson,
  createTestimony,
  deleteEvent,
  linkPerson,
  listCases,
  unlinkPerson,
  updateCase,
  updatePerson,
} from '../../../electron/core/records';
import { restoreFromTrash } from '../../../electron/core/records/trash';
import { caseAuditLog } from '../../../electron/core/records/caseAudit';
import { TEST_KDF, PASSPHRASE } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

const JPEG = resolve(import.meta.dirname, '../../fixtures/metadata/camera.jpg');

let open: Vault[] = [];
afterEach(async () => {
  await Promise.all(open.map((v) => v.lock()));
  open = [];
});

/** A vault whose clock moves only when told, a day at a time, from a date before the real clock. */
async function vaultWithClock(): Promise<{ vault: Vault; tick: () => string }> {
  let now = Date.parse('2026-01-01T09:00:00.000Z');
  const { vault } = await createVault({
    dir: join(await tempDir(), 'vault'),
    passphrase: PASSPHRASE,
    kdf: TEST_KDF,
    actor: 'tester',
    now: () => new Date(now),
  });
  open.push(vault);
  return {
    vault,
    tick: () => {
      now += 86_400_000;
      return new Date(now).toISOString();
    },
  };
}

const lastChanges = async (vault: Vault) =>
  Object.fromEntries((await listCases(vault)).map((c) => [c.reference, c.lastChange]));

describe('a case’s last change', () => {
  it('follows any change in the case or its records, for the list, its sort and the CLI’s JSON', async () => {
    const { vault, tick } = await vaultWithClock();
    const a = await createCase(vault, { title: 'Arrests in Oran', reference: 'A-1' });
    const b = await createCase(vault, { title: 'اعتقالات في حلب', reference: 'B-2' });
    const created = a.createdAt;
    expect(await lastChanges(vault)).toEqual({ 'A-1': created, 'B-2': created });

    // Each kind of change in A moves A's last change to its time, and leaves B alone.
    const person = await createPerson(
      vault,
      { name: 'Мария Иванова' },
      { caseId: b.id, role: 'victim' },
    );
    const steps: [string, () => Promise<unknown>][] = [
      [
        'event',
        () => createEvent(vault, a.id, { eventType: 'arbitrary-arrest', title: 'Dawn raid' }),
      ],
      ['testimony', () => createTestimony(vault, a.id, { statement: 'They came at night.' })],
      [
        'intervention',
        () => createIntervention(vault, a.id, { interventionType: 'urgent-appeal' }),
      ],
      ['link', () => linkPerson(vault, { caseId: a.id, personId: person.id, role: 'witness' })],
      ['evidence', () => intakeFile(vault, { caseId: a.id, path: JPEG })],
      ['unlink', () => unlinkPerson(vault, { caseId: a.id, personId: person.id })],
    ];
    const bBefore = (await lastChanges(vault))['B-2'];
    for (const [what, step] of steps) {
      const at = tick();
      await step();
      const now = await lastChanges(vault);
      // An unlink carries no time of its own: the database's clock, not the vault's, stamps it.
      if (what === 'unlink') expect(now['A-1']! > at, what).toBe(true);
      else expect(now['A-1'], what).toBe(at);
      expect(now['B-2'], what).toBe(bBefore);
    }

    // Sorted by last change, the case touched last comes first; B's person edit brings B up.
    expect((await listCases(vault, { sort: 'updated' })).map((c) => c.reference)).toEqual([
      'A-1',
      'B-2',
    ]);
    const edited = tick();
    await updatePerson(vault, person.id, { occupation: 'teacher' });
    expect((await lastChanges(vault))['B-2']).toBe(edited);

    // A deleted record, and its restoring, are changes too.
    const event = await createEvent(vault, b.id, { eventType: 'torture', title: 'Beating' });
    const deleted = tick();
    const trash = await deleteEvent(vault, event.id);
    expect((await lastChanges(vault))['B-2']).toBe(deleted);
    tick();
    await restoreFromTrash(vault, trash.id);
    expect((await lastChanges(vault))['B-2']! > deleted).toBe(true);

    // The case record's own time stays its own: only its own edits move it.
    const own = (await listCases(vault)).find((c) => c.reference === 'A-1')!;
    expect(own.updatedAt).toBe(created);
    const retitled = tick();
    await updateCase(vault, a.id, { title: 'Arrests in Oran and Tlemcen' });
    const after = (await listCases(vault)).find((c) => c.reference === 'A-1')!;
    expect(after.updatedAt).toBe(retitled);
    // (The unlink above took the database's clock, later than this test's clock.)
    expect(after.lastChange >= retitled).toBe(true);
    // An evidence edit (no time of its own) moves it on.
    const [item] = await vault.db.all<{ id: string }>(
      'SELECT id FROM evidence WHERE case_id = ? AND parent_id IS NULL',
      [a.id],
    );
    await updateEvidence(vault, item!.id, { title: 'Photo of the raid' });
    expect((await lastChanges(vault))['A-1']! > retitled).toBe(true);
  });

  it('names files, people and deleted records in the case audit log, and says which entries are this account’s', async () => {
    const { vault } = await vaultWithClock();
    const c = await createCase(vault, { title: 'Détention à Oran', reference: 'O-3' });
    await createPerson(vault, { name: 'عبد الله' }, { caseId: c.id, role: 'victim' });
    await intakeFile(vault, { caseId: c.id, path: JPEG });
    const event = await createEvent(vault, c.id, {
      eventType: 'torture',
      title: 'Coups à la prison',
    });
    await deleteEvent(vault, event.id);
    const log = await caseAuditLog(vault, c.id, 100);
    const labelled = log.map((e) => `${e.action}: ${e.label}`);
    expect(labelled).toContain('case.create: O-3');
    expect(labelled).toContain('evidence.intake: camera.jpg');
    expect(labelled).toContain('person.link: عبد الله');
    // The event is gone from its table; the trash remembers what it was called.
    expect(labelled.find((l) => l.startsWith('event.create: '))).toContain('Coups à la prison');
    expect(log.every((e) => e.byThisAccount && e.actor === 'tester')).toBe(true);
  });
});
