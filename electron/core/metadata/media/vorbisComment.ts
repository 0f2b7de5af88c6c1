import { formatSize } from '../bytes';
import type { Collector } from '../collector';
import { classifyTag, inspectEmbeddedImage } from './common';

// Vorbis comments (FLAC, Ogg Vorbis, Opus): a vendor string and NAME=value
// pairs; and the FLAC picture structure, which also travels base64-encoded in
// METADATA_BLOCK_PICTURE comments.

const MAX_COMMENTS = 10_000;

export function parsePicture(
  data: Buffer,
): { mime: string; description: string; image: Buffer } | undefined {
  if (data.length < 32) return undefined;
  let o = 4;
  const mimeLen = data.readUInt32BE(o);
  o += 4;
  if (o + mimeLen + 4 > data.length) return undefined;
  const mime = data.toString('latin1', o, o + mimeLen);
  o += mimeLen;
  const descLen = data.readUInt32BE(o);
  o += 4;
  if (o + descLen + 20 > data.length) return undefined;
  const description = data.toString('utf8', o, o + descLen);
  o += descLen + 16;
  const len = data.readUInt32BE(o);
  o += 4;
  if (o + len > data.length) return undefined;
  return { mime, description, image: data.subarray(o, o + len) };
}

export async function inspectPicture(
  c: Collector,
  key: string,
  data: Buffer,
  where: string,
): Promise<void> {
  const pic = parsePicture(data);
  if (!pic) {
    c.add('hidden', key, `Picture (${where})`, formatSize(data.length), true);
    return;
  }
  await inspectEmbeddedImage(
    c,
    key,
    `Picture${pic.description ? ` "${pic.description}"` : ''} (${where})`,
    pic.image,
  );
}

/**
 * Lists a Vorbis comment block (`data` starts at the vendor length). Returns
 * the vendor string and the number of comments, or undefined if it is damaged.
 */
export async function inspectVorbisComment(
  c: Collector,
  data: Buffer,
  where: string,
): Promise<{ vendor: string; count: number } | undefined> {
  if (data.length < 8) return undefined;
  const vendorLen = data.readUInt32LE(0);
  if (4 + vendorLen + 4 > data.length) return undefined;
  const vendor = data.toString('utf8', 4, 4 + vendorLen);
  let o = 4 + vendorLen;
  const count = data.readUInt32LE(o);
  o += 4;
  if (vendor)
    c.add('software', `${where}.vendor`, `Encoder (${where} vendor string)`, vendor, false);
  for (let i = 0; i < Math.min(count, MAX_COMMENTS); i += 1) {
    if (o + 4 > data.length) return undefined;
    const len = data.readUInt32LE(o);
    o += 4;
    if (o + len > data.length) return undefined;
    const text = data.toString('utf8', o, o + len);
    o += len;
    const eq = text.indexOf('=');
    const name = eq < 0 ? text : text.slice(0, eq);
    const value = eq < 0 ? '' : text.slice(eq + 1);
    const upper = name.toUpperCase();
    const key = `${where}.${upper.replace(/[^A-Z0-9_]/g, '_')}`;
    if (upper === 'METADATA_BLOCK_PICTURE' || upper === 'COVERART') {
      const bytes = Buffer.from(value, 'base64');
      if (upper === 'COVERART') await inspectEmbeddedImage(c, key, `Cover art (${where})`, bytes);
      else await inspectPicture(c, key, bytes, where);
      continue;
    }
    const cls = /^(DATE|YEAR|CREATION_TIME|ENCODING_TIME|TIME)/.test(upper)
      ? { group: 'time' as const, risky: false }
      : /^(TRACKNUMBER|DISCNUMBER|TRACKTOTAL|DISCTOTAL|TOTALTRACKS|GENRE|REPLAYGAIN_)/.test(upper)
        ? { group: 'document' as const, risky: false }
        : classifyTag(name);
    c.add(cls.group, key, `${name} (${where})`, value, cls.risky);
    if (cls.group === 'time' && /^\d{4}-\d{2}-\d{2}T/.test(value)) c.setTime(value.trim());
  }
  return { vendor, count };
}

/** A comment block with no comments and an empty vendor string (the FLAC/Vorbis layout; Opus adds its own magic). */
export function emptyComment(): Buffer {
  return Buffer.alloc(8);
}
