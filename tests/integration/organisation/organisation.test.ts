import { describe, expect, it } from 'vitest';
import {
  createCase,
  createEvent,
  createPerson,
  getEvent,
  getOrganisation,
  getPerson,
  updateOrganisation,
  updatePerson,
} from '../../../electron/core/records';
import { runVigilInProcess, type CliResult } from '../../helpers/cli';
import { newVault, PASSPHRASE } from '../../helpers/vault';
import { testServices } from '../../helpers/services';

describe('the organisation profile', () => {
  it('is empty at first, changes only the fields given, and audits the field names', async () => {
    const { vault } = await newVault();
    expect(await getOrganisation(vault)).toEqual({ name: '', address: '', email: '', phone: '' });
    await updateOrganisation(vault, { name: 'مرصد المدافعين', email: 'contact@marsad.example' });
    const after = await updateOrganisation(vault, { phone: '+216 71 000 000' });
    expect(after).toEqual({
      name: 'مرصد المدافعين',
      address: '',
      email: 'contact@marsad.example',
      phone: '+216 71 000 000',
    });
    expect(await getOrganisation(vault)).toEqual(after);
    const log = await vault.db.all<{ action: string; detail: string }>(
      "SELECT action, detail FROM audit_log WHERE action = 'organisation.update' ORDER BY seq",
    );
    expect(log.map((r) => JSON.parse(r.detail) as unknown)).toEqual([
      { fields: ['name', 'email'] },
      { fields: ['phone'] },
    ]);
    // The values themselves never enter the audit log.
    expect(log.map((r) => r.detail).join()).not.toContain('marsad');
    await vault.lock();
  });

  it('refuses a malformed e-mail or telephone, or an unknown field, and changes nothing', async () => {
    const { vault } = await newVault();
    await updateOrganisation(vault, { name: 'Kept', email: 'kept@example.org' });
    for (const bad of [
      { email: 'not an address' },
      { email: 'a@b' },
      { phone: 'call us' },
      { phone: '+41 22 <script>' },
      { website: 'https://example.org' },
      { name: 'Two\nlines' },
    ]) {
      await expect(updateOrganisation(vault, bad), JSON.stringify(bad)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    }
    expect(await getOrganisation(vault)).toMatchObject({ name: 'Kept', email: 'kept@example.org' });
    await vault.lock();
  });

  it('is reachable through the UI channels, validated there too', async () => {
    const services = await testServices();
    const { vault } = await newVault();
    await services.context.session.open(vault);
    const call = async (channel: string, input: unknown) => services.dispatch(channel, input);
    const saved = await call('organisation.update', {
      name: 'Frontline Lawyers',
      address: '1 Rue X\n75000 Paris',
    });
    expect(saved).toMatchObject({ ok: true, value: { name: 'Frontline Lawyers' } });
    expect(await call('organisation.get', {})).toMatchObject({
      ok: true,
      value: { address: '1 Rue X\n75000 Paris' },
    });
    expect(await call('organisation.update', { email: 'nope' })).toMatchObject({ ok: false });
    await vault.lock();
  });
});

describe('names in Latin letters, identity documents and places of detention', () => {
  it('are stored, updated and read back', async () => {
    const { vault } = await newVault();
    const { id: caseId } = await createCase(vault, { title: 'Detention of four defenders' });
    const person = await createPerson(
      vault,
      {
        name: '李英俊',
        familyName: '李',
        givenName: '英俊',
        familyNameLatin: 'Li',
        givenNameLatin: 'Yingjun',
        identityDocuments: [
          {
            type: 'passport',
            number: 'E12345678',
            issuedBy: 'Exit-Entry Administration',
            country: 'CN',
            issuedOn: '2018-04-02',
          },
        ],
      },
      { caseId, role: 'victim' },
    );
    expect(await getPerson(vault, person.id)).toMatchObject({
      familyNameLatin: 'Li',
      givenNameLatin: 'Yingjun',
      identityDocuments: [{ number: 'E12345678', issuedOn: { value: '2018-04-02' } }],
    });
    await updatePerson(vault, person.id, { givenNameLatin: 'Ying-jun' });
    expect((await getPerson(vault, person.id)).givenNameLatin).toBe('Ying-jun');

    const other = await createPerson(vault, { name: 'Wang Fang' }, { caseId, role: 'victim' });
    const event = await createEvent(vault, caseId, {
      eventType: 'arbitrary-detention',
      victims: [person.id, other.id],
      detention: {
        places: [
          { name: 'Detention centre No. 1' },
          { name: 'Residential surveillance site', detainees: [person.id] },
        ],
      },
    });
    const stored = await getEvent(vault, event.id);
    expect(stored.detention?.places.map((p) => p.detainees)).toEqual([[], [person.id]]);
    const stranger = await createPerson(vault, { name: 'Not held' });
    await expect(
      createEvent(vault, caseId, {
        eventType: 'arbitrary-detention',
        victims: [person.id],
        detention: { places: [{ name: 'X', detainees: [stranger.id] }] },
      }),
    ).rejects.toThrow(/not a victim of this event/);
    await vault.lock();
  });
});

describe('vigil org, person and event options', () => {
  async function cli() {
    const created = await newVault();
    await created.vault.lock();
    const run = (...args: string[]): Promise<CliResult> =>
      runVigilInProcess(['--vault', created.dir, ...args], { stdin: `${PASSPHRASE}\n` });
    return run;
  }
  const ok = (r: CliResult) => {
    expect(r.stderr, r.stderr).toBe('');
    expect(r.code).toBe(0);
    return r.stdout;
  };

  it('vigil org set / show', async () => {
    const vigil = await cli();
    expect(ok(await vigil('org', 'show'))).toContain('(not set)');
    const set = JSON.parse(
      ok(
        await vigil(
          'org',
          'set',
          '--name',
          'Defenders Watch',
          '--address',
          'PO Box 1\\n1211 Geneva',
          '--email',
          'cases@defenders.example',
          '--phone',
          '+41 22 000 00 00',
          '--json',
        ),
      ),
    ) as Record<string, string>;
    expect(set).toEqual({
      name: 'Defenders Watch',
      address: 'PO Box 1\n1211 Geneva',
      email: 'cases@defenders.example',
      phone: '+41 22 000 00 00',
    });
    ok(await vigil('org', 'set', '--phone', ''));
    const shown = JSON.parse(ok(await vigil('org', 'show', '--json'))) as Record<string, string>;
    expect(shown).toMatchObject({ name: 'Defenders Watch', phone: '' });
    const bad = await vigil('org', 'set', '--email', 'nobody');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^vigil: .*e-mail/m);
    expect((await vigil('org', 'set')).code).toBe(2);
  });

  it('vigil person add / edit record Latin names and identity documents; event add takes detailed places', async () => {
    const vigil = await cli();
    const caseId = ok(await vigil('case', 'add', '--title', 'Four defenders')).trim();
    const id = ok(
      await vigil(
        'person',
        'add',
        '--case',
        caseId,
        '--role',
        'victim',
        '--name',
        'Гульнара Ахмедова',
        '--family-name',
        'Ахмедова',
        '--given-name',
        'Гульнара',
        '--id-document',
        'passport; number=N 0123456; issued-by=МВД; issued-on=2017-09-01; country=KZ',
      ),
    ).trim();
    let person = JSON.parse(ok(await vigil('person', 'show', id, '--json'))) as {
      identityDocuments: unknown[];
      familyNameLatin: string;
      consent: unknown;
    };
    expect(person.identityDocuments).toEqual([
      {
        type: 'passport',
        number: 'N 0123456',
        issuedBy: 'МВД',
        country: 'KZ',
        issuedOn: { value: '2017-09-01', qualifier: 'exact' },
      },
    ]);
    ok(
      await vigil(
        'person',
        'edit',
        id,
        '--family-name-latin',
        'Akhmedova',
        '--given-name-latin',
        'Gulnara',
        '--consent-mechanisms',
        'wgad',
        '--consent-naming',
        'name',
        '--consent-given-by',
        'family-member',
        '--consent-date',
        '2025-02-03',
        '--consent-knows-government-contacted',
      ),
    );
    person = JSON.parse(ok(await vigil('person', 'show', id, '--json'))) as typeof person;
    expect(person).toMatchObject({
      familyNameLatin: 'Akhmedova',
      identityDocuments: [{ number: 'N 0123456' }],
      consent: {
        scope: 'named-mechanisms',
        givenBy: 'family-member',
        knowsGovernmentContacted: true,
      },
    });
    // Only the consent parts given change.
    ok(await vigil('person', 'edit', id, '--consent-form', 'written'));
    person = JSON.parse(ok(await vigil('person', 'show', id, '--json'))) as typeof person;
    expect(person.consent).toMatchObject({ form: 'written', givenBy: 'family-member' });
    ok(await vigil('person', 'edit', id, '--no-id-documents'));
    person = JSON.parse(ok(await vigil('person', 'show', id, '--json'))) as typeof person;
    expect(person.identityDocuments).toEqual([]);

    for (const [args, message] of [
      [['--id-document', 'number=1'], /starts with the document type/],
      [['--id-document', 'passport; serial=1'], /not one of number=/],
      [['--id-document', 'passport; number=1; number=2'], /twice/],
      [['--id-document', 'passport', '--no-id-documents'], /not both/],
      [[], /at least one field/],
    ] as [string[], RegExp][]) {
      const result = await vigil('person', 'edit', id, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    const unknownType = await vigil('person', 'edit', id, '--id-document', 'library-card');
    expect(unknownType.code).toBe(1);
    expect(unknownType.stderr).toMatch(/identity-document-type/);

    const event = JSON.parse(
      ok(
        await vigil(
          'event',
          'add',
          '--case',
          caseId,
          '--type',
          'arbitrary-detention',
          '--date',
          '2025-01-14',
          '--ongoing',
          '--victim',
          id,
          '--detention-place',
          'ИВС УВД; type=police-station; from=2025-01-14; to=2025-01-17; country=KZ',
          '--detention-place',
          `СИЗО-1; type=pretrial-detention-centre; from=2025-01-17; detainees=${id}`,
          '--json',
        ),
      ),
    ) as { detention: { places: { name: string; to: unknown; detainees: string[] }[] } };
    expect(event.detention.places).toMatchObject([
      { name: 'ИВС УВД', placeType: 'police-station', to: { value: '2025-01-17' }, detainees: [] },
      { name: 'СИЗО-1', to: null, detainees: [id] },
    ]);
    const badPlace = await vigil(
      'event',
      'add',
      '--case',
      caseId,
      '--type',
      'arbitrary-detention',
      '--detention-place',
      'Prison; capacity=400',
    );
    expect(badPlace.code).toBe(2);
    expect(badPlace.stderr).toMatch(/not one of type=/);
  });
});
