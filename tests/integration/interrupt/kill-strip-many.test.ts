import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { stripBuffer } from '../../../electron/core/metadata';
import { FIXTURES } from '../../unit/metadata/helpers';
import { seededRandom, startVigil } from '../../helpers/processes';
import { tempDir } from '../../helpers/tmp';

const FILES = 40;

/** Photos that differ, each carrying a canary in a comment segment the strip removes. */
async function photos(dir: string): Promise<Map<string, Buffer>> {
  const camera = await readFile(join(FIXTURES, 'camera.jpg'));
  const expected = new Map<string, Buffer>();
  for (let i = 0; i < FILES; i += 1) {
    const text = Buffer.from(`CANARY-KILL-${i} ${'z'.repeat(60_000)}`, 'latin1');
    const head = Buffer.alloc(4);
    head.writeUInt16BE(0xfffe, 0);
    head.writeUInt16BE(text.length + 2, 2);
    const bytes = Buffer.concat([camera.subarray(0, 2), head, text, camera.subarray(2)]);
    const name = `photo-${String(i).padStart(2, '0')}.jpg`;
    await writeFile(join(dir, name), bytes);
    expected.set(name, (await stripBuffer(bytes)).output);
  }
  return expected;
}

/**
 * What a killed batch may leave: each copy complete (the very bytes a whole
 * run writes) or absent, and temps holding only stripped bytes (a prefix of
 * a copy, perhaps followed by the zeros a direct write pads it with; never
 * the canaries of the originals).
 */
async function expectCompleteOrAbsent(
  dir: string,
  expected: Map<string, Buffer>,
): Promise<{ outputs: number; temps: number }> {
  let outputs = 0;
  let temps = 0;
  for (const name of await readdir(dir)) {
    const bytes = await readFile(join(dir, name));
    expect(bytes.includes('CANARY-KILL'), name).toBe(false);
    const marker = name.indexOf('.vigil-tmp-');
    if (marker >= 0) {
      temps += 1;
      const copy = expected.get(name.slice(1, marker));
      expect(copy, name).toBeDefined();
      // A direct write covers whole blocks: its zero padding is there until the file is cut back.
      const body = bytes.subarray(0, Math.min(bytes.length, copy!.length));
      expect(copy!.subarray(0, body.length).equals(body), name).toBe(true);
      expect(
        bytes.subarray(body.length).every((b) => b === 0),
        name,
      ).toBe(true);
      expect(bytes.length - body.length, name).toBeLessThan(4096);
      continue;
    }
    outputs += 1;
    expect(expected.get(name)?.equals(bytes), name).toBe(true);
  }
  return { outputs, temps };
}

describe('SIGKILL during `vigil strip FILE… --out-dir` (grouped durable writes)', () => {
  it('leaves every copy complete or absent, at each step of a group and at random instants', async () => {
    const src = await tempDir('vigil-kill-src-');
    const outs = await tempDir('vigil-kill-out-');
    const expected = await photos(src);
    const inputs = [...expected.keys()].map((n) => join(src, n));
    const run = async (k: string, env: Record<string, string> = {}, killAfterMs?: number) => {
      const out = join(outs, k);
      await mkdir(out);
      const running = startVigil(['strip', ...inputs, '--out-dir', out], { env });
      if (killAfterMs !== undefined) {
        await sleep(killAfterMs);
        running.child.kill('SIGKILL');
      }
      return { out, result: await running.done };
    };

    const whole = await run('whole');
    expect(whole.result.code, whole.result.stderr).toBe(0);
    expect(await expectCompleteOrAbsent(whole.out, expected)).toEqual({ outputs: FILES, temps: 0 });

    // Each step of the first group (32 files): a temp written (the next ones may be begun: the
    // writes overlap the strips), all synced, the first placed, the folder synced. The next group
    // is stripped meanwhile, so it may have temps of its own.
    const steps: [string, (r: { outputs: number; temps: number }) => void][] = [
      // Before any copy: the probe for direct writes uses a file with no name, so nothing is left.
      ['direct:probe', (r) => expect(r).toEqual({ outputs: 0, temps: 0 })],
      ['strip-many:staged', (r) => expect([r.outputs, r.temps >= 1]).toEqual([0, true])],
      ['strip-many:synced', (r) => expect([r.outputs, r.temps >= 32]).toEqual([0, true])],
      ['strip-many:placed', (r) => expect([r.outputs, r.temps >= 31]).toEqual([1, true])],
      ['strip-many:dirs-synced', (r) => expect(r.outputs).toBe(32)],
    ];
    for (const [point, expectation] of steps) {
      const { out, result } = await run(point.split(':')[1]!, { VIGIL_TEST_CRASH_AT: point });
      expect(result.signal, point).toBe('SIGKILL');
      expectation(await expectCompleteOrAbsent(out, expected));
    }

    const random = seededRandom(Date.now() >>> 0);
    for (let i = 0; i < 6; i += 1) {
      const { out } = await run(`random-${i}`, {}, Math.floor(random() * 1500));
      await expectCompleteOrAbsent(out, expected);
    }
  }, 300_000);
});
