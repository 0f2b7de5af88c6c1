import type { Migration } from './types';

/**
 * Case records: cases, persons (linked to cases with roles), events with
 * their victims, perpetrators, sources, links and detention details,
 * testimonies with consent records, interventions, an organisation's own
 * vocabulary terms, and the full-text index over them.
 *
 * Conventions:
 * - ids are UUID text; timestamps are ISO 8601 UTC text.
 * - Free text is NOT NULL with '' for "not given"; structured optional values
 *   (dates, countries, terms, numbers) are NULL when not given.
 * - Lists and small structures (aliases, countries, identity documents,
 *   contact details, consent, detention details) are JSON text validated by
 *   the shared zod schemas before every write.
 * - Partial dates are stored in their canonical text form ("~2024-03",
 *   "before 2024", "unknown"); `sort_key`, `date_lo` and `date_hi` are derived
 *   from them by the repositories for ordering and date filters.
 *
 * Search: one contentless FTS5 table (`search_fts`, secure-delete on, so a
 * deleted record's words leave the index at once) over every record type,
 * and `search_docs`, which maps each FTS rowid to its record and holds the
 * filter facets. Triggers on every record table keep both in step. Being
 * contentless, the index stores no copy of the text (snippets are cut from
 * the records themselves); being inside the SQLCipher database, it is
 * encrypted like everything else.
 *
 * Text is folded before it is indexed: see shared/domain/searchText.ts.
 * Short fields are folded in SQL by the triggers; a testimony's statement and
 * translation are folded by the repository (statement_fold, translation_fold).
 * The fold table is copied here on purpose: a migration never changes once
 * released; a later change to the fold needs a new migration that recreates
 * the triggers and rebuilds the index.
 */

const FOLD_REMOVE = [
  ...Array.from({ length: 0x065f - 0x064b + 1 }, (_, i) => 0x064b + i),
  0x0670,
  0x0640,
];
const FOLD_MAP: [number, number][] = [
  [0x0623, 0x0627],
  [0x0625, 0x0627],
  [0x0622, 0x0627],
  [0x0671, 0x0627],
  [0x0649, 0x064a],
  [0x0629, 0x647],
  [0x06cc, 0x064a],
  [0x06a9, 0x0643],
  [0x0451, 0x0435],
  [0x0401, 0x0415],
];
// UTF-8 lead bytes of the Arabic block (U+0600–U+06FF), then ё and Ё: the
// replace() chain runs only on text holding one of them.
const FOLD_TRIGGER_BYTES = ["X'D8'", "X'D9'", "X'DA'", "X'DB'", "X'D191'", "X'D081'"];

/** The search fold as an SQL expression over `expr` (a non-NULL text expression). */
export function foldSql(expr: string): string {
  let chain = expr;
  for (const code of FOLD_REMOVE) chain = `replace(${chain}, char(${code}), '')`;
  for (const [from, to] of FOLD_MAP) chain = `replace(${chain}, char(${from}), char(${to}))`;
  const guard = FOLD_TRIGGER_BYTES.map(
    (bytes) => `instr(CAST(${expr} AS BLOB), ${bytes}) > 0`,
  ).join(' OR ');
  return `(CASE WHEN ${guard} THEN ${chain} ELSE ${expr} END)`;
}

const joined = (...parts: string[]) => parts.join(` || ' ' || `);

export interface Indexed {
  table: string;
  kind: string;
  /** Columns whose change re-indexes the record. */
  watch: string[];
  caseId: string;
  eventType: string;
  countries: string;
  dateLo: string;
  dateHi: string;
  title: string;
  body: string;
}

