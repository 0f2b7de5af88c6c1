import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/ipc/contract';
import { intakeFile } from '../../../electron/core/evidence';
import type { Vault } from '../../../electron/core/vault/vault';
import { testServices } from '../../helpers/services';
import { tempDir } from '../../helpers/tmp';
import { newVault } from '../../helpers/vault';

// The channels of deleting, the trash, versions and seals and intervention
// states, through the real dispatcher, handlers, core and SQLCipher vault.
// Every hostile input must be refused with a clear code and leave every
// table exactly as it was.

const TABLES = [
  'cases',
  'persons',
  'case_persons',
  'events',
  'testimonies',
  'interventions',
  'intervention_states',
  'evidence',
  'record_versions',
  'trash',
  'audit_log',
];

async function open() {
  const services = await testServices();
  const { vault } = await newVault();
  await services.context.session.open(vault);
  const call = async <T = unknown>(channel: string, input: unknown): Promise<T> => {
    const result = (await services.dispatch(channel, input)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  /** Every row of the tables that matter, so that "unchanged" means unchanged. */
  const snapshot = async () => {
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES) out[table] = await vault.db.all(`SELECT * FROM ${table}`);
    return JSON.stringify(out);
  };
  /** Sends `input` on `channel`, expects the refusal `code`, and that nothing changed. */
  const refused = async (channel: string, input: unknown, code: string, message?: RegExp) => {
    const before = await snapshot();
    const result = await services.dispatch(channel, input);
    expect(result, `${channel} ${JSON.stringify(input)}`).toMatchObject({
      ok: false,
      error: { code },
    });
    if (message && !result.ok) expect(result.error.message).toMatch(message);
    expect(await snapshot(), `${channel} changed the vault`).toBe(before);
    return result.ok ? undefined : result.error;
  };
  return { ...services, vault, call, refused };
}

async function caseWithRecords(call: <T>(c: string, i: unknown) => Promise<T>, title: string) {
  const c = await call<{ id: string; reference: string }>('cases.create', { title });
  const witness = await call<{ id: string }>('persons.create', {
    caseId: c.id,
    role: 'witness',
    person: { name: `Witness of ${title}` },
  });
  const testimony = await call<{ id: string }>('testimonies.create', {
    caseId: c.id,
    testimony: {
      witnessId: witness.id,
      statement: `First account for ${title}.`,
      consent: { scope: 'named-mechanisms', mechanisms: ['wgad'], naming: 'initials' },
    },
  });
  const event = await call<{ id: string }>('events.create', {
    caseId: c.id,
    event: { eventType: 'arbitrary-arrest', title: `Arrest in ${title}` },
  });
  const intervention = await call<{ id: string }>('interventions.create', {
    caseId: c.id,
    intervention: { interventionType: 'urgent-appeal', mechanism: 'wgad', status: 'draft' },
  });
  return { c, witness, testimony, event, intervention };
}

const MISSING = '00000000-0000-4000-8000-000000000000';
const NOT_IDS = ['', 'VIG-2026-0001', '../etc/passwd', 42, null, `${MISSING}x`];

async function evidenceIn(vault: Vault, caseId: string, text: string) {
  const file = join(await tempDir(), 'note.txt');
  await writeFile(file, text);
  return intakeFile(vault, { caseId, path: file });
}

describe('history channels: delete, trash, versions, seals, intervention states', () => {
  it('delete and restore every kind through the trash; refuse bad ids and a person in several cases', async () => {
    const { call, refused, vault, context } = await open();
    const a = await caseWithRecords(call, 'Alpha river case');
    const b = await caseWithRecords(call, 'Beta mountain case');
    const item = await evidenceIn(vault, a.c.id, 'a scanned note');

    for (const channel of [
      'cases.delete',
      'persons.delete',
      'evidence.delete',
      'trash.restore',
      'testimonies.seal',
      'testimonies.versions',
    ]) {
      for (const bad of NOT_IDS) await refused(channel, { id: bad }, 'INVALID_INPUT');
      await refused(channel, { id: MISSING }, 'NOT_FOUND');
      await refused(channel, { id: a.c.id, extra: 1 }, 'INVALID_INPUT');
    }
    // A record of another kind is not found as this kind.
    await refused('persons.delete', { id: a.testimony.id }, 'NOT_FOUND');
    await refused('evidence.delete', { id: a.event.id }, 'NOT_FOUND');
    await refused('testimonies.seal', { id: a.witness.id }, 'NOT_FOUND');

    // A person in two cases: the dialog must name both cases, or nothing happens.
    await call('persons.link', { caseId: b.c.id, personId: a.witness.id, role: 'victim' });
    const cases = await call<{ reference: string; roles: string[] }[]>('persons.cases', {
      id: a.witness.id,
    });
    expect(cases.map((c) => c.reference).sort()).toEqual([a.c.reference, b.c.reference].sort());
    const conflict = await refused('persons.delete', { id: a.witness.id }, 'CONFLICT');
    expect(conflict?.message).toContain(a.c.reference);
    expect(conflict?.message).toContain(b.c.reference);
    await refused('persons.delete', { id: a.witness.id, fromCases: [a.c.id] }, 'CONFLICT');
    await refused(
      'persons.delete',
      { id: a.witness.id, fromCases: [a.c.id, b.c.id, MISSING] },
      'CONFLICT',
    );
    await call('persons.delete', { id: a.witness.id, fromCases: [b.c.id, a.c.id] });
    // A person in one case goes without confirmation.
    await call('persons.delete', { id: b.witness.id });

    await call('testimonies.delete', { id: b.testimony.id });
    await call('evidence.delete', { id: item.id });
    await call('cases.delete', { id: a.c.id });

    const trash = await call<
      {
        id: string;
        kind: string;
        recordId: string;
        caseId: string | null;
        caseLabel: string | null;
      }[]
    >('trash.list', {});
    expect(trash.map((e) => e.kind)).toEqual(['case', 'evidence', 'testimony', 'person', 'person']);
    // The testimony's case still exists: it is named; the evidence's case went to the trash itself.
    expect(trash.find((e) => e.kind === 'testimony')?.caseLabel).toBe(
      `${b.c.reference} Beta mountain case`,
    );
    expect(trash.find((e) => e.kind === 'evidence')?.caseLabel).toBeNull();
    expect(await call('trash.list', { kind: 'testimony' })).toHaveLength(1);
    expect(await call('trash.list', { caseId: b.c.id })).toHaveLength(1);
    for (const bad of [{ kind: 'witness' }, { caseId: 'VIG-1' }, { all: true }])
      await refused('trash.list', bad, 'INVALID_INPUT');

    // Trashed records leave the case screens and their counts.
    const listB = await call<{ id: string; counts: { testimonies: number } }[]>('cases.list', {});
    expect(listB.map((c) => c.id)).toEqual([b.c.id]);
    expect(listB[0]!.counts.testimonies).toBe(0);
    expect(await call('testimonies.list', { caseId: b.c.id })).toEqual([]);

    // Evidence needs its case back first: refused, naming what to restore, nothing half done.
    const evidenceEntry = trash.find((e) => e.kind === 'evidence')!;
    await refused('trash.restore', { id: evidenceEntry.id }, 'CONFLICT');
    await call('trash.restore', { id: a.c.id }); // by the record's id
    const restored = await call<{ kind: string; recordId: string }>('trash.restore', {
      id: evidenceEntry.id,
    });
    expect(restored).toMatchObject({ kind: 'evidence', recordId: item.id });
    expect(await call<{ id: string }[]>('evidence.list', { caseId: a.c.id })).toHaveLength(1);
    await refused('trash.restore', { id: evidenceEntry.id }, 'NOT_FOUND');

    await call('trash.restore', { id: b.testimony.id });
    const back = await call<{ counts: { testimonies: number } }[]>('cases.list', {});
    expect(back.map((c) => c.counts.testimonies).sort()).toEqual([1, 1]);

    // Emptying: bad numbers refused; old-only keeps what went today; all destroys.
    for (const bad of [-1, 1.5, '7', 36_501])
      await refused('trash.empty', { olderThanDays: bad }, 'INVALID_INPUT');
    expect(await call('trash.empty', { olderThanDays: 30 })).toEqual({ emptied: 0, blobs: 0 });
    // A selection: one entry gone (or never there) refuses the whole choice, nothing destroyed.
    const left = await call<{ id: string }[]>('trash.list', {});
    expect(left).toHaveLength(2);
    for (const bad of [[], ['not an id'], [left[0]!.id, a.c.id], [b.c.id]])
      await refused(
        'trash.empty',
        { ids: bad },
        bad.length === 0 || bad[0] === 'not an id' ? 'INVALID_INPUT' : 'NOT_FOUND',
      );
    expect(await call('trash.list', {})).toHaveLength(2);
    expect(await call('trash.empty', { ids: [left[0]!.id, left[0]!.id] })).toMatchObject({
      emptied: 1,
    });
    expect((await call<{ id: string }[]>('trash.list', {})).map((e) => e.id)).toEqual([
      left[1]!.id,
    ]);
    expect(await call('trash.empty', {})).toEqual({ emptied: 1, blobs: 0 });
    expect(await call('trash.list', {})).toEqual([]);
    await context.session.lock('user');
  }, 60_000);

  it('edit and delete evidence words; versions, restore and seal a testimony; person versions', async () => {
    const { call, refused, vault, context } = await open();
    const { c, testimony, witness } = await caseWithRecords(call, 'Gamma harbour case');
    const item = await evidenceIn(vault, c.id, 'a photo of the door');

    const edited = await call<{ title: string | null }>('evidence.update', {
      id: item.id,
      patch: { title: 'Door of the station' },
    });
    expect(edited.title).toBe('Door of the station');
    for (const bad of [
      { id: item.id, patch: { sha256: 'ab' } },
      { id: item.id, patch: { title: 'x'.repeat(100_000) } },
      { id: item.id, patch: 'title' },
      { id: MISSING, patch: { title: 'Nowhere' } },
    ])
      await refused('evidence.update', bad, bad.id === MISSING ? 'NOT_FOUND' : 'INVALID_INPUT');

    await call('testimonies.update', {
      id: testimony.id,
      patch: { statement: 'Second account, corrected.' },
    });
    const versions = await call<{ version: number; fields: string[]; sealed: unknown }[]>(
      'testimonies.versions',
      { id: testimony.id },
    );
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]!.fields).toContain('statement');
    const first = await call<{ record: { statement: string } }>('testimonies.version', {
      id: testimony.id,
      version: 1,
    });
    expect(first.record.statement).toBe('First account for Gamma harbour case.');
    for (const bad of [0, -1, 1.5, '1', 3])
      await refused(
        'testimonies.version',
        { id: testimony.id, version: bad },
        bad === 3 ? 'NOT_FOUND' : 'INVALID_INPUT',
      );
    await refused('testimonies.restoreVersion', { id: testimony.id, version: 9 }, 'NOT_FOUND');
    await refused('testimonies.restoreVersion', { id: witness.id, version: 1 }, 'NOT_FOUND');

    const restored = await call<{ statement: string }>('testimonies.restoreVersion', {
      id: testimony.id,
      version: 1,
    });
    expect(restored.statement).toBe('First account for Gamma harbour case.');

    const seal = await call<{ version: number; sealed: { sha256: string } }>('testimonies.seal', {
      id: testimony.id,
    });
    expect(seal.version).toBe(3);
    expect(seal.sealed.sha256).toMatch(/^[0-9a-f]{64}$/);
    await refused('testimonies.seal', { id: testimony.id }, 'CONFLICT');
    // An edit of a sealed testimony is a new version; the sealed one stays as it was.
    await call('testimonies.update', { id: testimony.id, patch: { place: 'Harbour office' } });
    const after = await call<{ version: number; sealed: unknown }[]>('testimonies.versions', {
      id: testimony.id,
    });
    expect(after.map((v) => [v.version, v.sealed !== null])).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [4, false],
    ]);

    await call('persons.update', { id: witness.id, patch: { name: 'Witness renamed' } });
    const personVersions = await call<{ version: number }[]>('persons.versions', {
      id: witness.id,
    });
    expect(personVersions.map((v) => v.version)).toEqual([1, 2]);
    expect(
      (await call<{ record: { name: string } }>('persons.version', { id: witness.id, version: 2 }))
        .record.name,
    ).toBe('Witness renamed');
    await refused('persons.version', { id: testimony.id, version: 1 }, 'NOT_FOUND');
    await refused('persons.restoreVersion', { id: witness.id, version: 3 }, 'NOT_FOUND');
    await refused('persons.restoreVersion', { id: witness.id, version: 0 }, 'INVALID_INPUT');
    const person = await call<{ name: string }>('persons.restoreVersion', {
      id: witness.id,
      version: 1,
    });
    expect(person.name).toBe('Witness of Gamma harbour case');

    await call('evidence.delete', { id: item.id });
    expect(await call('evidence.list', { caseId: c.id })).toEqual([]);
    await context.session.lock('user');
  }, 60_000);

  it('record intervention states: forward only, dated, with the number of an opinion', async () => {
    const { call, refused, context } = await open();
    const { intervention, testimony } = await caseWithRecords(call, 'Delta plain case');
    const steps = await call<{ status: string; next: string[] }>('interventions.steps', {
      id: intervention.id,
    });
    expect(steps.status).toBe('draft');
    expect(steps.next).toEqual([
      'sent',
      'acknowledged',
      'response-received',
      'decision-issued',
      'closed',
    ]);
    const moved = await call<{ intervention: { status: string; sentOn: unknown } }>(
      'interventions.move',
      { id: intervention.id, step: { state: 'sent', on: '2024-05-02' } },
    );
    expect(moved.intervention).toMatchObject({
      status: 'sent',
      sentOn: { value: '2024-05-02', qualifier: 'exact' },
    });

    const move = (step: unknown) => ({ id: intervention.id, step });
    const problem = async (step: unknown, code: string, path: string) => {
      const error = await refused('interventions.move', move(step), 'INVALID_INPUT');
      expect(error?.issues, JSON.stringify(step)).toHaveLength(1);
      expect(error?.issues?.[0]?.path).toContain(path);
      expect(error?.issues?.[0]?.problem).toBe(code);
    };
    await problem({ state: 'sent', on: '2024-06-01' }, 'step-not-forward', 'state');
    await problem({ state: 'acknowledged', on: '2024-04-01' }, 'day-before-last-step', 'on');
    await problem({ state: 'acknowledged', on: '2999-01-01' }, 'day-in-future', 'on');
    await problem({ state: 'decision-issued', on: '2024-07-01' }, 'required', 'number');
    await problem({ state: 'acknowledged', on: '2024-07-01', number: '12' }, 'invalid', 'number');
    for (const bad of [
      { state: 'draft', on: '2024-07-01' },
      { state: 'acknowledged', on: '2024-02-30' },
      { state: 'acknowledged', on: '1 July 2024' },
      { state: 'acknowledged' },
    ])
      await refused('interventions.move', move(bad), 'INVALID_INPUT');
    await refused(
      'interventions.move',
      { id: testimony.id, step: { state: 'acknowledged', on: '2024-07-01' } },
      'NOT_FOUND',
    );

    await call(
      'interventions.move',
      move({
        state: 'decision-issued',
        on: '2024-09-01',
        number: 'Opinion No. 12/2024',
      }),
    );
    await call('interventions.move', move({ state: 'closed', on: '2024-10-01' }));
    await problem({ state: 'closed', on: '2024-10-02' }, 'step-closed', 'state');
    const history = await call<{
      status: string;
      next: string[];
      steps: { state: string; on: string | null; number: string }[];
    }>('interventions.steps', { id: intervention.id });
    expect(history.status).toBe('closed');
    expect(history.next).toEqual([]);
    expect(history.steps.map((s) => [s.state, s.on, s.number])).toEqual([
      ['draft', null, ''],
      ['sent', '2024-05-02', ''],
      ['decision-issued', '2024-09-01', 'Opinion No. 12/2024'],
      ['closed', '2024-10-01', ''],
    ]);
    await context.session.lock('user');
  }, 60_000);
});
