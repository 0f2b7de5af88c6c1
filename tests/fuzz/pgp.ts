import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import fc from 'fast-check';
import { createMessage, encrypt, enums, generateKey, readKey } from 'openpgp';
import {
  decryptMessage,
  encryptToRecipients,
  exportPublicKey,
  generateOrgKey,
} from '../../electron/core/pgp';
import {
  ByteReader,
  encodeLength,
  MalformedError,
  packetBody,
  PartialBodyEncoder,
  readPacketHeader,
  TruncatedError,
} from '../../electron/core/pgp/packets';
import { TooLargeError } from '../../electron/core/pgp/innerMessage';
import {
  applyMutations,
  defineTarget,
  describeMutations,
  mutationsArbitrary,
  onlyVigilErrors,
  type Mutation,
  type RegisteredTarget,
} from './harness';
import { once, scratchPath, scratchVault } from './scratch';

// The OpenPGP packet reader (electron/core/pgp/packets.ts, sessionKeys.ts,
// innerMessage.ts, decrypt.ts) reads what partners send: every length,
// tag and layer comes from the sender.

// ---- pgp-framing: packet headers and bodies, written and read back ----------

type Form = 'new' | 'partial' | 'old1' | 'old2' | 'old4' | 'old-open';

interface Packet {
  tag: number;
  body: Uint8Array;
  form: Form;
  exponent: number;
}

/** One packet in the form asked for (old formats only carry tags below 16; an open length only comes last). */
function encode(p: Packet, last: boolean): Buffer {
  const body = Buffer.from(p.body);
  const oldTag = p.tag & 0x0f;
  switch (p.form) {
    case 'partial': {
      const out: Buffer[] = [];
      const encoder = new PartialBodyEncoder(p.tag, (b) => out.push(Buffer.from(b)), 0, p.exponent);
      encoder.write(body, 0);
      encoder.end();
      return Buffer.concat(out);
    }
    case 'old1':
      if (body.length < 256)
        return Buffer.concat([Buffer.from([0x80 | (oldTag << 2), body.length]), body]);
      return encode({ ...p, form: 'old2' }, last);
    case 'old2': {
      const head = Buffer.from([0x80 | (oldTag << 2) | 1, 0, 0]);
      head.writeUInt16BE(body.length, 1);
      return Buffer.concat([head, body]);
    }
    case 'old4': {
      const head = Buffer.from([0x80 | (oldTag << 2) | 2, 0, 0, 0, 0]);
      head.writeUInt32BE(body.length, 1);
      return Buffer.concat([head, body]);
    }
    case 'old-open':
      if (last) return Buffer.concat([Buffer.from([0x80 | (oldTag << 2) | 3]), body]);
      return encode({ ...p, form: 'new' }, last);
    default:
      return Buffer.concat([Buffer.from([0xc0 | p.tag]), encodeLength(body.length), body]);
  }
}

/** The form a packet is really written in: an open length only for the last one, one octet only for short bodies. */
function effectiveForm(p: Packet, last: boolean): Form {
  if (p.form === 'old-open' && !last) return 'new';
  if (p.form === 'old1' && p.body.length >= 256) return 'old2';
  return p.form;
}

const expectedTag = (p: Packet, last: boolean) =>
  effectiveForm(p, last).startsWith('old') ? p.tag & 0x0f : p.tag;

/** Reads every packet of `bytes`, handed over in chunks of `chunk` bytes. */
async function readAll(bytes: Buffer, chunk: number): Promise<{ tag: number; body: Buffer }[]> {
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const reader = new ByteReader(chunks());
  const out: { tag: number; body: Buffer }[] = [];
  let total = 0;
  for (
    let header = await readPacketHeader(reader);
    header;
    header = await readPacketHeader(reader)
  ) {
    const parts: Buffer[] = [];
    for await (const part of packetBody(reader, header, 'a packet', 4096)) {
      total += part.length;
      // The reader hands out bytes it was given, never more.
      if (total > bytes.length) throw new Error('the reader returned more bytes than it was given');
      parts.push(Buffer.from(part));
    }
    out.push({ tag: header.tag, body: Buffer.concat(parts) });
    if (out.length > bytes.length + 1) throw new Error('more packets than bytes: the reader loops');
  }
  return out;
}

const packetArbitrary: fc.Arbitrary<Packet> = fc.record({
  tag: fc.integer({ min: 1, max: 63 }),
  body: fc.oneof(
    fc.uint8Array({ maxLength: 600 }),
    fc.integer({ min: 0, max: 20_000 }).map((n) => new Uint8Array(randomBytesFor(n))),
  ),
  form: fc.constantFrom<Form>('new', 'partial', 'old1', 'old2', 'old4', 'old-open'),
  exponent: fc.integer({ min: 9, max: 14 }),
});

/** Deterministic filler of a given size (the seed decides the size; the bytes need not be random). */
function randomBytesFor(n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i += 1) out[i] = (i * 131 + (i >> 7)) & 0xff;
  return out;
}