export function searchTriggers(x: Indexed): string {
  const row = (expr: string) => expr.replaceAll('ROW.', 'new.');
  const [caseId, eventType, countries, dateLo, dateHi, title, body] = [
    x.caseId,
    x.eventType,
    x.countries,
    x.dateLo,
    x.dateHi,
    x.title,
    x.body,
  ].map(row);
  return `
    CREATE TRIGGER ${x.table}_search_insert AFTER INSERT ON ${x.table} BEGIN
      INSERT INTO search_docs (kind, entity_id, case_id, event_type, countries, date_lo, date_hi)
        VALUES ('${x.kind}', new.id, ${caseId}, ${eventType}, ${countries}, ${dateLo}, ${dateHi});
      INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), ${title}, ${body});
    END;
    CREATE TRIGGER ${x.table}_search_update AFTER UPDATE OF id, ${x.watch.join(', ')} ON ${x.table} BEGIN
      UPDATE search_docs SET entity_id = new.id, case_id = ${caseId}, event_type = ${eventType},
          countries = ${countries}, date_lo = ${dateLo}, date_hi = ${dateHi}
        WHERE entity_id = old.id;
      UPDATE search_fts SET title = ${title}, body = ${body}
        WHERE rowid = (SELECT rid FROM search_docs WHERE entity_id = new.id);
    END;
    CREATE TRIGGER ${x.table}_search_delete AFTER DELETE ON ${x.table} BEGIN
      DELETE FROM search_fts WHERE rowid = (SELECT rid FROM search_docs WHERE entity_id = old.id);
      DELETE FROM search_docs WHERE entity_id = old.id;
    END;`;
}

// `ROW.` stands for the trigger's `new.` row.
const f = (column: string) => foldSql(`ROW.${column}`);
const fj = (json: string, path: string) =>
  foldSql(`coalesce(json_extract(${json}, '${path}'), '')`);
const singleCountry = `CASE WHEN ROW.country IS NULL THEN '[]' ELSE json_array(ROW.country) END`;

export const INDEXED: readonly Indexed[] = [
  {
    table: 'cases',
    kind: 'case',
    watch: ['reference', 'title', 'summary', 'tags', 'countries'],
    caseId: 'ROW.id',
    eventType: 'NULL',
    countries: 'ROW.countries',
    dateLo: 'NULL',
    dateHi: 'NULL',
    title: joined(f('reference'), f('title')),
    body: joined(f('summary'), f('tags')),
  },
  {
    table: 'persons',
    kind: 'person',
    watch: [
      'name',
      'family_name',
      'given_name',
      'aliases',
      'pseudonym',
      'occupation',
      'affiliation',
      'notes',
      'nationalities',
    ],
    caseId: 'NULL',
    eventType: 'NULL',
    countries: 'ROW.nationalities',
    dateLo: 'NULL',
    dateHi: 'NULL',
    title: joined(f('name'), f('family_name'), f('given_name'), f('aliases'), f('pseudonym')),
    body: joined(f('occupation'), f('affiliation'), f('notes')),
  },
  {
    table: 'events',
    kind: 'event',
    watch: [
      'case_id',
      'event_type',
      'title',
      'description',
      'place',
      'region',
      'date_note',
      'detention',
      'country',
      'date_lo',
      'date_hi',
    ],
    caseId: 'ROW.case_id',
    eventType: 'ROW.event_type',
    countries: singleCountry,
    dateLo: 'ROW.date_lo',
    dateHi: 'ROW.date_hi',
    title: f('title'),
    body: joined(
      f('description'),
      f('place'),
      f('region'),
      f('date_note'),
      `(CASE WHEN ROW.detention IS NULL THEN '' ELSE ${joined(
        fj('ROW.detention', '$.forces'),
        fj('ROW.detention', '$.authority'),
        fj('ROW.detention', '$.reasonsImputed'),
        fj('ROW.detention', '$.legalBasis'),
        foldSql(
          `coalesce((SELECT group_concat(json_extract(value, '$.name'), ' ') FROM json_each(ROW.detention, '$.places')), '')`,
        ),
      )} END)`,
    ),
  },
  {
    table: 'testimonies',
    kind: 'testimony',
    watch: [
      'case_id',
      'witness_description',
      'place',
      'statement',
      'translation',
      'statement_fold',
      'translation_fold',
      'country',
      'date_lo',
      'date_hi',
    ],
    caseId: 'ROW.case_id',
    eventType: 'NULL',
    countries: singleCountry,
    dateLo: 'ROW.date_lo',
    dateHi: 'ROW.date_hi',
    title: joined(f('witness_description'), f('place')),
    // Long texts arrive folded from the repository (see the testimonies table).
    body: joined(
      'coalesce(ROW.statement_fold, ROW.statement)',
      'coalesce(ROW.translation_fold, ROW.translation)',
    ),
  },
  {
    table: 'interventions',
    kind: 'intervention',
    watch: [
      'case_id',
      'recipient',
      'reference',
      'outcome',
      'response',
      'notes',
      'date_lo',
      'date_hi',
    ],
    caseId: 'ROW.case_id',
    eventType: 'NULL',
    countries: `'[]'`,
    dateLo: 'ROW.date_lo',
    dateHi: 'ROW.date_hi',
    title: joined(f('recipient'), f('reference'), f('outcome')),
    body: joined(f('response'), f('notes')),
  },
];

