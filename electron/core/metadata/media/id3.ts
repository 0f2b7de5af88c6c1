import { inflateSync } from 'node:zlib';
import { formatSize, invalid } from '../bytes';
import type { Collector } from '../collector';
import { classifyTag, inspectEmbeddedImage, preview, printable } from './common';
import { readAt, readStructure, type Source } from './source';

// The tag blocks that audio files carry around their audio: ID3v2 (2.2, 2.3,
// 2.4; in front, and appended with a footer), ID3v1 and its TAG+ extension,
// APEv2 and Lyrics3 (v1 and v2). Read here for display and to find where the
// audio begins and ends; the strippers keep none of them.

export interface TagSpan {
  kind: 'ID3v2' | 'ID3v1' | 'TAG+' | 'APEv2' | 'Lyrics3' | 'Lyrics3v2';
  start: number;
  end: number;
}

const syncsafe = (b: Buffer, o: number): number =>
  ((b[o]! & 0x7f) << 21) |
  ((b[o + 1]! & 0x7f) << 14) |
  ((b[o + 2]! & 0x7f) << 7) |
  (b[o + 3]! & 0x7f);

/** The size of an ID3v2 tag whose 10-byte header is `head`, or undefined if it is not one. */
export function id3v2Size(head: Buffer): number | undefined {
  if (head.length < 10 || head.toString('latin1', 0, 3) !== 'ID3') return undefined;
  const major = head[3]!;
  if (major < 2 || major > 4 || head[4] === 0xff) return undefined;
  if ((head[6]! | head[7]! | head[8]! | head[9]!) & 0x80) return undefined;
  const footer = major === 4 && (head[5]! & 0x10) !== 0 ? 10 : 0;
  return 10 + syncsafe(head, 6) + footer;
}

/** The ID3v2 tags at `from` (a file may carry several in a row), and where they end. */
export async function leadingId3(
  src: Source,
  from: number,
  what: string,
): Promise<{ tags: TagSpan[]; end: number }> {
  const tags: TagSpan[] = [];
  let pos = from;
  while (pos + 10 <= src.size && tags.length < 64) {
    const size = id3v2Size(await readAt(src, pos, 10, what, 'a tag header'));
    if (size === undefined) break;
    if (pos + size > src.size)
      throw invalid(
        `${what} is truncated: its ID3v2 tag at byte ${pos} runs past the end of the file.`,
      );
    tags.push({ kind: 'ID3v2', start: pos, end: pos + size });
    pos += size;
  }
  return { tags, end: pos };
}

