import { formatSize, invalid, unsupported } from '../bytes';
import type { Collector } from '../collector';
import { inspectXmp } from '../xmp';
import { checkFailed, classifyTag, preview, printable } from './common';
import { inspectId3v2 } from './id3';
import type { MediaPlan } from './plan';
import { readAt, readStructure, type Source } from './source';

// WAV (RIFF/WAVE, and RF64 for files over 4 GiB). The stripper writes a new
// file of three chunks — fmt, fact when there is one, data — with the sizes
// recomputed, and copies the samples unchanged. Everything else goes: LIST
// (INFO, adtl), bext, iXML, axml, cart, id3, _PMX (XMP), cue points, JUNK…

const MAX_CHUNKS = 100_000;

interface Chunk {
  id: string;
  start: number;
  body: number;
  size: number;
}

interface Layout {
  rf64: boolean;
  chunks: Chunk[];
  riffEnd: number;
}

export const INFO_NAMES: Record<string, string> = {
  IART: 'Artist',
  INAM: 'Title',
  ICMT: 'Comment',
  ICRD: 'Creation date',
  ISFT: 'Software',
  IENG: 'Engineer',
  ICOP: 'Copyright',
  IPRD: 'Product (album)',
  IGNR: 'Genre',
  ISBJ: 'Subject',
  ISRC: 'Source',
  ITCH: 'Technician',
  IKEY: 'Keywords',
  ICMS: 'Commissioned by',
  ISRF: 'Source form',
  IMED: 'Medium',
  ILNG: 'Language',
  ITRK: 'Track number',
  IPRT: 'Part',
  IDIT: 'Digitisation date',
};

async function layout(src: Source, what: string): Promise<Layout> {
  const head = await readAt(src, 0, 12, what, 'the RIFF header');
  const magic = head.toString('latin1', 0, 4);
  if ((magic !== 'RIFF' && magic !== 'RF64') || head.toString('latin1', 8, 12) !== 'WAVE')
    throw invalid(`${what} does not start with a RIFF/WAVE header.`);
  const rf64 = magic === 'RF64';
  let riffEnd = 8 + head.readUInt32LE(4);
  let dataSize64: number | undefined;
  const chunks: Chunk[] = [];
  let pos = 12;
  if (rf64) {
    const ds = await readAt(src, 12, 36, what, 'the ds64 chunk');
    if (ds.toString('latin1', 0, 4) !== 'ds64')
      throw invalid(`${what} is an RF64 file without its ds64 chunk.`);
    const dsSize = ds.readUInt32LE(4);
    const riffSize = Number(ds.readBigUInt64LE(8));
    dataSize64 = Number(ds.readBigUInt64LE(16));
    if (ds.readUInt32LE(32) !== 0 && dsSize > 28)
      throw unsupported(
        `${what} is an RF64 file with a chunk-size table, which Vigil does not handle.`,
      );
    riffEnd = 8 + riffSize;
    chunks.push({ id: 'ds64', start: 12, body: 20, size: dsSize });
    pos = 20 + dsSize + (dsSize & 1);
  }
  if (riffEnd > src.size)
    throw invalid(
      `${what} is truncated: its RIFF size says ${riffEnd} bytes, the file has ${src.size}.`,
    );
  while (pos + 8 <= riffEnd) {
    if (chunks.length >= MAX_CHUNKS) throw invalid(`${what} is damaged: it has too many chunks.`);
    const h = await readAt(src, pos, 8, what, 'a chunk header');
    const id = h.toString('latin1', 0, 4);
    let size = h.readUInt32LE(4);
    if (rf64 && id === 'data' && size === 0xffffffff) size = dataSize64!;
    if (pos + 8 + size > riffEnd)
      throw invalid(
        `${what} is truncated or damaged: the "${printable(id)}" chunk at byte ${pos} runs past the end of the file.`,
      );
    chunks.push({ id, start: pos, body: pos + 8, size });
    pos += 8 + size + (size & 1);
  }
  return { rf64, chunks, riffEnd };
}

