import { beforeEach, describe, expect, it } from 'vitest';
import { runVigilInProcess, type CliResult } from '../../helpers/cli';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';
import { verifyAuditChain } from '../../../electron/core/vault/audit';

// `vigil intervention state ID STATE --date D [--number N]` and `… states ID`:
// an intervention moves forward through dated states, each kept.

let dir: string;

beforeEach(async () => {
  const created = await newVault();
  await created.vault.lock();
  dir = created.dir;
});

const vigil = (...args: string[]): Promise<CliResult> =>
  runVigilInProcess(['--vault', dir, ...args], { stdin: `${PASSPHRASE}\n` });

function ok(result: CliResult): string {
  expect(result.stderr, result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}
const json = <T = Record<string, unknown>>(result: CliResult): T => JSON.parse(ok(result)) as T;

interface Step {
  position: number;
  state: string;
  on: string | null;
  number: string;
  via: string;
  actor: string;
}
interface Intervention {
  id: string;
  status: string;
  sentOn: { value: string; qualifier: string } | null;
  responseOn: { value: string; qualifier: string } | null;
  outcome: string;
  updatedAt: string;
}

async function newCase(title: string): Promise<string> {
  return json<{ reference: string }>(await vigil('case', 'add', '--title', title, '--json'))
    .reference;
}

async function interventions(ref: string): Promise<Intervention[]> {
  return json<{ interventions: Intervention[] }>(
    await vigil('intervention', 'list', '--case', ref, '--json'),
  ).interventions;
}

const steps = async (id: string) =>
  json<{ status: string; steps: Step[]; next: string[] }>(
    await vigil('intervention', 'states', id, '--json'),
  );

describe('intervention states', () => {
  it('move a draft forward through dated states, each kept, until closed', async () => {
    const ref = await newCase('Détention arbitraire à Oran');
    const i = json<Intervention>(
      await vigil(
        'intervention',
        'add',
        '--case',
        ref,
        '--type',
        'wgad-communication',
        '--mechanism',
        'wgad',
        '--json',
      ),
    );
    expect(i.status).toBe('draft');

    const sent = json<{ status: string; step: Step; next: string[] }>(
      await vigil('intervention', 'state', i.id, 'sent', '--date', '2024-03-20', '--json'),
    );
    expect(sent.status).toBe('sent');
    expect(sent.step).toMatchObject({ position: 2, state: 'sent', on: '2024-03-20', via: 'step' });
    expect(sent.next).toEqual(['acknowledged', 'response-received', 'decision-issued', 'closed']);
    expect(
      ok(await vigil('intervention', 'state', i.id, 'acknowledged', '--date', '2024-03-25')),
    ).toBe(
      `${i.id}\nNow acknowledged (2024-03-25).\nNext: response-received, decision-issued, closed.\n`,
    );
    ok(await vigil('intervention', 'state', i.id, 'response-received', '--date', '2024-05-19'));
    ok(
      await vigil(
        'intervention',
        'state',
        i.id,
        'decision-issued',
        '--date',
        '2024-11-15',
        '--number',
        'Opinion No. 45/2024',
      ),
    );
    const closed = json<{ next: string[] }>(
      await vigil('intervention', 'state', i.id, 'closed', '--date', '2024-11-15', '--json'),
    );
    expect(closed.next).toEqual([]);

    const [record] = await interventions(ref);
    expect(record).toMatchObject({
      status: 'closed',
      sentOn: { value: '2024-03-20', qualifier: 'exact' },
      responseOn: { value: '2024-05-19', qualifier: 'exact' },
      outcome: 'Opinion No. 45/2024',
    });
    const history = await steps(i.id);
    expect(history.steps.map((s) => [s.position, s.state, s.on, s.number, s.via])).toEqual([
      [1, 'draft', null, '', 'create'],
      [2, 'sent', '2024-03-20', '', 'step'],
      [3, 'acknowledged', '2024-03-25', '', 'step'],
      [4, 'response-received', '2024-05-19', '', 'step'],
      [5, 'decision-issued', '2024-11-15', 'Opinion No. 45/2024', 'step'],
      [6, 'closed', '2024-11-15', '', 'step'],
    ]);
    expect(ok(await vigil('intervention', 'states', i.id))).toMatch(
      /^ 5 {2}2024-11-15 {2}decision-issued {2}Opinion No\. 45\/2024 {2}step, /m,
    );

    // Nothing moves out of closed.
    const after = await vigil(
      'intervention',
      'state',
      i.id,
      'response-received',
      '--date',
      '2025-01-02',
    );
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/cannot move to response-received on 2025-01-02: it is closed/);

    const vault = await reopen(dir);
    try {
      const audit = await vault.db.all<{ action: string; detail: string }>(
        "SELECT action, detail FROM audit_log WHERE action = 'intervention.update' ORDER BY seq",
      );
      expect(audit.map((a) => (JSON.parse(a.detail) as { step: { to: string } }).step.to)).toEqual([
        'sent',
        'acknowledged',
        'response-received',
        'decision-issued',
        'closed',
      ]);
      // The audit names states and fields, never the opinion's number or a date.
      expect(audit.map((a) => a.detail).join('')).not.toMatch(/45\/2024|2024-/);
      expect((await verifyAuditChain(vault.db)).ok).toBe(true);
    } finally {
      await vault.lock();
    }
  });

  it('skip a state, start from a sent intervention, and keep a status an edit set', async () => {
    const ref = await newCase('Urgent appeal, Tashkent');
    const i = json<Intervention>(
      await vigil(
        'intervention',
        'add',
        '--case',
        ref,
        '--type',
        'urgent-appeal',
        '--sent',
        '2025-02',
        '--json',
      ),
    );
    // The WGAD may adopt an opinion the government never answered.
    ok(
      await vigil(
        'intervention',
        'state',
        i.id,
        'decision-issued',
        '--date',
        '2025-06-30',
        '--number',
        'Мнение № 12/2025',
      ),
    );
    ok(await vigil('intervention', 'edit', i.id, '--status', 'no-response'));
    const history = await steps(i.id);
    expect(history.status).toBe('no-response');
    expect(history.steps.map((s) => [s.state, s.on, s.via])).toEqual([
      ['sent', '2025-02', 'create'],
      ['decision-issued', '2025-06-30', 'step'],
      ['no-response', null, 'edit'],
    ]);
    // From no-response a reply may still come, not an acknowledgement.
    expect(history.next).toEqual(['response-received', 'decision-issued', 'closed']);
    // Steps go forward in time: not before the last dated one (the month sent counts from its first day).
    const early = await vigil(
      'intervention',
      'state',
      i.id,
      'response-received',
      '--date',
      '2025-06-01',
    );
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(
      /it was decision-issued on 2025-06-30, and steps go forward in time/,
    );
  });

  it('refuse hostile steps with a precise message and leave the vault unchanged', async () => {
    const ref = await newCase('Case for refusals');
    const i = json<Intervention>(
      await vigil(
        'intervention',
        'add',
        '--case',
        ref,
        '--type',
        'urgent-appeal',
        '--sent',
        '2024-04-02',
        '--json',
      ),
    );
    ok(await vigil('intervention', 'state', i.id, 'acknowledged', '--date', '2024-04-10'));
    const before = await interventions(ref);
    const stepsBefore = await steps(i.id);
    const cases: [string[], number, RegExp][] = [
      [['sent', '--date', '2024-04-12'], 1, /it is acknowledged, which comes after sent/],
      [['acknowledged', '--date', '2024-04-12'], 1, /it is already acknowledged/],
      [['response-received', '--date', '2024-04-01'], 1, /it was acknowledged on 2024-04-10/],
      [['response-received', '--date', '2999-01-01'], 1, /has not come yet/],
      [['response-received', '--date', '2024-02-30'], 1, /--date: 2024-02-30/],
      [['response-received', '--date', '2024-05'], 1, /--date: "2024-05" is not a full date/],
      [['decision-issued', '--date', '2024-05-01'], 1, /--number is required: .* with its number/],
      [['decision-issued', '--date', '2024-05-01', '--number', '  '], 1, /with its number/],
      [
        ['closed', '--date', '2024-05-01', '--number', 'A/HRC/1'],
        1,
        /--number is only for an opinion or decision/,
      ],
      [['draft', '--date', '2024-05-01'], 2, /STATE must be one of sent, acknowledged/],
      [['replied', '--date', '2024-05-01'], 2, /STATE must be one of/],
      [['closed', '--on', '2024-05-01'], 2, /--on/],
    ];
    for (const [args, code, message] of cases) {
      const result = await vigil('intervention', 'state', i.id, ...args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    const missing = '00000000-0000-4000-8000-000000000000';
    const wrong: [string[], RegExp][] = [
      [['state', missing, 'closed'], /no intervention with the id/],
      [['state', 'VIG-2026-0001', 'closed'], /is not a intervention id|not an? intervention id/],
      [['states', missing], /no intervention with the id/],
    ];
    for (const [args, message] of wrong) {
      const result = await vigil('intervention', ...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
    expect(await interventions(ref)).toEqual(before);
    expect(await steps(i.id)).toEqual(stepsBefore);
  });

  it('keep the earlier status of an intervention stored before steps were kept', async () => {
    const ref = await newCase('Older vault');
    const i = json<Intervention>(
      await vigil(
        'intervention',
        'add',
        '--case',
        ref,
        '--type',
        'urgent-appeal',
        '--sent',
        '~2023-09-14',
        '--json',
      ),
    );
    // As a vault migrated from version 12 has it: the intervention, no steps.
    const vault = await reopen(dir);
    try {
      await vault.db.run('DELETE FROM intervention_states WHERE intervention_id = ?', [i.id]);
    } finally {
      await vault.lock();
    }
    expect(ok(await vigil('intervention', 'states', i.id))).toBe(
      'No step kept yet; the status is sent.\nNext: acknowledged, response-received, decision-issued, closed.\n',
    );
    // An approximate date sent still bounds the next step (from its earliest day).
    const early = await vigil(
      'intervention',
      'state',
      i.id,
      'acknowledged',
      '--date',
      '2023-08-01',
    );
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/it was sent on 2023-09-/);
    ok(await vigil('intervention', 'state', i.id, 'acknowledged', '--date', '2023-10-01'));
    expect((await steps(i.id)).steps.map((s) => [s.state, s.on, s.via, s.actor])).toEqual([
      ['sent', '~2023-09-14', 'create', 'unknown'],
      ['acknowledged', '2023-10-01', 'step', expect.any(String)],
    ]);
  });

  it('go to the trash and come back with their intervention, alone or with the case', async () => {
    const ref = await newCase('Trash round trip');
    const i = json<Intervention>(
      await vigil('intervention', 'add', '--case', ref, '--type', 'urgent-appeal', '--json'),
    );
    ok(await vigil('intervention', 'state', i.id, 'sent', '--date', '2024-01-05'));
    ok(await vigil('intervention', 'state', i.id, 'closed', '--date', '2024-02-05'));
    const kept = await steps(i.id);
    expect(kept.steps).toHaveLength(3);

    ok(await vigil('intervention', 'delete', i.id));
    expect((await vigil('intervention', 'states', i.id)).code).toBe(1);
    ok(await vigil('trash', 'restore', i.id));
    expect(await steps(i.id)).toEqual(kept);

    ok(await vigil('case', 'delete', ref));
    ok(await vigil('trash', 'restore', await trashOf()));
    expect(await steps(i.id)).toEqual(kept);
  });
});

async function trashOf(): Promise<string> {
  const { entries } = json<{ entries: { id: string; kind: string }[] }>(
    await vigil('trash', 'list', '--kind', 'case', '--json'),
  );
  return entries[0]!.id;
}