/** Tags appended after the audio, found from the end backwards: ID3v1, TAG+, APEv2, Lyrics3, ID3v2 with a footer. */
export async function trailingTags(
  src: Source,
  floor: number,
  what: string,
): Promise<{ tags: TagSpan[]; end: number }> {
  const tags: TagSpan[] = [];
  let end = src.size;
  for (let guard = 0; guard < 64; guard += 1) {
    const avail = end - floor;
    if (avail >= 128) {
      const t = await readAt(src, end - 128, 3, what);
      if (t.toString('latin1') === 'TAG') {
        tags.push({ kind: 'ID3v1', start: end - 128, end });
        end -= 128;
        if (
          end - floor >= 227 &&
          (await readAt(src, end - 227, 4, what)).toString('latin1') === 'TAG+'
        ) {
          tags.push({ kind: 'TAG+', start: end - 227, end });
          end -= 227;
        }
        continue;
      }
    }
    if (avail >= 32) {
      const f = await readAt(src, end - 32, 32, what);
      if (f.toString('latin1', 0, 8) === 'APETAGEX') {
        const size = f.readUInt32LE(12);
        if (size < 32 || size > avail)
          throw invalid(`${what} is damaged: its APE tag has an impossible size.`);
        // A footer may claim a header that a tagger never wrote: the bytes before the items are
        // then audio, and taking them as a header would cut the last frame.
        const claimed = (f.readUInt32LE(20) & 0x80000000) !== 0 && size + 32 <= avail;
        const header =
          claimed && (await readAt(src, end - size - 32, 8, what)).toString('latin1') === 'APETAGEX'
            ? 32
            : 0;
        tags.push({ kind: 'APEv2', start: end - size - header, end });
        end -= size + header;
        continue;
      }
    }
    if (avail >= 15) {
      const f = await readAt(src, end - 15, 15, what);
      if (
        f.toString('latin1', 6, 15) === 'LYRICS200' &&
        /^\d{6}$/.test(f.toString('latin1', 0, 6))
      ) {
        const size = Number(f.toString('latin1', 0, 6));
        if (
          size + 15 > avail ||
          (await readAt(src, end - 15 - size, 11, what)).toString('latin1') !== 'LYRICSBEGIN'
        )
          throw invalid(`${what} is damaged: its Lyrics3 tag has an impossible size.`);
        tags.push({ kind: 'Lyrics3v2', start: end - 15 - size, end });
        end -= size + 15;
        continue;
      }
      if (f.toString('latin1', 6, 15) === 'LYRICSEND') {
        const span = Math.min(avail, 5100 + 9 + 11);
        const back = await readAt(src, end - span, span, what);
        const at = back.lastIndexOf('LYRICSBEGIN', back.length - 9, 'latin1');
        if (at < 0) throw invalid(`${what} is damaged: its Lyrics3 tag has no beginning.`);
        tags.push({ kind: 'Lyrics3', start: end - span + at, end });
        end = end - span + at;
        continue;
      }
    }
    if (avail >= 20) {
      const f = await readAt(src, end - 10, 10, what);
      if (
        f.toString('latin1', 0, 3) === '3DI' &&
        f[3] === 4 &&
        !((f[6]! | f[7]! | f[8]! | f[9]!) & 0x80)
      ) {
        const size = syncsafe(f, 6) + 20;
        if (size > avail)
          throw invalid(`${what} is damaged: its appended ID3v2 tag has an impossible size.`);
        tags.push({ kind: 'ID3v2', start: end - size, end });
        end -= size;
        continue;
      }
    }
    break;
  }
  return { tags, end };
}

// ---------------------------------------------------------------- display

export const FRAME_NAMES: Record<string, string> = {
  TIT1: 'Content group',
  TIT2: 'Title',
  TIT3: 'Subtitle',
  TALB: 'Album',
  TPE1: 'Artist',
  TPE2: 'Album artist',
  TPE3: 'Conductor',
  TPE4: 'Remixer',
  TCOM: 'Composer',
  TEXT: 'Lyricist',
  TOLY: 'Original lyricist',
  TOPE: 'Original artist',
  TENC: 'Encoded by',
  TSSE: 'Encoder software',
  TCOP: 'Copyright',
  TPUB: 'Publisher',
  TOWN: 'Owner',
  TRSN: 'Radio station',
  TRSO: 'Radio station owner',
  TYER: 'Year',
  TDAT: 'Date',
  TIME: 'Time',
  TDRC: 'Recording time',
  TDRL: 'Release time',
  TDEN: 'Encoding time',
  TDOR: 'Original release time',
  TDTG: 'Tagging time',
  TORY: 'Original year',
  TRDA: 'Recording dates',
  TCON: 'Genre',
  TRCK: 'Track number',
  TPOS: 'Disc number',
  TLEN: 'Length',
  TKEY: 'Key',
  TBPM: 'Tempo',
  TLAN: 'Language',
  TMED: 'Media type',
  TFLT: 'File type',
  TSRC: 'Recording code (ISRC)',
  TIPL: 'Involved people',
  TMCL: 'Musicians',
  IPLS: 'Involved people',
  TXXX: 'Custom text',
  COMM: 'Comment',
  USLT: 'Lyrics',
  SYLT: 'Synchronised lyrics',
  APIC: 'Picture',
  GEOB: 'Embedded object',
  PRIV: 'Private data',
  UFID: 'Unique file id',
  POPM: 'Rating and email (popularimeter)',
  PCNT: 'Play counter',
  MCDI: 'CD identifier',
  WXXX: 'Web address',
  CHAP: 'Chapter',
  CTOC: 'Table of contents',
  USER: 'Terms of use',
  OWNE: 'Ownership',
  COMR: 'Commercial frame',
  GRP1: 'Grouping',
  MVNM: 'Movement',
};

