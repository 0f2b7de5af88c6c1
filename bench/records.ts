import { RANK_WINDOW } from '../shared/domain/search';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argon2idParams } from '../electron/core/crypto/kdf';
import { createVault, Vault } from '../electron/core/vault/vault';
import { Database } from '../electron/core/vault/database';
import type { VaultHeader } from '../electron/core/vault/header';
import { migrate } from '../electron/core/vault/migrate';
import { WriterSlot } from '../electron/core/vault/writerLock';
import { importCaseDocuments, listCases, search } from '../electron/core/records';
import type { CaseDocumentInput } from '../shared/domain/caseDocument';
import { median, percentile, round, type Bench } from './harness';
import { caseDocument, FULL, QUICK, searchQueries, type WorkloadSize } from './recordsWorkload';

/** Documents per import transaction: big enough that commits (fsync) are rare, small enough to keep the WAL modest. */
const BATCH = 20;
const QUERIES = 200;
/** Every match ranked together, as before windows (see SearchQuery.rankWithin). */
const RANK_ALL = 1_000_000;

/**
 * The same schema and the same code path on a plain, unencrypted SQLite
 * database (the SQLCipher module opened without a key is plain SQLite): what
 * encryption costs is the difference.
 */
async function plainVault(dir: string): Promise<Vault> {
  const db = await Database.open(join(dir, 'plain.db'));
  // The settings the vault opens with (vault.ts), its 64 MiB page cache included.
  await db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;',
  );
  await migrate(db);
  const header = {
    format: 1,
    vaultId: 'baseline',
    createdAt: new Date().toISOString(),
  } as unknown as VaultHeader;
  const writer = new WriterSlot(dir, { holder: 'vigil bench', waitMs: 0 });
  return new Vault(dir, header, db, { actor: 'bench', now: () => new Date() }, writer);
}

async function encryptedVault(dir: string): Promise<Vault> {
  const created = await createVault({
    dir: join(dir, 'vault'),
    passphrase: 'benchmark passphrase with several words',
    kdf: argon2idParams({ memoryMiB: 64, iterations: 1 }),
    actor: 'bench',
  });
  return created.vault;
}

/** Wall-clock seconds, and the CPU seconds of every thread (JavaScript and SQLite's) meanwhile. */
async function importAll(
  vault: Vault,
  docs: CaseDocumentInput[],
  progress: (done: number) => void,
): Promise<{ seconds: number; cpuSeconds: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < docs.length; i += BATCH) {
    await importCaseDocuments(vault, docs.slice(i, i + BATCH), { mode: 'new-ids' });
    progress(Math.min(docs.length, i + BATCH));
  }
  // Timed too: the pages the import left in the WAL, copied into the database file.
  await vault.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

async function timeQueries(
  vault: Vault,
  queries: string[],
  rankWithin?: number,
): Promise<number[]> {
  for (const text of queries.slice(0, 20)) await search(vault, { text, rankWithin });
  const times: number[] = [];
  for (const text of queries) {
    const t0 = performance.now();
    await search(vault, { text, rankWithin });
    times.push(performance.now() - t0);
  }
  return times;
}

async function timeList(
  vault: Vault,
  runs: number,
  query: Parameters<typeof listCases>[1],
): Promise<number[]> {
  await listCases(vault, query);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await listCases(vault, query);
    times.push(performance.now() - t0);
  }
  return times;
}

const dbSize = async (path: string) => (await stat(path).catch(() => ({ size: 0 }))).size;

