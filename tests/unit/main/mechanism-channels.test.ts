import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/ipc/contract';
import { testServices } from '../../helpers/services';
import { newVault } from '../../helpers/vault';

// The channels of the mechanism facts and the regional bodies' arguments, through the real
// dispatcher, handlers, core and SQLCipher vault: every hostile input is refused with a clear
// code and leaves the submissions and the audit log exactly as they were.

const MISSING = '00000000-0000-4000-8000-000000000000';

async function open() {
  const services = await testServices();
  const { vault } = await newVault();
  await services.context.session.open(vault);
  const call = async <T = unknown>(channel: string, input: unknown): Promise<T> => {
    const result = (await services.dispatch(channel, input)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const snapshot = async () =>
    JSON.stringify([
      await vault.db.all('SELECT * FROM submissions ORDER BY case_id, template'),
      await vault.db.all('SELECT * FROM audit_log ORDER BY seq'),
    ]);
  const refused = async (channel: string, input: unknown, code: string) => {
    const before = await snapshot();
    const result = await services.dispatch(channel, input);
    expect(result, `${channel} ${JSON.stringify(input).slice(0, 200)}`).toMatchObject({
      ok: false,
      error: { code },
    });
    expect(await snapshot(), `${channel} changed the vault`).toBe(before);
  };
  return { vault, call, refused };
}

describe('dossier.getFacts/saveFacts/getArguments/saveArguments/getAppeal/saveAppeal with hostile input', () => {
  it('refuses each with a clear code and changes nothing', async () => {
    const { call, refused } = await open();
    const c = await call<{ id: string }>('cases.create', { title: 'Detention of a journalist' });
    const other = await call<{ id: string }>('cases.create', { title: 'Another case' });
    const stranger = await call<{ id: string }>('persons.create', {
      caseId: other.id,
      role: 'victim',
      person: { name: 'Someone of another case' },
    });
    await call('dossier.saveFacts', { caseId: c.id, facts: { states: ['BY'] } });
    await call('dossier.saveArguments', {
      caseId: c.id,
      template: 'echr',
      arguments: {
        violations: [{ provision: 'Article 5', argument: 'Detained without a warrant.' }],
      },
    });

    for (const channel of ['dossier.getFacts', 'dossier.saveFacts']) {
      for (const caseId of ['', 'x', "1' OR '1'='1", 42, null])
        await refused(channel, { caseId, facts: {} }, 'INVALID_INPUT');
    }
    await refused('dossier.getFacts', { caseId: c.id, extra: 1 }, 'INVALID_INPUT');
    await refused('dossier.saveFacts', { caseId: MISSING, facts: {} }, 'NOT_FOUND');
    const badFacts: unknown[] = [
      { states: ['Belarus'] },
      { states: Array.from({ length: 21 }, () => 'BY') },
      { finalDecision: { decidedOn: '2024-02-30' } },
      { finalDecision: { decidedOn: '2024-11-09', notifiedOn: '2024-11-04' } },
      { remedies: { status: 'maybe' } },
      { otherProcedures: [{ reference: 'no body' }] },
      { mandates: ['sr-on-everything'] },
      { beneficiaries: ['not-an-id'] },
      { victimKnowsGovernmentContacted: 'yes' },
      { hrdWorkLink: 'x'.repeat(1_000_000) },
      { unknownField: true },
    ];
    for (const facts of badFacts)
      await refused('dossier.saveFacts', { caseId: c.id, facts }, 'INVALID_INPUT');
    // A beneficiary must be a person of this case.
    await refused(
      'dossier.saveFacts',
      { caseId: c.id, facts: { beneficiaries: [stranger.id] } },
      'INVALID_INPUT',
    );

    await refused('dossier.getArguments', { caseId: c.id, template: 'wgad' }, 'INVALID_INPUT');
    await refused(
      'dossier.saveArguments',
      { caseId: c.id, template: 'nowhere', arguments: {} },
      'INVALID_INPUT',
    );
    await refused(
      'dossier.saveArguments',
      { caseId: MISSING, template: 'echr', arguments: {} },
      'NOT_FOUND',
    );
    const badArguments: unknown[] = [
      { violations: [{ argument: 'no provision' }] },
      { violations: Array.from({ length: 31 }, () => ({ provision: 'Article 3' })) },
      { measures: Array.from({ length: 21 }, () => 'protect') },
      { risk: 42 },
      { violations: [], extra: 'x' },
    ];
    for (const args of badArguments)
      await refused(
        'dossier.saveArguments',
        { caseId: c.id, template: 'echr', arguments: args },
        'INVALID_INPUT',
      );

    // The urgent appeal: what is asked, and of whom; the CLI's limits.
    const appeal = {
      requests: ['Release him immediately and unconditionally.'],
      addressees: [{ name: 'Prosecutor General', address: 'Internatsionalnaya 22, Minsk' }],
    };
    expect(await call('dossier.saveAppeal', { caseId: c.id, appeal })).toEqual(appeal);
    for (const caseId of ['', 'x', 42, null]) {
      await refused('dossier.getAppeal', { caseId }, 'INVALID_INPUT');
      await refused('dossier.saveAppeal', { caseId, appeal }, 'INVALID_INPUT');
    }
    await refused('dossier.getAppeal', { caseId: c.id, template: 'echr' }, 'INVALID_INPUT');
    await refused('dossier.saveAppeal', { caseId: MISSING, appeal }, 'NOT_FOUND');
    const badAppeals: unknown[] = [
      { requests: Array.from({ length: 21 }, (_, i) => `Request ${i}`) },
      { requests: ['x'.repeat(64 * 1024 + 1)] },
      { requests: [42] },
      { addressees: [{ address: 'no name' }] },
      { addressees: [{ name: 'Two\nlines' }] },
      { addressees: Array.from({ length: 21 }, (_, i) => ({ name: `Minister ${i}` })) },
      { addressees: [{ name: 'Minister', email: 'm@gov.example' }] },
      { requests: [], extra: 'x' },
      null,
    ];
    for (const bad of badAppeals)
      await refused('dossier.saveAppeal', { caseId: c.id, appeal: bad }, 'INVALID_INPUT');
    expect(await call('dossier.getAppeal', { caseId: c.id })).toEqual(appeal);

    // What was saved before is still there, whole.
    expect(await call<{ states: string[] }>('dossier.getFacts', { caseId: c.id })).toMatchObject({
      states: ['BY'],
    });
    expect(
      await call<{ violations: { provision: string }[] }>('dossier.getArguments', {
        caseId: c.id,
        template: 'echr',
      }),
    ).toMatchObject({ violations: [{ provision: 'Article 5' }] });
  });
});
