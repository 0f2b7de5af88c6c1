import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createVault, type Vault } from '../../../electron/core';
import {
  exportCaseDocument,
  importCaseDocuments,
  search,
  type ImportOptions,
  type ImportResult,
} from '../../../electron/core/records';
import { Database } from '../../../electron/core/vault/database';
import {
  MAX_PARAMETERS,
  RowBatch,
  setBased,
  setBasedInsert,
} from '../../../electron/core/records/rowBatch';
import type { CaseDocument } from '../../../shared/domain/caseDocument';
import { caseDocument } from '../../../bench/recordsWorkload';
import { tempDir } from '../../helpers/tmp';
import { PASSPHRASE, TEST_KDF } from '../../helpers/vault';
import { fullCase, RECORD_TABLES } from './fixture';

// The set-based import (electron/core/records/rowBatch.ts) against the
// row-by-row one it replaced: the same documents, imported both ways into
// two vaults that start alike, must leave every table and the search index
// alike, row for row.

const NOW = new Date('2026-03-01T10:00:00.000Z');
const open: Vault[] = [];
afterAll(async () => {
  await Promise.all(open.map((v) => v.lock()));
});

async function vaultAt(root: string, name: string): Promise<Vault> {
  const { vault } = await createVault({
    dir: join(root, name),
    passphrase: PASSPHRASE,
    kdf: TEST_KDF,
    actor: 'tester',
    now: () => NOW,
  });
  open.push(vault);
  return vault;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
type Rows = Record<string, unknown>[];

/** Vault id → document id, from the results of every import so far. */
const idMaps = new Map<Vault, Map<string, string>>();
function remember(vault: Vault, results: ImportResult[]): void {
  const map = idMaps.get(vault) ?? new Map<string, string>();
  for (const r of results)
    for (const [docId, vaultId] of Object.entries(r.ids)) map.set(vaultId, docId);
  idMaps.set(vault, map);
}

/** Every id the import chose, back to the document's; one the vault made itself, to a placeholder. */
function mapped(vault: Vault, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const map = idMaps.get(vault) ?? new Map<string, string>();
  return value.replace(UUID, (id) => map.get(id) ?? 'vault-made-id');
}

/**
 * Every row of every table but the full-text index's own and the audit log
 * (whose hash chain begins with the vault's own id; see auditTail), ids
 * mapped, in insertion order.
 */
async function dump(vault: Vault): Promise<Record<string, Rows>> {
  const tables = await vault.db.all<{ name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name",
  );
  const out: Record<string, Rows> = {};
  for (const { name, sql } of tables) {
    const withoutRowid = /WITHOUT\s+ROWID/i.test(sql);
    const rows = await vault.db.all<Record<string, unknown>>(
      withoutRowid
        ? `SELECT * FROM ${name}`
        : `SELECT rowid AS _rowid, * FROM ${name} ORDER BY rowid`,
    );
    const clean = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, mapped(vault, v)])),
    );
    // A table keyed by ids has no order of its own to compare.
    if (withoutRowid) clean.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    // The search rows come from the triggers of four record tables. The bulk path writes each
    // table's rows of all the documents together (each table in its order), so a transaction's
    // search rows come kind by kind, not document by document; the index is compared word by
    // word through them (see index).
    if (name === 'search_docs') {
      for (const row of clean) {
        delete row._rowid;
        delete row.rid;
      }
      clean.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    out[name] = clean;
  }
  return out;
}

/** Every word of the search index: which record, which column, where. */
async function index(vault: Vault): Promise<string[]> {
  await vault.db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.words USING fts5vocab(main, 'search_fts', 'instance')",
  );
  const rows = await vault.db.all<{ term: string; entity: string; col: string; offset: number }>(
    'SELECT w.term, d.entity_id AS entity, w.col, w.offset FROM temp.words w JOIN search_docs d ON d.rid = w.doc',
  );
  return rows
    .map((r) => `${r.term}|${String(mapped(vault, r.entity))}|${r.col}|${r.offset}`)
    .sort();
}

