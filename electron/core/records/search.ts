import {
  dateBounds,
  formatPartialDate,
  type PartialDate,
} from '../../../shared/domain/partialDate';
import {
  searchQuerySchema,
  type SearchHit,
  type SearchKind,
  type SearchQuery,
  type SearchResults,
} from '../../../shared/domain/search';
import {
  buildSnippet,
  leadSnippet,
  parseSearchQuery,
  toFtsMatch,
  type QueryTerm,
  type Snippet,
} from '../../../shared/domain/searchText';
import type { Language, VocabularySet } from '../../../shared/vocabularies';
import type { Queryable, SqlValue } from '../vault/database';
import type { Vault } from '../vault/vault';
import { dateFromDb } from './dates';
import { chunks, parseJson, placeholders } from './sql';
import { parseInput } from './validate';
import { loadVocabularies } from './vocabularies';
import { openingWords } from './openingWords';

/** Title words weigh more than body text in the ranking (bm25 column weights: title, body). */
const WEIGHTS = '4.0, 1.0';

interface Filters {
  where: string[];
  params: SqlValue[];
}

function filters(q: ReturnType<typeof searchQuerySchema.parse>, match: string): Filters | null {
  const where = ['search_fts MATCH ?'];
  const params: SqlValue[] = [match];
  let kinds: SearchKind[] | undefined = q.kinds?.length ? q.kinds : undefined;
  if (q.eventType) kinds = (kinds ?? ['event']).filter((k) => k === 'event');
  if (q.from || q.to)
    kinds = (kinds ?? ['event', 'testimony', 'intervention']).filter(
      (k) => k !== 'case' && k !== 'person',
    );
  if (kinds && kinds.length === 0) return null;
  if (kinds) {
    where.push(`d.kind IN (${placeholders(kinds.length)})`);
    params.push(...kinds);
  }
  if (q.caseId) {
    where.push(
      `(d.case_id = ? OR (d.kind = 'person' AND d.entity_id IN (SELECT person_id FROM case_persons WHERE case_id = ?)))`,
    );
    params.push(q.caseId, q.caseId);
  }
  if (q.eventType) {
    where.push('d.event_type = ?');
    params.push(q.eventType);
  }
  if (q.country) {
    where.push('instr(d.countries, ?) > 0');
    params.push(JSON.stringify(q.country));
  }
  if (q.from || q.to) {
    const lo = q.from ? dateBounds(q.from)?.lo : undefined;
    const hi = q.to ? dateBounds(q.to)?.hi : undefined;
    where.push('d.date_lo IS NOT NULL');
    if (lo) {
      where.push('d.date_hi >= ?');
      params.push(lo);
    }
    if (hi) {
      where.push('d.date_lo <= ?');
      params.push(hi);
    }
  }
  return { where, params };
}

interface Hydrated {
  title: string;
  date: PartialDate | null;
  /** Searchable fields in the order a snippet prefers them. */
  fields: [string, string][];
}

type Hydrator = (
  q: Queryable,
  ids: string[],
  vocab: VocabularySet,
  lang: Language,
) => Promise<Map<string, Hydrated>>;

const byId = async <T extends { id: string }>(
  q: Queryable,
  sql: (list: string) => string,
  ids: string[],
): Promise<T[]> => {
  const out: T[] = [];
  for (const part of chunks(ids))
    out.push(...(await q.all<T>(sql(placeholders(part.length)), part)));
  return out;
};