/** ID3v2.2 three-letter frame ids, as their v2.3 names. */
const V22: Record<string, string> = {
  TT1: 'TIT1',
  TT2: 'TIT2',
  TT3: 'TIT3',
  TAL: 'TALB',
  TP1: 'TPE1',
  TP2: 'TPE2',
  TP3: 'TPE3',
  TP4: 'TPE4',
  TCM: 'TCOM',
  TXT: 'TEXT',
  TEN: 'TENC',
  TSS: 'TSSE',
  TCR: 'TCOP',
  TPB: 'TPUB',
  TYE: 'TYER',
  TDA: 'TDAT',
  TIM: 'TIME',
  TCO: 'TCON',
  TRK: 'TRCK',
  TPA: 'TPOS',
  TXX: 'TXXX',
  COM: 'COMM',
  ULT: 'USLT',
  PIC: 'APIC',
  GEO: 'GEOB',
  UFI: 'UFID',
  POP: 'POPM',
  CNT: 'PCNT',
  WXX: 'WXXX',
  TOA: 'TOPE',
  TOL: 'TOLY',
  TRD: 'TRDA',
};

function frameClass(
  id: string,
  name: string,
): { group: ReturnType<typeof classifyTag>['group']; risky: boolean } {
  if (/^(TYER|TDAT|TIME|TDRC|TDRL|TDEN|TDOR|TDTG|TORY|TRDA)$/.test(id))
    return { group: 'time', risky: false };
  if (/^(TSSE|TENC)$/.test(id)) return { group: 'software', risky: id === 'TENC' };
  if (/^(TRCK|TPOS|TLEN|TKEY|TBPM|TLAN|TMED|TFLT|TCON)$/.test(id))
    return { group: 'document', risky: false };
  if (/^(TPE\d|TCOM|TEXT|TOLY|TOPE|TCOP|TPUB|TOWN|TRSO|TIPL|TMCL|IPLS|POPM|OWNE)$/.test(id))
    return { group: 'people', risky: true };
  if (/^(PRIV|GEOB|UFID|MCDI)$/.test(id)) return { group: 'hidden', risky: true };
  return classifyTag(name);
}

function decodeText(enc: number, data: Buffer): string {
  if (enc === 1) {
    if (data[0] === 0xfe && data[1] === 0xff)
      return Buffer.from(data.subarray(2, data.length & ~1))
        .swap16()
        .toString('utf16le');
    return data.subarray(data[0] === 0xff && data[1] === 0xfe ? 2 : 0).toString('utf16le');
  }
  if (enc === 2)
    return Buffer.from(data.subarray(0, data.length & ~1))
      .swap16()
      .toString('utf16le');
  if (enc === 3) return data.toString('utf8');
  return data.toString('latin1');
}

/** Splits a terminated string of encoding `enc` off the front of `data`. */
function takeString(enc: number, data: Buffer): { text: string; rest: Buffer } {
  const wide = enc === 1 || enc === 2;
  let end = -1;
  if (wide) {
    for (let i = 0; i + 1 < data.length; i += 2)
      if (data[i] === 0 && data[i + 1] === 0) {
        end = i;
        break;
      }
  } else end = data.indexOf(0);
  if (end < 0) return { text: decodeText(enc, data), rest: Buffer.alloc(0) };
  return {
    text: decodeText(enc, data.subarray(0, end)),
    rest: data.subarray(end + (wide ? 2 : 1)),
  };
}

function unsync(data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(data.length);
  let n = 0;
  for (let i = 0; i < data.length; i += 1) {
    out[n++] = data[i]!;
    if (data[i] === 0xff && data[i + 1] === 0x00) i += 1;
  }
  return out.subarray(0, n);
}

function textList(text: string): string {
  return text
    .split('\0')
    .filter((s) => s.length > 0)
    .join('; ');
}

