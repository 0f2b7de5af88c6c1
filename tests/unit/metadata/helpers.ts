import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { expect } from 'vitest';
import { hasTool } from '../../helpers/peers';
import { isVigilError } from '../../../electron/core/errors';
import type { InspectReport, MetadataGroup } from '../../../electron/core/metadata';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/metadata/', import.meta.url));

export function fixture(name: string): Buffer {
  return readFileSync(`${FIXTURES}${name}`);
}

/** Every planted string starts with this; none may survive stripping. */
export const CANARY = 'CANARY';
/** The camera make, planted without the prefix. */
export const MAKE = 'CanaryCam';

export const has = (tool: string): boolean => hasTool(tool);

/** Real ImageMagick (a stand-in `convert` may shadow it on PATH). */
export function imagemagickCompare(): string | undefined {
  if (spawnSync('/usr/bin/compare', ['-version']).status === 0) return '/usr/bin/compare';
  const r = spawnSync('compare', ['-version']);
  if (r.status === 0 && r.stdout.toString().includes('ImageMagick')) return 'compare';
  hasTool('/usr/bin/compare', 'ImageMagick: apt-get install imagemagick');
  return undefined;
}

/** Every stream of a PDF, inflated where it inflates; with the raw file, what a canary search must cover. */
export function pdfSearchable(pdf: Buffer): Buffer {
  const parts: Buffer[] = [pdf];
  const text = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)));
    } catch {
      // not deflated
    }
  }
  return Buffer.concat(parts);
}

export interface Expected {
  value: string;
  risky?: boolean;
  group?: MetadataGroup;
}

/** The report lists a field whose value contains each expected string, flagged as expected. */
export function expectFinds(report: InspectReport, expected: Expected[]): void {
  for (const e of expected) {
    const matches = report.fields.filter((f) => f.value.includes(e.value));
    expect(
      matches,
      `a field with "${e.value}" in ${JSON.stringify(report.fields.map((f) => f.value))}`,
    ).not.toHaveLength(0);
    if (e.risky !== undefined)
      expect(
        matches.some((f) => f.risky === e.risky),
        `"${e.value}" risky=${e.risky}`,
      ).toBe(true);
    if (e.group !== undefined)
      expect(
        matches.some((f) => f.group === e.group),
        `"${e.value}" in group ${e.group}`,
      ).toBe(true);
  }
}

export async function expectVigilError(
  promise: Promise<unknown>,
  code: string,
  message: RegExp,
): Promise<void> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a VigilError').toBeDefined();
  expect(isVigilError(caught), `not a VigilError: ${String(caught)}`).toBe(true);
  expect((caught as { code: string }).code).toBe(code);
  expect((caught as Error).message).toMatch(message);
}

/** No planted string in the output (for a PDF, in its inflated streams too), and its re-inspection shows only what is kept. */
export async function expectClean(
  output: Buffer,
  kept: { key: string }[],
  inspect: (b: Buffer) => Promise<InspectReport>,
): Promise<void> {
  const searchable =
    output.subarray(0, 5).toString('latin1') === '%PDF-' ? pdfSearchable(output) : output;
  expect(searchable.includes(CANARY), 'a canary survived').toBe(false);
  expect(searchable.includes(MAKE), 'the camera make survived').toBe(false);
  const again = await inspect(output);
  const keptKeys = new Set(kept.map((k) => k.key));
  expect(again.fields.filter((f) => f.group !== 'structure' && !keptKeys.has(f.key))).toEqual([]);
  expect(again.risky).toBe(0);
}

/** The EXIF and XMP set make-fixtures.sh plants in every image format. */
export const EXIF_CANARIES = [
  { value: 'CANARY-ARTIST-7f3a', risky: true, group: 'people' as const },
  { value: 'CANARY-COPYRIGHT-91bb', risky: true, group: 'people' as const },
  { value: 'CANARY-SERIAL-5d21', risky: true, group: 'device' as const },
  { value: 'CANARY-OWNER-c4e8', risky: true },
  { value: 'CANARY-LENS-SERIAL-a93c', risky: true, group: 'device' as const },
  { value: 'CANARY-DESC-6a4d', risky: true },
  { value: 'CANARY-SOFTWARE-b2a7', group: 'software' as const },
  { value: 'CANARY-MODEL-x1', group: 'device' as const },
  { value: 'CANARY-XMP-CREATOR-2b6e', risky: true, group: 'people' as const },
  { value: 'CANARY-XMP-DOCID-0e55', risky: true },
];