const pgpFraming = defineTarget<{ packets: Packet[]; chunk: number; edits: Mutation[] | null }>({
  name: 'pgp-framing',
  about:
    'OpenPGP packet framing: packets in every length form read back exactly, in any chunking; mutated framing ends in a truncation or malformation error, never more bytes than given, never a loop',
  runs: 300,
  arbitrary: () =>
    fc.record({
      packets: fc.array(packetArbitrary, { minLength: 1, maxLength: 4 }),
      chunk: fc.integer({ min: 1, max: 5000 }),
      edits: fc.option(mutationsArbitrary(4), { freq: 2 }),
    }),
  async property({ packets, chunk, edits }) {
    const encoded = Buffer.concat(packets.map((p, i) => encode(p, i === packets.length - 1)));
    if (!edits) {
      const back = await readAll(encoded, chunk);
      if (back.length !== packets.length)
        throw new Error(`read ${back.length} of ${packets.length} packets`);
      back.forEach((b, i) => {
        const p = packets[i]!;
        const tag = expectedTag(p, i === packets.length - 1);
        if (b.tag !== tag) throw new Error(`packet ${i}: tag ${b.tag}, not ${tag}`);
        if (!b.body.equals(Buffer.from(p.body)))
          throw new Error(`packet ${i} (${p.form}): its body changed`);
      });
      return;
    }
    try {
      await readAll(applyMutations(encoded, edits), chunk);
    } catch (error) {
      if (error instanceof TruncatedError || error instanceof MalformedError) return;
      throw error;
    }
  },
  describe: ({ packets, chunk, edits }) =>
    `${packets.map((p) => `${p.form}:${p.tag}:${p.body.length}`).join(',')} chunk ${chunk}${edits ? ` with ${describeMutations(edits)}` : ''}`,
});

// ---- pgp-bundle: whole messages, decrypted and checked by a real vault ------

interface Base {
  name: string;
  bytes: Buffer;
  payload: Buffer;
}

const bundleFixtures = once(async () => {
  const vault = await scratchVault('pgp');
  const org = await generateOrgKey(vault, { name: 'Fuzz Org', email: 'org@fuzz.example' });
  const payload = randomBytes(24 * 1024);
  const input = scratchPath('payload');
  await writeFile(input, payload);
  const own = scratchPath('own.gpg');
  await encryptToRecipients(vault, input, own, { recipients: [org.fingerprint], sign: true });
  // A message as other OpenPGP software writes it: compressed, signed by a key the vault does not hold.
  const stranger = await generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'Stranger', email: 'stranger@fuzz.example' }],
    format: 'object',
  });
  const foreign = (await encrypt({
    message: await createMessage({ binary: payload }),
    encryptionKeys: await readKey({ armoredKey: await exportPublicKey(vault) }),
    signingKeys: stranger.privateKey,
    format: 'binary',
    config: {
      preferredCompressionAlgorithm: enums.compression.zlib,
      aeadProtect: false,
    },
  })) as unknown as Uint8Array;
  const bases: Base[] = [
    { name: 'vigil', bytes: await readFile(own), payload },
    { name: 'foreign-zlib', bytes: Buffer.from(foreign), payload },
  ];
  return { vault, bases };
});

const KNOWN =
  /^(vault\.db(-wal|-shm|-journal)?|vault\.header|blobs|vault\.lock|vault\.lock\.json)$/;

const pgpBundle = defineTarget<{ base: number; edits: Mutation[] }>({
  name: 'pgp-bundle',
  about:
    'mutated bundles decrypted by a real vault: either the exact plaintext that was sent, or a VigilError; no sealed temporary file left behind',
  runs: 40,
  arbitrary: () => fc.record({ base: fc.nat({ max: 1 }), edits: mutationsArbitrary(4) }),
  async property({ base, edits }) {
    const { vault, bases } = await bundleFixtures();
    const b = bases[base]!;
    const file = scratchPath(`${b.name}.gpg`);
    await writeFile(file, applyMutations(b.bytes, edits));
    let released: Buffer | undefined;
    try {
      released = (
        await decryptMessage(vault, file, {
          acceptUnsigned: true,
          acceptUnknownSigner: true,
          acceptUntrustedSigner: true,
          onPlaintext: async (plaintext) => {
            const parts: Buffer[] = [];
            for await (const part of plaintext.stream()) parts.push(part as Buffer);
            return Buffer.concat(parts);
          },
        })
      ).value;
    } catch (error) {
      if (error instanceof TooLargeError)
        throw new Error(`${b.name}: an internal size error escaped`, { cause: error });
      onlyVigilErrors(error, b.name);
    } finally {
      await rm(file, { force: true });
    }
    // Released plaintext is only ever what was sent: an altered message never decrypts to something else.
    if (released && !released.equals(b.payload))
      throw new Error(
        `${b.name}: decrypted to ${released.length} bytes that differ from what was sent`,
      );
    const stray = (await readdir(vault.dir)).filter((n) => !KNOWN.test(n));
    if (stray.length > 0) throw new Error(`${b.name}: left ${stray.join(', ')} in the vault`);
  },
  describe: ({ base, edits }) => `base ${base} with ${describeMutations(edits)}`,
});

export const pgpTargets: RegisteredTarget[] = [pgpFraming, pgpBundle];
