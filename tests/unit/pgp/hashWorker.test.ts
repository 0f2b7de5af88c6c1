import { createHash, randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HashWorker } from '../../../electron/core/pgp/hashWorker';

describe('the hashing worker', () => {
  it.each([1000, 4096, 1 << 20])(
    'hashes exactly what was added, through a ring of %i bytes',
    async (ringBytes) => {
      const worker = new HashWorker(['sha1', 'sha256', 'sha512'], ringBytes);
      const expected = [createHash('sha1'), createHash('sha256'), createHash('sha512')];
      try {
        for (let i = 0; i < 300; i += 1) {
          const piece = randomBytes(randomInt(0, 5000));
          const flags = randomInt(0, 8);
          await worker.add(piece, flags);
          for (let h = 0; h < 3; h += 1) if (flags & (1 << h)) expected[h]!.update(piece);
          if (i % 7 === 0) worker.flush();
        }
        // A kept digest leaves the running hash open; the tail goes only into that digest.
        const tail = randomBytes(33);
        expect(
          (await worker.digest(1, tail, true)).equals(expected[1]!.copy().update(tail).digest()),
        ).toBe(true);
        expect(
          (await worker.digest(1, tail, true)).equals(expected[1]!.copy().update(tail).digest()),
        ).toBe(true);
        expect((await worker.digest(0)).equals(expected[0]!.digest())).toBe(true);
        expect((await worker.digest(2, tail)).equals(expected[2]!.update(tail).digest())).toBe(
          true,
        );
      } finally {
        await worker.close();
      }
    },
  );

  it('takes pieces larger than its ring', async () => {
    const worker = new HashWorker(['sha256'], 4096);
    const data = randomBytes(100_000);
    await worker.add(data, 1);
    expect((await worker.digest(0)).equals(createHash('sha256').update(data).digest())).toBe(true);
    await worker.close();
  });

  it('hashes data read straight into its ring, in pieces, between small pieces from elsewhere', async () => {
    const worker = new HashWorker(['sha1', 'sha256'], 10_000);
    const expected = [createHash('sha1'), createHash('sha256')];
    try {
      for (let i = 0; i < 200; i += 1) {
        const view = await worker.reserve(randomInt(1, 4000));
        const data = randomBytes(view.length);
        view.set(data);
        worker.claim(view.length);
        // Split as the packet encoder would, with a small header between the parts.
        const cut = randomInt(0, view.length + 1);
        const header = randomBytes(randomInt(1, 6));
        await worker.add(view.subarray(0, cut), 3);
        await worker.add(header, 1);
        await worker.add(view.subarray(cut), 3);
        expected[0]!.update(data.subarray(0, cut)).update(header).update(data.subarray(cut));
        expected[1]!.update(data);
        worker.flush();
      }
      expect((await worker.digest(0)).equals(expected[0]!.digest())).toBe(true);
      expect((await worker.digest(1)).equals(expected[1]!.digest())).toBe(true);
    } finally {
      await worker.close();
    }
  });

  it('refuses a second reservation before the first is claimed, and pieces outside claimed memory', async () => {
    const worker = new HashWorker(['sha1'], 4096);
    const view = await worker.reserve(100);
    await expect(worker.reserve(100)).rejects.toThrow(/already open/);
    expect(() => worker.addResident(view.subarray(0, 10), 1)).toThrow(/not in claimed ring memory/);
    worker.claim(100);
    worker.addResident(view.subarray(0, 100), 1);
    await worker.close();
  });
});