const HYDRATORS: Record<SearchKind, Hydrator> = {
  async case(q, ids) {
    const rows = await byId<{
      id: string;
      reference: string;
      title: string;
      summary: string;
      tags: string;
    }>(
      q,
      (list) => `SELECT id, reference, title, summary, tags FROM cases WHERE id IN (${list})`,
      ids,
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          title: `${r.reference} · ${r.title}`,
          date: null,
          fields: [
            ['title', r.title],
            ['reference', r.reference],
            ['summary', r.summary],
            ['tags', parseJson<string[]>(r.tags, []).join(' · ')],
          ],
        },
      ]),
    );
  },
  async person(q, ids) {
    const rows = await byId<{
      id: string;
      name: string;
      family_name: string;
      given_name: string;
      aliases: string;
      pseudonym: string;
      occupation: string;
      affiliation: string;
      notes: string;
    }>(
      q,
      (list) =>
        `SELECT id, name, family_name, given_name, aliases, pseudonym, occupation, affiliation, notes FROM persons WHERE id IN (${list})`,
      ids,
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          title: r.name,
          date: null,
          fields: [
            ['name', r.name],
            ['aliases', parseJson<string[]>(r.aliases, []).join(' · ')],
            ['pseudonym', r.pseudonym],
            ['familyName', r.family_name],
            ['givenName', r.given_name],
            ['occupation', r.occupation],
            ['affiliation', r.affiliation],
            ['notes', r.notes],
          ],
        },
      ]),
    );
  },
  async event(q, ids, vocab, lang) {
    const rows = await byId<{
      id: string;
      event_type: string;
      title: string;
      description: string;
      place: string;
      region: string;
      date_note: string;
      start_date: string;
      detention: string | null;
    }>(
      q,
      (list) =>
        `SELECT id, event_type, title, description, place, region, date_note, start_date, detention FROM events WHERE id IN (${list})`,
      ids,
    );
    return new Map(
      rows.map((r) => {
        const detention = parseJson<{
          forces?: string;
          authority?: string;
          reasonsImputed?: string;
          legalBasis?: string;
          places?: { name: string }[];
        } | null>(r.detention, null);
        return [
          r.id,
          {
            title: r.title || vocab.label('event-type', r.event_type, lang),
            date: dateFromDb(r.start_date),
            fields: [
              ['title', r.title],
              ['description', r.description],
              ['place', [r.place, r.region].filter(Boolean).join(', ')],
              ['dateNote', r.date_note],
              [
                'detention',
                detention
                  ? [
                      detention.forces,
                      detention.authority,
                      detention.reasonsImputed,
                      detention.legalBasis,
                      ...(detention.places ?? []).map((p) => p.name),
                    ]
                      .filter(Boolean)
                      .join(' · ')
                  : '',
              ],
            ],
          },
        ];
      }),
    );
  },
  async testimony(q, ids) {
    const rows = await byId<{
      id: string;
      witness: string | null;
      witness_description: string;
      place: string;
      taken_on: string;
      statement: string;
      translation: string;
    }>(
      q,
      (list) =>
        `SELECT t.id, p.name AS witness, t.witness_description, t.place, t.taken_on, t.statement, t.translation
         FROM testimonies t LEFT JOIN persons p ON p.id = t.witness_id WHERE t.id IN (${list})`,
      ids,
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          // An anonymous witness described by no words: the statement's first words name it.
          title: r.witness ?? (r.witness_description || openingWords(r.statement)),
          date: dateFromDb(r.taken_on),
          fields: [
            ['statement', r.statement],
            ['translation', r.translation],
            ['witnessDescription', r.witness_description],
            ['place', r.place],
          ],
        },
      ]),
    );
  },
  async intervention(q, ids, vocab, lang) {
    const rows = await byId<{
      id: string;
      intervention_type: string;
      recipient: string;
      reference: string;
      outcome: string;
      response: string;
      notes: string;
      sent_on: string | null;
    }>(
      q,
      (list) =>
        `SELECT id, intervention_type, recipient, reference, outcome, response, notes, sent_on FROM interventions WHERE id IN (${list})`,
      ids,
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          title: [vocab.label('intervention-type', r.intervention_type, lang), r.recipient]
            .filter(Boolean)
            .join(' · '),
          date: dateFromDb(r.sent_on),
          fields: [
            ['recipient', r.recipient],
            ['reference', r.reference],
            ['outcome', r.outcome],
            ['response', r.response],
            ['notes', r.notes],
          ],
        },
      ]),
    );
  },
};

/** The field whose passage highlights the most query words; the first non-empty field when none does. */
function bestSnippet(
  fields: [string, string][],
  terms: QueryTerm[],
): { field: string; snippet: Snippet } {
  let best: { field: string; snippet: Snippet } | null = null;
  for (const [field, text] of fields) {
    if (!text) continue;
    const snippet = buildSnippet(text, terms);
    if (snippet && (!best || snippet.matches > best.snippet.matches)) best = { field, snippet };
  }
  if (best) return best;
  const first = fields.find(([, text]) => text) ?? ['', ''];
  return { field: first[0], snippet: leadSnippet(first[1]) };
}

type RankedRow = { kind: SearchKind; entity_id: string; case_id: string | null; score: number };
type ParsedQuery = ReturnType<typeof searchQuerySchema.parse>;

/**
 * One page of matches, best first. With filters, every match is joined to
 * its facets before ranking. Without, FTS5 ranks first and only the page is
 * joined; and a word found in more than `rankWithin` records is ranked in
 * windows of that many matches, newest first (FTS5 walks a doclist by rowid
 * without ranking, so finding a window's bounds is cheap): the first page
 * stays fast however common the word, and later pages go on into older
 * windows, so every match can still be reached.
 */
