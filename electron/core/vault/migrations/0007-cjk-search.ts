import type { Queryable } from '../database';
import { INDEXED, searchTriggers, type Indexed } from './0002-case-records';
import type { Migration } from './types';

/**
 * Search in Chinese, Japanese and Korean text. The index's tokenizer keeps a
 * run of Han, kana or Hangul characters as one token (those scripts put no
 * space between words), so "北京" was never found inside "他在北京被捕".
 * Records whose indexed text holds such characters now carry their index text
 * from the repository, with a space around each of those characters
 * (`cjk_title`, `cjk_body`; NULL for all other records, which the triggers
 * keep folding in SQL). A testimony's statement and translation already arrive
 * folded (`statement_fold`, `translation_fold`); they are re-folded here.
 *
 * Frozen: the character class, the fold and the field lists below are this
 * migration's own copy (shared/domain/searchText.ts may change later).
 */

const CJK_CLASS = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\p{sc=Bopomofo}';
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
const CJK_ALL = new RegExp(`[${CJK_CLASS}]`, 'gu');
const LETTER_FOLD = new Map<string, string>([
  ...[...Array.from({ length: 0x065f - 0x064b + 1 }, (_, i) => 0x064b + i), 0x0670, 0x0640].map(
    (code) => [String.fromCodePoint(code), ''] as const,
  ),
  ...(
    [
      [0x0623, 0x0627],
      [0x0625, 0x0627],
      [0x0622, 0x0627],
      [0x0671, 0x0627],
      [0x0649, 0x064a],
      [0x0629, 0x0647],
      [0x06cc, 0x064a],
      [0x06a9, 0x0643],
      [0x0451, 0x0435],
      [0x0401, 0x0415],
    ] as const
  ).map(([from, to]) => [String.fromCodePoint(from), String.fromCodePoint(to)] as const),
]);
const LETTERS = new RegExp(`[${[...LETTER_FOLD.keys()].join('')}]`, 'gu');

function fold(text: string): string {
  const letters = text.replace(LETTERS, (char) => LETTER_FOLD.get(char) ?? char);
  return CJK.test(letters) ? letters.replace(CJK_ALL, ' $& ') : letters;
}

/** The index text of `parts` when one holds a CJK character, else null. */
function cjkText(parts: readonly string[]): string | null {
  return parts.some((part) => CJK.test(part)) ? fold(parts.join(' ')) : null;
}

