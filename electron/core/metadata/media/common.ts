import { formatSize, invalid } from '../bytes';
import { Collector } from '../collector';
import { inspectGif } from '../formats/gif';
import { inspectJpeg } from '../formats/jpeg';
import { inspectPng } from '../formats/png';
import { inspectWebp } from '../formats/webp';
import type { MetadataGroup } from '../types';

/** What a tag's name says it holds: its group, and whether it can identify someone or somewhere. */
export function classifyTag(name: string): { group: MetadataGroup; risky: boolean } {
  const k = name.toLowerCase();
  if (/gps|location|latitude|longitude|xyz|iso6709|loci|geo|place|coordinates/.test(k))
    return { group: 'location', risky: true };
  if (
    /artist|author|performer|composer|conductor|lyricist|writer|owner|creator|copyright|publisher|originator|producer|engineer|band|person|people|contact|email|user|rating|popularimeter|orchestra|arranger|remixer|mixer|dj|director|label/.test(
      k,
    )
  )
    return { group: 'people', risky: true };
  if (/make|model|serial|device|camera|firmware|uuid|umid|lens/.test(k))
    return { group: 'device', risky: true };
  if (/software|encoder|encoded|tool|vendor|application|handler|coding.?history/.test(k))
    return { group: 'software', risky: false };
  if (/date|time|year|day/.test(k)) return { group: 'time', risky: false };
  return { group: 'document', risky: true };
}

/** Vigil's view of an image embedded in a tag (cover art): its kind, and the metadata it carries itself. */
export async function inspectEmbeddedImage(
  c: Collector,
  key: string,
  label: string,
  data: Buffer,
): Promise<void> {
  const kind =
    data[0] === 0xff && data[1] === 0xd8
      ? 'JPEG'
      : data.subarray(1, 4).toString('latin1') === 'PNG'
        ? 'PNG'
        : data.subarray(0, 3).toString('latin1') === 'GIF'
          ? 'GIF'
          : data.subarray(8, 12).toString('latin1') === 'WEBP'
            ? 'WebP'
            : 'image';
  c.add('hidden', key, label, `${kind}, ${formatSize(data.length)}`, true);
  const inner = new Collector();
  try {
    if (kind === 'JPEG') await inspectJpeg(inner, data);
    else if (kind === 'PNG') await inspectPng(inner, data);
    else if (kind === 'GIF') inspectGif(inner, data);
    else if (kind === 'WebP') await inspectWebp(inner, data);
  } catch {
    // A damaged picture is still listed above; its own metadata is simply not shown.
  }
  for (const f of inner.fields) {
    if (f.group === 'structure') continue;
    c.add(f.group, `${key}.${f.key}`, `${label}: ${f.label}`, f.value, f.risky);
  }
}

/** ISO 6709 "+48.8584+002.2945+035.000/" (QuickTime ©xyz, Apple's location key) as numbers. */
export function parseIso6709(
  text: string,
): { latitude: number; longitude: number; altitude?: number } | undefined {
  const m = /^([+-]\d{1,3}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?/.exec(text.trim());
  if (!m) return undefined;
  // Only the decimal-degrees form; the ±DDMM and ±DDMMSS forms are not written by phones.
  const latitude = Number(m[1]);
  const longitude = Number(m[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { latitude, longitude, ...(m[3] ? { altitude: Number(m[3]) } : {}) };
}

/** A failure message for the independent check of an output. */
export function checkFailed(name: string, detail: string): Error {
  return invalid(`Vigil's check of the stripped ${name} failed: ${detail}. No output was written.`);
}

/** Text decoded from a tag, safe for display (bounded by the collector). */
export function latin1(buf: Buffer, from = 0, to = buf.length): string {
  return buf.toString('latin1', from, to);
}

export function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}

/** A few readable words of a binary blob, so a planted name is recognisable ("" if none). */
export function preview(bytes: Buffer): string {
  const text = bytes
    .subarray(0, 4096)
    .toString('latin1')
    .replace(/[^\x20-\x7e]+/g, ' ')
    .trim();
  const words = text
    .split(' ')
    .filter((w) => w.length >= 4)
    .join(' ');
  return words ? `: ${words}` : '';
}
