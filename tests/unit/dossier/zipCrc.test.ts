import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { useNativeCrc32ForYazl } from '../../../electron/core/dossier/zipCrc';

/** The textbook bitwise CRC-32 (IEEE 802.3): an independent reference. */
function referenceCrc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

async function centralCrcs(zip: Buffer): Promise<Map<string, number>> {
  const file = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, z) =>
      error ? reject(error) : resolve(z),
    ),
  );
  const crcs = new Map<string, number>();
  await new Promise<void>((resolve, reject) => {
    file.on('entry', (entry: yauzl.Entry) => {
      crcs.set(entry.fileName, entry.crc32);
      file.readEntry();
    });
    file.on('end', () => resolve());
    file.on('error', reject);
    file.readEntry();
  });
  return crcs;
}

describe('yazl with the native CRC-32', () => {
  it('writes the same CRC-32 as the textbook algorithm, for buffers and for streams read in pieces', async () => {
    useNativeCrc32ForYazl();
    useNativeCrc32ForYazl(); // idempotent
    const small = randomBytes(1000);
    const large = randomBytes(3 * 1024 * 1024 + 17);
    const zip = new yazl.ZipFile();
    zip.addBuffer(small, 'small.bin', { compress: false });
    const pieces = [large.subarray(0, 5), large.subarray(5, 1 << 20), large.subarray(1 << 20)];
    zip.addReadStream(Readable.from(pieces), 'large.bin', { compress: false, size: large.length });
    zip.addBuffer(Buffer.alloc(0), 'empty.bin', { compress: false });
    zip.end();
    const crcs = await centralCrcs(await collect(zip.outputStream));
    expect(crcs.get('small.bin')).toBe(referenceCrc32(small));
    expect(crcs.get('large.bin')).toBe(referenceCrc32(large));
    expect(crcs.get('empty.bin')).toBe(0);
  });
});
