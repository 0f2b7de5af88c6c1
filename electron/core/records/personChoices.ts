import {
  personFindSchema,
  type PersonChoice,
  type PersonChoices,
  type PersonFind,
} from '../../../shared/domain/person';
import type { Vault } from '../vault/vault';
import { dateFromDb } from './dates';
import { casesOfPersons } from './persons';
import { search } from './search';
import { chunks, parseJson, placeholders } from './sql';
import { parseInput } from './validate';

interface Row {
  id: string;
  name: string;
  aliases: string;
  birth_date: string | null;
  age: number | null;
}

/** The year of birth with its qualifier, when the stored date names a year. */
function bornOf(stored: string | null): PersonChoice['born'] {
  const date = dateFromDb(stored);
  if (!date?.value || date.qualifier === 'unknown') return null;
  return { year: Number(date.value.slice(0, 4)), qualifier: date.qualifier };
}

/**
 * Persons to choose from when adding someone already in the vault to a case:
 * found by the search index (ranked as search ranks them) or, for an empty
 * text, everyone by name; one page with the total, so a long list is never
 * cut short without saying so. Each comes with what tells namesakes apart.
 */
export async function findPersonChoices(vault: Vault, input: PersonFind): Promise<PersonChoices> {
  const q = parseInput(personFindSchema, input, 'person search');
  let ids: string[];
  let total: number;
  if (q.text.trim()) {
    const found = await search(vault, {
      text: q.text,
      kinds: ['person'],
      limit: q.limit,
      offset: q.offset,
    });
    ids = found.hits.map((hit) => hit.id);
    total = found.total;
  } else {
    const rows = await vault.db.all<{ id: string }>(
      'SELECT id FROM persons ORDER BY name COLLATE NOCASE, created_at, rowid LIMIT ? OFFSET ?',
      [q.limit, q.offset],
    );
    ids = rows.map((r) => r.id);
    total = (await vault.db.get<{ n: number }>('SELECT count(*) AS n FROM persons'))?.n ?? 0;
  }
  const rows = new Map<string, Row>();
  for (const part of chunks(ids))
    for (const row of await vault.db.all<Row>(
      `SELECT id, name, aliases, birth_date, age FROM persons WHERE id IN (${placeholders(part.length)})`,
      part,
    ))
      rows.set(row.id, row);
  const links = await casesOfPersons(vault.db, ids);
  const caseIds = [...new Set([...links.values()].flat().map((l) => l.caseId))];
  const cases = new Map<string, { reference: string; title: string }>();
  for (const part of chunks(caseIds))
    for (const c of await vault.db.all<{ id: string; reference: string; title: string }>(
      `SELECT id, reference, title FROM cases WHERE id IN (${placeholders(part.length)})`,
      part,
    ))
      cases.set(c.id, { reference: c.reference, title: c.title });

  const persons: PersonChoice[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    if (!row) continue;
    persons.push({
      id,
      name: row.name,
      aliases: parseJson<string[]>(row.aliases, []),
      born: bornOf(row.birth_date),
      age: row.age,
      cases: (links.get(id) ?? []).map((link) => ({
        caseId: link.caseId,
        reference: cases.get(link.caseId)?.reference ?? '',
        title: cases.get(link.caseId)?.title ?? '',
        roles: link.roles,
      })),
    });
  }
  return { total, persons };
}
