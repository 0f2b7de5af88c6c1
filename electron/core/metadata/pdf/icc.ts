import { invalid } from '../bytes';

// ICC colour profiles (ICC.1:2010 / ISO 15076-1) inside PDFs (ICCBased colour
// spaces, output intents). A profile's colour data is needed to render; its
// descriptive text is not and names people, devices and organisations. The
// profile is rebuilt from an allow-list of colour tags with the tag table fixed
// up (shared tag data stays shared) and the identifying header fields zeroed.

/** Tags that define colour transforms or the measurement conditions they assume. */
export const ICC_KEPT_TAGS = new Set([
  'A2B0',
  'A2B1',
  'A2B2',
  'B2A0',
  'B2A1',
  'B2A2',
  'D2B0',
  'D2B1',
  'D2B2',
  'D2B3',
  'B2D0',
  'B2D1',
  'B2D2',
  'B2D3',
  'rXYZ',
  'gXYZ',
  'bXYZ',
  'rTRC',
  'gTRC',
  'bTRC',
  'kTRC',
  'wtpt',
  'bkpt',
  'chad',
  'chrm',
  'gamt',
  'lumi',
  'meas',
  'ncl2',
  'pre0',
  'pre1',
  'pre2',
  'tech',
  'view',
  'cicp',
  'rig0',
  'rig2',
  'ciis',
]);

/**
 * Header fields that identify where and when a profile was made: preferred CMM
 * (4), creation date (24), platform (40), device maker and model (48, 52),
 * creator (80) and the MD5 profile ID (84, all zero = "not computed").
 */
const ZEROED: [number, number][] = [
  [4, 4],
  [24, 12],
  [40, 4],
  [48, 4],
  [52, 4],
  [80, 4],
  [84, 16],
];

const MAX_TAGS = 1000;

interface Tag {
  sig: string;
  offset: number;
  size: number;
}

function readTags(icc: Buffer, what: string): Tag[] {
  const bad = (detail: string): never => {
    throw invalid(`${what} has a damaged ICC colour profile: ${detail}.`);
  };
  if (icc.length < 132 || icc.toString('latin1', 36, 40) !== 'acsp') bad('no profile header');
  const count = icc.readUInt32BE(128);
  if (count > MAX_TAGS || 132 + 12 * count > icc.length) bad('its tag table is too long');
  const tags: Tag[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = 132 + 12 * i;
    const tag = {
      sig: icc.toString('latin1', at, at + 4),
      offset: icc.readUInt32BE(at + 4),
      size: icc.readUInt32BE(at + 8),
    };
    if (tag.offset < 132 || tag.offset + tag.size > icc.length)
      bad(`tag "${tag.sig.replace(/[^\x20-\x7e]/g, '?')}" lies outside the profile`);
    tags.push(tag);
  }
  return tags;
}

/** The signatures of a profile's tags that are not colour data (for inspect and verify). */
export function iccExtraTags(icc: Buffer, what = 'The PDF'): string[] {
  return readTags(icc, what)
    .map((t) => t.sig)
    .filter((s) => !ICC_KEPT_TAGS.has(s));
}

/** The descriptive text of a profile (desc, cprt, dmnd, dmdd…), for inspect. */
export function iccTexts(icc: Buffer): { sig: string; text: string }[] {
  const out: { sig: string; text: string }[] = [];
  for (const t of readTags(icc, 'The PDF')) {
    if (ICC_KEPT_TAGS.has(t.sig)) continue;
    const data = icc.subarray(t.offset, t.offset + t.size);
    const type = data.toString('latin1', 0, 4);
    let text = '';
    if (type === 'desc' && data.length >= 12)
      text = data.toString('latin1', 12, 12 + Math.min(data.readUInt32BE(8), data.length - 12));
    else if (type === 'text') text = data.toString('latin1', 8);
    else if (type === 'mluc' && data.length >= 16) {
      const n = data.readUInt32BE(8);
      if (n > 0 && data.length >= 28) {
        const len = data.readUInt32BE(20);
        const off = data.readUInt32BE(24);
        const s = Buffer.from(data.subarray(off, Math.min(data.length, off + len)));
        text = s
          .subarray(0, s.length & ~1)
          .swap16()
          .toString('utf16le');
      }
    } else text = `${data.length} bytes`;
    out.push({ sig: t.sig, text: text.replace(/\0+$/, '') });
  }
  return out;
}

/** Whether the identifying header fields are all zero. */
export function iccHeaderClean(icc: Buffer): boolean {
  return ZEROED.every(([at, len]) => icc.subarray(at, at + len).every((b) => b === 0));
}

/** The profile with only its colour tags, the tag table rebuilt and the identifying header fields zeroed. */
export function stripIcc(icc: Buffer, what = 'The PDF'): Buffer {
  const kept = readTags(icc, what).filter((t) => ICC_KEPT_TAGS.has(t.sig));
  const header = Buffer.from(icc.subarray(0, 128));
  for (const [at, len] of ZEROED) header.fill(0, at, at + len);
  const table = Buffer.alloc(4 + 12 * kept.length);
  table.writeUInt32BE(kept.length, 0);
  const bodies: Buffer[] = [];
  // Tags that share one data block (rTRC, gTRC, bTRC often do) still share it.
  const placed = new Map<string, number>();
  let offset = 128 + table.length;
  kept.forEach((t, i) => {
    const key = `${t.offset}:${t.size}`;
    let at = placed.get(key);
    if (at === undefined) {
      at = offset;
      placed.set(key, at);
      const padded = Buffer.alloc(Math.ceil(t.size / 4) * 4);
      icc.copy(padded, 0, t.offset, t.offset + t.size);
      bodies.push(padded);
      offset += padded.length;
    }
    table.write(t.sig, 4 + 12 * i, 'latin1');
    table.writeUInt32BE(at, 8 + 12 * i);
    table.writeUInt32BE(t.size, 12 + 12 * i);
  });
  const out = Buffer.concat([header, table, ...bodies]);
  out.writeUInt32BE(out.length, 0);
  return out;
}
