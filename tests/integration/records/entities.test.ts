import { afterEach, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core';
import {
  checkCaseRecords,
  createCase,
  createEvent,
  createIntervention,
  createPerson,
  createTestimony,
  deleteCase,
  deletePerson,
  deleteTestimony,
  exportCaseDocument,
  importCaseDocument,
  getCase,
  getEvent,
  getIntervention,
  getPerson,
  getTestimony,
  linkPerson,
  listCasePersons,
  listCases,
  listEvents,
  listInterventions,
  listPersons,
  listTestimonies,
  unlinkPerson,
  updateCase,
  updateEvent,
  updateIntervention,
  updatePerson,
  updateTestimony,
  withdrawTestimonyConsent,
} from '../../../electron/core/records';
import { verifyAuditChain } from '../../../electron/core/vault/audit';
import { newVault } from '../../helpers/vault';

let open: Vault[] = [];
afterEach(async () => {
  // Whatever a test did, the index and the per-case counts stayed in step.
  for (const v of open) {
    const report = await checkCaseRecords(v);
    expect(report.problems).toEqual([]);
  }
  await Promise.all(open.map((v) => v.lock()));
  open = [];
});

async function vault(): Promise<Vault> {
  const created = await newVault();
  open.push(created.vault);
  return created.vault;
}

const auditRows = (v: Vault) =>
  v.db.all<{ action: string; entity_id: string; detail: string }>(
    'SELECT action, entity_id, detail FROM audit_log ORDER BY seq',
  );

describe('cases', () => {
  it('creates a case with a generated reference, reads it back, edits it, and audits field names only', async () => {
    const v = await vault();
    const year = v.now().getUTCFullYear();
    const a = await createCase(v, {
      title: 'Arrest of a lawyer at a protest',
      summary: 'Secret summary text',
      countries: ['eg', 'EG', 'SY'],
      tags: ['wgad'],
    });
    const b = await createCase(v, { title: 'Second case' });
    expect(a.reference).toBe(`VIG-${year}-0001`);
    expect(b.reference).toBe(`VIG-${year}-0002`);
    expect(a.countries).toEqual(['EG', 'SY']);
    expect(a.status).toBe('open');
    expect(a.confidentiality).toBe('confidential');
    expect(await getCase(v, a.id)).toEqual(a);

    const edited = await updateCase(v, a.id, {
      status: 'submitted',
      reference: 'UA-EGY-2024-7',
      summary: 'Another secret',
    });
    expect(edited).toMatchObject({
      status: 'submitted',
      reference: 'UA-EGY-2024-7',
      title: a.title,
    });
    expect(await getCase(v, a.id)).toEqual(edited);
    // References are unique, case-insensitively.
    await expect(updateCase(v, b.id, { reference: 'ua-egy-2024-7' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(createCase(v, { title: 'x', reference: 'UA-EGY-2024-7' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const audit = await auditRows(v);
    const update = audit.find((r) => r.action === 'case.update')!;
    expect(JSON.parse(update.detail)).toEqual({ fields: ['reference', 'summary', 'status'] });
    expect(audit.map((r) => r.detail).join('\n')).not.toMatch(/secret|Arrest/i);
    expect((await verifyAuditChain(v.db)).ok).toBe(true);
  });

  it('lists cases with counts, filtered by status and country, and sorted', async () => {
    const v = await vault();
    const a = await createCase(v, { title: 'Alpha', countries: ['RU'] });
    const b = await createCase(v, { title: 'Beta', countries: ['EG'], status: 'closed' });
    const p1 = await createPerson(v, { name: 'One' }, { caseId: a.id, role: 'victim' });
    await linkPerson(v, { caseId: a.id, personId: p1.id, role: 'witness' });
    await createPerson(v, { name: 'Two' }, { caseId: a.id, role: 'witness' });
    await createEvent(v, a.id, { eventType: 'threats', start: '2024' });
    await createTestimony(v, a.id, { statement: 'one' });
    await createTestimony(v, a.id, { statement: 'two' });
    await createTestimony(v, b.id, { statement: 'three' });
    await createIntervention(v, b.id, { interventionType: 'urgent-appeal' });

    const all = await listCases(v, { sort: 'testimonies' });
    expect(all.map((c) => [c.title, c.counts])).toEqual([
      ['Alpha', { persons: 2, events: 1, testimonies: 2, interventions: 0 }],
      ['Beta', { persons: 0, events: 0, testimonies: 1, interventions: 1 }],
    ]);
    expect((await listCases(v, { status: 'closed' })).map((c) => c.id)).toEqual([b.id]);
    expect((await listCases(v, { country: 'ru' })).map((c) => c.id)).toEqual([a.id]);
    expect((await listCases(v, { sort: 'title', descending: true })).map((c) => c.title)).toEqual([
      'Beta',
      'Alpha',
    ]);
    expect(
      (await listCases(v, { sort: 'title', limit: 1, offset: 1 })).map((c) => c.title),
    ).toEqual(['Beta']);
    // The event-type filter is part of the query, so a page holds only matching cases.
    await createEvent(v, b.id, { eventType: 'threats', start: '2023' });
    const c = await createCase(v, { title: 'Gamma' });
    await createEvent(v, c.id, { eventType: 'torture', start: '2022' });
    const threatened = await listCases(v, { eventType: 'threats', sort: 'title' });
    expect(threatened.map((x) => x.title)).toEqual(['Alpha', 'Beta']);
    expect(
      (await listCases(v, { eventType: 'torture', sort: 'title', limit: 1 })).map((x) => x.title),
    ).toEqual(['Gamma']);
    expect(await listCases(v, { eventType: 'killing' })).toEqual([]);
    await expect(listCases(v, { eventType: "x' OR 1=1 --" })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('deletes a case with everything it holds, keeping persons linked elsewhere', async () => {
    const v = await vault();
    const a = await createCase(v, { title: 'A' });
    const b = await createCase(v, { title: 'B' });
    const shared = await createPerson(v, { name: 'Shared' }, { caseId: a.id, role: 'victim' });
    await linkPerson(v, { caseId: b.id, personId: shared.id, role: 'witness' });
    const only = await createPerson(v, { name: 'Only A' }, { caseId: a.id, role: 'witness' });
    await createEvent(v, a.id, { eventType: 'torture', victims: [shared.id] });
    await createTestimony(v, a.id, { statement: 'gone', witnessId: only.id });
    const counts = await deleteCase(v, a.id, { deleteUnlinkedPersons: true });
    const { trash, ...moved } = counts;
    expect(moved).toEqual({ events: 1, testimonies: 1, interventions: 0, evidence: 0, persons: 1 });
    expect(trash).toMatch(/^[0-9a-f-]{36}$/);
    await expect(getCase(v, a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getPerson(v, shared.id)).name).toBe('Shared');
    await expect(getPerson(v, only.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await v.db.get("SELECT count(*) AS n FROM search_docs WHERE kind IN ('event','testimony')"),
    ).toEqual({ n: 0 });
  });
});

describe('persons', () => {
  it('stores every field, links one person to several cases with several roles, and lists them', async () => {
    const v = await vault();
    const a = await createCase(v, { title: 'A' });
    const b = await createCase(v, { title: 'B' });
    const person = await createPerson(
      v,
      {
        name: 'Amal Hassan',
        familyName: 'Hassan',
        givenName: 'Amal',
        aliases: ['أمل حسن', 'Амаль Хасан'],
        pseudonym: 'Rose',
        sex: 'female',
        birthDate: '~1985',
        nationalities: ['EG'],
        identityDocuments: [
          {
            type: 'passport',
            number: 'A1234567',
            issuedBy: 'Ministry of Interior',
            country: 'EG',
            issuedOn: '2019-05',
          },
        ],
        occupation: 'Lawyer at a legal aid centre',
        hrdWork: ['lawyer', 'womens-rights-defender'],
        affiliation: 'Legal Aid Centre',
        residence: '12 Nile Street, Cairo',
        contact: { phone: '+20 100 000 0000', email: 'amal@example.org' },
        notes: 'Prefers Signal',
        consent: {
          scope: 'named-mechanisms',
          mechanisms: ['wgad'],
          naming: 'initials',
          givenOn: '2024-03-20',
          knowsGovernmentContacted: true,
        },
      },
      { caseId: a.id, role: 'victim' },
    );
    expect(person.birthDate).toEqual({ value: '1985', qualifier: 'approximate' });
    expect(person.contact).toEqual({
      phone: '+20 100 000 0000',
      email: 'amal@example.org',
      messaging: '',
      address: '',
      other: '',
    });
    expect(person.consent?.mechanisms).toEqual(['wgad']);
    expect(await getPerson(v, person.id)).toEqual(person);

    await linkPerson(v, { caseId: a.id, personId: person.id, role: 'witness' });
    expect(await linkPerson(v, { caseId: a.id, personId: person.id, role: 'witness' })).toEqual({
      linked: false,
    });
    await linkPerson(v, { caseId: b.id, personId: person.id, role: 'submitter' });
    const [inA] = await listCasePersons(v, a.id);
    expect(inA?.roles).toEqual(['victim', 'witness']);
    const [listed] = await listPersons(v, {});
    expect(listed?.cases).toEqual([
      {
        caseId: [a.id, b.id].sort()[0],
        roles: a.id < b.id ? ['victim', 'witness'] : ['submitter'],
      },
      {
        caseId: [a.id, b.id].sort()[1],
        roles: a.id < b.id ? ['submitter'] : ['victim', 'witness'],
      },
    ]);
    expect((await listPersons(v, { caseId: b.id })).map((p) => p.id)).toEqual([person.id]);
    expect(await listPersons(v, { caseId: b.id, role: 'victim' })).toEqual([]);

    await unlinkPerson(v, { caseId: a.id, personId: person.id, role: 'witness' });
    expect((await listCasePersons(v, a.id))[0]?.roles).toEqual(['victim']);

    const updated = await updatePerson(v, person.id, { deceased: true, deathDate: '2024-06' });
    expect(updated.deceased).toBe(true);
    await expect(updatePerson(v, person.id, { deceased: false })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('supports groups and organisations, and deleting a person anonymises their testimonies', async () => {
    const v = await vault();
    const c = await createCase(v, { title: 'C' });
    const org = await createPerson(
      v,
      { personType: 'organisation', name: 'National Security Agency' },
      { caseId: c.id, role: 'perpetrator' },
    );
    expect(org.personType).toBe('organisation');
    const witness = await createPerson(v, { name: 'W' });
    const t = await createTestimony(v, c.id, { statement: 'I saw it', witnessId: witness.id });
    expect((await listCasePersons(v, c.id)).find((p) => p.id === witness.id)?.roles).toEqual([
      'witness',
    ]);
    await deletePerson(v, witness.id);
    expect((await getTestimony(v, t.id)).witnessId).toBeNull();
  });
});

describe('events', () => {
  it('stores an event with partial dates, location, victims, perpetrators, sources, links and detention details', async () => {
    const v = await vault();
    const c = await createCase(v, { title: 'C' });
    const victim = await createPerson(v, { name: 'Victim' });
    const officer = await createPerson(v, { name: 'Officer' });
    const t = await createTestimony(v, c.id, { statement: 'Cellmate account' });
    const arrest = await createEvent(v, c.id, {
      eventType: 'arbitrary-arrest',
      start: '2024-03-15',
      title: 'Arrest at the protest',
    });
    const detention = await createEvent(v, c.id, {
      eventType: 'incommunicado-detention',
      start: '~2024-03',
      end: 'before 2024-06',
      dateNote: 'some time before the trial',
      location: {
        country: 'EG',
        region: 'Cairo',
        place: 'Tora prison',
        latitude: 29.95,
        longitude: 31.27,
      },
      victims: [victim.id],
      perpetrators: [{ personId: officer.id, involvement: 'direct-perpetrator' }],
      sources: [
        { testimonyId: t.id, reliability: 'high' },
        { description: 'Press report', reliability: 'medium' },
      ],
      links: [{ eventId: arrest.id, relation: 'related-to' }],
      detention: {
        forces: 'National Security Agency',
        warrantShown: 'no',
        authority: 'Supreme State Security Prosecution',
        reasonsImputed: 'Joining a terrorist group',
        legalBasis: 'Law 94/2015',
        places: [
          {
            name: 'NSA headquarters',
            placeType: 'intelligence-facility',
            from: '2024-03-15',
            to: '2024-03-20',
          },
          { name: 'Tora prison', placeType: 'prison', from: '2024-03-20' },
        ],
      },
    });
    const read = await getEvent(v, detention.id);
    expect(read).toEqual(detention);
    expect(read.start).toEqual({ value: '2024-03', qualifier: 'approximate' });
    expect(read.end).toEqual({ value: '2024-06', qualifier: 'before' });
    expect(read.detention?.places.map((p) => p.name)).toEqual(['NSA headquarters', 'Tora prison']);
    // Victims and perpetrators join the case in those roles.
    expect((await listCasePersons(v, c.id)).map((p) => [p.name, p.roles])).toEqual([
      ['Victim', ['victim']],
      ['Officer', ['perpetrator']],
    ]);
    expect((await listEvents(v, { caseId: c.id })).map((e) => e.id)).toEqual([
      detention.id,
      arrest.id,
    ]);
    expect((await listEvents(v, { personId: victim.id })).map((e) => e.id)).toEqual([detention.id]);
    expect((await listEvents(v, { eventType: 'arbitrary-arrest' })).map((e) => e.id)).toEqual([
      arrest.id,
    ]);

    const edited = await updateEvent(v, detention.id, { victims: [], end: null, ongoing: true });
    expect(edited.victims).toEqual([]);
    expect((await getEvent(v, detention.id)).perpetrators).toHaveLength(1);
    expect((await getEvent(v, detention.id)).ongoing).toBe(true);
  });

  it('refuses links and sources that leave the case', async () => {
    const v = await vault();
    const a = await createCase(v, { title: 'A' });
    const b = await createCase(v, { title: 'B' });
    const other = await createEvent(v, b.id, { eventType: 'raid' });
    await expect(
      createEvent(v, a.id, { eventType: 'raid', links: [{ eventId: other.id }] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const t = await createTestimony(v, b.id, { statement: 'x' });
    await expect(
      createEvent(v, a.id, { eventType: 'raid', sources: [{ testimonyId: t.id }] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('testimonies', () => {
  it('stores statement, translation and the consent record, defaulting to the most protective consent', async () => {
    const v = await vault();
    const c = await createCase(v, { title: 'C' });
    const bare = await createTestimony(v, c.id, { statement: 'They came at night.' });
    expect(bare.witnessId).toBeNull();
    expect(bare.consent).toMatchObject({
      scope: 'internal-only',
      naming: 'none',
      withdrawn: false,
    });
    const full = await createTestimony(v, c.id, {
      statement: 'جاءوا في الليل واقتادوه إلى مكان مجهول.',
      language: 'ar',
      translation: 'They came at night and took him to an unknown place.',
      translationLanguage: 'en',
      interviewer: 'Field researcher 3',
      takenOn: '2024-04-02',
      place: 'A safe house',
      method: 'secure-messaging',
      witnessDescription: 'a relative',
      consent: {
        scope: 'named-mechanisms',
        mechanisms: ['wgad', 'sr-hrd'],
        naming: 'pseudonym',
        pseudonym: 'Layla',
        knowsGovernmentContacted: true,
        givenBy: 'family-member',
        form: 'recorded',
        givenOn: '2024-04-02',
      },
    });
    expect(await getTestimony(v, full.id)).toEqual(full);
    const summaries = await listTestimonies(v, { caseId: c.id });
    expect(summaries.map((s) => s.id)).toEqual([full.id, bare.id]);
    expect(summaries[0]).toMatchObject({
      statementBytes: Buffer.byteLength(full.statement),
      hasTranslation: true,
    });
    expect(summaries[0]).not.toHaveProperty('statement');

    const withdrawn = await withdrawTestimonyConsent(v, full.id, '2024-05-01');
    expect(withdrawn.consent).toMatchObject({
      withdrawn: true,
      withdrawnOn: '2024-05-01',
      scope: 'named-mechanisms',
    });
    await expect(withdrawTestimonyConsent(v, full.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      updateTestimony(v, full.id, { consent: { ...withdrawn.consent, withdrawnOn: '2024-01-01' } }),
    ).rejects.toThrow(/before the consent was given/);
  });
});

describe('interventions', () => {
  it('tracks an urgent appeal from sending to the outcome and the follow-up deadline', async () => {
    const v = await vault();
    const c = await createCase(v, { title: 'C' });
    const draft = await createIntervention(v, c.id, {
      interventionType: 'wgad-communication',
      mechanism: 'wgad',
      recipient: 'OHCHR – WGAD',
    });
    expect(draft.status).toBe('draft');
    const sent = await createIntervention(v, c.id, {
      interventionType: 'urgent-appeal',
      recipient: 'Special Rapporteur on HRDs',
      sentOn: '2024-03-18',
      reference: 'UA EGY 4/2024',
      followUpOn: '2024-05-17',
    });
    expect(sent.status).toBe('sent');
    const answered = await updateIntervention(v, sent.id, {
      status: 'decision-issued',
      responseOn: '2024-05-10',
      response: 'The government denies the allegations.',
      outcome: 'Opinion No. 45/2016',
    });
    expect(await getIntervention(v, sent.id)).toEqual(answered);
    await expect(updateIntervention(v, sent.id, { responseOn: '2024-03-01' })).rejects.toThrow(
      /responseOn \(2024-03-01\) is before the date sent/,
    );
    expect(
      (await listInterventions(v, { caseId: c.id, followUpBy: '2024-06-01' })).map((i) => i.id),
    ).toEqual([sent.id]);
    expect((await listInterventions(v, { status: 'draft' })).map((i) => i.id)).toEqual([draft.id]);
  });
});

describe('deleting what an event cites', () => {
  it('keeps described sources and drops the ones left empty, so the case stays exportable', async () => {
    const v = await vault();
    const c = await createCase(v, { title: 'C' });
    const informant = await createPerson(v, { name: 'Informant' });
    const t = await createTestimony(v, c.id, { statement: 's' });
    const e = await createEvent(v, c.id, {
      eventType: 'raid',
      sources: [
        { personId: informant.id, description: 'phone call', reliability: 'medium' },
        { personId: informant.id },
        { testimonyId: t.id },
      ],
    });
    await deletePerson(v, informant.id);
    await deleteTestimony(v, t.id);
    expect((await getEvent(v, e.id)).sources).toEqual([
      { personId: null, testimonyId: null, description: 'phone call', reliability: 'medium' },
    ]);
    const doc = await exportCaseDocument(v, c.id);
    await expect(importCaseDocument(v, doc, { mode: 'new-ids' })).resolves.toMatchObject({
      created: { events: 1 },
    });
  });
});
