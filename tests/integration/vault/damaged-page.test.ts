import { cp, open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../electron/core/records';
import { runVigil, runVigilInProcess } from '../../helpers/cli';
import { seededRandom } from '../../helpers/processes';
import { tempDir } from '../../helpers/tmp';
import { newVault, PASSPHRASE } from '../../helpers/vault';

const PAGE = 4096;

/** Flips one byte inside page `page` (1-based) of the vault database. */
async function damagePage(db: string, page: number, offsetInPage: number): Promise<void> {
  const handle = await open(db, 'r+');
  try {
    const at = (page - 1) * PAGE + offsetInPage;
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, at);
    byte[0] = byte[0]! ^ 0x5a;
    await handle.write(byte, 0, 1, at);
  } finally {
    await handle.close();
  }
}

describe('`vigil check` on a database with a damaged page', () => {
  it('reports the damaged page with exit 3, never an internal error (15 pages at random, every kind of page)', async () => {
    const { vault, dir } = await newVault();
    for (let i = 0; i < 40; i += 1)
      await createCase(vault, {
        title: `Case ${i}`,
        summary: `A summary long enough to fill pages. ${'Detained at dawn, held without charge. '.repeat(30)}`,
      });
    await vault.lock();
    const pages = (await stat(join(dir, 'vault.db'))).size / PAGE;
    expect(pages).toBeGreaterThan(30);
    const seed = Number(process.env.VIGIL_PAGE_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    // Page 1 and 2 always (the schema and the first tables); the others at random.
    const chosen = [
      1,
      2,
      ...Array.from({ length: 13 }, () => 3 + Math.floor(random() * (pages - 2))),
    ];
    const outcomes: string[] = [];
    for (const page of chosen) {
      const copy = join(await tempDir(), 'vault');
      await cp(dir, copy, { recursive: true });
      // Past page 1's salt (its first 16 bytes key every page's HMAC), anywhere in the page.
      await damagePage(join(copy, 'vault.db'), page, 16 + Math.floor(random() * (PAGE - 16)));
      const result = await runVigilInProcess(['check', '--vault', copy], {
        stdin: `${PASSPHRASE}\n`,
      });
      const label = `page ${page} (seed ${seed})`;
      expect(result.stderr, label).not.toMatch(/internal error/);
      expect(result.code, `${label}: ${result.stderr}`).toBe(3);
      expect(result.stdout, label).toMatch(
        new RegExp(`FAIL +encrypted pages[^\\n]*\\n +HMAC verification failed for page ${page}\\b`),
      );
      outcomes.push(
        `${page}: ${result.stdout.split('\n').filter((l) => l.startsWith('FAIL')).length} failed checks`,
      );
    }
    console.log(`damaged pages (seed ${seed}): ${outcomes.join('; ')}`);

    // The built command says the same, and --json is one document with the page.
    const copy = join(await tempDir(), 'vault');
    await cp(dir, copy, { recursive: true });
    await damagePage(join(copy, 'vault.db'), 3, 2000);
    const json = await runVigil(['check', '--json', '--vault', copy], { stdin: `${PASSPHRASE}\n` });
    expect(json.code).toBe(3);
    const report = JSON.parse(json.stdout) as { ok: boolean; items: { problems: string[] }[] };
    expect(report.ok).toBe(false);
    expect(report.items.flatMap((i) => i.problems)).toContain(
      'HMAC verification failed for page 3',
    );
  });
});
