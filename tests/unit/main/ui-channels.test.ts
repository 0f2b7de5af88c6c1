import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/ipc/contract';
import { testServices } from '../../helpers/services';
import { tempDir } from '../../helpers/tmp';
import { newVault } from '../../helpers/vault';

/** The records and keys channels the UI uses, through the real dispatcher, handlers and core. */
async function openServices() {
  const services = await testServices();
  const { vault } = await newVault();
  await services.context.session.open(vault);
  const call = async <T = unknown>(channel: string, input: unknown): Promise<T> => {
    const result = (await services.dispatch(channel, input)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return { ...services, call };
}

describe('records and keys channels', () => {
  it('create, list, search, timeline and audit a case through the contract', async () => {
    const { call, dispatch } = await openServices();
    const created = await call<{ id: string; reference: string }>('cases.create', {
      title: 'Detention of a defender',
      countries: ['eg'],
    });
    expect(created.reference).toMatch(/^VIG-\d{4}-0001$/);
    const witness = await call<{ id: string }>('persons.create', {
      caseId: created.id,
      role: 'witness',
      person: { name: 'Leila Haddad' },
    });
    await call('persons.create', {
      caseId: created.id,
      role: 'victim',
      person: {
        name: 'Salma Youssef',
        contact: { phone: '+20 100', email: '', messaging: '', address: '', other: '' },
      },
    });
    const event = await call<{ start: unknown }>('events.create', {
      caseId: created.id,
      event: {
        eventType: 'arbitrary-arrest',
        title: 'Arrest at the office',
        start: { value: '2024-03', qualifier: 'approximate' },
      },
    });
    expect(event.start).toEqual({ value: '2024-03', qualifier: 'approximate' });
    const testimony = await call<{ id: string; consent: { naming: string } }>(
      'testimonies.create',
      {
        caseId: created.id,
        testimony: {
          witnessId: witness.id,
          statement: 'They took her at nine. quartzflamingo',
          consent: { scope: 'named-mechanisms', mechanisms: ['wgad'], naming: 'initials' },
        },
      },
    );
    expect(testimony.consent.naming).toBe('initials');

    const list = await call<{ id: string; counts: { persons: number }; summary?: string }[]>(
      'cases.list',
      {},
    );
    expect(list).toHaveLength(1);
    expect(list[0]!.counts.persons).toBe(2);
    expect(list[0]).not.toHaveProperty('summary');
    expect(await call<unknown[]>('cases.list', { eventType: 'arbitrary-arrest' })).toHaveLength(1);
    expect(await call<unknown[]>('cases.list', { eventType: 'torture' })).toHaveLength(0);

    const persons = await call<{ name: string; roles: string[]; contact: { phone: string } }[]>(
      'persons.list',
      { caseId: created.id },
    );
    expect(persons.map((p) => [p.name, p.roles])).toEqual([
      ['Leila Haddad', ['witness']],
      ['Salma Youssef', ['victim']],
    ]);
    const summaries = await call<{ statementBytes: number; statement?: string }[]>(
      'testimonies.list',
      { caseId: created.id },
    );
    expect(summaries[0]!.statementBytes).toBeGreaterThan(10);
    expect(summaries[0]).not.toHaveProperty('statement');

    const found = await call<{
      total: number;
      hits: { kind: string; snippet: { segments: { text: string; match: boolean }[] } }[];
    }>('search.query', { text: 'quartzflamingo' });
    expect(found.total).toBe(1);
    expect(found).toMatchObject({ partialRanking: false });
    expect(found.hits[0]!.kind).toBe('testimony');
    expect(
      found.hits[0]!.snippet.segments.some((s) => s.match && s.text === 'quartzflamingo'),
    ).toBe(true);

    const timeline = await call<{ recordType: string; uncertain: boolean }[]>('timeline.case', {
      caseId: created.id,
      lang: 'ar',
    });
    expect(timeline.find((e) => e.recordType === 'event')).toMatchObject({ uncertain: true });

    const vocab = await call<{ name: string; terms: unknown[] }[]>('vocabularies.list', {});
    expect(vocab.find((v) => v.name === 'event-type')!.terms.length).toBeGreaterThan(10);

    const audit = await call<
      { action: string; detail: Record<string, unknown>; label: string | null }[]
    >('cases.audit', {
      caseId: created.id,
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['case.create', 'person.link', 'event.create', 'testimony.create']),
    );
    // The audit log names fields, never their content: only the label, read from the
    // records when the log is shown in the open vault, names the record (a person's name).
    const stored = audit.map((entry) => ({ ...entry, label: null }));
    expect(JSON.stringify(stored)).not.toContain('quartzflamingo');
    expect(JSON.stringify(stored)).not.toContain('Leila');
    expect(audit.map((a) => a.label)).toContain('Leila Haddad');

    const updated = await call<{ title: string }>('cases.update', {
      id: created.id,
      patch: { title: 'Detention (updated)' },
    });
    expect(updated.title).toBe('Detention (updated)');
    const withdrawn = await call<{ consent: { withdrawn: boolean } }>(
      'testimonies.withdrawConsent',
      { id: testimony.id },
    );
    expect(withdrawn.consent.withdrawn).toBe(true);

    // Refused: unknown fields, bad ids, a case that does not exist.
    expect(await dispatch('cases.create', { title: 'x', secret: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await dispatch('events.list', { caseId: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await dispatch('persons.list', { caseId: '0b7c2f1e-0000-4000-8000-000000000000' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('search says when a common word was ranked in windows, and ranks every match when asked', async () => {
    const { call } = await openServices();
    const created = await call<{ id: string }>('cases.create', { title: 'Common words' });
    for (let i = 0; i < 130; i += 1)
      await call('events.create', {
        caseId: created.id,
        event: { eventType: 'arbitrary-arrest', title: `ubiquitous ${i}` },
      });
    type Page = { total: number; partialRanking: boolean; hits: { id: string }[] };
    const windowed = await call<Page>('search.query', {
      text: 'ubiquitous',
      limit: 100,
      rankWithin: 100,
    });
    expect(windowed).toMatchObject({ total: 130, partialRanking: true });
    const next = await call<Page>('search.query', {
      text: 'ubiquitous',
      limit: 100,
      offset: 100,
      rankWithin: 100,
    });
    // The pages go on into the older window: every match once.
    expect(new Set([...windowed.hits, ...next.hits].map((h) => h.id)).size).toBe(130);
    const all = await call<Page>('search.query', {
      text: 'ubiquitous',
      limit: 100,
      rankWithin: 1_000_000,
    });
    expect(all).toMatchObject({ total: 130, partialRanking: false });
  });

  it('generate the organisation key, export it through the save dialog, import a key file by reference', async () => {
    const { call, dialogs } = await openServices();
    const key = await call<{ fingerprint: string; kind: string; trusted: boolean }>(
      'keys.generate',
      { name: 'Defenders Network', email: 'docs@example.org' },
    );
    expect(key).toMatchObject({ kind: 'organisation', trusted: true });
    expect(key.fingerprint).toMatch(/^[0-9A-F]{40}$/);

    const out = join(await tempDir(), 'org.asc');
    dialogs.saves.push(out);
    expect(await call('keys.exportPublic', {})).toEqual({ saved: true, label: 'org.asc' });
    const armored = await readFile(out, 'utf8');
    expect(armored).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    dialogs.saves.push(null);
    expect(await call('keys.exportPublic', {})).toEqual({ saved: false, label: null });

    // A partner's public key, chosen in the open dialog: the page only ever holds a reference.
    const other = await openServices();
    const partner = await other.call<{ fingerprint: string }>('keys.generate', {
      name: 'Partner',
      email: 'p@example.net',
    });
    const partnerFile = join(await tempDir(), 'partner.asc');
    other.dialogs.saves.push(partnerFile);
    await other.call('keys.exportPublic', {});
    dialogs.opens.push(partnerFile);
    const chosen = await call<{ fileId: string; name: string }>('keys.chooseFile', {});
    expect(chosen.name).toBe('partner.asc');
    expect(chosen.fileId).not.toContain('/');
    const imported = await call<
      { status: string; key: { kind: string; trusted: boolean; fingerprint: string } }[]
    >('keys.import', { fileId: chosen.fileId, trust: false });
    expect(imported).toHaveLength(1);
    expect(imported[0]!.status).toBe('new');
    expect(imported[0]!.key).toMatchObject({
      kind: 'partner',
      trusted: false,
      fingerprint: partner.fingerprint,
    });
    const trusted = await call<{ trusted: boolean }>('keys.setTrust', {
      fingerprint: partner.fingerprint.replace(/(.{4})/g, '$1 '),
      trusted: true,
    });
    expect(trusted.trusted).toBe(true);
    expect((await call<unknown[]>('keys.list', {})).length).toBe(2);
    // Outputs never carry secret key material.
    expect(JSON.stringify(await call('keys.list', {}))).not.toMatch(/PRIVATE KEY|secret/i);
  });
});
