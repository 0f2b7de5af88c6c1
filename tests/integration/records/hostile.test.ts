import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core';
import { isVigilError } from '../../../electron/core';
import {
  addVocabularyTerm,
  checkCaseRecords,
  createCase,
  createEvent,
  createIntervention,
  createPerson,
  createTestimony,
  exportCaseDocument,
  importCaseDocument,
  readJsonFile,
  readTextFile,
  updateCase,
  updateEvent,
} from '../../../electron/core/records';
import { TEXT_LIMITS } from '../../../shared/domain/text';
import { newVault } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';
import { fullCase, RECORD_TABLES } from './fixture';

let v: Vault;
let caseId: string;
let eventId: string;
let doc: Awaited<ReturnType<typeof exportCaseDocument>>;

/** Row counts of every records table, the index's size, and the audit log's head: what "unchanged" means. */
async function state(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const table of RECORD_TABLES)
    out[table] = (await v.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n;
  out.fts = await v.db.get("SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH 'sample'");
  out.audit = await v.db.get('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  out.caseRow = await v.db.get('SELECT * FROM cases WHERE id = ?', [caseId]);
  return out;
}

/** Runs `action`, expects a VigilError with `code` and a message matching `message`, and no change at all. */
async function refused(
  action: () => Promise<unknown>,
  code: string,
  message: RegExp,
): Promise<string> {
  const before = await state();
  let error: unknown;
  try {
    await action();
  } catch (e) {
    error = e;
  }
  expect(isVigilError(error), `expected a VigilError, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  expect((error as Error).message).toMatch(message);
  // One plain line, no stack.
  expect((error as Error).message).not.toMatch(/\n|at .*\.ts:/);
  expect(await state()).toEqual(before);
  return (error as Error).message;
}

beforeAll(async () => {
  v = (await newVault()).vault;
  const f = await fullCase(v);
  caseId = f.caseRecord.id;
  eventId = f.arrest.id;
  doc = await exportCaseDocument(v, caseId);
});

afterAll(async () => {
  expect((await checkCaseRecords(v)).problems).toEqual([]);
  await v.lock();
});

describe('bad input is refused precisely and changes nothing', () => {
  it('an impossible date', async () => {
    await refused(
      () => createEvent(v, caseId, { eventType: 'torture', start: '2024-02-30' }),
      'INVALID_INPUT',
      /start: 2024-02-30 is not a date: February 2024 has 29 days/,
    );
    await refused(
      () => createEvent(v, caseId, { eventType: 'torture', start: '2023-02-29' }),
      'INVALID_INPUT',
      /February 2023 has 28 days/,
    );
    await refused(
      () => createEvent(v, caseId, { eventType: 'torture', start: '2024-13' }),
      'INVALID_INPUT',
      /there is no month 13/,
    );
    await refused(
      () => createEvent(v, caseId, { eventType: 'torture', start: 'March 2024' }),
      'INVALID_INPUT',
      /"March 2024" is not a date: write 2024, 2024-03 or 2024-03-15/,
    );
    await refused(
      () => updateEvent(v, eventId, { start: '2024-04-31' }),
      'INVALID_INPUT',
      /April 2024 has 30 days/,
    );
  });

  it('an end before a start', async () => {
    await refused(
      () =>
        createEvent(v, caseId, {
          eventType: 'arbitrary-detention',
          start: '2024-03-15',
          end: '2024-03-01',
        }),
      'INVALID_INPUT',
      /event is not valid: end \(2024-03-01\) is before the start \(2024-03-15\)/,
    );
    await refused(
      () => updateEvent(v, eventId, { end: '2023' }),
      'INVALID_INPUT',
      /end \(2023\) is before the start \(2024-03-15\)/,
    );
    await refused(
      () =>
        createIntervention(v, caseId, {
          interventionType: 'urgent-appeal',
          sentOn: '2024-05-01',
          responseOn: '2024-04',
        }),
      'INVALID_INPUT',
      /responseOn \(2024-04\) is before the date sent \(2024-05-01\)/,
    );
  });

  it('an unknown vocabulary term', async () => {
    const message = await refused(
      () => createEvent(v, caseId, { eventType: 'arbitary-detention' }),
      'INVALID_INPUT',
      /eventType: "arbitary-detention" is not a term of the event-type vocabulary/,
    );
    expect(message).toContain('did you mean arbitrary-detention?');
    await refused(
      () => updateCase(v, caseId, { status: 'pending' }),
      'INVALID_INPUT',
      /status: "pending" is not a term of the case-status vocabulary/,
    );
    await refused(
      () => createPerson(v, { name: 'x', hrdWork: ['journalist', 'astronaut'] }),
      'INVALID_INPUT',
      /hrdWork\[1\]: "astronaut" is not a term of the hrd-work vocabulary/,
    );
    await refused(
      () => createPerson(v, { name: 'x' }, { caseId, role: 'bystander' }),
      'INVALID_INPUT',
      /role: "bystander" is not a term of the person-role vocabulary/,
    );
    await refused(
      () =>
        createTestimony(v, caseId, {
          statement: 'x',
          consent: { scope: 'named-mechanisms', mechanisms: ['unicorn-court'] },
        }),
      'INVALID_INPUT',
      /consent.mechanisms\[0\]: "unicorn-court" is not a term of the mechanism vocabulary/,
    );
    await refused(
      () => createEvent(v, caseId, { eventType: 'Arbitrary Detention' }),
      'INVALID_INPUT',
      /eventType is not a vocabulary term id/,
    );
    await refused(
      () =>
        addVocabularyTerm(v, {
          vocabulary: 'consent-scope',
          id: 'friends',
          labels: { en: 'Friends' },
        }),
      'INVALID_INPUT',
      /cannot be extended/,
    );
    await refused(
      () => addVocabularyTerm(v, { vocabulary: 'event-type', id: 'torture', labels: { en: 'T' } }),
      'CONFLICT',
      /already a built-in term/,
    );
  });

  it('a missing case (or another missing record)', async () => {
    const ghost = '0b7c2f1e-1111-4111-8111-111111111111';
    await refused(
      () => createEvent(v, ghost, { eventType: 'torture' }),
      'NOT_FOUND',
      new RegExp(`There is no case with the id ${ghost}`),
    );
    await refused(() => createTestimony(v, ghost, { statement: 'x' }), 'NOT_FOUND', /no case/);
    await refused(
      () => createPerson(v, { name: 'x' }, { caseId: ghost, role: 'victim' }),
      'NOT_FOUND',
      /no case/,
    );
    await refused(
      () => createEvent(v, caseId, { eventType: 'torture', victims: [ghost] }),
      'NOT_FOUND',
      /no person/,
    );
    await refused(
      () => createTestimony(v, caseId, { statement: 'x', witnessId: ghost }),
      'NOT_FOUND',
      /no witness \(person\)/,
    );
    await refused(
      () => createEvent(v, 'nonsense', { eventType: 'torture' }),
      'INVALID_INPUT',
      /"nonsense" is not a case id/,
    );
  });

  it('a 50 MB field, refused quickly and without being echoed', async () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const started = performance.now();
    const message = await refused(
      () => createTestimony(v, caseId, { statement: huge }),
      'INVALID_INPUT',
      /statement is too long: at least 50 MiB, and at most 1 MiB is allowed/,
    );
    expect(message.length).toBeLessThan(300);
    await refused(
      () => updateCase(v, caseId, { title: huge }),
      'INVALID_INPUT',
      /title is too long/,
    );
    await refused(
      () => createPerson(v, { name: 'x', notes: 'é'.repeat(TEXT_LIMITS.text / 2 + 1) }),
      'INVALID_INPUT',
      /notes is too long: 64 KiB, and at most 64 KiB/,
    );
    await refused(
      () =>
        importCaseDocument(
          v,
          { ...doc, testimonies: [{ ...doc.testimonies[0]!, statement: huge }] },
          { mode: 'new-ids' },
        ),
      'INVALID_INPUT',
      /testimonies\[0\]\.statement is too long/,
    );
    // Not a timing assertion on the machine's speed: a sanity bound that proves no quadratic work.
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it('other malformed values: control characters, a one-line field with a newline, coordinates alone', async () => {
    await refused(
      () => createCase(v, { title: 'two\nlines' }),
      'INVALID_INPUT',
      /title must be one line/,
    );
    await refused(
      () => createTestimony(v, caseId, { statement: 'bell \u0007' }),
      'INVALID_INPUT',
      /statement contains a control character/,
    );
    await refused(
      () => createEvent(v, caseId, { eventType: 'raid', location: { latitude: 10 } }),
      'INVALID_INPUT',
      /latitude and longitude must be given together/,
    );
    await refused(
      () => createCase(v, { title: 'x', countries: ['XX'] }),
      'INVALID_INPUT',
      /countries\[0\]: "XX" is not an ISO 3166-1 country code/,
    );
    await refused(
      () => createCase(v, { title: 'x', colour: 'red' } as never),
      'INVALID_INPUT',
      /has unknown field "colour"/,
    );
  });

  it('a malformed JSON file, a document of the wrong format or version, and broken references', async () => {
    const dir = await tempDir();
    const bad = join(dir, 'bad.json');
    await writeFile(
      bad,
      '{\n  "format": "vigil-case",\n  "version": 1,\n  "case": {"title": tru}\n}',
    );
    await refused(
      () => readJsonFile(bad, 'case document'),
      'INVALID_INPUT',
      /The case document is not valid JSON \(at line 4, column 24\)/,
    );
    await writeFile(bad, '{"format": "vigil-case", "case": {');
    await refused(
      () => readJsonFile(bad, 'case document'),
      'INVALID_INPUT',
      /not valid JSON \(it ends too early\)/,
    );
    await writeFile(bad, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    await refused(
      () => readJsonFile(bad, 'case document'),
      'INVALID_INPUT',
      /is not UTF-8 text \(invalid byte at offset 2\)/,
    );
    await refused(
      () => readTextFile(bad, 3, 'the statement'),
      'INVALID_INPUT',
      /too large for the statement: 6 bytes, and at most 3 bytes/,
    );

    await refused(
      () => importCaseDocument(v, { format: 'something-else' }, { mode: 'new-ids' }),
      'INVALID_INPUT',
      /format must be "vigil-case": this is not a Vigil case document/,
    );
    await refused(
      () => importCaseDocument(v, { ...doc, version: 2 }, { mode: 'new-ids' }),
      'INVALID_INPUT',
      /version is 2, and this Vigil reads version 1/,
    );
    await refused(
      () => importCaseDocument(v, [1, 2], { mode: 'new-ids' }),
      'INVALID_INPUT',
      /not a Vigil case document/,
    );
    const dangling = {
      ...doc,
      events: [{ ...doc.events[0]!, victims: ['99999999-9999-4999-8999-999999999999'] }],
    };
    await refused(
      () => importCaseDocument(v, dangling, { mode: 'new-ids' }),
      'INVALID_INPUT',
      /events\[0\]\.victims\[0\] refers to a person who is not in the document/,
    );
    const unknownTerm = { ...doc, customTerms: [], events: [{ ...doc.events[1]!, links: [] }] };
    await refused(
      () =>
        importCaseDocument(
          v,
          { ...unknownTerm, events: [{ ...unknownTerm.events[0]!, eventType: 'levitation' }] },
          { mode: 'new-ids' },
        ),
      'INVALID_INPUT',
      /events\[0\]\.eventType: "levitation" is not a term/,
    );
    const badDate = { ...doc, testimonies: [{ ...doc.testimonies[0]!, takenOn: '2024-02-30' }] };
    await refused(
      () => importCaseDocument(v, badDate, { mode: 'new-ids' }),
      'INVALID_INPUT',
      /testimonies\[0\]\.takenOn: 2024-02-30 is not a date/,
    );
  });

  it('a document that fails half-way through the writes leaves nothing behind (one transaction)', async () => {
    // Merging a document whose intervention id belongs to another case passes validation and fails
    // on the last record, after the case, persons, testimonies and events were written.
    const other = await createCase(v, { title: 'Other' });
    const stranger = await createIntervention(v, other.id, { interventionType: 'other' });
    // Every id fresh (a new case), except the intervention's, which is the stranger's.
    const fresh = new Map<string, string>();
    const renamed = JSON.stringify({ ...doc, case: { ...doc.case, reference: 'CLASH-1' } }).replace(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
      (id) => fresh.get(id) ?? (fresh.set(id, randomUUID()), fresh.get(id)!),
    );
    const rename = {
      ...(JSON.parse(renamed) as typeof doc),
      interventions: [{ ...doc.interventions[0]!, id: stranger.id }],
    };
    await refused(
      () => importCaseDocument(v, rename, { mode: 'merge' }),
      'CONFLICT',
      /The intervention .* belongs to another case/,
    );
  });
});
