/**
 * OpenPGP packet framing (RFC 4880 §4.2, RFC 9580 §4.2): just enough to write
 * and read a bundle's layers as streams. Keys, session keys and signature
 * packets themselves are left to openpgp.js.
 */

export const TAG = {
  publicKeyEncryptedSessionKey: 1,
  signature: 2,
  symmetricKeyEncryptedSessionKey: 3,
  onePassSignature: 4,
  compressedData: 8,
  symmetricallyEncryptedData: 9,
  marker: 10,
  literalData: 11,
  symEncryptedIntegrityProtectedData: 18,
  modificationDetectionCode: 19,
  aeadEncryptedData: 20,
  padding: 21,
} as const;

/** A new-format body length: 1, 2 or 5 octets. */
export function encodeLength(length: number): Buffer {
  if (length < 192) return Buffer.from([length]);
  if (length < 8384) {
    const rest = length - 192;
    return Buffer.from([(rest >> 8) + 192, rest & 0xff]);
  }
  const out = Buffer.alloc(5);
  out[0] = 0xff;
  out.writeUInt32BE(length, 1);
  return out;
}

/** A new-format packet header with a definite length. */
export function packetHeader(tag: number, length: number): Buffer {
  return Buffer.concat([Buffer.from([0xc0 | tag]), encodeLength(length)]);
}

export function packet(tag: number, body: Uint8Array): Buffer {
  return Buffer.concat([packetHeader(tag, body.byteLength), body]);
}

/** Bit flags telling the encoder's consumer which hashes a piece belongs to. */
export type PieceFlags = number;

/**
 * Writes one packet whose length is not known in advance, as partial body
 * lengths of 2^exponent bytes and a final definite length. Pieces pass
 * through as slices (no copy of the payload); each keeps the flags it was
 * written with, and the length headers get `headerFlags`.
 */
export class PartialBodyEncoder {
  private pending: { bytes: Buffer; flags: PieceFlags }[] = [];
  private pendingBytes = 0;
  private readonly chunk: number;

  constructor(
    tag: number,
    private readonly emit: (bytes: Buffer, flags: PieceFlags) => void,
    private readonly headerFlags: PieceFlags,
    private readonly exponent = 20,
  ) {
    // The first partial length must be at least 512 octets (RFC 4880 §4.2.2.4).
    if (exponent < 9 || exponent > 30) throw new Error('partial body exponent out of range');
    this.chunk = 2 ** exponent;
    emit(Buffer.from([0xc0 | tag]), headerFlags);
  }

  write(bytes: Buffer, flags: PieceFlags): void {
    if (bytes.length === 0) return;
    this.pending.push({ bytes, flags });
    this.pendingBytes += bytes.length;
    while (this.pendingBytes >= this.chunk) this.flushChunk();
  }

  private flushChunk(): void {
    this.emit(Buffer.from([0xe0 | this.exponent]), this.headerFlags);
    let need = this.chunk;
    while (need > 0) {
      const head = this.pending[0]!;
      if (head.bytes.length <= need) {
        this.emit(head.bytes, head.flags);
        need -= head.bytes.length;
        this.pending.shift();
      } else {
        this.emit(head.bytes.subarray(0, need), head.flags);
        head.bytes = head.bytes.subarray(need);
        need = 0;
      }
    }
    this.pendingBytes -= this.chunk;
  }