const TABLES = `
  CREATE TABLE cases (
    id              TEXT PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    title           TEXT NOT NULL,
    summary         TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,
    countries       TEXT NOT NULL DEFAULT '[]',
    tags            TEXT NOT NULL DEFAULT '[]',
    confidentiality TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
  ) STRICT;

  CREATE TABLE persons (
    id                 TEXT PRIMARY KEY,
    person_type        TEXT NOT NULL,
    name               TEXT NOT NULL,
    family_name        TEXT NOT NULL DEFAULT '',
    given_name         TEXT NOT NULL DEFAULT '',
    aliases            TEXT NOT NULL DEFAULT '[]',
    pseudonym          TEXT NOT NULL DEFAULT '',
    sex                TEXT,
    birth_date         TEXT,
    age                INTEGER,
    nationalities      TEXT NOT NULL DEFAULT '[]',
    identity_documents TEXT NOT NULL DEFAULT '[]',
    occupation         TEXT NOT NULL DEFAULT '',
    hrd_work           TEXT NOT NULL DEFAULT '[]',
    affiliation        TEXT NOT NULL DEFAULT '',
    residence          TEXT NOT NULL DEFAULT '',
    contact            TEXT NOT NULL DEFAULT '{}',
    deceased           INTEGER NOT NULL DEFAULT 0 CHECK (deceased IN (0, 1)),
    death_date         TEXT,
    notes              TEXT NOT NULL DEFAULT '',
    consent            TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
  ) STRICT;

  CREATE TABLE case_persons (
    case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (case_id, person_id, role)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX case_persons_person ON case_persons (person_id, case_id);

  CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases (id),
    event_type  TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    start_date  TEXT NOT NULL,
    end_date    TEXT,
    ongoing     INTEGER NOT NULL DEFAULT 0 CHECK (ongoing IN (0, 1)),
    date_note   TEXT NOT NULL DEFAULT '',
    sort_key    TEXT NOT NULL,
    date_lo     TEXT,
    date_hi     TEXT,
    country     TEXT,
    region      TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    latitude    REAL,
    longitude   REAL,
    detention   TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  ) STRICT;
  CREATE INDEX events_case ON events (case_id, sort_key);
  CREATE INDEX events_type ON events (event_type);

  CREATE TABLE event_victims (
    event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (event_id, person_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX event_victims_person ON event_victims (person_id);

  CREATE TABLE event_perpetrators (
    event_id    TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    involvement TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, person_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX event_perpetrators_person ON event_perpetrators (person_id);

  CREATE TABLE event_links (
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    linked_event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    relation        TEXT NOT NULL,
    PRIMARY KEY (event_id, linked_event_id),
    CHECK (event_id <> linked_event_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX event_links_linked ON event_links (linked_event_id);

  CREATE TABLE testimonies (
    id                   TEXT PRIMARY KEY,
    case_id              TEXT NOT NULL REFERENCES cases (id),
    witness_id           TEXT REFERENCES persons (id) ON DELETE SET NULL,
    witness_description  TEXT NOT NULL DEFAULT '',
    interviewer          TEXT NOT NULL DEFAULT '',
    taken_on             TEXT NOT NULL,
    sort_key             TEXT NOT NULL,
    date_lo              TEXT,
    date_hi              TEXT,
    place                TEXT NOT NULL DEFAULT '',
    country              TEXT,
    language             TEXT,
    method               TEXT,
    statement            TEXT NOT NULL,
    translation          TEXT NOT NULL DEFAULT '',
    translation_language TEXT,
    -- The search fold of the statement and translation, computed by the
    -- repository and stored only when it differs from the text (Arabic, ё):
    -- folding a 1 MB statement in SQL on every write would cost far more.
    statement_fold       TEXT,
    translation_fold     TEXT,
    consent              TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
  ) STRICT;
  CREATE INDEX testimonies_case ON testimonies (case_id, sort_key);
  CREATE INDEX testimonies_witness ON testimonies (witness_id);

  -- A source may be a person, a testimony, or described in words; deleting
  -- the person or the testimony keeps the source's description.
  CREATE TABLE event_sources (
    event_id     TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    person_id    TEXT REFERENCES persons (id) ON DELETE SET NULL,
    testimony_id TEXT REFERENCES testimonies (id) ON DELETE SET NULL,
    description  TEXT NOT NULL DEFAULT '',
    reliability  TEXT NOT NULL,
    PRIMARY KEY (event_id, position)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX event_sources_person ON event_sources (person_id) WHERE person_id IS NOT NULL;
  CREATE INDEX event_sources_testimony ON event_sources (testimony_id) WHERE testimony_id IS NOT NULL;

  CREATE TABLE interventions (
    id                TEXT PRIMARY KEY,
    case_id           TEXT NOT NULL REFERENCES cases (id),
    intervention_type TEXT NOT NULL,
    mechanism         TEXT,
    recipient         TEXT NOT NULL DEFAULT '',
    sent_on           TEXT,
    date_lo           TEXT,
    date_hi           TEXT,
    reference         TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL,
    response_on       TEXT,
    response          TEXT NOT NULL DEFAULT '',
    outcome           TEXT NOT NULL DEFAULT '',
    follow_up_on      TEXT,
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
  ) STRICT;
  CREATE INDEX interventions_case ON interventions (case_id);
  CREATE INDEX interventions_follow_up ON interventions (follow_up_on) WHERE follow_up_on IS NOT NULL;

  -- An organisation's own terms for the extensible vocabularies.
  CREATE TABLE vocab_terms (
    vocabulary TEXT NOT NULL,
    term       TEXT NOT NULL,
    labels     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (vocabulary, term)
  ) STRICT, WITHOUT ROWID;

  -- How many persons, events, testimonies and interventions each case has,
  -- kept by triggers so that the case list never counts (vigil check verifies).
  CREATE TABLE case_counts (
    case_id       TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    persons       INTEGER NOT NULL DEFAULT 0,
    events        INTEGER NOT NULL DEFAULT 0,
    testimonies   INTEGER NOT NULL DEFAULT 0,
    interventions INTEGER NOT NULL DEFAULT 0
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE search_docs (
    rid        INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    entity_id  TEXT NOT NULL UNIQUE,
    case_id    TEXT,
    event_type TEXT,
    countries  TEXT NOT NULL DEFAULT '[]',
    date_lo    TEXT,
    date_hi    TEXT
  ) STRICT;

  CREATE VIRTUAL TABLE search_fts USING fts5 (
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);
`;