type Row = Record<string, string | null>;
const text = (row: Row, column: string) => row[column] ?? '';
const list = (json: string | null | undefined): string[] => {
  try {
    const value: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};
const detention = (json: string | null | undefined): string[] => {
  if (!json) return [];
  try {
    const d = JSON.parse(json) as Record<string, unknown>;
    const places = Array.isArray(d.places) ? (d.places as { name?: unknown }[]) : [];
    return [
      ...['forces', 'authority', 'reasonsImputed', 'legalBasis'].map((k) =>
        typeof d[k] === 'string' ? d[k] : '',
      ),
      ...places.map((p) => (typeof p.name === 'string' ? p.name : '')),
    ];
  } catch {
    return [];
  }
};

interface Backfill {
  table: string;
  columns: string;
  title: (row: Row) => string[];
  body: ((row: Row) => string[]) | null;
}

const BACKFILL: Backfill[] = [
  {
    table: 'cases',
    columns: 'reference, title, summary, tags',
    title: (r) => [text(r, 'reference'), text(r, 'title')],
    body: (r) => [text(r, 'summary'), ...list(r.tags)],
  },
  {
    table: 'persons',
    columns: 'name, family_name, given_name, aliases, pseudonym, occupation, affiliation, notes',
    title: (r) => [
      text(r, 'name'),
      text(r, 'family_name'),
      text(r, 'given_name'),
      ...list(r.aliases),
      text(r, 'pseudonym'),
    ],
    body: (r) => [text(r, 'occupation'), text(r, 'affiliation'), text(r, 'notes')],
  },
  {
    table: 'events',
    columns: 'title, description, place, region, date_note, detention',
    title: (r) => [text(r, 'title')],
    body: (r) => [
      text(r, 'description'),
      text(r, 'place'),
      text(r, 'region'),
      text(r, 'date_note'),
      ...detention(r.detention),
    ],
  },
  {
    table: 'testimonies',
    columns: 'witness_description, place',
    title: (r) => [text(r, 'witness_description'), text(r, 'place')],
    body: null,
  },
  {
    table: 'interventions',
    columns: 'recipient, reference, outcome, response, notes',
    title: (r) => [text(r, 'recipient'), text(r, 'reference'), text(r, 'outcome')],
    body: (r) => [text(r, 'response'), text(r, 'notes')],
  },
];

/** The triggers of `x`, taking the repository's index text where there is one. */
function withCjk(x: Indexed): Indexed {
  const hasBody = x.table !== 'testimonies';
  return {
    ...x,
    watch: [...x.watch, 'cjk_title', ...(hasBody ? ['cjk_body'] : [])],
    title: `coalesce(ROW.cjk_title, ${x.title})`,
    body: hasBody ? `coalesce(ROW.cjk_body, ${x.body})` : x.body,
  };
}

// SQLite's GLOB compares code points, so this finds rows worth a look without
// reading every row into JavaScript: Bopomofo, kana, CJK symbols, Han (with
// extension A and compatibility ideographs) and Hangul; the regular expression
// above has the final word.
const MAYBE_CJK = '*[ㄅ-ㄯ぀-ヿ㐀-䶿一-鿿가-힯豈-﫿ᄀ-ᇿ𠀀-𲎯]*';

async function backfill(tx: Queryable, b: Backfill): Promise<void> {
  const cols = b.columns.split(', ');
  const where = cols.map((c) => `${c} GLOB '${MAYBE_CJK}'`).join(' OR ');
  const rows = await tx.all<Row & { id: string }>(
    `SELECT id, ${b.columns} FROM ${b.table} WHERE ${where}`,
  );
  for (const row of rows) {
    const title = cjkText(b.title(row));
    const body = b.body ? cjkText(b.body(row)) : null;
    if (title === null && body === null) continue;
    if (b.body)
      await tx.run(`UPDATE ${b.table} SET cjk_title = ?, cjk_body = ? WHERE id = ?`, [
        title,
        body,
        row.id,
      ]);
    else await tx.run(`UPDATE ${b.table} SET cjk_title = ? WHERE id = ?`, [title, row.id]);
  }
}

async function refoldStatements(tx: Queryable): Promise<void> {
  const rows = await tx.all<{ id: string; statement: string; translation: string }>(
    `SELECT id, statement, translation FROM testimonies
      WHERE statement GLOB '${MAYBE_CJK}' OR translation GLOB '${MAYBE_CJK}'`,
  );
  const folded = (value: string) => {
    const f = fold(value);
    return f === value ? null : f;
  };
  for (const row of rows)
    await tx.run('UPDATE testimonies SET statement_fold = ?, translation_fold = ? WHERE id = ?', [
      folded(row.statement),
      folded(row.translation),
      row.id,
    ]);
}

export const cjkSearch: Migration = {
  version: 7,
  name: 'cjk-search',
  async up(tx) {
    for (const x of INDEXED) {
      await tx.exec(`ALTER TABLE ${x.table} ADD COLUMN cjk_title TEXT`);
      if (x.table !== 'testimonies')
        await tx.exec(`ALTER TABLE ${x.table} ADD COLUMN cjk_body TEXT`);
      await tx.exec(`
        DROP TRIGGER ${x.table}_search_insert;
        DROP TRIGGER ${x.table}_search_update;
        DROP TRIGGER ${x.table}_search_delete;
      `);
      await tx.exec(searchTriggers(withCjk(x)));
    }
    // The new update triggers re-index every row these statements touch.
    for (const b of BACKFILL) await backfill(tx, b);
    await refoldStatements(tx);
  },
};
