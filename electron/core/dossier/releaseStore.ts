import type { Decision, StoredField, StoredReleases } from '../release';
import { sha256Text, storedKey } from '../release';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';

/** Release versions in the vault (table `releases`): one row per field and version. */

interface Row {
  record_kind: string;
  record_id: string;
  field: string;
  version: number;
  source_sha256: string;
  decisions: string;
  text: string | null;
  kept: string;
  actor: string;
  created_at: string;
}

/** The release versions in force (the latest version of each field) for a case and audience. */
export async function loadReleases(
  db: Queryable,
  caseId: string,
  audience: string,
): Promise<StoredReleases> {
  const rows = await db.all<Row>(
    `SELECT r.* FROM releases r
      WHERE r.case_id = ? AND r.audience = ?
        AND r.version = (SELECT MAX(version) FROM releases x
                          WHERE x.case_id = r.case_id AND x.audience = r.audience
                            AND x.record_kind = r.record_kind AND x.record_id = r.record_id
                            AND x.field = r.field)`,
    [caseId, audience],
  );
  const stored = new Map<string, StoredField>();
  for (const row of rows)
    stored.set(storedKey(row.record_kind, row.record_id, row.field), {
      sourceSha256: row.source_sha256,
      decisions: JSON.parse(row.decisions) as Record<string, Decision>,
      text: row.text,
      kept: JSON.parse(row.kept) as string[],
      version: row.version,
      actor: row.actor,
      at: row.created_at,
    });
  return stored;
}

export async function writeVersion(
  tx: Queryable,
  vault: Vault,
  key: { caseId: string; audience: string; kind: string; id: string; field: string },
  value: {
    sourceSha256: string;
    decisions: Record<string, Decision>;
    text: string | null;
    kept: string[];
    release: string;
  },
): Promise<number> {
  const row = await tx.get<{ v: number | null }>(
    `SELECT MAX(version) AS v FROM releases
      WHERE case_id = ? AND audience = ? AND record_kind = ? AND record_id = ? AND field = ?`,
    [key.caseId, key.audience, key.kind, key.id, key.field],
  );
  const version = (row?.v ?? 0) + 1;
  await tx.run(
    `INSERT INTO releases (case_id, audience, record_kind, record_id, field, version, source_sha256,
                           decisions, text, kept, release_sha256, actor, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      key.caseId,
      key.audience,
      key.kind,
      key.id,
      key.field,
      version,
      value.sourceSha256,
      JSON.stringify(value.decisions),
      value.text,
      JSON.stringify([...new Set(value.kept)]),
      sha256Text(value.release),
      vault.actor,
      vault.now().toISOString(),
    ],
  );
  return version;
}