/** A ZIP archive holding one text file: a container that is not an office document. */
export async function plainZip(): Promise<Buffer> {
  const { ZipFile } = await import('yazl');
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from('CANARY-IN-A-ZIP'), 'notes.txt');
  zip.end();
  const parts: Buffer[] = [];
  for await (const part of zip.outputStream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

export const MEDIA_FIXTURES = `${FIXTURES}media/`;

export function mediaFixture(name: string): Buffer {
  return readFileSync(`${MEDIA_FIXTURES}${name}`);
}

/**
 * The strings make-media-fixtures.py plants, per file. A name ending in "!"
 * is planted where no reader shows it by name (binary payloads: telemetry
 * samples, unreferenced media data); the byte search still covers it.
 */
export const MEDIA_CANARIES: Record<string, string[]> = {
  'fragmented.mp4': ['CANARY-FRAG-m1'],
  'tagged.mp3': [
    'CANARY-MP3-TITLE-a1',
    'CANARY-MP3-ARTIST-a2',
    'CANARY-MP3-ALBUM-a3',
    'CANARY-MP3-COMMENT-a4',
    'CANARY-ID3-TXXX-LOCATION-b1',
    'CANARY-ID3-PRIV-b2',
    'CANARY-ID3V22-TITLE-b3',
    'CANARY-MP3-CHAPTER-b4',
    'CANARY-MP3-TOC-b4b',
    'CANARY-APPENDED-ID3-b5',
    'CANARY-APE-ARTIST-b6',
    'CANARY-LYRICS3-b7',
    'CANARY-TAGPLUS-TITLE-b8',
    'CANARY-POPM-EMAIL-b9',
    'CANARY-ID3-GEOB-ba',
    'CANARY-ID3-ENCODER-bb',
    'CANARY-COVER-EXIF-ARTIST-c0v3',
  ],
  'tagged.flac': [
    'CANARY-FLAC-ARTIST-c1',
    'CANARY-FLAC-TITLE-c8',
    'CANARY-FLAC-LOCATION-c2',
    'CANARY-FLAC-APPLICATION-c4',
    'CANARY-FLAC-PADDING-c5',
    'CANARY-FLAC-ID3-c6',
    'CANARY-FLAC-V1-c7',
    'CANAR2400001',
    'CANARY-COVER-EXIF-ARTIST-c0v3',
  ],
  'tagged.ogg': [
    'CANARY-VORBIS-ARTIST-d1',
    'CANARY-VORBIS-TITLE-d2',
    'CANARY-VORBIS-LOCATION-d3',
    'CANARY-VORBIS-PICTURE-DESC-d4',
    'CANARY-VORBIS-LONG-d5',
    'CANARY-COVER-EXIF-ARTIST-c0v3',
  ],
  'tagged.aac': [
    'CANARY-AAC-TITLE-e1',
    'CANARY-AAC-ARTIST-e2',
    'CANARY-AAC-LOCATION-e3',
    'CANARY-AAC-APE-ARTIST-e4',
    'CANARY-AAC-V1-e5',
    'CANARY-COVER-EXIF-ARTIST-c0v3',
  ],
  'voice.opus': [
    'CANARY-OPUS-ARTIST-d6',
    'CANARY-OPUS-TITLE-d7',
    'CANARY-OPUS-LOCATION-d8',
    'CANARY-COVER-EXIF-ARTIST-c0v3',
  ],
  'tagged.wav': [
    'CANARY-BEXT-DESC-e1',
    'CANARY-BEXT-ORIGINATOR-e2',
    'CANARY-BEXT-HISTORY-e3',
    'CANARY-WAV-INFO-ARTIST-e4',
    'CANARY-WAV-INFO-TITLE-ec',
    'CANARY-IXML-PROJECT-e5',
    'CANARY-AXML-TITLE-e6',
    'CANARY-CART-TITLE-e7',
    'CANARY-WAV-ID3-e8',
    'CANARY-WAV-XMP-e9',
    'CANARY-WAV-CUE-LABEL-ea',
  ],
  'rf64.wav': ['CANARY-RF64-ARTIST-eb'],
  'phone.mov': [
    'CANARY-MP4-TITLE-g3',
    'CANARY-MP4-ARTIST-g4',
    'CANARY-MP4-COMMENT-g5',
    'CANARY-MP4-MODEL-g7',
    'CANARY-CHAPTER-ONE-g1',
    'CANARY-KEYS-MAKE-h1',
    'CANARY-KEYS-MODEL-h2',
    'CANARY-KEYS-SOFTWARE-h3',
    'CANARY-UDTA-MAKE-h4',
    'CANARY-MOV-XMP-h5',
    'CANARY-FREE-LEFTOVER-h7',
    'CANARY-MDAT-GAP-h8!',
    'CANARY-HANDLER-NAME-f6',
    'CANARY-GPMD-GPS-f1!',
    'CANARY-CAMM-f2!',
    'CANARY-MEBX-LOCATION-f3!',
  ],
  'camera.mp4': [
    'CANARY-MP4-TITLE-g3',
    'CANARY-MP4-ARTIST-g4',
    'CANARY-MP4-DESC-i2',
    'CANARY-HANDLER-NAME-f6',
    'CANARY-GPMD-GPS-f1!',
    'CANARY-CAMM-f2!',
    'CANARY-MEBX-LOCATION-f3!',
  ],
  'faststart.mp4': [
    'CANARY-FAST-TITLE-n1',
    'CANARY-ILST-AUTHOR-i1',
    'CANARY-HANDLER-NAME-f6',
    'CANARY-GPMD-GPS-f1!',
    'CANARY-CAMM-f2!',
    'CANARY-MEBX-LOCATION-f3!',
  ],
  'song.m4a': [
    'CANARY-M4A-TITLE-j1',
    'CANARY-M4A-ARTIST-j2',
    'CANARY-M4A-ALBUM-j3',
    'CANARY-M4A-COMPOSER-j4',
    'CANARY-M4A-COMMENT-j5',
    'CANARY-M4A-LDES-j6',
    'CANARY-CHAPTER-ONE-g1',
    'CANARY-COVER-EXIF-ARTIST-c0v3',
  ],
  'clip.3gp': ['CANARY-3GP-TITLE-k1', 'CANARY-3GP-AUTHOR-k2', 'CANARY-3GP-COPYRIGHT-k3'],
  'clip.m4v': ['CANARY-M4V-TITLE-l1', 'CANARY-M4V-XMP-l2'],
};

/** Every planted string (and the CANARY prefix itself) found in the bytes. */
export function plantedIn(bytes: Buffer): string[] {
  const found: string[] = [];
  for (const needle of [CANARY, 'CANAR24', MAKE]) if (bytes.includes(needle)) found.push(needle);
  return found;
}
