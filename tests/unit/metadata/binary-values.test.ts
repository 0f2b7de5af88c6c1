import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Collector } from '../../../electron/core/metadata/collector';
import { inspectFile } from '../../../electron/core/metadata';

const camera = join(resolve(import.meta.dirname, '../../fixtures/metadata'), 'camera.jpg');

/** Issue 14: the UI words binary values in the user's language, so the core says how many bytes. */
describe('binary metadata values', () => {
  it('carry their size beside the CLI’s English value, for every length', () => {
    for (const length of [0, 1, 2, 4, 21, 1024]) {
      const c = new Collector();
      c.add('hidden', 'x', 'X', new Uint8Array(length), false);
      c.add('hidden', 'y', 'Y', Buffer.alloc(length), false);
      c.add('hidden', 'z', 'Z', 'text', false);
      expect(c.fields.map((f) => f.binaryBytes)).toEqual([length, length, undefined]);
      expect(c.fields[0]!.value).toBe(`(${length} bytes of binary data)`);
    }
  });

  it('are marked in a real photo, and only where the value is binary', async () => {
    const fields = (await inspectFile(camera)).fields;
    const binary = fields.filter((f) => f.binaryBytes !== undefined);
    expect(binary.length).toBeGreaterThan(0);
    for (const f of binary) expect(f.value).toBe(`(${f.binaryBytes} bytes of binary data)`);
    for (const f of fields.filter((x) => x.binaryBytes === undefined))
      expect(f.value).not.toMatch(/bytes of binary data/);
  });
});