async function rankedPage(
  vault: Vault,
  match: string,
  f: Filters,
  q: ParsedQuery,
): Promise<{ rows: RankedRow[]; partialRanking: boolean }> {
  if (f.where.length > 1)
    return {
      rows: await vault.db.all<RankedRow>(
        `SELECT d.kind, d.entity_id, d.case_id, bm25(search_fts, ${WEIGHTS}) AS score
         FROM search_fts JOIN search_docs d ON d.rid = search_fts.rowid WHERE ${f.where.join(' AND ')}
         ORDER BY score, d.rid LIMIT ? OFFSET ?`,
        [...f.params, q.limit, q.offset],
      ),
      partialRanking: false,
    };
  const size = q.rankWithin;
  // The rowid of the nth newest match, or null when there are no more.
  const nthNewest = async (n: number) =>
    (
      await vault.db.get<{ rowid: number }>(
        'SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
        [match, n],
      )
    )?.rowid ?? null;
  const rows: RankedRow[] = [];
  let offset = q.offset;
  let partialRanking = false;
  while (rows.length < q.limit) {
    const window = Math.floor(offset / size);
    const newest = window === 0 ? null : await nthNewest(window * size);
    if (window > 0 && newest === null) break;
    const older = await nthNewest((window + 1) * size);
    const bounds: string[] = [];
    const params: SqlValue[] = [match];
    if (newest !== null) {
      bounds.push('rowid <= ?');
      params.push(newest);
    }
    if (older !== null) {
      bounds.push('rowid > ?');
      params.push(older);
    }
    if (bounds.length > 0) partialRanking = true;
    const within = offset - window * size;
    const wanted = Math.min(q.limit - rows.length, size - within);
    const page = await vault.db.all<RankedRow>(
      `SELECT d.kind, d.entity_id, d.case_id, m.score
       FROM (SELECT rowid, bm25(search_fts, ${WEIGHTS}) AS score FROM search_fts
             WHERE ${['search_fts MATCH ?', ...bounds].join(' AND ')}
             ORDER BY score, rowid LIMIT ? OFFSET ?) m
       JOIN search_docs d ON d.rid = m.rowid ORDER BY m.score, m.rowid`,
      [...params, wanted, within],
    );
    rows.push(...page);
    if (older === null || page.length < wanted) break;
    offset += page.length;
  }
  return { rows, partialRanking };
}

/**
 * Full-text search over cases, persons, events, testimonies and
 * interventions, ranked by bm25, with a highlighted passage for each hit.
 * Any text is a valid query (see parseSearchQuery): nothing the user types
 * reaches FTS5 as syntax.
 */
export async function search(vault: Vault, query: SearchQuery): Promise<SearchResults> {
  const q = parseInput(searchQuerySchema, query, 'search');
  const terms = parseSearchQuery(q.text);
  const match = toFtsMatch(terms);
  const f = match ? filters(q, match) : null;
  if (!match || !f) return { terms, total: 0, partialRanking: false, hits: [] };
  const { rows, partialRanking } = await rankedPage(vault, match, f, q);
  const countSql =
    f.where.length > 1
      ? `SELECT count(*) AS n FROM search_fts JOIN search_docs d ON d.rid = search_fts.rowid WHERE ${f.where.join(' AND ')}`
      : 'SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?';
  const total =
    rows.length < q.limit && q.offset === 0 && !partialRanking
      ? rows.length
      : ((await vault.db.get<{ n: number }>(countSql, f.params))?.n ?? 0);
  if (rows.length === 0) return { terms, total, partialRanking, hits: [] };

  const vocab = await loadVocabularies(vault.db);
  const hydrated = new Map<string, Hydrated>();
  for (const kind of new Set(rows.map((r) => r.kind))) {
    const ids = rows.filter((r) => r.kind === kind).map((r) => r.entity_id);
    for (const [id, h] of await HYDRATORS[kind](vault.db, ids, vocab, q.lang)) hydrated.set(id, h);
  }
  const personIds = rows.filter((r) => r.kind === 'person').map((r) => r.entity_id);
  const personCases = new Map<string, string[]>();
  for (const part of chunks(personIds)) {
    for (const r of await vault.db.all<{ person_id: string; case_id: string }>(
      `SELECT DISTINCT person_id, case_id FROM case_persons WHERE person_id IN (${placeholders(part.length)}) ORDER BY case_id`,
      part,
    )) {
      personCases.set(r.person_id, [...(personCases.get(r.person_id) ?? []), r.case_id]);
    }
  }

  const hits: SearchHit[] = [];
  for (const row of rows) {
    const h = hydrated.get(row.entity_id);
    if (!h) continue;
    const { field, snippet } = bestSnippet(h.fields, terms);
    hits.push({
      kind: row.kind,
      id: row.entity_id,
      caseId: row.case_id,
      caseIds:
        row.kind === 'person'
          ? (personCases.get(row.entity_id) ?? [])
          : row.case_id
            ? [row.case_id]
            : [],
      title: h.title,
      date: h.date,
      field,
      snippet,
      score: row.score,
    });
  }
  return { terms, total, partialRanking, hits };
}

/** For human output: the date of a hit as text. */
export const hitDate = (hit: SearchHit): string => (hit.date ? formatPartialDate(hit.date) : '');