export const recordsBench: Bench = {
  name: 'records',
  description:
    'case records: bulk import, full-text search and the case list, encrypted vault vs plain SQLite',
  async run(report, { quick }) {
    const size: WorkloadSize = quick ? QUICK : FULL;
    const note = (message: string) => process.stderr.write(`  records: ${message}\n`);
    const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-records-'));
    try {
      note(
        `generating ${size.cases} cases (${size.cases * size.personsPerCase} persons, ${size.cases * size.eventsPerCase} events, ${size.cases * size.testimoniesPerCase} testimonies)…`,
      );
      const docs = Array.from({ length: size.cases }, (_, i) => caseDocument(i, size));
      const testimonies = size.cases * size.testimoniesPerCase;
      const bytes = docs.reduce(
        (n, d) => n + (d.testimonies ?? []).reduce((m, t) => m + Buffer.byteLength(t.statement), 0),
        0,
      );
      note(`testimonies average ${Math.round(bytes / testimonies)} bytes`);

      const vault = await encryptedVault(dir);
      const plain = await plainVault(dir);
      try {
        const tick = (what: string) => (done: number) => {
          if (done % (BATCH * 25) === 0 || done === docs.length)
            note(`${what}: ${done}/${docs.length} cases imported`);
        };
        const vaultRun = await importAll(vault, docs, tick('vault'));
        const plainRun = await importAll(plain, docs, tick('plain'));
        const vaultSeconds = vaultRun.seconds;
        const plainSeconds = plainRun.seconds;
        const baselineImport = 'plain SQLite, same schema and code';
        report({
          metric: `bulk import: testimonies per second (${testimonies} testimonies with their cases, persons and events; ${BATCH} cases per transaction)`,
          value: round(testimonies / vaultSeconds, 0),
          unit: 'testimonies/s',
          baseline: baselineImport,
          baselineValue: round(testimonies / plainSeconds, 0),
        });
        report({
          metric: 'bulk import: total time',
          value: round(vaultSeconds, 1),
          unit: 's',
          baseline: baselineImport,
          baselineValue: round(plainSeconds, 1),
        });
        // The work itself, whatever else the machine runs: on a busy machine the wall clock
        // mostly measures the wait for a core.
        report({
          metric: 'bulk import: CPU time per testimony (all threads: JavaScript and SQLite)',
          value: round((vaultRun.cpuSeconds / testimonies) * 1e6, 0),
          unit: 'µs',
          baseline: baselineImport,
          baselineValue: round((plainRun.cpuSeconds / testimonies) * 1e6, 0),
        });
        report({
          metric: 'database size after import',
          value: round((await dbSize(join(dir, 'vault', 'vault.db'))) / 1048576, 1),
          unit: 'MiB',
          baseline: baselineImport,
          baselineValue: round((await dbSize(join(dir, 'plain.db'))) / 1048576, 1),
        });
        // VIGIL_BENCH_RECORDS=import stops here: the import alone, for profiling it.
        if (process.env.VIGIL_BENCH_RECORDS === 'import') return;

        // As the vault opens them (SQLite's default 2 MiB page cache), then with a
        // 64 MiB cache, which the case for the vault's own setting rests on.
        for (const cache of [null, 64] as const) {
          const suffix = cache ? ` [${cache} MiB page cache]` : '';
          if (cache) {
            await vault.db.exec(`PRAGMA cache_size = -${cache * 1024}`);
            await plain.db.exec(`PRAGMA cache_size = -${cache * 1024}`);
          }
          for (const terms of [1, 2] as const) {
            const queries = searchQueries(QUERIES, terms);
            const v = await timeQueries(vault, queries);
            const p = await timeQueries(plain, queries);
            const label = `search, ${terms}-term queries (${QUERIES}, top 20 with snippets; a common word ranked ${RANK_WINDOW} matches at a time)${suffix}`;
            for (const pct of [50, 95]) {
              report({
                metric: `${label} p${pct}`,
                value: round(percentile(v, pct)),
                unit: 'ms',
                baseline: 'plain SQLite',
                baselineValue: round(percentile(p, pct)),
              });
            }
          }
          const all = await timeList(vault, 10, {});
          const allPlain = await timeList(plain, 10, {});
          report({
            metric: `case list with counts, all ${size.cases} cases (median of 10)${suffix}`,
            value: round(median(all)),
            unit: 'ms',
            baseline: 'plain SQLite',
            baselineValue: round(median(allPlain)),
          });
          const pageTimes = await timeList(vault, 20, { limit: 50, sort: 'updated' });
          const pagePlain = await timeList(plain, 20, { limit: 50, sort: 'updated' });
          report({
            metric: `case list with counts, first page of 50 (median of 20)${suffix}`,
            value: round(median(pageTimes)),
            unit: 'ms',
            baseline: 'plain SQLite',
            baselineValue: round(median(pagePlain)),
          });
        }
        // What the default windows of RANK_WINDOW matches save on very common words.
        const common = searchQueries(QUERIES, 1);
        const v = await timeQueries(vault, common, RANK_ALL);
        const p = await timeQueries(plain, common, RANK_ALL);
        for (const pct of [50, 95]) {
          report({
            metric: `search, 1-term queries, every match ranked together (--rank-all) [64 MiB page cache] p${pct}`,
            value: round(percentile(v, pct)),
            unit: 'ms',
            baseline: 'plain SQLite',
            baselineValue: round(percentile(p, pct)),
          });
        }
      } finally {
        await vault.lock();
        await plain.lock();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