/** The audit log after the vault's own first entries, without its hash chain (which starts at the vault's id). */
async function auditTail(vault: Vault, after: number): Promise<Rows> {
  const rows = await vault.db.all<Record<string, unknown>>(
    'SELECT at, actor, action, entity_type, entity_id, detail FROM audit_log WHERE seq > ? ORDER BY seq',
    [after],
  );
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, mapped(vault, v)])),
  );
}

const lastSeq = async (vault: Vault) =>
  (await vault.db.get<{ s: number }>('SELECT max(seq) AS s FROM audit_log'))!.s;

/** Documents of many shapes: every field filled (three scripts, CJK), and generated cases. */
async function documents(root: string): Promise<CaseDocument[]> {
  const texts: ((label: string) => string)[] = [
    (label) => `sample ${label} «quoted» "double" 'single' \\ back`,
    (label) => `نص ${label} مُشكَّل بالعربيّة`,
    (label) => `記録 ${label} 証言と拘留 한국어 ёлка`,
  ];
  const docs: CaseDocument[] = [];
  for (const [i, text] of texts.entries()) {
    // Each in a vault of its own: the fixture adds the same vocabulary term.
    const source = await vaultAt(root, `source-${i}`);
    const f = await fullCase(source, text);
    docs.push(await exportCaseDocument(source, f.caseRecord.id));
  }
  const size = { cases: 3, personsPerCase: 4, eventsPerCase: 6, testimoniesPerCase: 20 };
  for (let i = 0; i < size.cases; i += 1) {
    const doc = caseDocument(i + 40, size) as unknown as CaseDocument;
    // A word of its own in every testimony, to find each one afterwards.
    doc.testimonies = doc.testimonies.map((t, n) => ({
      ...t,
      statement: `${t.statement} zqmark${i}x${n}`,
    }));
    docs.push(doc);
  }
  return docs;
}

