import { Bytes, formatSize, invalid, isAllZero, unsupported } from '../bytes';
import type { Collector } from '../collector';
import { readBoxes } from '../formats/heif';
import { inspectXmp } from '../xmp';
import type { KeptField } from '../types';
import {
  child,
  children,
  macTime,
  mergeRanges,
  metaChildrenOffset,
  readMoov,
  refuseEncrypted,
  topLevelBoxes,
  trackTables,
  type Box,
} from './bmff';
import {
  checkFailed,
  classifyTag,
  inspectEmbeddedImage,
  parseIso6709,
  preview,
  printable,
} from './common';
import { inspectId3v2 } from './id3';
import {
  box,
  buildFragment,
  placeFragment,
  addFragmentDurations,
  readFragment,
  rebuildMfra,
  type Fragment,
  type Traf,
  rewriteSidx,
  type PlacedFragment,
  type TrexSizes,
} from './mp4frag';
import type { CopyExtent, MediaPlan, Piece } from './plan';
import { readAt, readStructure, type Source } from './source';

// MP4, MOV, M4A, M4V and 3GP. The stripper rebuilds the movie box from an
// allow-list: the movie, track and media headers with their times zeroed, the
// audio and video tracks with their sample tables, and nothing else — no user
// data (udta), no metadata boxes (meta, keys, ilst, ©xyz, loci, XMP), no
// timed-metadata, telemetry, timecode, text or chapter tracks. The samples of
// the kept tracks are copied byte for byte into one media-data box placed
// after the new movie box, and every chunk offset is rewritten to match;
// bytes no kept sample uses are not copied.

const XMP_UUID = 'be7acfcb97a942e89c71999491e3afac';
const KEPT_HANDLERS = new Set(['vide', 'soun']);
const STBL_KEEP = new Set([
  'stsd',
  'stts',
  'ctts',
  'cslg',
  'stss',
  'stps',
  'stsh',
  'sdtp',
  'stsc',
  'stsz',
  'stz2',
  'sgpd',
  'sbgp',
  'subs',
  'padb',
]);
const TREF_KEEP = new Set([
  'vdep',
  'vplx',
  'sync',
  'fall',
  'folw',
  'dpnd',
  'ipir',
  'mpod',
  'ssrc',
  'auxl',
  'sbas',
  'scal',
  'tbas',
  'oref',
  'adda',
]);
const VIDEO_CHILDREN = new Set([
  'avcC',
  'hvcC',
  'av1C',
  'vpcC',
  'vvcC',
  'esds',
  'colr',
  'pasp',
  'clap',
  'fiel',
  'btrt',
  'gama',
  'mdcv',
  'clli',
  'SmDm',
  'CoLL',
  'dvcC',
  'dvvC',
  'dvwC',
  'lhvC',
  'hvcE',
  'avcE',
  'st3d',
  'sv3d',
  'glbl',
  'ccst',
  'amve',
  'd263',
  'dvc1',
  'av3c',
  'taic',
]);
const AUDIO_CHILDREN = new Set([
  'esds',
  'dOps',
  'dfLa',
  'alac',
  'dac3',
  'dec3',
  'dac4',
  'wave',
  'chan',
  'chnl',
  'btrt',
  'SA3D',
  'damr',
  'dmlp',
  'mhaC',
  'pcmC',
  'srat',
  'ddts',
  'udts',
  'glbl',
]);
const WAVE_CHILDREN = new Set([
  'frma',
  'mp4a',
  'esds',
  'enda',
  'alac',
  'chan',
  'dfLa',
  'dOps',
  '\0\0\0\0',
]);
const ENCRYPTED_ENTRIES = new Set(['encv', 'enca', 'encs', 'enct', 'drms', 'drmi', 'drac', 'resv']);
const FIXED_BODY: Record<string, [number, number]> = {
  mvhd: [100, 112],
  tkhd: [84, 96],
  mdhd: [24, 36],
};

export interface Mp4Names {
  /** "The MP4 video" */
  what: string;
  /** "MP4 video", for check messages. */
  name: string;
}

interface Track {
  trak: Box;
  kids: Box[];
  id: number;
  handler: string;
  handlerName: string;
  tkhd?: Box;
  mdia?: Box;
  mdhd?: Box;
  hdlr?: Box;
  minf?: Box;
  minfKids: Box[];
  stbl?: Box;
  stblKids: Box[];
  entries: Box[];
  tref: { type: string; ids: number[] }[];
}

interface Model {
  top: Box[];
  trailing: number;
  ftyp?: Box;
  moovBox: Box;
  moov: Buffer;
  b: Bytes;
  kids: Box[];
  tracks: Track[];
  mdats: Box[];
  fragmented: boolean;
}

function ascii4(b: Bytes, o: number): string {
  return b.ascii(o, 4);
}

function parseTrack(b: Bytes, trak: Box): Track {
  const kids = children(b, trak);
  const t: Track = {
    trak,
    kids,
    id: 0,
    handler: '',
    handlerName: '',
    minfKids: [],
    stblKids: [],
    entries: [],
    tref: [],
  };
  t.tkhd = child(kids, 'tkhd');
  if (t.tkhd) t.id = b.u32be(t.tkhd.body + (b.u8(t.tkhd.body) === 1 ? 20 : 12));
  t.mdia = child(kids, 'mdia');
  const tref = child(kids, 'tref');
  if (tref) {
    for (const r of children(b, tref)) {
      const ids: number[] = [];
      for (let o = r.body; o + 4 <= r.end; o += 4) ids.push(b.u32be(o));
      t.tref.push({ type: r.type, ids });
    }
  }
  if (!t.mdia) return t;
  const mdiaKids = children(b, t.mdia);
  t.mdhd = child(mdiaKids, 'mdhd');
  t.hdlr = child(mdiaKids, 'hdlr');
  if (t.hdlr) {
    t.handler = ascii4(b, t.hdlr.body + 8);
    t.handlerName = handlerName(b, t.hdlr);
  }
  t.minf = child(mdiaKids, 'minf');
  if (!t.minf) return t;
  t.minfKids = children(b, t.minf);
  t.stbl = child(t.minfKids, 'stbl');
  if (!t.stbl) return t;
  t.stblKids = children(b, t.stbl);
  const stsd = child(t.stblKids, 'stsd');
  if (stsd) {
    const count = b.u32be(stsd.body + 4);
    t.entries = readBoxes(b, stsd.body + 8, stsd.end);
    if (t.entries.length !== count)
      throw invalid(`${b.what} is damaged: a sample description table is inconsistent.`);
  }
  return t;
}

/** A handler's name: a C string in MP4, a counted (Pascal) string in QuickTime. */
function handlerName(b: Bytes, hdlr: Box): string {
  const from = hdlr.body + 24;
  if (from >= hdlr.end) return '';
  const raw = b.buf.subarray(from, hdlr.end);
  const counted = raw[0]! > 0 && raw[0]! === raw.length - 1;
  const text = counted ? raw.subarray(1) : raw;
  const zero = text.indexOf(0);
  return text.toString('utf8', 0, zero < 0 ? text.length : zero).trim();
}

async function parseModel(src: Source, what: string): Promise<Model> {
  const { boxes: top, trailing } = await topLevelBoxes(src, what);
  const moovs = top.filter((x) => x.type === 'moov');
  if (moovs.length === 0) throw invalid(`${what} is damaged: it has no movie header (moov box).`);
  if (moovs.length > 1) throw invalid(`${what} is damaged: it has more than one movie header.`);
  const moovBox = moovs[0]!;
  const moov = await readMoov(src, moovBox, what);
  const b = new Bytes(moov, what);
  const shift = moovBox.body - moovBox.start;
  const kids = readBoxes(b, shift, moov.length);
  const tracks = kids.filter((k) => k.type === 'trak').map((trak) => parseTrack(b, trak));
  return {
    top,
    trailing,
    ftyp: top[0]?.type === 'ftyp' ? top[0] : undefined,
    moovBox,
    moov,
    b,
    kids,
    tracks,
    mdats: top.filter((x) => x.type === 'mdat'),
    fragmented:
      top.some((x) => ['moof', 'mfra', 'sidx', 'styp', 'ssix'].includes(x.type)) ||
      kids.some((k) => k.type === 'mvex'),
  };
}

// ---------------------------------------------------------------- inspect

function qtText(b: Bytes, box: Box): string {
  // QuickTime "©xxx" user data: (u16 length, u16 language, text)…; else the bytes as text.
  const parts: string[] = [];
  let o = box.body;
  while (o + 4 <= box.end) {
    const n = b.u16be(o);
    if (n === 0 || o + 4 + n > box.end) break;
    parts.push(b.buf.toString('utf8', o + 4, o + 4 + n));
    o += 4 + n;
  }
  if (parts.length > 0 && o === box.end) return parts.join('; ');
  return b.buf.toString('utf8', box.body, box.end).replace(/\0+$/g, '');
}

