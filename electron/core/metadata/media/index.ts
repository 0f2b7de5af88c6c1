import { unsupported } from '../bytes';
import type { Collector } from '../collector';
import { detectType, TYPE_NAMES, unsupportedKind } from '../detect';
import type { DetectedType, MediaType } from '../types';
import { inspectFlac, planFlac, verifyFlac } from './flac';
import { leadingId3 } from './id3';
import { inspectAac, inspectMp3, planAac, planMp3, verifyAac, verifyMp3 } from './mpeg';
import { inspectMp4, planMp4, verifyMp4, verifyMp4Samples, type Mp4Names } from './mp4';
import { inspectOgg, planOgg, verifyOgg } from './ogg';
import type { CopyExtent, MediaPlan } from './plan';
import { readAt, type Source } from './source';
import { inspectWav, planWav, verifyWav } from './wav';

// Audio and video: parsed by seeking (never read whole), stripped by a plan
// that copies the samples through, checked by an independent walk of the output.

export type { CopyExtent, MediaPlan } from './plan';
export { runPlan, planToBuffer, planInputBytes } from './plan';
export { BufferSource, FileSource, type Source } from './source';
export { copyPlanToFile, type CopiedFile } from './copyToFile';
export { MP3_ENCODER_KEY } from './mpeg';

export const MEDIA_TYPES: ReadonlySet<MediaType> = new Set([
  'mp3',
  'aac',
  'mp4',
  'mov',
  'm4a',
  'm4v',
  '3gp',
  'wav',
  'flac',
  'ogg',
]);

export function isMedia(type: MediaType): boolean {
  return MEDIA_TYPES.has(type);
}

const BMFF: Record<string, Mp4Names> = {
  mp4: { what: 'The MP4 video', name: 'MP4 video' },
  mov: { what: 'The QuickTime video', name: 'QuickTime video (MOV)' },
  m4a: { what: 'The M4A audio file', name: 'M4A audio file' },
  m4v: { what: 'The M4V video', name: 'M4V video' },
  '3gp': { what: 'The 3GP video', name: '3GP video' },
};

const WHAT: Partial<Record<MediaType, string>> = {
  mp3: 'The MP3 file',
  aac: 'The AAC file',
  wav: 'The WAV file',
  flac: 'The FLAC file',
  ogg: 'The Ogg file',
};

/**
 * The type from the content: the first 4 KiB, and for a file that starts
 * with ID3 tags, what follows them (an ID3 tag in front of FLAC is common).
 */
export async function detectSource(src: Source): Promise<DetectedType> {
  const head = await src.read(0, Math.min(4096, src.size));
  const found = detectType(head);
  if (found.type !== 'mp3' || head.toString('latin1', 0, 3) !== 'ID3') return found;
  try {
    const { end } = await leadingId3(src, 0, 'The file');
    if (end + 4 > src.size) return found;
    const next = await src.read(end, Math.min(4096, src.size - end));
    const inner = detectType(next);
    if (inner.type === 'flac' || inner.type === 'mp3' || inner.type === 'aac') return inner;
    return { type: 'unknown', mime: 'application/octet-stream', strippable: false };
  } catch {
    return found;
  }
}

/** The head and tail of a file, laid end to end, for the "two files in one" check. */
export async function headAndTail(src: Source): Promise<Buffer> {
  const span = 1024 + 22 + 0xffff;
  if (src.size <= span * 2) return readAt(src, 0, src.size, 'The file');
  return Buffer.concat([await src.read(0, 1024), await src.read(src.size - span, span)]);
}

export async function inspectMedia(c: Collector, type: MediaType, src: Source): Promise<void> {
  const bmff = BMFF[type];
  if (bmff) return inspectMp4(c, src, bmff);
  switch (type) {
    case 'mp3':
      return inspectMp3(c, src, WHAT.mp3!);
    case 'aac':
      return inspectAac(c, src, WHAT.aac!);
    case 'flac':
      return inspectFlac(c, src, WHAT.flac!);
    case 'wav':
      return inspectWav(c, src, WHAT.wav!);
    case 'ogg':
      return inspectOgg(c, src, WHAT.ogg!);
    default: {
      const kind =
        type === 'unknown'
          ? unsupportedKind(await src.read(0, Math.min(4096, src.size)))
          : TYPE_NAMES[type];
      c.cannotRead(
        kind
          ? `Vigil cannot read this kind of file's metadata (${kind}).`
          : "Vigil does not recognise the type of this file, so it cannot read this kind of file's metadata.",
      );
    }
  }
}

export async function planMedia(type: MediaType, src: Source): Promise<MediaPlan> {
  const bmff = BMFF[type];
  if (bmff) return planMp4(src, bmff);
  switch (type) {
    case 'mp3':
      return planMp3(src, WHAT.mp3!);
    case 'aac':
      return planAac(src, WHAT.aac!);
    case 'flac':
      return planFlac(src, WHAT.flac!);
    case 'wav':
      return planWav(src, WHAT.wav!);
    case 'ogg':
      return planOgg(src, WHAT.ogg!);
    default:
      throw unsupported(`Stripping a ${TYPE_NAMES[type]} is not supported yet.`);
  }
}

export async function verifyMedia(type: MediaType, src: Source): Promise<void> {
  const bmff = BMFF[type];
  if (bmff) return verifyMp4(src, { ...bmff, what: `The stripped ${bmff.name}` });
  switch (type) {
    case 'mp3':
      return verifyMp3(src);
    case 'aac':
      return verifyAac(src);
    case 'flac':
      return verifyFlac(src);
    case 'wav':
      return verifyWav(src);
    case 'ogg':
      return verifyOgg(src);
    default:
      throw unsupported(`Stripping a ${TYPE_NAMES[type]} is not supported yet.`);
  }
}

/**
 * The proof that the output's samples are the input's: for video and M4A,
 * the output's sample tables checked against the input's and against where
 * the writer copied each run of bytes. The audio formats' outputs are
 * walked frame by frame in `verifyMedia` but not yet mapped back to the
 * input this way.
 */
export async function verifySamples(
  type: MediaType,
  input: Source,
  output: Source,
  copies: CopyExtent[],
): Promise<void> {
  const bmff = BMFF[type];
  if (bmff) await verifyMp4Samples(input, output, copies, bmff);
}