function one(l: Layout, id: string, what: string): Chunk | undefined {
  const list = l.chunks.filter((c) => c.id === id);
  if (list.length > 1)
    throw invalid(`${what} is damaged: it has more than one "${id.trim()}" chunk.`);
  return list[0];
}

/** fmt sizes that carry nothing but the format: 16 (PCM), 18 + cbSize (everything else). */
function checkFmt(fmt: Buffer, what: string): void {
  if (fmt.length === 16) return;
  if (fmt.length >= 18 && fmt.length === 18 + fmt.readUInt16LE(16)) return;
  if (fmt.length === 18 + fmt.readUInt16LE(16) + 1) return; // odd-sized extension padded by the writer
  throw invalid(`${what} is damaged: its format chunk has a wrong size.`);
}

function text(buf: Buffer, from: number, to: number): string {
  const raw = buf.toString('latin1', from, Math.min(to, buf.length));
  const zero = raw.indexOf('\0');
  return (zero < 0 ? raw : raw.slice(0, zero)).trim();
}

function inspectInfo(c: Collector, list: Buffer): void {
  let o = 4;
  while (o + 8 <= list.length) {
    const id = list.toString('latin1', o, o + 4);
    const size = list.readUInt32LE(o + 4);
    const value = text(list, o + 8, o + 8 + size);
    o += 8 + size + (size & 1);
    const name = INFO_NAMES[id] ?? `INFO ${printable(id)}`;
    const cls =
      id === 'ICRD' || id === 'IDIT'
        ? { group: 'time' as const, risky: false }
        : id === 'ISFT'
          ? { group: 'software' as const, risky: false }
          : classifyTag(name);
    c.add(cls.group, `wav.INFO.${printable(id)}`, `${name} (RIFF INFO)`, value, cls.risky);
  }
}

function inspectBext(c: Collector, b: Buffer): void {
  const fields: [string, string, number, number, 'document' | 'people' | 'time'][] = [
    ['Description', 'description', 0, 256, 'document'],
    ['Originator', 'originator', 256, 32, 'people'],
    ['Originator reference', 'reference', 288, 32, 'people'],
    ['Origination date', 'date', 320, 10, 'time'],
    ['Origination time', 'time', 330, 8, 'time'],
  ];
  for (const [label, key, from, len, group] of fields) {
    const v = text(b, from, from + len);
    if (v) c.add(group, `wav.bext.${key}`, `${label} (BWF bext)`, v, group !== 'time');
  }
  if (b.length >= 348 + 64) {
    const umid = b.subarray(348, 348 + 64);
    if (umid.some((x) => x !== 0))
      c.add(
        'device',
        'wav.bext.umid',
        'Unique material id (BWF UMID)',
        umid.toString('hex', 0, 32),
        true,
      );
  }
  if (b.length > 602) {
    const history = text(b, 602, b.length);
    if (history) c.add('software', 'wav.bext.history', 'Coding history (BWF bext)', history, true);
  }
  const date = text(b, 320, 330);
  const time = text(b, 330, 338);
  if (/^\d{4}[-:]\d{2}[-:]\d{2}$/.test(date))
    c.setTime(
      `${date.replace(/:/g, '-')}T${/^\d{2}[-:]\d{2}[-:]\d{2}$/.test(time) ? time.replace(/-/g, ':') : '00:00:00'}`,
    );
}

function inspectCart(c: Collector, b: Buffer): void {
  const fields: [string, number, number][] = [
    ['Title', 4, 64],
    ['Artist', 68, 64],
    ['Cut id', 132, 64],
    ['Client id', 196, 64],
    ['Category', 260, 64],
    ['Classification', 324, 64],
    ['Out cue', 388, 64],
    ['Start date', 452, 10],
    ['Producer application', 480, 64],
    ['User defined', 608, 64],
  ];
  for (const [label, from, len] of fields) {
    const v = text(b, from, from + len);
    const cls = classifyTag(label);
    if (v) c.add(cls.group, `wav.cart.${label.replace(/ /g, '')}`, `${label} (cart)`, v, true);
  }
  if (b.length > 2048) {
    const tail = text(b, 1024 + 1024 - 0, b.length);
    if (tail) c.add('document', 'wav.cart.text', 'Tag text (cart)', tail, true);
  }
}