/** 3GPP location: a place name, then longitude, latitude and altitude in 16.16 fixed point. */
function loci(b: Bytes, box: Box): string {
  const zero = b.buf.indexOf(0, box.body + 6);
  if (zero < 0 || zero + 14 > box.end) return threeGppText(b, box);
  const name = b.buf.toString('utf8', box.body + 6, zero);
  const lon = b.buf.readInt32BE(zero + 2) / 65536;
  const lat = b.buf.readInt32BE(zero + 6) / 65536;
  return `${name ? `${name}, ` : ''}${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

/** 3GPP user data ("titl", "auth", "perf"…): full box, language, string. */
function threeGppText(b: Bytes, box: Box): string {
  const from = box.body + 6;
  if (from >= box.end) return '';
  const raw = b.buf.subarray(from, box.end);
  if (raw[0] === 0xfe && raw[1] === 0xff) return raw.subarray(2).swap16().toString('utf16le');
  return raw.toString('utf8').replace(/\0+$/g, '');
}

export const UDTA_LABELS: Record<
  string,
  [string, 'location' | 'device' | 'people' | 'time' | 'software' | 'document', boolean]
> = {
  '©xyz': ['GPS position (©xyz)', 'location', true],
  loci: ['Location (loci)', 'location', true],
  '©day': ['Creation date (©day)', 'time', false],
  '©mak': ['Camera make (©mak)', 'device', true],
  '©mod': ['Camera model (©mod)', 'device', true],
  '©swr': ['Software (©swr)', 'software', false],
  '©too': ['Encoder (©too)', 'software', false],
  '©enc': ['Encoded by (©enc)', 'software', false],
  '©fmt': ['Format (©fmt)', 'software', false],
  '©inf': ['Information (©inf)', 'document', true],
  '©cmt': ['Comment (©cmt)', 'document', true],
  '©nam': ['Title (©nam)', 'document', true],
  '©des': ['Description (©des)', 'document', true],
  '©ART': ['Artist (©ART)', 'people', true],
  '©aut': ['Author (©aut)', 'people', true],
  '©cpy': ['Copyright (©cpy)', 'people', true],
  '©prd': ['Producer (©prd)', 'people', true],
  '©dir': ['Director (©dir)', 'people', true],
  '©req': ['Requirements (©req)', 'software', false],
  titl: ['Title (titl)', 'document', true],
  auth: ['Author (auth)', 'people', true],
  perf: ['Performer (perf)', 'people', true],
  dscp: ['Description (dscp)', 'document', true],
  cprt: ['Copyright (cprt)', 'people', true],
  gnre: ['Genre (gnre)', 'document', true],
  albm: ['Album (albm)', 'document', true],
  kywd: ['Keywords (kywd)', 'document', true],
  yrrc: ['Recording year (yrrc)', 'time', false],
  rtng: ['Rating (rtng)', 'document', true],
  clsf: ['Classification (clsf)', 'document', true],
};

export const ILST_LABELS: Record<string, string> = {
  '©nam': 'Title',
  '©ART': 'Artist',
  aART: 'Album artist',
  '©alb': 'Album',
  '©day': 'Date',
  '©gen': 'Genre',
  gnre: 'Genre',
  '©wrt': 'Composer',
  '©cmt': 'Comment',
  '©too': 'Encoder',
  '©lyr': 'Lyrics',
  '©grp': 'Grouping',
  cprt: 'Copyright',
  desc: 'Description',
  ldes: 'Long description',
  covr: 'Cover art',
  trkn: 'Track number',
  disk: 'Disc number',
  '©xyz': 'GPS position',
  '©mak': 'Make',
  '©mod': 'Model',
  '©swr': 'Software',
  ownr: 'Owner',
  apID: 'Account',
  purd: 'Purchase date',
};

function labelFor(key: string): {
  label: string;
  group: ReturnType<typeof classifyTag>['group'];
  risky: boolean;
} {
  const known = ILST_LABELS[key];
  const cls = classifyTag(known ?? key);
  if (key === '©day' || key === 'purd') return { label: known!, group: 'time', risky: false };
  if (key === 'trkn' || key === 'disk') return { label: known!, group: 'document', risky: false };
  return { label: known ?? key, ...cls };
}

async function inspectValue(
  c: Collector,
  key: string,
  label: string,
  group: ReturnType<typeof classifyTag>['group'],
  risky: boolean,
  kind: number,
  value: Buffer,
): Promise<void> {
  if (
    kind === 13 ||
    kind === 14 ||
    kind === 27 ||
    (kind === 0 && (value[0] === 0xff || value[1] === 0x50))
  ) {
    if (
      value.length > 4 &&
      (value[0] === 0xff || value.subarray(1, 4).toString('latin1') === 'PNG')
    ) {
      await inspectEmbeddedImage(c, key, label, value);
      return;
    }
  }
  let text: string;
  if (kind === 1) text = value.toString('utf8');
  else if (kind === 2) text = Buffer.from(value).swap16().toString('utf16le');
  else if (
    kind === 21 ||
    kind === 22 ||
    kind === 65 ||
    kind === 66 ||
    kind === 67 ||
    kind === 74 ||
    kind === 75 ||
    kind === 76 ||
    kind === 77 ||
    kind === 78
  ) {
    text =
      value.length === 1
        ? String(value.readInt8(0))
        : value.length === 2
          ? String(value.readInt16BE(0))
          : value.length === 4
            ? String(value.readInt32BE(0))
            : value.length === 8
              ? String(value.readBigInt64BE(0))
              : `${value.length} bytes`;
  } else if (kind === 23 && value.length === 4) text = String(value.readFloatBE(0));
  else if (kind === 24 && value.length === 8) text = String(value.readDoubleBE(0));
  else if (key === 'trkn' || key === 'disk')
    text = value.length >= 6 ? `${value.readUInt16BE(2)}/${value.readUInt16BE(4)}` : '';
  else if (/^[\t\n\r\x20-\x7e]*$/.test(value.toString('latin1'))) text = value.toString('latin1');
  else {
    // Binary: the collector records it as such (its size, for the UI to word).
    c.add(group, key, label, value, risky);
    return;
  }
  c.add(group, key, label, text, risky);
  if (group === 'location') {
    const pos = parseIso6709(text);
    if (pos) c.setPosition(pos.latitude, pos.longitude, pos.altitude);
  }
  if (group === 'time' && /^\d{4}-\d{2}-\d{2}T/.test(text)) c.setTime(text.trim());
}

/** iTunes/QuickTime item lists: ilst items named by a four-character code or, with `keys`, by key index. */
async function inspectMeta(c: Collector, b: Bytes, meta: Box, where: string): Promise<void> {
  const kids = readBoxes(b, meta.body + metaChildrenOffset(b, meta), meta.end);
  const hdlr = child(kids, 'hdlr');
  const handler = hdlr ? b.ascii(hdlr.body + 8, 4) : '';
  const keyNames: string[] = [];
  const keys = child(kids, 'keys');
  if (keys) {
    for (const k of readBoxes(b, keys.body + 8, keys.end))
      keyNames.push(b.buf.toString('utf8', k.body, k.end));
  }
  for (const box of kids) {
    if (box.type === 'ilst') {
      for (const item of readBoxes(b, box.body, box.end)) {
        let name = item.type;
        if (handler === 'mdta' || keys) {
          const index = b.u32be(item.start + 4);
          name = keyNames[index - 1] ?? `key ${index}`;
        }
        const itemKids = readBoxes(b, item.body, item.end);
        if (name === '----') {
          const mean = child(itemKids, 'mean');
          const nm = child(itemKids, 'name');
          name = nm ? b.buf.toString('utf8', nm.body + 4, nm.end) : '----';
          if (mean && !nm) name = b.buf.toString('utf8', mean.body + 4, mean.end);
        }
        const { label, group, risky } = labelFor(name);
        for (const data of itemKids.filter((k) => k.type === 'data')) {
          const kind = b.u32be(data.body) & 0xffffff;
          await inspectValue(
            c,
            `mp4.${where}.${name}`,
            `${label} (${where})`,
            group,
            risky,
            kind,
            b.buf.subarray(data.body + 8, data.end),
          );
        }
      }
    } else if (box.type === 'xml ' || box.type === 'XMP_') {
      inspectXmp(c, b.buf.subarray(box.body + 4, box.end), where);
    } else if (box.type === 'ID32') {
      await inspectId3v2(c, b.buf.subarray(box.body + 6, box.end), `mp4.${where}.id3`);
    } else if (!['hdlr', 'keys', 'free', 'skip', 'dinf'].includes(box.type)) {
      c.add(
        'hidden',
        `mp4.${where}.${printable(box.type)}`,
        `Metadata box "${printable(box.type)}" (${where})`,
        formatSize(box.end - box.start),
        true,
      );
    }
  }
}

async function inspectUdta(c: Collector, b: Bytes, udta: Box, where: string): Promise<void> {
  for (const box of readBoxes(b, udta.body, udta.end)) {
    const type = box.type;
    if (type === 'meta') {
      await inspectMeta(c, b, box, where);
      continue;
    }
    if (type === 'XMP_') {
      inspectXmp(c, b.buf.subarray(box.body, box.end), where);
      continue;
    }
    if (type === 'chpl') {
      const count = box.end - box.body > 8 ? b.u8(box.body + 8) : 0;
      const titles: string[] = [];
      let o = box.body + 9;
      for (let i = 0; i < count && o + 9 <= box.end; i += 1) {
        const n = b.u8(o + 8);
        titles.push(b.buf.toString('utf8', o + 9, Math.min(box.end, o + 9 + n)));
        o += 9 + n;
      }
      c.add('document', `mp4.${where}.chpl`, `Chapters (${where})`, titles.join('; '), true);
      continue;
    }
    if (type === 'loci') {
      c.add('location', `mp4.${where}.loci`, 'Location (loci)', loci(b, box), true);
      continue;
    }
    const known = UDTA_LABELS[type];
    const value = type.startsWith('©')
      ? qtText(b, box)
      : known
        ? threeGppText(b, box)
        : `${formatSize(box.end - box.body)}`;
    if (known) {
      c.add(known[1], `mp4.${where}.${type}`, known[0], value, known[2]);
      if (type === '©xyz') {
        const pos = parseIso6709(value);
        if (pos) c.setPosition(pos.latitude, pos.longitude, pos.altitude);
      }
      if (type === '©day' && /^\d{4}-\d{2}-\d{2}T/.test(value)) c.setTime(value.trim());
    } else {
      const cls = type.startsWith('©')
        ? classifyTag(type)
        : { group: 'hidden' as const, risky: true };
      c.add(
        cls.group,
        `mp4.${where}.${printable(type)}`,
        `User data "${printable(type)}" (${where})`,
        type.startsWith('©') ? value : `${value}${preview(b.buf.subarray(box.body, box.end))}`,
        true,
      );
    }
  }
}

function trackLabel(
  t: Track,
  chapters: Set<number>,
): { label: string; group: 'location' | 'device' | 'time' | 'document' | 'hidden'; value: string } {
  const entry = t.entries[0]?.type ?? '';
  if (chapters.has(t.id))
    return {
      label: 'Chapter track',
      group: 'document',
      value: `track ${t.id} (${printable(entry)})`,
    };
  if (entry === 'gpmd')
    return {
      label: 'GoPro telemetry track (GPS, motion)',
      group: 'location',
      value: `track ${t.id} (${printable(entry)})`,
    };
  if (entry === 'camm' || t.handler === 'camm')
    return {
      label: 'Camera motion track (camm: GPS, orientation)',
      group: 'location',
      value: `track ${t.id} (${printable(entry)})`,
    };
  if (entry === 'mebx')
    return {
      label: 'Timed metadata track (mebx)',
      group: 'location',
      value: `track ${t.id} (${printable(entry)})`,
    };
  if (t.handler === 'meta')
    return {
      label: 'Timed metadata track',
      group: 'hidden',
      value: `track ${t.id} (${printable(entry)})`,
    };
  if (t.handler === 'tmcd' || entry === 'tmcd')
    return {
      label: 'Timecode track (time of recording)',
      group: 'time',
      value: `track ${t.id} (${printable(entry)})`,
    };
  if (['text', 'sbtl', 'subt', 'clcp'].includes(t.handler))
    return {
      label: 'Text or subtitle track',
      group: 'document',
      value: `track ${t.id} (${printable(entry)})`,
    };
  return {
    label: `Data track "${printable(t.handler)}"`,
    group: 'hidden',
    value: `track ${t.id} (${printable(entry)})`,
  };
}

/** Key names in an Apple timed-metadata (mebx) sample description. */
function mebxKeys(b: Bytes, entry: Box): string[] {
  const out: string[] = [];
  try {
    const keys = child(readBoxes(b, entry.body + 8, entry.end), 'keys');
    if (!keys) return out;
    for (const k of readBoxes(b, keys.body, keys.end)) {
      const keyd = child(readBoxes(b, k.body, k.end), 'keyd');
      if (keyd) out.push(b.buf.toString('utf8', keyd.body + 4, keyd.end));
    }
  } catch {
    // the track is listed anyway
  }
  return out;
}

function headerTimes(
  c: Collector,
  b: Bytes,
  box: Box | undefined,
  key: string,
  label: string,
): void {
  if (!box) return;
  const v1 = b.u8(box.body) === 1;
  const created = v1 ? b.u64be(box.body + 4) : b.u32be(box.body + 4);
  const modified = v1 ? b.u64be(box.body + 12) : b.u32be(box.body + 8);
  const a = macTime(created);
  const m = macTime(modified);
  if (a) c.add('time', `${key}.created`, `${label} created`, a, false);
  if (m) c.add('time', `${key}.modified`, `${label} modified`, m, false);
}

export async function inspectMp4(c: Collector, src: Source, names: Mp4Names): Promise<void> {
  let m: Model;
  try {
    m = await parseModel(src, names.what);
  } catch (error) {
    c.cannotRead((error as Error).message);
    return;
  }
  const b = m.b;
  try {
    if (m.ftyp)
      c.add(
        'structure',
        'mp4.brand',
        'File type',
        printable((await readAt(src, m.ftyp.body, 4, names.what)).toString('latin1')),
        false,
      );
    const mvhd = child(m.kids, 'mvhd');
    headerTimes(c, b, mvhd, 'mp4.movie', 'Movie');
    if (mvhd) {
      const seconds = await movieSeconds(src, m, mvhd);
      if (seconds === undefined)
        c.add('structure', 'mp4.durationUnknown', 'Duration not recorded in the file', '—', false);
      else c.add('structure', 'mp4.duration', 'Duration', `${seconds.toFixed(2)} s`, false);
    }
    const chapters = new Set<number>();
    for (const t of m.tracks)
      for (const r of t.tref) if (r.type === 'chap') r.ids.forEach((id) => chapters.add(id));
    for (const t of m.tracks) {
      const w = `track ${t.id}`;
      headerTimes(c, b, t.tkhd, `mp4.track${t.id}`, `Track ${t.id}`);
      headerTimes(c, b, t.mdhd, `mp4.media${t.id}`, `Track ${t.id} media`);
      if (t.handlerName)
        c.add('software', `mp4.track${t.id}.handler`, `Handler name (${w})`, t.handlerName, false);
      const kept = KEPT_HANDLERS.has(t.handler) && !chapters.has(t.id);
      if (kept) {
        const entry = t.entries[0];
        if (entry) {
          const desc =
            t.handler === 'vide' && entry.end - entry.body >= 78
              ? `${printable(entry.type)} ${b.u16be(entry.body + 24)} × ${b.u16be(entry.body + 26)}`
              : printable(entry.type);
          c.add(
            'structure',
            `mp4.track${t.id}.codec`,
            `Track ${t.id} (${t.handler === 'vide' ? 'video' : 'audio'})`,
            desc,
            false,
          );
          if (t.handler === 'vide' && entry.end - entry.body >= 74) {
            const n = Math.min(31, b.u8(entry.body + 42));
            const name = b.buf
              .toString('utf8', entry.body + 43, entry.body + 43 + n)
              .replace(/\0+$/, '');
            if (name)
              c.add(
                'software',
                `mp4.track${t.id}.compressor`,
                `Compressor name (${w})`,
                name,
                false,
              );
          }
        }
      } else {
        const d = trackLabel(t, chapters);
        const extra = t.entries[0]?.type === 'mebx' ? mebxKeys(b, t.entries[0]) : [];
        c.add(
          d.group,
          `mp4.track${t.id}.data`,
          d.label,
          extra.length ? `${d.value}: ${extra.join(', ')}` : d.value,
          true,
        );
      }
      for (const k of t.kids) {
        if (k.type === 'udta') await inspectUdta(c, b, k, w);
        else if (k.type === 'meta') await inspectMeta(c, b, k, w);
      }
      if (t.mdia) {
        for (const k of children(b, t.mdia)) if (k.type === 'udta') await inspectUdta(c, b, k, w);
      }
    }
    for (const k of m.kids) {
      if (k.type === 'udta') await inspectUdta(c, b, k, 'movie');
      else if (k.type === 'meta') await inspectMeta(c, b, k, 'movie');
      else if (k.type === 'uuid') {
        const uuid = b.buf.toString('hex', k.start + 8, k.start + 24);
        if (uuid === XMP_UUID) inspectXmp(c, b.buf.subarray(k.body, k.end), 'movie');
        else
          c.add(
            'hidden',
            `mp4.moov.uuid`,
            'Vendor-specific (uuid) box in the movie header',
            formatSize(k.end - k.start),
            true,
          );
      }
    }
    for (const box of m.top) {
      if (['ftyp', 'moov', 'mdat'].includes(box.type)) continue;
      if (box.type === 'uuid') {
        const head = await readAt(src, box.start + 8, 16, names.what);
        const body = await readAt(src, box.body, Math.min(box.end - box.body, 1 << 20), names.what);
        if (head.toString('hex') === XMP_UUID) inspectXmp(c, body, 'file');
        else
          c.add(
            'hidden',
            'mp4.uuid',
            'Vendor-specific (uuid) box',
            `${formatSize(box.end - box.start)}${preview(body)}`,
            true,
          );
      } else if (box.type === 'meta') {
        const body = await readAt(
          src,
          box.start,
          Math.min(box.end - box.start, 16 << 20),
          names.what,
        );
        if (body.length === box.end - box.start)
          await inspectMeta(
            c,
            new Bytes(body, names.what),
            { ...box, start: 0, body: box.body - box.start, end: body.length },
            'file',
          );
      } else if (['free', 'skip', 'wide'].includes(box.type)) {
        const body = await readAt(src, box.body, Math.min(box.end - box.body, 1 << 20), names.what);
        if (!isAllZero(body))
          c.add(
            'hidden',
            `mp4.${box.type}`,
            `Data in a free-space box`,
            `${formatSize(box.end - box.body)}${preview(body)}`,
            true,
          );
      } else if (box.type === 'prft') {
        c.add(
          'time',
          'mp4.prft',
          'Wall-clock time of recording (prft)',
          formatSize(box.end - box.start),
          true,
        );
      } else if (box.type === 'emsg') {
        const body = await readAt(src, box.body, Math.min(box.end - box.body, 4096), names.what);
        c.add(
          'hidden',
          'mp4.emsg',
          'Event message (emsg)',
          `${formatSize(box.end - box.start)}${preview(body)}`,
          true,
        );
      } else if (!['moof', 'mfra', 'sidx', 'styp', 'ssix', 'pdin'].includes(box.type)) {
        const body = await readAt(src, box.body, Math.min(box.end - box.body, 4096), names.what);
        c.add(
          'hidden',
          `mp4.box.${printable(box.type)}`,
          `Unknown top-level box "${printable(box.type)}"`,
          `${formatSize(box.end - box.start)}${preview(body)}`,
          true,
        );
      }
    }
    if (m.fragmented) await inspectFragments(c, src, m);
    if (m.trailing > 0)
      c.add('hidden', 'mp4.trailing', 'Data after the last box', formatSize(m.trailing), true);
    if (!m.fragmented) unreferenced(c, m);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
  }
}

/** A header's timescale and duration: mvhd and mdhd share the layout (version 1 has 64-bit times). */
function scaleAndDuration(b: Bytes, header: Box): { scale: number; duration: number } {
  const v1 = b.u8(header.body) === 1;
  return {
    scale: b.u32be(header.body + (v1 ? 20 : 12)),
    duration: v1 ? b.u64be(header.body + 24) : b.u32be(header.body + 16),
  };
}

/**
 * How long the movie lasts, in seconds; undefined when the file does not
 * say. A fragmented file's movie header often says 0 (its samples are all in
 * the fragments): then the movie-extends header (mehd) gives the whole
 * duration, or else each track's samples in the movie box plus those of
 * every fragment (per-sample durations, or the defaults), the longest track.
 */
async function movieSeconds(src: Source, m: Model, mvhd: Box): Promise<number | undefined> {
  const b = m.b;
  const movie = scaleAndDuration(b, mvhd);
  if (!m.fragmented) return movie.scale > 0 ? movie.duration / movie.scale : undefined;
  try {
    return await fragmentedSeconds(src, m, movie.scale);
  } catch {
    return undefined; // a box Vigil cannot read: the duration is not known (the rest of inspect says why)
  }
}

async function fragmentedSeconds(
  src: Source,
  m: Model,
  movieScale: number,
): Promise<number | undefined> {
  const b = m.b;
  const mvex = child(m.kids, 'mvex');
  const mvexKids = mvex ? children(b, mvex) : [];
  const mehd = child(mvexKids, 'mehd');
  if (mehd && movieScale > 0) {
    const v1 = b.u8(mehd.body) === 1;
    const whole = v1 ? b.u64be(mehd.body + 4) : b.u32be(mehd.body + 4);
    if (whole > 0) return whole / movieScale;
  }
  const trexDurations = new Map<number, number>();
  for (const k of mvexKids)
    if (k.type === 'trex' && k.end - k.body >= 24)
      trexDurations.set(b.u32be(k.body + 4), b.u32be(k.body + 12));
  const sums = new Map<number, number>();
  const trex = trexSizes(b, m);
  for (const top of m.top) {
    if (top.type !== 'moof') continue;
    const frag = await readFragment(src, top, trex, b.what);
    if (!addFragmentDurations(frag, trexDurations, sums)) return undefined;
  }
  let longest = 0;
  for (const t of m.tracks) {
    if (!t.mdhd) continue;
    const media = scaleAndDuration(b, t.mdhd);
    if (media.scale === 0) continue;
    longest = Math.max(longest, (media.duration + (sums.get(t.id) ?? 0)) / media.scale);
  }
  return longest > 0 ? longest : undefined;
}

/** Metadata inside movie fragments: user data, metadata and vendor boxes in each moof and traf. */
async function inspectFragments(c: Collector, src: Source, m: Model): Promise<void> {
  let n = 0;
  for (const top of m.top) {
    if (top.type !== 'moof') continue;
    n += 1;
    const raw = await readStructure(
      src,
      top.start,
      top.end - top.start,
      m.b.what,
      'a movie fragment',
    );
    const b = new Bytes(raw, m.b.what);
    const where = `fragment ${n}`;
    const visit = async (list: Box[]): Promise<void> => {
      for (const k of list) {
        if (k.type === 'traf') await visit(readBoxes(b, k.body, k.end));
        else if (k.type === 'udta') await inspectUdta(c, b, k, where);
        else if (k.type === 'meta') await inspectMeta(c, b, k, where);
        else if (k.type === 'uuid') {
          if (b.buf.toString('hex', k.start + 8, k.start + 24) === XMP_UUID)
            inspectXmp(c, b.buf.subarray(k.body, k.end), where);
          else
            c.add(
              'hidden',
              'mp4.fragment.uuid',
              `Vendor-specific (uuid) box (${where})`,
              formatSize(k.end - k.start),
              true,
            );
        }
      }
    };
    await visit(readBoxes(b, top.body - top.start, raw.length));
  }
}

/** Media data no track points at: leftovers that a byte search would still find. */
function unreferenced(c: Collector, m: Model): void {
  const extents: { offset: number; size: number }[] = [];
  for (const t of m.tracks) {
    if (!t.stbl) continue;
    const tables = trackTables(m.b, t.stblKids, m.b.what);
    tables.offsets.forEach((offset, i) => extents.push({ offset, size: tables.sizes[i]! }));
  }
  const ranges = mergeRanges(extents);
  let free = 0;
  for (const mdat of m.mdats) {
    let cursor = mdat.body;
    for (const r of ranges) {
      if (r.end <= cursor || r.start >= mdat.end) continue;
      if (r.start > cursor) free += r.start - cursor;
      cursor = Math.max(cursor, r.end);
    }
    if (cursor < mdat.end) free += mdat.end - cursor;
  }
  if (free > 0)
    c.add('hidden', 'mp4.unreferenced', 'Media data no track uses', formatSize(free), true);
}

// ---------------------------------------------------------------- strip

function copyBox(b: Bytes, x: Box): Buffer {
  return b.buf.subarray(x.start, x.end);
}

/** mvhd, tkhd, mdhd with creation and modification times zeroed, cut to their exact size. */
function zeroTimes(b: Bytes, x: Box, what: string): Buffer {
  const v = b.u8(x.body);
  const sizes = FIXED_BODY[x.type]!;
  if (v > 1)
    throw unsupported(`${what} has a version ${v} "${x.type}" box, which Vigil does not handle.`);
  const n = sizes[v]!;
  if (x.end - x.body < n) throw invalid(`${what} is damaged: its "${x.type}" box is too short.`);
  const body = Buffer.from(b.buf.subarray(x.body, x.body + n));
  body.fill(0, 4, v === 1 ? 20 : 12);
  return box(x.type, body);
}

function blankHandler(b: Bytes, x: Box): Buffer {
  const body = Buffer.alloc(25);
  b.buf.copy(body, 4, x.body + 4, x.body + 12); // component type (QuickTime) and handler type
  return box('hdlr', body);
}

const CANONICAL_DINF = box(
  'dinf',
  box('dref', Buffer.from([0, 0, 0, 0, 0, 0, 0, 1]), box('url ', Buffer.from([0, 0, 0, 1]))),
);

function sampleEntryFixed(b: Bytes, entry: Box, handler: string, what: string): number {
  if (handler === 'vide') return 78;
  const version = b.u16be(entry.body + 8);
  if (version === 0) return 28;
  if (version === 1) return 44;
  if (version === 2) return 64;
  throw unsupported(
    `${what} has a version ${version} audio description, which Vigil does not handle.`,
  );
}

function rebuildEntry(b: Bytes, entry: Box, handler: string, what: string): Buffer {
  if (ENCRYPTED_ENTRIES.has(entry.type)) refuseEncrypted(what);
  const fixed = sampleEntryFixed(b, entry, handler, what);
  if (entry.end - entry.body < fixed)
    throw invalid(`${what} is damaged: a sample description is too short.`);
  const head = Buffer.from(b.buf.subarray(entry.body, entry.body + fixed));
  head.writeUInt16BE(1, 6); // data reference: the one "this file" entry
  head.fill(0, 12, 16); // vendor
  if (handler === 'vide') {
    head.fill(0, 16, 24); // temporal and spatial quality (QuickTime), reserved in MP4
    head.fill(0, 42, 74); // compressor name
  }
  const allowed = handler === 'vide' ? VIDEO_CHILDREN : AUDIO_CHILDREN;
  const kids: Buffer[] = [];
  for (const k of readBoxes(b, entry.body + fixed, entry.end)) {
    if (k.type === 'sinf' || k.type === 'schi') refuseEncrypted(what);
    if (!allowed.has(k.type)) continue;
    if (k.type === 'wave') {
      const inner = readBoxes(b, k.body, k.end).filter((w) => WAVE_CHILDREN.has(w.type));
      kids.push(box('wave', ...inner.map((w) => copyBox(b, w))));
    } else kids.push(copyBox(b, k));
  }
  return box(entry.type, head, ...kids);
}

function chunkOffsets(offsets: number[], wide: boolean): Buffer {
  const out = Buffer.alloc(8 + offsets.length * (wide ? 8 : 4));
  out.writeUInt32BE(offsets.length, 4);
  offsets.forEach((o, i) => {
    if (wide) out.writeBigUInt64BE(BigInt(o), 8 + i * 8);
    else out.writeUInt32BE(o, 8 + i * 4);
  });
  return box(wide ? 'co64' : 'stco', out);
}

interface KeptTrack {
  t: Track;
  offsets: number[];
  sizes: number[];
}

function buildTrak(
  b: Bytes,
  k: KeptTrack,
  keptIds: Set<number>,
  newOffsets: number[],
  wide: boolean,
  what: string,
): Buffer {
  const t = k.t;
  const parts: Buffer[] = [zeroTimes(b, t.tkhd!, what)];
  const tref = t.tref.filter(
    (r) => TREF_KEEP.has(r.type) && r.ids.length > 0 && r.ids.every((id) => keptIds.has(id)),
  );
  if (tref.length > 0) {
    parts.push(
      box(
        'tref',
        ...tref.map((r) => {
          const ids = Buffer.alloc(r.ids.length * 4);
          r.ids.forEach((id, i) => ids.writeUInt32BE(id, i * 4));
          return box(r.type, ids);
        }),
      ),
    );
  }
  const edts = child(t.kids, 'edts');
  if (edts) {
    const elst = child(children(b, edts), 'elst');
    if (elst) {
      const v = b.u8(elst.body);
      const n = b.u32be(elst.body + 4);
      const size = 8 + n * (v === 1 ? 20 : 12);
      if (v > 1 || elst.end - elst.body < size)
        throw invalid(`${what} is damaged: an edit list is inconsistent.`);
      parts.push(box('edts', box('elst', b.buf.subarray(elst.body, elst.body + size))));
    }
  }
  const stbl: Buffer[] = [];
  for (const s of t.stblKids) {
    if (s.type === 'stsd') {
      const count = Buffer.alloc(8);
      count.writeUInt32BE(t.entries.length, 4);
      stbl.push(box('stsd', count, ...t.entries.map((e) => rebuildEntry(b, e, t.handler, what))));
    } else if (s.type === 'stco' || s.type === 'co64') {
      stbl.push(chunkOffsets(newOffsets, wide));
    } else if (STBL_KEEP.has(s.type)) stbl.push(copyBox(b, s));
    else if (s.type === 'saiz' || s.type === 'saio' || s.type === 'senc') refuseEncrypted(what);
  }
  const minf: Buffer[] = [];
  for (const x of t.minfKids) {
    if (x.type === 'vmhd' && t.handler === 'vide')
      minf.push(box('vmhd', b.buf.subarray(x.body, x.body + 12)));
    else if (x.type === 'smhd' && t.handler === 'soun')
      minf.push(box('smhd', b.buf.subarray(x.body, x.body + 8)));
    else if (x.type === 'hdlr') minf.push(blankHandler(b, x));
  }
  minf.push(CANONICAL_DINF, box('stbl', ...stbl));
  parts.push(
    box('mdia', zeroTimes(b, t.mdhd!, what), blankHandler(b, t.hdlr!), box('minf', ...minf)),
  );
  return box('trak', ...parts);
}

/** Refuses a data reference that points outside the file (the samples would not be here). */
function checkSelfContained(b: Bytes, t: Track, what: string): void {
  const dinf = child(t.minfKids, 'dinf');
  if (!dinf) return;
  const dref = child(children(b, dinf), 'dref');
  if (!dref) return;
  for (const e of readBoxes(b, dref.body + 8, dref.end)) {
    if ((b.u24be(e.body + 1) & 1) === 0)
      throw unsupported(`${what} keeps its samples in another file, which Vigil does not handle.`);
  }
}

function rebuildFtyp(ftyp: Buffer, what: string): Buffer {
  const body = ftyp.subarray(8);
  if (body.length < 8 || body.length % 4 !== 0)
    throw invalid(`${what} is damaged: its file-type box has a wrong size.`);
  for (let o = 0; o < body.length; o += 4) {
    if (o === 4) continue; // minor version: a number
    if (
      !/^[\x20-\x7e]{4}$/.test(body.toString('latin1', o, o + 4)) &&
      !(o > 4 && body.readUInt32BE(o) === 0)
    )
      throw invalid(`${what} is damaged: its file-type box holds something other than brands.`);
  }
  return box('ftyp', Buffer.from(body));
}

export async function planMp4(src: Source, names: Mp4Names): Promise<MediaPlan> {
  const what = names.what;
  const m = await parseModel(src, what);
  if (m.mdats.length === 0 && m.tracks.some((t) => t.stbl))
    throw invalid(`${what} is damaged: it has no media data (mdat).`);
  if (m.kids.some((k) => k.type === 'pssh' || k.type === 'ipmc')) refuseEncrypted(what);
  const b = m.b;
  const mvhd = child(m.kids, 'mvhd');
  if (!mvhd) throw invalid(`${what} is damaged: its movie header has no "mvhd" box.`);

  const chapters = new Set<number>();
  for (const t of m.tracks)
    for (const r of t.tref) if (r.type === 'chap') r.ids.forEach((id) => chapters.add(id));
  const kept: KeptTrack[] = [];
  for (const t of m.tracks) {
    if (!KEPT_HANDLERS.has(t.handler) || chapters.has(t.id)) continue;
    if (!t.tkhd || !t.mdhd || !t.hdlr || !t.stbl || t.entries.length === 0)
      throw invalid(`${what} is damaged: track ${t.id} is incomplete.`);
    checkSelfContained(b, t, what);
    for (const e of t.entries) if (ENCRYPTED_ENTRIES.has(e.type)) refuseEncrypted(what);
    const tables = trackTables(b, t.stblKids, what);
    kept.push({ t, offsets: tables.offsets, sizes: tables.sizes });
  }
  if (kept.length === 0)
    throw unsupported(`${what} has no audio or video track, so there is nothing to keep.`);
  const keptIds = new Set(kept.map((k) => k.t.id));
  if (keptIds.size !== kept.length) throw invalid(`${what} is damaged: two tracks share one id.`);

  // Every kept chunk must lie inside a media-data box; its bytes are all that is copied.
  const ranges = mergeRanges(
    kept.flatMap((k) => k.offsets.map((offset, i) => ({ offset, size: k.sizes[i]! }))),
  );
  for (const r of ranges) {
    if (!m.mdats.some((d) => r.start >= d.body && r.end <= d.end))
      throw invalid(`${what} is damaged: some samples lie outside its media data.`);
  }
  const mapOffset = (o: number, size: number, base: number, starts: number[]): number => {
    if (size === 0) return base;
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ranges[mid]!.start <= o) lo = mid;
      else hi = mid - 1;
    }
    return base + starts[lo]! + (o - ranges[lo]!.start);
  };
  const starts: number[] = [];
  let total = 0;
  for (const r of ranges) {
    starts.push(total);
    total += r.end - r.start;
  }
  // A fragmented file whose movie box holds no samples gets no media-data box after it.
  const mdatHeader = m.fragmented && total === 0 ? 0 : total + 8 > 0xffffffff ? 16 : 8;

  const ftyp = m.ftyp
    ? rebuildFtyp(await readAt(src, m.ftyp.start, m.ftyp.end - m.ftyp.start, what), what)
    : Buffer.alloc(0);
  const iods = child(m.kids, 'iods');
  const mvex = m.fragmented ? rebuildMvex(b, m, keptIds, what) : undefined;
  // The movie box's size depends on stco vs co64, which depends on where the media data lands
  // (after the movie box, or at a fixed place): settle it.
  const settleMoov = (at: number, fixedBase?: number): Buffer => {
    const wide = new Map<number, boolean>(kept.map((k) => [k.t.id, false]));
    let moov: Buffer = Buffer.alloc(0);
    for (let round = 0; round < 4; round += 1) {
      const base = fixedBase ?? at + moov.length + mdatHeader;
      const traks = kept.map((k) => {
        const offsets = k.offsets.map((o, i) => mapOffset(o, k.sizes[i]!, base, starts));
        if (offsets.some((o) => o > 0xffffffff)) wide.set(k.t.id, true);
        return { k, offsets };
      });
      const next = box(
        'moov',
        zeroTimes(b, mvhd, what),
        ...(iods ? [copyBox(b, iods)] : []),
        ...traks.map(({ k, offsets }) =>
          buildTrak(b, k, keptIds, offsets, wide.get(k.t.id)!, what),
        ),
        ...(mvex ? [mvex] : []),
      );
      if (next.length === moov.length) return next;
      moov = next;
    }
    throw invalid(`${what} could not be rewritten: its chunk offsets do not settle.`);
  };
  const mdatHead = (size: number, large = false): Buffer => {
    const head = Buffer.alloc(large || size + 16 > 0xffffffff ? 16 : 8);
    if (head.length === 16) {
      head.writeUInt32BE(1, 0);
      head.write('mdat', 4, 'latin1');
      head.writeBigUInt64BE(BigInt(size + 16), 8);
    } else {
      head.writeUInt32BE(size + 8, 0);
      head.write('mdat', 4, 'latin1');
    }
    return head;
  };
  const movieSamples = (): Piece[] =>
    ranges.map((r) => ({ kind: 'copy', from: r.start, length: r.end - r.start }));
  if (m.fragmented)
    return planFragments(src, m, {
      what,
      ftyp,
      keptIds,
      movie: (at) => {
        const moov = settleMoov(at);
        if (mdatHeader === 0) return [{ kind: 'bytes', data: moov }];
        const head = mdatHead(total);
        if (head.length !== mdatHeader)
          throw invalid(`${what} could not be rewritten: its media data does not settle.`);
        return [{ kind: 'bytes', data: Buffer.concat([moov, head]) }, ...movieSamples()];
      },
      mdatHead,
    });
  const keptFields: KeptField[] = [];
  const inPlace = inPlaceLayout(m, ranges, ftyp.length, total);
  if (inPlace) {
    // The media data stays where it was: the chunk offsets barely change, and the output's
    // first bytes are the input's (one digest serves both up to there: copyToFile.ts).
    const { gap, large, body } = inPlace;
    const head = Buffer.concat([
      ftyp,
      gap > 0 ? box('free', Buffer.alloc(gap - 8)) : Buffer.alloc(0),
      mdatHead(total, large),
    ]);
    if (head.length !== body)
      throw invalid(`${what} could not be rewritten: its media data does not settle.`);
    const moov = settleMoov(body, body);
    return {
      pieces: [{ kind: 'bytes', data: head }, ...movieSamples(), { kind: 'bytes', data: moov }],
      kept: keptFields,
    };
  }
  const moov = settleMoov(ftyp.length);
  const pieces: Piece[] = [{ kind: 'bytes', data: Buffer.concat([ftyp, moov, mdatHead(total)]) }];
  pieces.push(...movieSamples());
  return { pieces, kept: keptFields };
}

const FREE_SPACE = new Set(['free', 'skip', 'wide']);

/** Beyond this, the space before the media data is not kept as an empty free box: the output is packed. */
const MAX_GAP = 64 * 1024;

/**
 * When the movie box comes after the media data (as phones and most
 * recorders write it) and every kept sample lies in one media-data box, the
 * output keeps that box's body at the input's offset: its file-type box, an
 * empty free box for the free space before it (free, skip, a QuickTime
 * "wide" box: their content is not carried over), the media data, then the
 * rebuilt movie box. Undefined when the layout does not allow it (the
 * output is then packed, movie box first).
 */
function inPlaceLayout(
  m: Model,
  ranges: { start: number; end: number }[],
  ftypLength: number,
  total: number,
): { gap: number; large: boolean; body: number } | undefined {
  if (m.fragmented || !m.ftyp || m.ftyp.start !== 0 || ranges.length === 0) return undefined;
  const mdat = m.mdats.find((d) => ranges[0]!.start >= d.body && ranges[0]!.start < d.end);
  if (!mdat || m.moovBox.start < mdat.end || ranges[ranges.length - 1]!.end > mdat.end)
    return undefined;
  // Only free space may lie before the media data: the empty box that replaces it tells its size,
  // which says nothing when it was free space, but would tell the size of a removed XMP box.
  const between = m.top.filter((x) => x.start >= m.ftyp!.end && x.end <= mdat.start);
  if (between.some((x) => !FREE_SPACE.has(x.type))) return undefined;
  const large = mdat.body - mdat.start === 16;
  const header = large || total + 16 > 0xffffffff ? 16 : 8;
  const gap = mdat.body - header - ftypLength;
  if (gap < 0 || (gap > 0 && gap < 8) || gap > MAX_GAP) return undefined;
  return { gap, large: header === 16, body: mdat.body };
}

/** The movie-extends box of a fragmented file: its duration and the kept tracks' defaults. */
function rebuildMvex(b: Bytes, m: Model, keptIds: Set<number>, what: string): Buffer {
  const mvex = child(m.kids, 'mvex');
  if (!mvex) throw invalid(`${what} is damaged: a fragmented file without a movie-extends box.`);
  const parts: Buffer[] = [];
  const found = new Set<number>();
  for (const k of children(b, mvex)) {
    if (k.type === 'mehd') parts.push(copyBox(b, k));
    else if (k.type === 'trex') {
      if (k.end - k.body !== 24) throw invalid(`${what} is damaged: a track-extends box is wrong.`);
      const id = b.u32be(k.body + 4);
      if (keptIds.has(id)) {
        parts.push(copyBox(b, k));
        found.add(id);
      }
    }
  }
  for (const id of keptIds)
    if (!found.has(id)) throw invalid(`${what} is damaged: track ${id} has no track-extends box.`);
  return box('mvex', ...parts);
}

function trexSizes(b: Bytes, m: Model): TrexSizes {
  const out: TrexSizes = new Map();
  const mvex = child(m.kids, 'mvex');
  if (!mvex) return out;
  for (const k of children(b, mvex))
    if (k.type === 'trex' && k.end - k.body >= 24)
      out.set(b.u32be(k.body + 4), b.u32be(k.body + 16));
  return out;
}

interface FragmentContext {
  what: string;
  ftyp: Buffer;
  keptIds: Set<number>;
  /** The movie box (and the media data of the samples it holds itself) placed at `at`. */
  movie: (at: number) => Piece[];
  mdatHead: (size: number) => Buffer;
}

/**
 * A fragmented file, top-level box by box: the movie box rebuilt, each
 * fragment rebuilt with its own media-data box right after it holding only
 * the kept tracks' samples, the segment and random-access indexes rewritten
 * to where everything landed; event messages, producer times, free space,
 * vendor and metadata boxes left out. Samples must come in file order (they
 * always do in what recorders write); otherwise the file is refused.
 */
async function planFragments(src: Source, m: Model, ctx: FragmentContext): Promise<MediaPlan> {
  const { what, keptIds } = ctx;
  const trex = trexSizes(m.b, m);
  const mdats = m.mdats;
  const pieces: Piece[] = [];
  let pos = 0;
  let readTo = 0; // input bytes before this are already copied
  const outAt = new Map<number, number>(); // input top-level box start → output offset
  const placed = new Map<number, PlacedFragment>();
  const sidxes: { input: Buffer; inputAt: number; data: Buffer; outputAt: number }[] = [];
  const indexStarts = new Set<number>();
  let sawMoov = false;
  const emit = (p: Piece[]): void => {
    for (const piece of p) {
      if (piece.kind === 'bytes') pos += piece.data.length;
      else {
        if (piece.from < readTo)
          throw unsupported(
            `${what} keeps the samples of its fragments out of file order, which Vigil cannot rewrite.`,
          );
        readTo = piece.from + piece.length;
        pos += piece.length;
      }
      pieces.push(piece);
    }
  };
  const inMdat = (start: number, end: number): boolean =>
    mdats.some((d) => start >= d.body && end <= d.end);
  for (const [i, top] of m.top.entries()) {
    outAt.set(top.start, pos);
    switch (top.type) {
      case 'ftyp':
        if (i === 0) emit([{ kind: 'bytes', data: ctx.ftyp }]);
        break;
      case 'styp': {
        const raw = await readAt(src, top.start, top.end - top.start, what);
        const styp = rebuildFtyp(raw, what);
        styp.write('styp', 4, 'latin1');
        emit([{ kind: 'bytes', data: styp }]);
        break;
      }
      case 'moov':
        sawMoov = true;
        emit(ctx.movie(pos));
        break;
      case 'moof': {
        if (!sawMoov)
          throw unsupported(
            `${what} has a movie fragment before its movie header, which Vigil cannot rewrite.`,
          );
        const frag = await readFragment(src, top, trex, what);
        for (const t of frag.trafs)
          if (!m.tracks.some((x) => x.id === t.trackId))
            throw invalid(
              `${what} is damaged: a fragment names track ${t.trackId}, which it does not have.`,
            );
        const built = buildFragment(frag, keptIds);
        if (!built) break;
        const runs = frag.trafs
          .filter((t) => keptIds.has(t.trackId))
          .flatMap((t) => t.truns.map((r) => ({ offset: r.start, size: r.length })));
        for (const r of runs)
          if (r.size > 0 && !inMdat(r.offset, r.offset + r.size))
            throw invalid(
              `${what} is damaged: some samples of a fragment lie outside its media data.`,
            );
        const ranges = mergeRanges(runs);
        const size = ranges.reduce((n, r) => n + r.end - r.start, 0);
        const head = ctx.mdatHead(size);
        placeFragment(built, pos, pos + built.moof.length + head.length, ranges, what);
        placed.set(top.start, { at: pos, trafNumbers: built.trafNumbers });
        emit([
          { kind: 'bytes', data: Buffer.concat([built.moof, head]) },
          ...ranges.map((r): Piece => ({ kind: 'copy', from: r.start, length: r.end - r.start })),
        ]);
        break;
      }
      case 'sidx': {
        const input = await readStructure(
          src,
          top.start,
          top.end - top.start,
          what,
          'a segment index',
        );
        if (input.length < 32) throw invalid(`${what} is damaged: a segment index is too short.`);
        if (!keptIds.has(input.readUInt32BE(12))) break;
        indexStarts.add(top.start);
        const data = Buffer.from(input);
        sidxes.push({ input, inputAt: top.start, data, outputAt: pos });
        emit([{ kind: 'bytes', data }]);
        break;
      }
      case 'mfra': {
        const raw = await readStructure(
          src,
          top.start,
          top.end - top.start,
          what,
          'a random-access index',
        );
        const rb = new Bytes(raw, what);
        const mfra = rebuildMfra(
          rb,
          { ...top, start: 0, body: top.body - top.start, end: raw.length },
          keptIds,
          placed,
          what,
        );
        emit([{ kind: 'bytes', data: mfra }]);
        break;
      }
      case 'mdat':
        // Its kept samples went out with the fragment (or movie) that uses them.
        break;
      default:
        // emsg, prft, free, skip, uuid, meta, udta, ssix, pdin and unknown boxes: not carried over.
        break;
    }
  }
  outAt.set(src.size, pos);
  for (const s of sidxes) {
    const data = rewriteSidx(
      s.input,
      s.inputAt,
      s.outputAt,
      (o) => outAt.get(o),
      (o) => indexStarts.has(o),
      what,
    );
    data.copy(s.data);
  }
  return { pieces, kept: [] };
}

// ---------------------------------------------------------------- verify

const MOOV_ALLOWED = new Set(['mvhd', 'iods', 'trak']);
const TRAK_ALLOWED = new Set(['tkhd', 'tref', 'edts', 'mdia']);

/** The independent check of a stripped file: only allow-listed boxes, zero times, every mdat byte a sample. */
export async function verifyMp4(src: Source, names: Mp4Names): Promise<void> {
  const fail = (detail: string): never => {
    throw checkFailed(names.name, detail);
  };
  const { boxes: top, trailing } = await topLevelBoxes(src, names.what);
  if (trailing > 0) fail('bytes follow the last box');
  const types = top.map((x) => x.type);
  const m = await parseModel(src, names.what);
  const b = m.b;
  const layout = m.fragmented
    ? /^(ftyp,)?moov(,mdat)?(,styp|,sidx|,moof,mdat)*(,mfra)?$/
    : /^((ftyp,)?moov,mdat|ftyp,(free,)?mdat,moov)$/;
  if (!layout.test(types.join(','))) fail(`its boxes are ${types.join(', ')}`);
  // The free box that keeps the media data in place is empty: zeros only.
  const free = top.find((x) => x.type === 'free');
  if (free && free.end - free.body > MAX_GAP) fail('its free-space box is too large');
  if (free && !isAllZero(await readAt(src, free.body, free.end - free.body, names.what)))
    fail('its free-space box holds data');
  if (m.ftyp)
    rebuildFtyp(await readAt(src, m.ftyp.start, m.ftyp.end - m.ftyp.start, names.what), names.what);
  const zeroed = (x: Box | undefined, type: string): void => {
    if (!x) return fail(`a "${type}" box is missing`);
    const v = b.u8(x.body);
    if (v > 1 || x.end - x.body !== FIXED_BODY[type]![v])
      fail(`the "${type}" box has a wrong size`);
    if (!isAllZero(b.buf.subarray(x.body + 4, x.body + (v === 1 ? 20 : 12))))
      fail(`a "${type}" box still carries a date`);
  };
  for (const k of m.kids)
    if (!MOOV_ALLOWED.has(k.type) && !(m.fragmented && k.type === 'mvex'))
      fail(`the "${printable(k.type)}" box is left in the movie header`);
  zeroed(child(m.kids, 'mvhd'), 'mvhd');
  const ids = new Set(m.tracks.map((t) => t.id));
  const extents: { offset: number; size: number }[] = [];
  for (const t of m.tracks) {
    for (const k of t.kids)
      if (!TRAK_ALLOWED.has(k.type)) fail(`the "${printable(k.type)}" box is left in a track`);
    if (!KEPT_HANDLERS.has(t.handler)) fail(`a "${printable(t.handler)}" track is left`);
    zeroed(t.tkhd, 'tkhd');
    zeroed(t.mdhd, 'mdhd');
    for (const r of t.tref) {
      if (!TREF_KEEP.has(r.type) || !r.ids.every((id) => ids.has(id)))
        fail(`a "${printable(r.type)}" track reference is left`);
    }
    const edts = child(t.kids, 'edts');
    if (edts)
      for (const e of children(b, edts))
        if (e.type !== 'elst') fail('an edit box holds more than an edit list');
    for (const h of [t.hdlr, ...t.minfKids.filter((x) => x.type === 'hdlr')]) {
      if (
        !h ||
        h.end - h.body !== 25 ||
        !isAllZero(b.buf.subarray(h.body + 12, h.end)) ||
        b.u8(h.body) !== 0
      )
        fail('a handler box carries a name');
    }
    for (const x of t.minfKids) {
      if (!['vmhd', 'smhd', 'hdlr', 'dinf', 'stbl'].includes(x.type))
        fail(`the "${printable(x.type)}" box is left in a track`);
      if (x.type === 'dinf' && !b.buf.subarray(x.start, x.end).equals(CANONICAL_DINF))
        fail('the data reference is not the plain "this file" one');
      if (
        (x.type === 'vmhd' && x.end - x.body !== 12) ||
        (x.type === 'smhd' && x.end - x.body !== 8)
      )
        fail(`the "${x.type}" box has a wrong size`);
    }
    for (const s of t.stblKids)
      if (!STBL_KEEP.has(s.type) && s.type !== 'stco' && s.type !== 'co64')
        fail(`the "${printable(s.type)}" box is left in a sample table`);
    const allowed = t.handler === 'vide' ? VIDEO_CHILDREN : AUDIO_CHILDREN;
    for (const e of t.entries) {
      if (ENCRYPTED_ENTRIES.has(e.type)) fail('an encrypted sample description is left');
      const fixed = sampleEntryFixed(b, e, t.handler, names.what);
      if (!isAllZero(b.buf.subarray(e.body + 12, e.body + 16)))
        fail('a sample description names its vendor');
      if (t.handler === 'vide' && !isAllZero(b.buf.subarray(e.body + 42, e.body + 74)))
        fail('a sample description names its encoder');
      for (const k of readBoxes(b, e.body + fixed, e.end)) {
        if (!allowed.has(k.type))
          fail(`the "${printable(k.type)}" box is left in a sample description`);
        if (k.type === 'wave')
          for (const w of readBoxes(b, k.body, k.end))
            if (!WAVE_CHILDREN.has(w.type))
              fail(`the "${printable(w.type)}" box is left in a sound description`);
      }
    }
    const tables = trackTables(b, t.stblKids, names.what);
    tables.offsets.forEach((offset, i) => extents.push({ offset, size: tables.sizes[i]! }));
  }
  if (m.tracks.length === 0) fail('it has no track');
  // Every byte of the media data belongs to a sample of a kept track: nothing else was carried over.
  const at = top.findIndex((x) => x.start === m.moovBox.start);
  const after = top[at + 1];
  const before = top[at - 1];
  const mdat =
    after?.type === 'mdat' ? after : !m.fragmented && before?.type === 'mdat' ? before : undefined;
  if (mdat) fullyUsed(mdat, extents, fail);
  else if (extents.some((e) => e.size > 0)) fail('a sample lies outside the media data');
  if (m.fragmented) await verifyFragments(src, m, top, ids, fail);
}

/** Every byte of `mdat` is a sample of `extents`, and every sample lies in it. */
function fullyUsed(
  mdat: Box,
  extents: { offset: number; size: number }[],
  fail: (d: string) => never,
): void {
  const ranges = mergeRanges(extents);
  let cursor = mdat.body;
  for (const r of ranges) {
    if (r.start < mdat.body || r.end > mdat.end) fail('a sample lies outside the media data');
    if (r.start > cursor) fail('the media data holds bytes no sample uses');
    cursor = Math.max(cursor, r.end);
  }
  if (cursor !== mdat.end) fail('the media data holds bytes no sample uses');
}

const MOOF_ALLOWED = new Set(['mfhd', 'traf']);
const TRAF_ALLOWED = new Set(['tfhd', 'trun', 'tfdt', 'sdtp', 'sbgp', 'sgpd', 'subs']);

/** The fragments of a stripped file: allow-listed boxes only, every sample in the media data right after its fragment, all of it used. */
async function verifyFragments(
  src: Source,
  m: Model,
  top: Box[],
  ids: Set<number>,
  fail: (d: string) => never,
): Promise<void> {
  const b = m.b;
  const mvex = child(m.kids, 'mvex');
  if (!mvex) fail('a fragmented file lacks its movie-extends box');
  for (const k of children(b, mvex)) {
    if (k.type !== 'mehd' && k.type !== 'trex')
      fail(`the "${printable(k.type)}" box is left in the movie-extends box`);
    if (k.type === 'trex' && !ids.has(b.u32be(k.body + 4)))
      fail('a removed track has defaults left');
  }
  const trex = trexSizes(b, m);
  const moofs = new Set<number>();
  for (const [i, x] of top.entries()) {
    if (x.type === 'styp') {
      const raw = await readAt(src, x.start, x.end - x.start, m.b.what);
      raw.write('ftyp', 4, 'latin1');
      rebuildFtyp(raw, m.b.what);
    } else if (x.type === 'sidx') {
      const raw = await readAt(src, x.start, Math.min(16, x.end - x.start), m.b.what);
      if (raw.length < 16 || !ids.has(raw.readUInt32BE(12)))
        fail('a segment index names a removed track');
    } else if (x.type === 'moof') {
      moofs.add(x.start);
      const frag = await readFragment(src, x, trex, m.b.what);
      for (const k of frag.kids)
        if (!MOOF_ALLOWED.has(k.type)) fail(`the "${printable(k.type)}" box is left in a fragment`);
      const extents: { offset: number; size: number }[] = [];
      for (const t of frag.trafs) {
        if (!ids.has(t.trackId)) fail(`a fragment of a removed track (${t.trackId}) is left`);
        for (const k of t.kids)
          if (!TRAF_ALLOWED.has(k.type))
            fail(`the "${printable(k.type)}" box is left in a track fragment`);
        for (const r of t.truns) extents.push({ offset: r.start, size: r.length });
      }
      fullyUsed(top[i + 1]!, extents, fail);
    } else if (x.type === 'mfra') {
      const raw = await readAt(src, x.start, x.end - x.start, m.b.what);
      const rb = new Bytes(raw, m.b.what);
      for (const k of readBoxes(rb, 8, raw.length)) {
        if (k.type === 'mfro') continue;
        if (k.type !== 'tfra')
          fail(`the "${printable(k.type)}" box is left in the random-access index`);
        if (!ids.has(rb.u32be(k.body + 4)))
          fail('a random-access index of a removed track is left');
      }
    }
  }
}

// ---------------------------------------------------------------- samples

/** The sample tables carried over unchanged: with the chunk offsets, they say which bytes each sample is. */
const SAME_TABLES = [...STBL_KEEP].filter((type) => type !== 'stsd');

/** Finds the copied run that holds output offset `at`, or undefined. */
function extentAt(copies: CopyExtent[], at: number): CopyExtent | undefined {
  let lo = 0;
  let hi = copies.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = copies[mid]!;
    if (at < e.out) hi = mid - 1;
    else if (at >= e.out + e.length) lo = mid + 1;
    else return e;
  }
  return undefined;
}

/**
 * Proves every sample of the stripped file is its input sample, byte for
 * byte, without reading the samples again: the input and the output are each
 * walked from their own sample tables, every kept track must have the same
 * samples (sizes, sample-to-chunk layout, timing and sync tables identical),
 * and every chunk of the output must lie inside one run of bytes that the
 * writer copied from exactly where that chunk lies in the input.
 */
export async function verifyMp4Samples(
  input: Source,
  output: Source,
  copies: CopyExtent[],
  names: Mp4Names,
): Promise<void> {
  const fail = (detail: string): never => {
    throw checkFailed(names.name, detail);
  };
  const sorted = [...copies].sort((x, y) => x.out - y.out);
  for (let i = 1; i < sorted.length; i += 1)
    if (sorted[i]!.out < sorted[i - 1]!.out + sorted[i - 1]!.length)
      fail('its media data was written twice over');
  const before = await parseModel(input, names.what);
  const after = await parseModel(output, `The stripped ${names.name}`);
  for (const t of after.tracks) {
    const from = before.tracks.find((x) => x.id === t.id && x.handler === t.handler);
    if (!from) fail(`track ${t.id} is not one of the input's tracks`);
    const was = from!;
    for (const type of SAME_TABLES) {
      const x = child(t.stblKids, type);
      const y = child(was.stblKids, type);
      if (!x && !y) continue;
      if (
        !x ||
        !y ||
        !after.b.buf.subarray(x.body, x.end).equals(before.b.buf.subarray(y.body, y.end))
      )
        fail(`the "${type}" table of track ${t.id} differs from the input's`);
    }
    const a = trackTables(after.b, t.stblKids, `The stripped ${names.name}`);
    const b = trackTables(before.b, was.stblKids, names.what);
    if (a.offsets.length !== b.offsets.length || a.sampleCount !== b.sampleCount)
      fail(`track ${t.id} does not have the input's samples`);
    for (let i = 0; i < a.offsets.length; i += 1) {
      const size = a.sizes[i]!;
      if (size !== b.sizes[i]) fail(`a chunk of track ${t.id} changed size`);
      if (size === 0) continue;
      const at = a.offsets[i]!;
      const e = extentAt(sorted, at);
      if (!e || at + size > e.out + e.length || e.from + (at - e.out) !== b.offsets[i])
        fail(`the samples of track ${t.id} are not the input's bytes`);
    }
  }
  if (before.fragmented || after.fragmented)
    await sameFragmentSamples(input, output, before, after, sorted, fail);
}