async function frameValue(
  c: Collector,
  key: string,
  id: string,
  data: Buffer,
  depth: number,
  major: number,
): Promise<void> {
  const name = FRAME_NAMES[id] ?? `Frame ${printable(id)}`;
  const cls = frameClass(id, name);
  const label = `${name} (ID3 ${printable(id)})`;
  if (id === 'APIC') {
    const enc = data[0] ?? 0;
    let rest: Buffer;
    if (major === 2) rest = data.subarray(5);
    else rest = takeString(0, data.subarray(1)).rest.subarray(1);
    const desc = takeString(enc, rest);
    await inspectEmbeddedImage(
      c,
      key,
      `Picture${desc.text ? ` "${desc.text}"` : ''} (ID3 APIC)`,
      desc.rest,
    );
    return;
  }
  if (id === 'CHAP' || id === 'CTOC') {
    const elem = takeString(0, data);
    let sub = elem.rest;
    if (id === 'CHAP') sub = sub.subarray(16);
    else {
      const count = sub[1] ?? 0;
      sub = sub.subarray(2);
      for (let i = 0; i < count; i += 1) sub = takeString(0, sub).rest;
    }
    c.add('document', key, `${name} (ID3 ${id})`, elem.text, true);
    if (depth < 2) await id3Frames(c, sub, key, major, depth + 1);
    return;
  }
  if (id === 'PRIV' || id === 'UFID') {
    const owner = takeString(0, data);
    c.add(
      cls.group,
      key,
      label,
      `${owner.text}: ${formatSize(owner.rest.length)}${preview(owner.rest)}`,
      true,
    );
    return;
  }
  if (id === 'POPM') {
    const email = takeString(0, data);
    c.add('people', key, label, email.text, true);
    return;
  }
  if (id === 'GEOB') {
    const enc = data[0] ?? 0;
    const mime = takeString(0, data.subarray(1));
    const file = takeString(enc, mime.rest);
    const desc = takeString(enc, file.rest);
    c.add(
      'hidden',
      key,
      label,
      `${file.text} ${desc.text} (${mime.text}, ${formatSize(desc.rest.length)})${preview(desc.rest)}`,
      true,
    );
    return;
  }
  if (id === 'TXXX' || id === 'WXXX') {
    const enc = data[0] ?? 0;
    const desc = takeString(enc, data.subarray(1));
    const value = id === 'WXXX' ? desc.rest.toString('latin1') : decodeText(enc, desc.rest);
    const tc = classifyTag(desc.text);
    c.add(tc.group, key, `${desc.text || name} (ID3 ${id})`, textList(value), true);
    return;
  }
  if (id === 'COMM' || id === 'USLT' || id === 'USER') {
    const enc = data[0] ?? 0;
    const desc =
      id === 'USER' ? { text: '', rest: data.subarray(4) } : takeString(enc, data.subarray(4));
    c.add(
      'document',
      key,
      `${name}${desc.text ? ` "${desc.text}"` : ''} (ID3 ${id})`,
      decodeText(enc, desc.rest),
      true,
    );
    return;
  }
  if (id.startsWith('T')) {
    c.add(cls.group, key, label, textList(decodeText(data[0] ?? 0, data.subarray(1))), cls.risky);
    return;
  }
  if (id.startsWith('W')) {
    c.add('document', key, label, data.toString('latin1'), true);
    return;
  }
  c.add(
    cls.group === 'document' ? 'hidden' : cls.group,
    key,
    label,
    `${formatSize(data.length)}${preview(data)}`,
    true,
  );
}

