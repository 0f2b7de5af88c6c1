import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// vitest.config.ts starts the files of tests/durations.json longest first; an entry
// for a file that was renamed or removed would leave its successor to start last.
describe('tests/durations.json', () => {
  const root = join(import.meta.dirname, '..', '..');
  const table = JSON.parse(readFileSync(join(root, 'tests/durations.json'), 'utf8')) as Record<
    string,
    unknown
  >;

  it('names only test files that exist, each with its seconds', () => {
    const stale = Object.keys(table).filter(
      (path) => !/^tests\/.+\.test\.ts$/.test(path) || !existsSync(join(root, path)),
    );
    expect(stale, 'refresh it with scripts/test-durations.mjs').toEqual([]);
    for (const [path, seconds] of Object.entries(table))
      expect(typeof seconds === 'number' && seconds >= 0, path).toBe(true);
  });
});
