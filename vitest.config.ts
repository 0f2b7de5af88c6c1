import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './tests/sequencer';

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