function countTriggers(table: string, column: string): string {
  return `
    CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} BEGIN
      UPDATE case_counts SET ${column} = ${column} + 1 WHERE case_id = new.case_id;
    END;
    CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} BEGIN
      UPDATE case_counts SET ${column} = ${column} - 1 WHERE case_id = old.case_id;
    END;
    CREATE TRIGGER ${table}_count_move AFTER UPDATE OF case_id ON ${table} WHEN old.case_id <> new.case_id BEGIN
      UPDATE case_counts SET ${column} = ${column} - 1 WHERE case_id = old.case_id;
      UPDATE case_counts SET ${column} = ${column} + 1 WHERE case_id = new.case_id;
    END;`;
}

const COUNT_TRIGGERS = `
  CREATE TRIGGER cases_count_insert AFTER INSERT ON cases BEGIN
    INSERT INTO case_counts (case_id) VALUES (new.id);
  END;
  ${countTriggers('events', 'events')}
  ${countTriggers('testimonies', 'testimonies')}
  ${countTriggers('interventions', 'interventions')}
  -- A person counts once per case, whatever the number of roles they hold in it.
  CREATE TRIGGER case_persons_count_insert AFTER INSERT ON case_persons
  WHEN NOT EXISTS (SELECT 1 FROM case_persons WHERE case_id = new.case_id AND person_id = new.person_id AND role <> new.role)
  BEGIN
    UPDATE case_counts SET persons = persons + 1 WHERE case_id = new.case_id;
  END;
  CREATE TRIGGER case_persons_count_delete AFTER DELETE ON case_persons
  WHEN NOT EXISTS (SELECT 1 FROM case_persons WHERE case_id = old.case_id AND person_id = old.person_id)
  BEGIN
    UPDATE case_counts SET persons = persons - 1 WHERE case_id = old.case_id;
  END;
`;

export const caseRecords: Migration = {
  version: 2,
  name: 'case-records',
  async up(tx) {
    await tx.exec(TABLES);
    await tx.exec(COUNT_TRIGGERS);
    for (const indexed of INDEXED) await tx.exec(searchTriggers(indexed));
  },
};