/**
 * The fragments of the output, walked from their own track runs, against the
 * input's: fragment by fragment (those with a kept track, in order), track by
 * track, the same runs with the same sample tables and sizes, and each run's
 * bytes copied from exactly where the input's run lies.
 */
async function sameFragmentSamples(
  input: Source,
  output: Source,
  before: Model,
  after: Model,
  copies: CopyExtent[],
  fail: (d: string) => never,
): Promise<void> {
  const ids = new Set(after.tracks.map((t) => t.id));
  const mine: Fragment[] = [];
  for (const x of after.top)
    if (x.type === 'moof')
      mine.push(await readFragment(output, x, trexSizes(after.b, after), after.b.what));
  const theirs: Fragment[] = [];
  for (const x of before.top) {
    if (x.type !== 'moof') continue;
    const f = await readFragment(input, x, trexSizes(before.b, before), before.b.what);
    if (f.trafs.some((t) => ids.has(t.trackId))) theirs.push(f);
  }
  if (mine.length !== theirs.length) fail("it does not have the input's fragments");
  mine.forEach((f, i) => {
    const g = theirs[i]!;
    const kept = g.trafs.filter((t) => ids.has(t.trackId));
    if (f.sequence !== g.sequence || f.trafs.length !== kept.length)
      fail(`fragment ${f.sequence} does not have the input's track fragments`);
    f.trafs.forEach((t, j) => {
      const u = kept[j]!;
      const copied = (x: Traf): Buffer[] =>
        x.kids
          .filter((k) => k.type !== 'tfhd' && k.type !== 'trun' && TRAF_ALLOWED.has(k.type))
          .map((k) => (x === t ? f : g).b.buf.subarray(k.start, k.end));
      const mineTables = copied(t);
      const theirTables = copied(u);
      if (
        t.trackId !== u.trackId ||
        t.truns.length !== u.truns.length ||
        mineTables.length !== theirTables.length ||
        mineTables.some((x, k) => !x.equals(theirTables[k]!))
      )
        fail(`a track fragment of track ${t.trackId} differs from the input's`);
      t.truns.forEach((r, k) => {
        const s = u.truns[k]!;
        if (
          (r.flags | 1) !== (s.flags | 1) ||
          r.count !== s.count ||
          !r.entries.equals(s.entries) ||
          r.sizes.some((n, q) => n !== s.sizes[q])
        )
          fail(`a track run of track ${t.trackId} differs from the input's`);
        if (r.length === 0) return;
        const e = extentAt(copies, r.start);
        if (!e || r.start + r.length > e.out + e.length || e.from + (r.start - e.out) !== s.start)
          fail(`the samples of track ${t.trackId} are not the input's bytes`);
      });
    });
  });
}