function inspectXml(c: Collector, id: string, data: Buffer): void {
  const t = data.subarray(0, 1 << 20).toString('utf8');
  const values = [...t.matchAll(/<([A-Za-z_:][\w:.-]*)[^>]*>([^<]+)</g)]
    .map((m) => `${m[1]}=${m[2]!.trim()}`)
    .filter((x) => !x.endsWith('='))
    .slice(0, 40);
  c.add(
    'document',
    `wav.${id.trim()}`,
    `${id.trim()} XML chunk`,
    values.length ? values.join('; ') : formatSize(data.length),
    true,
  );
}

export async function inspectWav(c: Collector, src: Source, what: string): Promise<void> {
  let l: Layout;
  try {
    l = await layout(src, what);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
    return;
  }
  try {
    for (const ch of l.chunks) {
      const read = (limit = 16 << 20) =>
        readStructure(src, ch.body, Math.min(ch.size, limit), what, `the "${ch.id}" chunk`);
      switch (ch.id) {
        case 'fmt ': {
          const f = await read(64);
          if (f.length >= 16)
            c.add(
              'structure',
              'wav.format',
              'Format',
              `codec ${f.readUInt16LE(0)}, ${f.readUInt32LE(4)} Hz, ${f.readUInt16LE(2)} channel(s), ${f.readUInt16LE(14)} bits`,
              false,
            );
          break;
        }
        case 'data':
        case 'fact':
        case 'ds64':
          break;
        case 'LIST': {
          const list = await read();
          const kind = list.toString('latin1', 0, 4);
          if (kind === 'INFO') inspectInfo(c, list);
          else
            c.add(
              kind === 'adtl' ? 'document' : 'hidden',
              `wav.LIST.${printable(kind)}`,
              kind === 'adtl'
                ? 'Cue labels and notes (LIST adtl)'
                : `List chunk "${printable(kind)}"`,
              `${formatSize(ch.size)}${preview(list.subarray(4))}`,
              true,
            );
          break;
        }
        case 'bext':
          inspectBext(c, await read());
          break;
        case 'cart':
          inspectCart(c, await read());
          break;
        case 'iXML':
        case 'axml':
          inspectXml(c, ch.id, await read());
          break;
        case '_PMX':
          inspectXmp(c, await read(), 'WAV');
          break;
        case 'id3 ':
        case 'ID3 ':
        case 'ID3\0':
          await inspectId3v2(c, await read(), 'wav.id3');
          break;
        case 'cue ':
          c.add('document', 'wav.cue', 'Cue points', `${formatSize(ch.size)}`, true);
          break;
        default: {
          const body = await read(4096);
          const words = body
            .toString('latin1')
            .replace(/[^\x20-\x7e]+/g, ' ')
            .trim();
          const empty = body.every((x) => x === 0);
          if (!empty || !['JUNK', 'PAD ', 'junk', 'FLLR', 'filr'].includes(ch.id))
            c.add(
              'hidden',
              `wav.${printable(ch.id)}`,
              `Chunk "${printable(ch.id)}"`,
              `${formatSize(ch.size)}${words ? `: ${words.slice(0, 120)}` : ''}`,
              true,
            );
        }
      }
    }
    if (l.riffEnd < src.size)
      c.add(
        'hidden',
        'wav.trailing',
        'Data after the end of the RIFF file',
        formatSize(src.size - l.riffEnd),
        true,
      );
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
  }
}

function header(id: string, size: number): Buffer {
  const h = Buffer.alloc(8);
  h.write(id, 0, 'latin1');
  h.writeUInt32LE(size, 4);
  return h;
}

