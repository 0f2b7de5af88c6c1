import { describe, expect, it } from 'vitest';
import { optionsFor, selected } from './harness';
import { TARGETS } from './targets';

// Seeded, reproducible fuzzing. Under `npm test` each target runs its modest
// default count with a fixed seed; `npm run fuzz` sets the environment to run
// chosen targets longer, with another seed, or to replay one input.
const LONG = Boolean(process.env.VIGIL_FUZZ_RUNS || process.env.VIGIL_FUZZ_PATH);

describe('fuzzing', () => {
  it('has uniquely named targets, and the selection names one', () => {
    const names = TARGETS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    if (process.env.VIGIL_FUZZ_LIST)
      console.log(TARGETS.map((t) => `${t.name.padEnd(20)} ${t.about}`).join('\n'));
    expect(
      names.some((n) => selected(n)),
      `no fuzz target is called ${process.env.VIGIL_FUZZ_TARGET}`,
    ).toBe(true);
  });

  for (const target of TARGETS) {
    it.skipIf(!selected(target.name) || Boolean(process.env.VIGIL_FUZZ_LIST))(
      `${target.name}: ${target.about}`,
      async () => {
        const options = optionsFor(target);
        const started = Date.now();
        const result = await target.run(options);
        if (LONG)
          console.log(
            `fuzz ${target.name}: ${result.runs} inputs, seed ${result.seed}, ${((Date.now() - started) / 1000).toFixed(1)} s, no failure`,
          );
      },
      // A long run has no overall limit; the harness's watchdog catches a hang per input.
      LONG ? 0 : undefined,
    );
  }
});