async function id3Frames(
  c: Collector,
  body: Buffer,
  prefix: string,
  major: number,
  depth: number,
): Promise<void> {
  let o = 0;
  const idLen = major === 2 ? 3 : 4;
  const headLen = major === 2 ? 6 : 10;
  while (o + headLen <= body.length) {
    if (body[o] === 0) break; // padding
    let id = body.toString('latin1', o, o + idLen);
    if (!/^[A-Z0-9]+$/.test(id)) break;
    let size: number;
    if (major === 2) size = body.readUIntBE(o + 3, 3);
    else if (major === 3) size = body.readUInt32BE(o + 4);
    else {
      // Some writers put plain sizes in v2.4; a size with a high bit set cannot be syncsafe.
      size =
        body.readUInt32BE(o + 4) & 0x80808080 ? body.readUInt32BE(o + 4) : syncsafe(body, o + 4);
    }
    const flags = major === 2 ? 0 : body.readUInt16BE(o + 8);
    let data = body.subarray(o + headLen, Math.min(body.length, o + headLen + size));
    o += headLen + size;
    if (major === 2) id = V22[id] ?? id;
    let compressed = false;
    if (major === 3) {
      if (flags & 0x40) {
        c.add(
          'hidden',
          `${prefix}.${id}`,
          `Encrypted ID3 frame ${id}`,
          formatSize(data.length),
          true,
        );
        continue;
      }
      if (flags & 0x80) {
        compressed = true;
        data = data.subarray(4);
      }
      if (flags & 0x20) data = data.subarray(1);
    } else if (major === 4) {
      if (flags & 0x40) data = data.subarray(1);
      if (flags & 0x04) {
        c.add(
          'hidden',
          `${prefix}.${id}`,
          `Encrypted ID3 frame ${id}`,
          formatSize(data.length),
          true,
        );
        continue;
      }
      if (flags & 0x01) data = data.subarray(4);
      if (flags & 0x02) data = unsync(data);
      if (flags & 0x08) compressed = true;
    }
    if (compressed) {
      try {
        data = inflateSync(data, { maxOutputLength: 16 << 20 });
      } catch {
        c.add(
          'hidden',
          `${prefix}.${id}`,
          `Compressed ID3 frame ${id}`,
          formatSize(data.length),
          true,
        );
        continue;
      }
    }
    await frameValue(c, `${prefix}.${id}`, id, data, depth, major);
  }
}

/** Lists an ID3v2 tag (header included) into the collector. */
export async function inspectId3v2(c: Collector, tag: Buffer, prefix = 'id3'): Promise<void> {
  if (tag.length < 10 || tag.toString('latin1', 0, 3) !== 'ID3') {
    c.add('hidden', prefix, 'ID3 tag', formatSize(tag.length), true);
    return;
  }
  const major = tag[3]!;
  const flags = tag[5]!;
  let body = tag.subarray(10, Math.min(tag.length, 10 + syncsafe(tag, 6)));
  if (major < 4 && flags & 0x80) body = unsync(body);
  if (flags & 0x40) {
    const ext =
      major === 3
        ? 4 + (body.length >= 4 ? body.readUInt32BE(0) : 0)
        : body.length >= 4
          ? syncsafe(body, 0)
          : 0;
    body = body.subarray(Math.min(body.length, ext));
  }
  const before = c.fields.length;
  await id3Frames(c, body, prefix, major, 0);
  if (c.fields.length === before)
    c.add('hidden', prefix, `ID3v2.${major} tag`, formatSize(tag.length), true);
}

function v1Field(tag: Buffer, from: number, length: number): string {
  return tag
    .toString('latin1', from, from + length)
    .replace(/\0.*$/s, '')
    .trim();
}

export function inspectId3v1(c: Collector, tag: Buffer): void {
  const fields: [string, string, number, number][] = [
    ['title', 'Title', 3, 30],
    ['artist', 'Artist', 33, 30],
    ['album', 'Album', 63, 30],
    ['year', 'Year', 93, 4],
    ['comment', 'Comment', 97, 30],
  ];
  let any = false;
  for (const [key, label, from, length] of fields) {
    const value = v1Field(tag, from, length);
    if (!value) continue;
    any = true;
    const cls = key === 'year' ? { group: 'time' as const, risky: false } : classifyTag(label);
    c.add(cls.group, `id3v1.${key}`, `${label} (ID3v1)`, value, cls.risky);
  }
  if (!any) c.add('hidden', 'id3v1', 'ID3v1 tag', 'empty', true);
}

export function inspectTagPlus(c: Collector, tag: Buffer): void {
  for (const [key, label, from, length] of [
    ['title', 'Title', 4, 60],
    ['artist', 'Artist', 64, 60],
    ['album', 'Album', 124, 60],
  ] as const) {
    const value = v1Field(tag, from, length);
    const cls = classifyTag(label);
    if (value) c.add(cls.group, `tagplus.${key}`, `${label} (TAG+)`, value, true);
  }
  c.add('hidden', 'tagplus', 'Extended ID3v1 tag (TAG+)', formatSize(tag.length), true);
}

