import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Native modules (SQLCipher, sodium) run in forked processes, not worker threads.
//
// Three files at a time on a two-core machine (vitest's own default there is one): most
// integration tests spend much of their time waiting on another process (the built
// `vigil`, gpg, LibreOffice, qpdf) or on the disk (every durable write is synced), which
// left a fifth of the two cores idle with two workers (CI: 30 of 38 core-minutes used).
// Every test file works in its own temporary folders, so files share no state. The
// end-to-end files (real Chromium, with waits for what the page shows) run one at a time;
// `npm test` runs them in a vitest of their own beside the rest (scripts/test.mjs). What
// they wait for on the page may take seconds on a busy machine, so a poll waits up to 20 s
// (vitest's default is 1 s): a wait that passes returns as soon as the page shows it.
const workers = availableParallelism() + 1;

/**
 * Starts the longest test files first, so the run does not end with one long
 * file alone on a core while the others sit idle. vitest's own order puts
 * files it has timed before longest first, but a clean checkout (CI) has no
 * timings, and then it starts the largest files first: the kill campaigns
 * and the media variants, short files that run for minutes, started last.
 * tests/durations.json holds each file's seconds from a measured run
 * (`node scripts/test-durations.mjs` writes it); files not in it follow in
 * vitest's order. The order changes only when files start, not what runs.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = JSON.parse(
      readFileSync(new URL('./tests/durations.json', import.meta.url), 'utf8'),
    ) as Record<string, number>;
    const root = this.ctx.config.root;
    const known = (spec: TestSpecification) =>
      seconds[relative(root, spec.moduleId).split('\\').join('/')] ?? 0;
    return (await super.sort(files))
      .map((spec, index) => ({ spec, index, seconds: known(spec) }))
      .sort((a, b) => b.seconds - a.seconds || a.index - b.index)
      .map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: workers,
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    // Longest files first (tests/durations.json), across the projects.
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
      // Seeded fuzzing at a modest count; `npm run fuzz` runs the same targets longer.
      { extends: true, test: { name: 'fuzz', include: ['tests/fuzz/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
