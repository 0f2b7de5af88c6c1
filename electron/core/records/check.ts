import type { CheckItem } from '../vault/check';
import type { Vault } from '../vault/vault';

const INDEXED: [kind: string, table: string][] = [
  ['case', 'cases'],
  ['person', 'persons'],
  ['event', 'events'],
  ['testimony', 'testimonies'],
  ['intervention', 'interventions'],
];

/**
 * For `vigil check`: the full-text index is internally consistent (FTS5's own
 * integrity check) and holds exactly one entry per record, no more, no less;
 * and the per-case counts the triggers keep match the records.
 */
export async function checkCaseRecords(vault: Vault): Promise<CheckItem> {
  const problems: string[] = [];
  try {
    await vault.db.run("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')");
  } catch {
    problems.push(
      'the full-text index is damaged (FTS5 integrity-check failed); it can be rebuilt from the records',
    );
  }
  for (const [kind, table] of INDEXED) {
    const missing = await vault.db.get<{ n: number }>(
      `SELECT count(*) AS n FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.entity_id = t.id)`,
    );
    const extra = await vault.db.get<{ n: number }>(
      `SELECT count(*) AS n FROM search_docs d WHERE d.kind = ? AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = d.entity_id)`,
      [kind],
    );
    if (missing?.n) problems.push(`${missing.n} ${table} are missing from the search index`);
    if (extra?.n) problems.push(`the search index lists ${extra.n} ${table} that no longer exist`);
  }
  const orphans = await vault.db.get<{ n: number }>(
    'SELECT (SELECT count(*) FROM search_docs) - (SELECT count(*) FROM search_fts_docsize) AS n',
  );
  if (orphans?.n)
    problems.push(`the search index and its entry list differ by ${orphans.n} entries`);
  const counts = await vault.db.get<{ n: number }>(
    `SELECT count(*) AS n FROM cases c LEFT JOIN case_counts n ON n.case_id = c.id
     WHERE n.case_id IS NULL
        OR n.events <> (SELECT count(*) FROM events WHERE case_id = c.id)
        OR n.testimonies <> (SELECT count(*) FROM testimonies WHERE case_id = c.id)
        OR n.interventions <> (SELECT count(*) FROM interventions WHERE case_id = c.id)
        OR n.persons <> (SELECT count(DISTINCT person_id) FROM case_persons WHERE case_id = c.id)`,
  );
  if (counts?.n) problems.push(`the record counts of ${counts.n} cases are wrong`);
  return {
    code: 'case-records',
    name: 'case records (search index and counts in step with the records)',
    ok: problems.length === 0,
    problems,
  };
}