  end(): void {
    this.emit(encodeLength(this.pendingBytes), this.headerFlags);
    for (const piece of this.pending) this.emit(piece.bytes, piece.flags);
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** Thrown when the input ends inside a packet. */
export class TruncatedError extends Error {
  constructor(readonly where: string) {
    super(`input ends inside ${where}`);
  }
}

/** Thrown when the bytes do not follow the packet format. */
export class MalformedError extends Error {}

/**
 * Reads bytes from an async stream of chunks: exact reads for headers and
 * small packets, and bounded slices for bodies, without ever holding more
 * than one source chunk beyond what was asked for.
 */
export class ByteReader {
  private chunks: Buffer[] = [];
  private available = 0;
  private finished = false;
  /** Bytes handed out so far. */
  position = 0;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async pull(): Promise<boolean> {
    if (this.finished) return false;
    for (;;) {
      const next = await this.source.next();
      if (next.done) {
        this.finished = true;
        return false;
      }
      if (next.value.length === 0) continue;
      this.chunks.push(next.value);
      this.available += next.value.length;
      return true;
    }
  }

  /** True when no byte is left (pulls from the source to find out). */
  async atEnd(): Promise<boolean> {
    while (this.available === 0) if (!(await this.pull())) return true;
    return false;
  }

  /** Exactly `n` bytes, or a TruncatedError naming `where`. */
  async read(n: number, where: string): Promise<Buffer> {
    while (this.available < n) if (!(await this.pull())) throw new TruncatedError(where);
    return this.take(n);
  }

  async readByte(where: string): Promise<number> {
    return (await this.read(1, where))[0]!;
  }

  /** Between 1 and `max` bytes, or null at the end of the input. */
  async readUpTo(max: number): Promise<Buffer | null> {
    if (this.available === 0 && !(await this.pull())) return null;
    return this.take(Math.min(max, this.chunks[0]!.length));
  }

  private take(n: number): Buffer {
    this.available -= n;
    this.position += n;
    const head = this.chunks[0]!;
    if (head.length === n) {
      this.chunks.shift();
      return head;
    }
    if (head.length > n) {
      this.chunks[0] = head.subarray(n);
      return head.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.chunks[0]!;
      const part = Math.min(chunk.length, n - filled);
      chunk.copy(out, filled, 0, part);
      filled += part;
      if (part === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(part);
    }
    return out;
  }
}

export type BodyLength =
  | { kind: 'definite'; length: number }
  | { kind: 'partial'; length: number }
  | { kind: 'indeterminate' };

export interface PacketHeader {
  tag: number;
  body: BodyLength;
  /** Old-format headers cannot have partial lengths; new-format ones cannot be indeterminate. */
  format: 'old' | 'new';
}

async function readNewLength(
  reader: ByteReader,
  where: string,
): Promise<Exclude<BodyLength, { kind: 'indeterminate' }>> {
  const first = await reader.readByte(where);
  if (first < 192) return { kind: 'definite', length: first };
  if (first < 224)
    return {
      kind: 'definite',
      length: ((first - 192) << 8) + (await reader.readByte(where)) + 192,
    };
  if (first === 255)
    return { kind: 'definite', length: (await reader.read(4, where)).readUInt32BE(0) };
  return { kind: 'partial', length: 2 ** (first & 0x1f) };
}

/** The next packet header, or null at the end of the input. */
export async function readPacketHeader(reader: ByteReader): Promise<PacketHeader | null> {
  if (await reader.atEnd()) return null;
  const ctb = await reader.readByte('a packet header');
  if ((ctb & 0x80) === 0)
    throw new MalformedError('a packet header is invalid (bit 7 of its first byte is clear)');
  if (ctb & 0x40)
    return { tag: ctb & 0x3f, body: await readNewLength(reader, 'a packet header'), format: 'new' };
  const tag = (ctb >> 2) & 0x0f;
  switch (ctb & 0x03) {
    case 0:
      return {
        tag,
        body: { kind: 'definite', length: await reader.readByte('a packet header') },
        format: 'old',
      };
    case 1:
      return {
        tag,
        body: {
          kind: 'definite',
          length: (await reader.read(2, 'a packet header')).readUInt16BE(0),
        },
        format: 'old',
      };
    case 2:
      return {
        tag,
        body: {
          kind: 'definite',
          length: (await reader.read(4, 'a packet header')).readUInt32BE(0),
        },
        format: 'old',
      };
    default:
      return { tag, body: { kind: 'indeterminate' }, format: 'old' };
  }
}

/**
 * A packet's body as a stream of slices of at most `maxChunk` bytes,
 * following partial lengths; an indeterminate length runs to the end of the
 * input. `where` names the packet in truncation errors.
 */
export async function* packetBody(
  reader: ByteReader,
  header: PacketHeader,
  where: string,
  maxChunk = 1 << 20,
): AsyncGenerator<Buffer> {
  if (header.body.kind === 'indeterminate') {
    for (;;) {
      const chunk = await reader.readUpTo(maxChunk);
      if (chunk === null) return;
      yield chunk;
    }
  }
  let length: Exclude<BodyLength, { kind: 'indeterminate' }> = header.body;
  for (;;) {
    let left = length.length;
    while (left > 0) {
      const chunk = await reader.readUpTo(Math.min(left, maxChunk));
      if (chunk === null) throw new TruncatedError(where);
      left -= chunk.length;
      yield chunk;
    }
    if (length.kind === 'definite') return;
    length = await readNewLength(reader, where);
  }
}

/** A whole small packet body, refused above `max` bytes. */
export async function readSmallBody(
  reader: ByteReader,
  header: PacketHeader,
  where: string,
  max: number,
): Promise<Buffer> {
  if (header.body.kind !== 'definite') throw new MalformedError(`${where} has no definite length`);
  if (header.body.length > max) throw new MalformedError(`${where} is larger than ${max} bytes`);
  return reader.read(header.body.length, where);
}

/**
 * Joins small chunks into ones of at least `size` bytes (the last may be
 * smaller). gpg writes bodies as 8 KiB partial lengths; handing each on by
 * itself would cost more than the cryptography.
 */
export async function* rechunk(
  source: AsyncIterable<Buffer>,
  size = 1 << 20,
): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of source) {
    if (length === 0 && chunk.length >= size) {
      yield chunk;
      continue;
    }
    parts.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
}

/** An iterator whose early exit (a consumer's `break` or error) does not close the source: it can still be drained. */
export function keepOpen<T>(source: AsyncGenerator<T>): AsyncIterator<T> & AsyncIterable<T> {
  return {
    next: () => source.next(),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