export async function planWav(src: Source, what: string): Promise<MediaPlan> {
  const l = await layout(src, what);
  const fmtChunk = one(l, 'fmt ', what);
  const data = one(l, 'data', what);
  const fact = one(l, 'fact', what);
  if (!fmtChunk || !data)
    throw invalid(`${what} is damaged: it has no ${fmtChunk ? 'data' : 'format'} chunk.`);
  const fmt = await readStructure(src, fmtChunk.body, fmtChunk.size, what, 'the format chunk');
  checkFmt(fmt, what);
  const fmtOut =
    fmt.length % 2 === 1 && fmt.length !== 16 && fmt.length === 18 + fmt.readUInt16LE(16) + 1
      ? fmt.subarray(0, fmt.length - 1)
      : fmt;
  const parts: Buffer[] = [];
  const fmtBytes = Buffer.concat([
    header('fmt ', fmtOut.length),
    fmtOut,
    fmtOut.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0),
  ]);
  const factBytes = fact
    ? Buffer.concat([header('fact', 4), await readAt(src, fact.body, 4, what, 'the fact chunk')])
    : Buffer.alloc(0);
  const pad = data.size & 1;
  const riffSize = 4 + fmtBytes.length + factBytes.length + 8 + data.size + pad;
  const big = l.rf64 || riffSize > 0xffffffff - 36;
  if (big) {
    const ds = Buffer.alloc(36);
    ds.write('ds64', 0, 'latin1');
    ds.writeUInt32LE(28, 4);
    ds.writeBigUInt64LE(BigInt(riffSize + 36), 8);
    ds.writeBigUInt64LE(BigInt(data.size), 16);
    const ds64 = l.chunks.find((c) => c.id === 'ds64');
    const samples = ds64 ? (await readAt(src, ds64.body + 16, 8, what)).readBigUInt64LE(0) : 0n;
    ds.writeBigUInt64LE(samples, 24);
    parts.push(
      Buffer.from('RF64', 'latin1'),
      Buffer.from([0xff, 0xff, 0xff, 0xff]),
      Buffer.from('WAVE', 'latin1'),
      ds,
    );
  } else {
    const riff = Buffer.alloc(12);
    riff.write('RIFF', 0, 'latin1');
    riff.writeUInt32LE(riffSize, 4);
    riff.write('WAVE', 8, 'latin1');
    parts.push(riff);
  }
  parts.push(fmtBytes, factBytes, header('data', big ? 0xffffffff : data.size));
  return {
    pieces: [
      { kind: 'bytes', data: Buffer.concat(parts) },
      { kind: 'copy', from: data.body, length: data.size },
      { kind: 'bytes', data: Buffer.alloc(pad) },
    ],
    kept: [],
  };
}

export async function verifyWav(src: Source): Promise<void> {
  const name = 'WAV audio file';
  try {
    const l = await layout(src, 'The stripped WAV');
    if (l.riffEnd !== src.size) throw checkFailed(name, 'data follows the end of the RIFF file');
    const ids = l.chunks.map((c) => c.id);
    const expected = [
      ...(l.rf64 ? ['ds64'] : []),
      'fmt ',
      ...(ids.includes('fact') ? ['fact'] : []),
      'data',
    ];
    if (ids.join('|') !== expected.join('|'))
      throw checkFailed(name, `its chunks are ${ids.map((x) => printable(x.trim())).join(', ')}`);
    const fmt = l.chunks.find((c) => c.id === 'fmt ')!;
    checkFmt(await readAt(src, fmt.body, fmt.size, 'The stripped WAV'), 'The stripped WAV');
    const fact = l.chunks.find((c) => c.id === 'fact');
    if (fact && fact.size !== 4) throw checkFailed(name, 'its fact chunk has a wrong size');
    const ds64 = l.chunks.find((c) => c.id === 'ds64');
    if (ds64 && ds64.size !== 28) throw checkFailed(name, 'its ds64 chunk has a wrong size');
  } catch (error) {
    if ((error as Error).message.startsWith("Vigil's check")) throw error;
    throw checkFailed(name, (error as Error).message.replace(/\.$/, ''));
  }
}
