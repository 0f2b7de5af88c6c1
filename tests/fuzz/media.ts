import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { inspectBuffer, stripBuffer } from '../../electron/core/metadata';
import {
  applyMutations,
  defineTarget,
  describeMutations,
  mutationsArbitrary,
  onlyVigilErrors,
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

async function stripsCleanOrRefuses(input: Buffer, name: string, label: string): Promise<void> {
  const report = await inspectBuffer(input);
  if (report.size !== input.length) throw new Error(`${label}: inspect misreports the size`);
  let output: Buffer;
  try {
    output = (await stripBuffer(input)).output;
  } catch (error) {
    onlyVigilErrors(error, label);
    return;
  }
  const planted = (MEDIA_CANARIES[name] ?? []).filter((c) => !c.endsWith('!'));
  const left = planted.filter((c) => output.includes(c));
  if (left.length > 0)
    throw new Error(`${label}: stripped and called clean, but ${left.join(', ')} is left`);
  const again = await inspectBuffer(output);
  if (again.risky > 0 || !again.readable)
    throw new Error(
      `${label}: the stripped copy still shows ${again.fields.find((f) => f.risky)?.label ?? again.unreadableReason}`,
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
    [
      'phone.mov',
      'camera.mp4',
      'faststart.mp4',
      'song.m4a',
      'clip.3gp',
      'clip.m4v',
      'fragmented.mp4',
    ],
  ),
];
