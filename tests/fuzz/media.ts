import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { inspectBuffer, stripBuffer } from '../../electron/core/metadata';
import {
  applyMutations,
  defineTarget,
  describeMutations,
  mutationsArbitrary,
  stripOrRefuse,
  type Mutation,
  type RegisteredTarget,
} from './harness';
import { MEDIA_CANARIES } from '../unit/metadata/helpers';

// One target per audio and video parser: mutated real files (made by lame,
// flac, oggenc, opusenc, ffmpeg, exiftool). Inspect never throws; strip
// refuses with a VigilError, or its output carries none of the strings
// planted in metadata structures and re-inspects with nothing risky.
// (Strings planted inside sample data are left out of the leak check: a
// mutated chunk offset may legitimately make them part of a kept sample.)

const FIXTURES = new URL('../fixtures/metadata/media/', import.meta.url);

const cache = new Map<string, Buffer>();
function load(name: string): Buffer {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = readFileSync(new URL(name, FIXTURES));
    cache.set(name, bytes);
  }
  return bytes;
}

function stripsCleanOrRefuses(input: Buffer, name: string, label: string): Promise<void> {
  const planted = (MEDIA_CANARIES[name] ?? []).filter((c) => !c.endsWith('!'));
  return stripOrRefuse(
    input,
    label,
    (b) => stripBuffer(b),
    inspectBuffer,
    (output) => planted.filter((c) => output.includes(c)).map((c) => `${c} is left`),
  );
}

function mediaTarget(name: string, about: string, files: string[]): RegisteredTarget {
  return defineTarget<{ base: number; edits: Mutation[] }>({
    name,
    about: `mutated ${about}: inspect never throws; strip refuses with a VigilError or leaves no planted string`,
    runs: 60,
    arbitrary: () =>
      fc.record({ base: fc.nat({ max: files.length - 1 }), edits: mutationsArbitrary(4) }),
    async property({ base, edits }) {
      const file = files[base]!;
      await stripsCleanOrRefuses(applyMutations(load(file), edits), file, file);
    },
    describe: ({ base, edits }) => `${files[base]!} with ${describeMutations(edits)}`,
  });
}

export const mediaTargets: RegisteredTarget[] = [
  mediaTarget('media-mp3', 'MP3 files (ID3v2.2/2.3/2.4, APE, Lyrics3, TAG+, ID3v1)', [
    'tagged.mp3',
  ]),
  mediaTarget('media-aac', 'AAC files in ADTS frames (ID3v2 in front, APE and ID3v1 behind)', [
    'tagged.aac',
  ]),
  mediaTarget('media-flac', 'FLAC files (comments, picture, application, cue sheet, ID3 around)', [
    'tagged.flac',
  ]),
  mediaTarget('media-ogg', 'Ogg Vorbis and Opus files', ['tagged.ogg', 'voice.opus']),
  mediaTarget('media-wav', 'WAV and RF64 files (INFO, bext, iXML, axml, cart, id3, XMP)', [
    'tagged.wav',
    'rf64.wav',
  ]),
  mediaTarget(
    'media-mp4',
    'MP4, MOV, M4A, M4V and 3GP files (udta, keys, ilst, XMP, telemetry tracks)',
    ['phone.mov', 'camera.mp4', 'faststart.mp4', 'song.m4a', 'clip.3gp', 'clip.m4v'],
  ),
  // Its own target, so its runs all go to the fragment parser and rewriter (moof, traf, trun, mfra).
  mediaTarget('media-mp4-fragmented', 'fragmented MP4 files (moof, traf, trun, tfra)', [
    'fragmented.mp4',
  ]),
];
