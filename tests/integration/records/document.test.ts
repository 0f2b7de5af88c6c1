import { afterEach, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core';
import { checkVault } from '../../../electron/core';
import {
  checkCaseRecords,
  exportCaseDocument,
  getCase,
  getEvent,
  importCaseDocument,
  importCaseDocuments,
  listCases,
  search,
} from '../../../electron/core/records';
import { caseDocumentSchema, type CaseDocument } from '../../../shared/domain/caseDocument';
import { newVault } from '../../helpers/vault';
import { fullCase } from './fixture';

let open: Vault[] = [];
afterEach(async () => {
  await Promise.all(open.map((v) => v.lock()));
  open = [];
});

async function vault(): Promise<Vault> {
  const { vault: v } = await newVault();
  open.push(v);
  return v;
}

/** Replaces every id by its order of first appearance, so two documents compare "up to ids". */
function normaliseIds(doc: CaseDocument): unknown {
  const seen = new Map<string, string>();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string' && uuid.test(value)) {
      if (!seen.has(value)) seen.set(value, `id-${seen.size}`);
      return seen.get(value);
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(doc);
}

describe('case JSON documents', () => {
  it('export → import (new ids) → export gives the same document up to ids, in a fresh vault', async () => {
    const source = await vault();
    const f = await fullCase(source);
    const first = await exportCaseDocument(source, f.caseRecord.id);
    expect(caseDocumentSchema.safeParse(first).success).toBe(true);
    expect(first.persons).toHaveLength(3);
    expect(first.persons[0]?.roles).toEqual(['submitter', 'victim']);
    expect(first.events.map((e) => e.eventType)).toEqual(['arbitrary-arrest', 'forced-confession']);
    expect(first.customTerms).toEqual([
      {
        vocabulary: 'event-type',
        id: 'forced-confession',
        labels: { en: 'sample vocab label en', ar: 'sample vocab label ar' },
      },
    ]);

    // Through JSON text, as a file would carry it.
    const target = await vault();
    const result = await importCaseDocument(target, JSON.parse(JSON.stringify(first)), {
      mode: 'new-ids',
    });
    expect(result.created).toEqual({
      cases: 1,
      persons: 3,
      events: 2,
      testimonies: 2,
      interventions: 1,
    });
    expect(result.customTermsAdded).toBe(1);
    expect(result.caseId).not.toBe(f.caseRecord.id);
    expect(result.referenceChanged).toBe(false);
    const second = await exportCaseDocument(target, result.caseId);
    const { origin: firstOrigin, ...firstRest } = first;
    const { origin: secondOrigin, ...secondRest } = second;
    expect(normaliseIds(secondRest)).toEqual(normaliseIds(firstRest));
    expect(JSON.stringify(secondRest)).not.toContain(f.caseRecord.id);
    // The copy knows where it came from: the first case, record by record.
    expect(firstOrigin).toEqual({ id: f.caseRecord.id, organisation: null, records: {} });
    expect(secondOrigin?.id).toBe(f.caseRecord.id);
    for (const [here, there] of Object.entries(secondOrigin!.records))
      expect(result.ids[there]).toBe(here);
    expect(Object.keys(secondOrigin!.records)).toHaveLength(Object.keys(result.ids).length);
    expect((await checkVault(target)).ok).toBe(true);
    expect((await checkCaseRecords(target)).ok).toBe(true);
  });

  it('imports a copy next to the original with new ids and a new reference, and merges by id', async () => {
    const v = await vault();
    const f = await fullCase(v);
    const doc = await exportCaseDocument(v, f.caseRecord.id);
    const copy = await importCaseDocument(v, doc, { mode: 'new-ids' });
    expect(copy.referenceChanged).toBe(true);
    expect(copy.reference).toMatch(/^VIG-\d{4}-\d{4}$/);
    expect(await listCases(v)).toHaveLength(2);
    // The copy's records are found on their own.
    const hits = (await search(v, { text: '"sample statement"' })).hits.map((h) => h.caseId).sort();
    expect(hits).toEqual([f.caseRecord.id, copy.caseId].sort());

    // Merge: change the document, import by id: records are updated, none duplicated.
    const edited: CaseDocument = {
      ...doc,
      case: { ...doc.case, title: 'Retitled' },
      events: doc.events.map((e, i) =>
        i === 0 ? { ...e, title: 'Edited event', victims: [] } : e,
      ),
    };
    const merged = await importCaseDocument(v, edited, { mode: 'merge' });
    expect(merged.caseId).toBe(f.caseRecord.id);
    expect(merged.updated).toEqual({
      cases: 1,
      persons: 3,
      events: 2,
      testimonies: 2,
      interventions: 1,
    });
    expect(merged.created).toEqual({
      cases: 0,
      persons: 0,
      events: 0,
      testimonies: 0,
      interventions: 0,
    });
    expect((await getCase(v, f.caseRecord.id)).title).toBe('Retitled');
    expect(await getEvent(v, f.arrest.id)).toMatchObject({ title: 'Edited event', victims: [] });
    expect((await getEvent(v, f.confession.id)).links).toEqual([
      { eventId: f.arrest.id, relation: 'followed-by' },
    ]);
    expect(await listCases(v)).toHaveLength(2);
    expect((await checkVault(v)).ok).toBe(true);
    expect((await checkCaseRecords(v)).ok).toBe(true);
  });

  it('imports several documents in one transaction', async () => {
    const v = await vault();
    const f = await fullCase(v);
    const doc = await exportCaseDocument(v, f.caseRecord.id);
    const target = await vault();
    const results = await importCaseDocuments(target, [doc, doc, doc], { mode: 'new-ids' });
    expect(new Set(results.map((r) => r.reference)).size).toBe(3);
    expect((await listCases(target)).map((c) => c.counts.testimonies)).toEqual([2, 2, 2]);
  });

  it('accepts a minimal hand-written document (the spreadsheet path) and fills in defaults', async () => {
    const v = await vault();
    const person = '11111111-1111-4111-8111-111111111111';
    const result = await importCaseDocument(
      v,
      {
        format: 'vigil-case',
        version: 1,
        case: { id: '00000000-0000-4000-8000-000000000000', title: 'From a spreadsheet' },
        persons: [{ id: person, name: 'Ahmed', roles: ['victim'] }],
        events: [
          {
            id: '22222222-2222-4222-8222-222222222222',
            eventType: 'arbitrary-detention',
            start: '2024-03',
            victims: [person],
          },
        ],
        testimonies: [
          {
            id: '33333333-3333-4333-8333-333333333333',
            statement: 'He was taken.',
            witnessId: person,
          },
        ],
      },
      { mode: 'new-ids' },
    );
    const doc = await exportCaseDocument(v, result.caseId);
    expect(doc.case).toMatchObject({
      title: 'From a spreadsheet',
      status: 'open',
      confidentiality: 'confidential',
    });
    expect(doc.testimonies[0]?.consent).toMatchObject({ scope: 'internal-only', naming: 'none' });
    expect(doc.events[0]?.start).toEqual({ value: '2024-03', qualifier: 'exact' });
  });
});