describe('bulk import writes what the row-by-row import wrote', () => {
  let docs: CaseDocument[];
  let rowByRow: Vault;
  let bulk: Vault;
  let start: number;

  const both = async (input: CaseDocument[], options: ImportOptions) => {
    const before = { ...setBased };
    const a = await importCaseDocuments(rowByRow, input, { ...options, rowByRow: true });
    expect(setBased).toEqual(before);
    const b = await importCaseDocuments(bulk, input, options);
    const written = {
      rows: setBased.rows - before.rows,
      statements: setBased.statements - before.statements,
    };
    remember(rowByRow, a);
    remember(bulk, b);
    return [a, b, written] as const;
  };

  const expectAlike = async () => {
    expect(await dump(bulk)).toEqual(await dump(rowByRow));
    expect(await index(bulk)).toEqual(await index(rowByRow));
    expect(await auditTail(bulk, start)).toEqual(await auditTail(rowByRow, start));
  };

  it('new ids: every table, the index and the audit entries alike', async () => {
    const root = await tempDir();
    docs = await documents(root);
    rowByRow = await vaultAt(root, 'row-by-row');
    bulk = await vaultAt(root, 'bulk');
    start = await lastSeq(bulk);
    expect(start).toBe(await lastSeq(rowByRow));
    // Every table holds something the comparison would miss if a column went astray.
    const [a, b, written] = await both(docs, { mode: 'new-ids' });
    // The bulk path wrote every testimony and more set-based, many rows to a statement.
    expect(written.rows).toBeGreaterThan(docs.reduce((n, d) => n + d.testimonies.length, 0));
    expect(written.statements * 4).toBeLessThan(written.rows);
    expect(b.map((r) => r.created)).toEqual(a.map((r) => r.created));
    const tables = await dump(bulk);
    for (const table of [...RECORD_TABLES, 'intervention_states', 'record_origins', 'case_counts'])
      expect(tables[table]?.length, table).toBeGreaterThan(0);
    await expectAlike();
  });

  it('merge: records kept by id, then updated and added to, alike', async () => {
    // The same records under their own ids (new references, as those are taken).
    const kept = docs.map((d) => ({ ...d, case: { ...d.case, reference: undefined } }));
    await both(kept, { mode: 'merge' });
    await expectAlike();
    // Changed statements and descriptions, a record added to each kind, a link dropped.
    const changed = kept.map((d, i) => ({
      ...d,
      case: { ...d.case, title: `${d.case.title} (updated ${i})` },
      testimonies: [
        ...d.testimonies.map((t, n) =>
          n % 3 === 0 ? { ...t, statement: `${t.statement} revised ${i}/${n}` } : t,
        ),
        { ...d.testimonies[0]!, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
      ],
      events: d.events.map((e) => ({ ...e, links: [], description: `${e.description} ✓` })),
    }));
    await both(changed, { mode: 'merge' });
    await expectAlike();
  });

  it('search finds every imported testimony, and the index counts every record', async () => {
    for (const vault of [bulk, rowByRow]) {
      const counts = await vault.db.get<{ records: number; docs: number; fts: number }>(
        `SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM persons)
                + (SELECT count(*) FROM events) + (SELECT count(*) FROM testimonies)
                + (SELECT count(*) FROM interventions) AS records,
                (SELECT count(*) FROM search_docs) AS docs,
                (SELECT count(*) FROM search_fts_docsize) AS fts`,
      );
      expect(counts!.docs).toBe(counts!.records);
      expect(counts!.fts).toBe(counts!.records);
    }
    for (const [i, doc] of docs.slice(3).entries()) {
      for (const n of [1, 7, doc.testimonies.length - 1]) {
        const found = await search(bulk, { text: `zqmark${i}x${n}`, kinds: ['testimony'] });
        // The document imported with new ids, then twice under its own.
        expect(found.total).toBe(2);
        const ids = found.hits.map((h) => mapped(bulk, h.id));
        expect(ids).toEqual([doc.testimonies[n]!.id, doc.testimonies[n]!.id]);
      }
    }
  });

  it('a bad row in the last document refuses the whole import, the vault unchanged', async () => {
    const before = await dump(bulk);
    const words = await index(bulk);
    const seq = await lastSeq(bulk);
    const fresh = docs.map((d) => ({ ...d, case: { ...d.case, reference: undefined } }));
    const last = fresh.at(-1)!;
    const bad = [
      ...fresh.slice(0, -1),
      {
        ...last,
        testimonies: [
          ...last.testimonies.slice(0, -1),
          { ...last.testimonies.at(-1)!, takenOn: 'soon' },
        ],
      },
    ];
    await expect(importCaseDocuments(bulk, bad, { mode: 'new-ids' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await dump(bulk)).toEqual(before);
    expect(await index(bulk)).toEqual(words);
    expect(await lastSeq(bulk)).toBe(seq);
  });
});

describe('row batch', () => {
  it('turns plain INSERTs (and upserts) into one statement, and leaves anything else alone', () => {
    expect(setBasedInsert('INSERT INTO t (a, b) VALUES (?, ?)')?.sql(3)).toBe(
      'INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?)',
    );
    expect(
      setBasedInsert(
        'INSERT OR IGNORE INTO t (a) VALUES (?) ON CONFLICT (a) DO UPDATE SET a = excluded.a',
      )?.sql(2),
    ).toBe(
      'INSERT OR IGNORE INTO t (a) VALUES (?), (?) ON CONFLICT (a) DO UPDATE SET a = excluded.a',
    );
    for (const sql of [
      'INSERT INTO t (a, b) VALUES (?, 1)',
      'INSERT INTO t (a, b) VALUES (?)',
      'INSERT INTO t VALUES (?, ?)',
      'INSERT INTO t (a) SELECT ?',
      'INSERT OR REPLACE INTO t (a) VALUES (?)',
      'UPDATE t SET a = ? WHERE b = ?',
      'INSERT INTO t (a) VALUES (?); DELETE FROM t',
    ])
      expect(setBasedInsert(sql), sql).toBeNull();
  });

  it('stores every value as a row-by-row insert does, in order, and reads see pending rows', async () => {
    const db = await Database.open(':memory:');
    try {
      await db.exec(
        'CREATE TABLE t (n INTEGER PRIMARY KEY, a ANY, b TEXT) STRICT; CREATE TABLE u (n INTEGER PRIMARY KEY, a ANY, b TEXT) STRICT',
      );
      const values: (string | number | null | Uint8Array)[] = [
        'plain',
        '',
        'ünïcode مرحبا 記録 😀',
        'quote " \\ \n line',
        0,
        -1,
        Number.MAX_SAFE_INTEGER,
        2 ** 60,
        1.5,
        -0.1,
        1e-7,
        null,
        new Uint8Array([0, 1, 255]),
        'nul\u0000inside',
        'lone \ud800 surrogate',
      ];
      await db.transaction(async (tx) => {
        const batch = new RowBatch(tx);
        const q = batch.queryable();
        for (const [i, v] of values.entries()) {
          await tx.run('INSERT INTO u (a, b) VALUES (?, ?)', [v, `row ${i}`]);
          if (!(await batch.add('INSERT INTO t (a, b) VALUES (?, ?)', [v, `row ${i}`])))
            await q.run('INSERT INTO t (a, b) VALUES (?, ?)', [v, `row ${i}`]);
        }
        // A read through the batch's transaction sees every row, pending or not.
        const seen = await q.get<{ n: number }>('SELECT count(*) AS n FROM t');
        expect(seen!.n).toBe(values.length);
        await batch.finalize();
      });
      const typed = 'SELECT n, a, typeof(a) AS type, hex(a) AS hex, b FROM';
      expect(await db.all(`${typed} t ORDER BY n`)).toEqual(await db.all(`${typed} u ORDER BY n`));
    } finally {
      await db.close();
    }
  });

  it('writes more values than one statement may bind in several statements, in order', async () => {
    const db = await Database.open(':memory:');
    const width = 7;
    const columns = Array.from({ length: width }, (_, i) => `c${i}`);
    const perStatement = Math.floor(MAX_PARAMETERS / width);
    const rows = perStatement * 2 + 3;
    try {
      await db.exec(`CREATE TABLE t (n INTEGER PRIMARY KEY, ${columns.join(', ')})`);
      const before = { ...setBased };
      await db.transaction(async (tx) => {
        const batch = new RowBatch(tx);
        const sql = `INSERT INTO t (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
        for (let r = 0; r < rows; r += 1)
          expect(
            await batch.add(
              sql,
              columns.map((_, c) => `${r}:${c}`),
            ),
          ).toBe(true);
        await batch.flush();
        await batch.finalize();
      });
      expect(setBased.statements - before.statements).toBeGreaterThanOrEqual(3);
      expect(setBased.rows - before.rows).toBe(rows);
      const stored = await db.all<{ n: number; c0: string; c6: string }>(
        'SELECT n, c0, c6 FROM t ORDER BY n',
      );
      expect(stored).toHaveLength(rows);
      for (const [i, row] of stored.entries())
        expect(row).toEqual({ n: i + 1, c0: `${i}:0`, c6: `${i}:6` });
    } finally {
      await db.close();
    }
  });
});

describe('bulk import of several documents in one transaction', () => {
  const small = { cases: 1, personsPerCase: 2, eventsPerCase: 2, testimoniesPerCase: 3 };
  const withReference = (i: number, reference: string | undefined): CaseDocument => {
    const doc = caseDocument(i, small) as unknown as CaseDocument;
    return { ...doc, case: { ...doc.case, reference } };
  };

  it('writes each table of all the documents in one statement', async () => {
    const root = await tempDir();
    const vault = await vaultAt(root, 'pooled');
    const docs = Array.from({ length: 12 }, (_, i) => withReference(i + 100, `POOL-${i}`));
    const before = { ...setBased };
    const results = await importCaseDocuments(vault, docs, { mode: 'new-ids' });
    expect(results).toHaveLength(12);
    // Cases, persons, their roles, events, victims, testimonies, origins: seven tables, one
    // statement each. Written document by document, it was seven statements per document.
    expect(setBased.statements - before.statements).toBe(7);
    const counts = await vault.db.get<{ t: number; d: number }>(
      "SELECT (SELECT count(*) FROM testimonies) AS t, (SELECT count(*) FROM search_docs WHERE kind = 'testimony') AS d",
    );
    expect(counts).toEqual({ t: 36, d: 36 });
  });

  it('gives the connection its own cache and checkpoint settings back, after a failure too', async () => {
    const vault = await vaultAt(await tempDir(), 'settings');
    const settings = async () => ({
      cache: (await vault.db.get<{ cache_size: number }>('PRAGMA cache_size'))!.cache_size,
      checkpoint: (await vault.db.get<{ wal_autocheckpoint: number }>('PRAGMA wal_autocheckpoint'))!
        .wal_autocheckpoint,
    });
    const before = await settings();
    expect(before.checkpoint).toBeLessThan(10_000);
    await importCaseDocuments(vault, [withReference(300, 'S-1')], { mode: 'new-ids' });
    expect(await settings()).toEqual(before);
    const broken = withReference(301, 'S-2');
    broken.testimonies[0]!.witnessId = '00000000-0000-4000-8000-000000000000';
    await expect(importCaseDocuments(vault, [broken], { mode: 'new-ids' })).rejects.toThrow();
    expect(await settings()).toEqual(before);
  });

  it('frees a reference a merge moved a case away from, earlier in the same import', async () => {
    const root = await tempDir();
    const first = withReference(400, 'MOVED-1');
    const again = { ...first, case: { ...first.case, reference: 'MOVED-2' } };
    const other = withReference(401, 'moved-1');
    const outcome = async (rowByRow: boolean) => {
      const vault = await vaultAt(root, rowByRow ? 'moved-row-by-row' : 'moved-bulk');
      const results = await importCaseDocuments(vault, [first, again, other], {
        mode: 'merge',
        rowByRow,
      });
      return results.map((r) => [r.reference, r.referenceChanged]);
    };
    const bulk = await outcome(false);
    expect(bulk).toEqual(await outcome(true));
    expect(bulk).toEqual([
      ['MOVED-1', false],
      ['MOVED-2', false],
      ['moved-1', false],
    ]);
  });

  it('gives references as the documents one by one would, taken ones renamed', async () => {
    const root = await tempDir();
    const references = [
      'REF-1',
      'ref-1', // the same, to the column's NOCASE comparison
      'Été-7',
      'ÉTÉ-7', // not the same: NOCASE folds ASCII letters only
      undefined, // the next VIG-YYYY-NNNN
      'VIG-2026-0002', // what the document before got: renamed
      undefined,
      'OLD-1', // taken in the vault before the import
      'REF-1',
    ];
    const docs = references.map((r, i) => withReference(i + 200, r));
    const outcome = async (rowByRow: boolean) => {
      const vault = await vaultAt(root, rowByRow ? 'refs-row-by-row' : 'refs-bulk');
      await importCaseDocuments(vault, [withReference(199, 'old-1')], { mode: 'new-ids' });
      const results = await importCaseDocuments(vault, docs, { mode: 'new-ids', rowByRow });
      return results.map((r) => [r.reference, r.referenceChanged]);
    };
    const bulk = await outcome(false);
    expect(bulk).toEqual(await outcome(true));
    // Unique as the column compares them: ASCII letters folded, nothing else.
    const given = bulk.map(([reference]) =>
      String(reference).replace(/[A-Z]/g, (c) => c.toLowerCase()),
    );
    expect(new Set(given).size).toBe(given.length);
    expect(bulk).toEqual([
      ['REF-1', false],
      ['VIG-2026-0001', true],
      ['Été-7', false],
      ['ÉTÉ-7', false],
      ['VIG-2026-0002', false],
      // Taken by the document before it, whose rows were not written yet.
      ['VIG-2026-0003', true],
      ['VIG-2026-0004', false],
      ['VIG-2026-0005', true],
      ['VIG-2026-0006', true],
    ]);
  });
});