export async function inspectApe(c: Collector, tag: Buffer): Promise<void> {
  // Header (optional) + items + footer; items start after the header if there is one.
  const hasHeader = tag.toString('latin1', 0, 8) === 'APETAGEX';
  const footer = tag.subarray(tag.length - 32);
  const count = footer.readUInt32LE(16);
  let o = hasHeader ? 32 : 0;
  const end = tag.length - 32;
  let listed = 0;
  for (let i = 0; i < count && o + 8 < end; i += 1) {
    const size = tag.readUInt32LE(o);
    const flags = tag.readUInt32LE(o + 4);
    const zero = tag.indexOf(0, o + 8);
    if (zero < 0 || zero >= end) break;
    const key = tag.toString('latin1', o + 8, zero);
    const value = tag.subarray(zero + 1, Math.min(end, zero + 1 + size));
    o = zero + 1 + size;
    const binary = ((flags >> 1) & 3) === 1;
    if (binary && /cover|picture|art/i.test(key)) {
      const z = value.indexOf(0);
      await inspectEmbeddedImage(c, `ape.${printable(key)}`, `${key} (APE)`, value.subarray(z + 1));
    } else {
      const cls = /year|date/i.test(key)
        ? { group: 'time' as const, risky: false }
        : classifyTag(key);
      c.add(
        cls.group,
        `ape.${printable(key)}`,
        `${key} (APE)`,
        binary ? formatSize(value.length) : value.toString('utf8').replace(/\0/g, '; '),
        cls.risky || binary,
      );
    }
    listed += 1;
  }
  if (listed === 0) c.add('hidden', 'ape', 'APE tag', formatSize(tag.length), true);
}

export function inspectLyrics3(c: Collector, tag: Buffer, v2: boolean): void {
  if (!v2) {
    c.add(
      'document',
      'lyrics3',
      'Lyrics (Lyrics3)',
      tag.toString('latin1', 11, tag.length - 9),
      true,
    );
    return;
  }
  let o = 11;
  const end = tag.length - 15;
  let any = false;
  while (o + 8 <= end) {
    const id = tag.toString('latin1', o, o + 3);
    const n = Number(tag.toString('latin1', o + 3, o + 8));
    if (!/^[A-Z]{3}$/.test(id) || !Number.isFinite(n)) break;
    const value = tag.toString('latin1', o + 8, Math.min(end, o + 8 + n));
    o += 8 + n;
    const label =
      {
        LYR: 'Lyrics',
        INF: 'Information',
        AUT: 'Author',
        EAL: 'Album',
        EAR: 'Artist',
        ETT: 'Title',
        IMG: 'Image links',
        IND: 'Indications',
      }[id] ?? id;
    if (id === 'IND') continue;
    const cls = classifyTag(label);
    c.add(cls.group, `lyrics3.${id}`, `${label} (Lyrics3)`, value, true);
    any = true;
  }
  if (!any) c.add('hidden', 'lyrics3', 'Lyrics3 tag', formatSize(tag.length), true);
}

/** Lists every tag block in `tags` (read from the source) into the collector. */
export async function inspectTags(
  c: Collector,
  src: Source,
  tags: TagSpan[],
  what: string,
): Promise<void> {
  for (const t of tags) {
    const bytes = await readStructure(src, t.start, t.end - t.start, what, `an ${t.kind} tag`);
    if (t.kind === 'ID3v2') {
      // An appended tag has its header in front like any other (the footer only helps find it).
      await inspectId3v2(c, bytes, 'id3');
    } else if (t.kind === 'ID3v1') inspectId3v1(c, bytes);
    else if (t.kind === 'TAG+') inspectTagPlus(c, bytes);
    else if (t.kind === 'APEv2') await inspectApe(c, bytes);
    else inspectLyrics3(c, bytes, t.kind === 'Lyrics3v2');
  }
}
