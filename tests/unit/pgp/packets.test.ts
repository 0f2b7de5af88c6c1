import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ByteReader,
  encodeLength,
  MalformedError,
  packet,
  packetBody,
  PartialBodyEncoder,
  readPacketHeader,
  readSmallBody,
  TruncatedError,
} from '../../../electron/core/pgp/packets';

async function* chunks(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

function encodePartial(tag: number, payload: Buffer, exponent: number, writeSize: number): Buffer {
  const out: Buffer[] = [];
  const encoder = new PartialBodyEncoder(tag, (bytes) => out.push(Buffer.from(bytes)), 0, exponent);
  for (let i = 0; i < payload.length; i += writeSize)
    encoder.write(payload.subarray(i, i + writeSize), 1);
  encoder.end();
  return Buffer.concat(out);
}

async function readBack(
  encoded: Buffer,
  readChunk: number,
): Promise<{ tag: number; body: Buffer }> {
  const reader = new ByteReader(chunks(encoded, readChunk));
  const header = await readPacketHeader(reader);
  if (!header) throw new Error('no packet');
  const parts: Buffer[] = [];
  for await (const part of packetBody(reader, header, 'test')) parts.push(Buffer.from(part));
  expect(await reader.atEnd()).toBe(true);
  return { tag: header.tag, body: Buffer.concat(parts) };
}

describe('OpenPGP packet framing', () => {
  it('encodes the three new-format length forms at their boundaries', () => {
    expect(encodeLength(0)).toEqual(Buffer.from([0]));
    expect(encodeLength(191)).toEqual(Buffer.from([191]));
    expect(encodeLength(192)).toEqual(Buffer.from([192, 0]));
    expect(encodeLength(8383)).toEqual(Buffer.from([223, 255]));
    expect(encodeLength(8384)).toEqual(Buffer.from([255, 0, 0, 0x20, 0xc0]));
  });

  it.each([0, 1, 511, 512, 513, 4095, 4096, 4097, 10_000, 70_001])(
    'partial-length packets of %i bytes read back whole, whatever the chunking',
    async (size) => {
      const payload = randomBytes(size);
      for (const [exponent, writeSize, readChunk] of [
        [9, 100, 7],
        [12, 4096, 1000],
        [10, 1, 3],
      ] as const) {
        const encoded = encodePartial(11, payload, exponent, writeSize);
        const back = await readBack(encoded, readChunk);
        expect(back.tag).toBe(11);
        expect(back.body.equals(payload)).toBe(true);
      }
    },
  );

  it("emits full partial chunks of 2^k bytes and one final definite length, keeping each piece's flags", () => {
    const pieces: { bytes: Buffer; flags: number }[] = [];
    const encoder = new PartialBodyEncoder(
      18,
      (bytes, flags) => pieces.push({ bytes: Buffer.from(bytes), flags }),
      0,
      9,
    );
    encoder.write(Buffer.alloc(1000, 7), 1);
    encoder.write(Buffer.alloc(500, 9), 2);
    encoder.end();
    const encoded = Buffer.concat(pieces.map((p) => p.bytes));
    expect(encoded.length).toBe(1 + 2 * (1 + 512) + 2 + 476);
    expect(encoded[0]).toBe(0xc0 | 18);
    expect(encoded[1]).toBe(0xe0 | 9);
    expect(encoded[1 + 513]).toBe(0xe0 | 9);
    expect([...encoded.subarray(1 + 2 * 513, 3 + 2 * 513)]).toEqual([193, 28]);
    // Length headers carry the header flags (0); the payload keeps its own.
    expect(pieces.filter((p) => p.flags === 0).map((p) => p.bytes.length)).toEqual([1, 1, 1, 2]);
    expect(pieces.filter((p) => p.flags === 1).reduce((n, p) => n + p.bytes.length, 0)).toBe(1000);
    expect(pieces.filter((p) => p.flags === 2).reduce((n, p) => n + p.bytes.length, 0)).toBe(500);
  });

  it('refuses a partial length below 512 bytes for the first chunk', () => {
    expect(() => new PartialBodyEncoder(11, () => undefined, 0, 8)).toThrow();
  });

  it('reads old-format headers, including the indeterminate length', async () => {
    const body = randomBytes(300);
    const oneByte = Buffer.concat([Buffer.from([0x80 | (11 << 2) | 0, 5]), body.subarray(0, 5)]);
    const twoBytes = Buffer.concat([Buffer.from([0x80 | (11 << 2) | 1, 1, 44]), body]);
    const indeterminate = Buffer.concat([Buffer.from([0x80 | (8 << 2) | 3]), body]);
    expect((await readBack(oneByte, 2)).body.equals(body.subarray(0, 5))).toBe(true);
    expect((await readBack(twoBytes, 64)).body.equals(body)).toBe(true);
    const back = await readBack(indeterminate, 50);
    expect(back.tag).toBe(8);
    expect(back.body.equals(body)).toBe(true);
  });

  it('reports truncation inside a body or a header, and malformed headers', async () => {
    const whole = packet(2, randomBytes(1000));
    const cut = new ByteReader(chunks(whole.subarray(0, 500), 100));
    const header = await readPacketHeader(cut);
    await expect(readSmallBody(cut, header!, 'a signature packet', 4096)).rejects.toBeInstanceOf(
      TruncatedError,
    );
    const cutHeader = new ByteReader(chunks(Buffer.from([0xc2, 0xff, 0x00]), 1));
    await expect(readPacketHeader(cutHeader)).rejects.toBeInstanceOf(TruncatedError);
    const notAPacket = new ByteReader(chunks(Buffer.from([0x42, 1, 2]), 3));
    await expect(readPacketHeader(notAPacket)).rejects.toBeInstanceOf(MalformedError);
    const tooBig = new ByteReader(chunks(whole, 4096));
    await expect(
      readSmallBody(tooBig, (await readPacketHeader(tooBig))!, 'a signature packet', 100),
    ).rejects.toBeInstanceOf(MalformedError);
  });

  it('a partial body cut at a chunk boundary is truncated, not short', async () => {
    const encoded = encodePartial(11, randomBytes(2048), 9, 2048);
    // Keep the tag, the first two 512-byte partial chunks and their headers, nothing after.
    const cut = encoded.subarray(0, 1 + 2 * 513);
    const reader = new ByteReader(chunks(cut, 100));
    const header = await readPacketHeader(reader);
    const read = async () => {
      for await (const part of packetBody(reader, header!, 'the literal data')) void part;
    };
    await expect(read()).rejects.toBeInstanceOf(TruncatedError);
  });
});
