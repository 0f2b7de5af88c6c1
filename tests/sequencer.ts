import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

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
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = JSON.parse(
      readFileSync(new URL('./durations.json', import.meta.url), 'utf8'),
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
