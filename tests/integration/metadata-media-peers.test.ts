import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripFile } from '../../electron/core/metadata';
import { exiftool } from '../helpers/exiftool';
import { tempDir } from '../helpers/tmp';
import { decodedAudio, exiftoolLeaks, ffmpeg, packets } from '../helpers/mediaOracles';
import { has, MEDIA_CANARIES, MEDIA_FIXTURES, plantedIn } from '../unit/metadata/helpers';

// Audio and video as other programs see them after `vigil strip`: exiftool
// (-ee3 -a -G1 -u) finds no planted string, no position and no date; a raw
// byte search finds nothing planted; ffmpeg sees the same audio and video
// packets (framemd5) and decodes the same samples.

const FFMPEG = has('ffmpeg');
const EXIFTOOL = has('exiftool');

const NAMES = Object.keys(MEDIA_CANARIES);
/** Files with tags after the audio: ffmpeg counts those bytes into the original's last packet. */
const TRAILING_TAGS = new Set(['tagged.mp3', 'tagged.flac']);

async function stripped(name: string): Promise<{ input: string; output: string }> {
  const dir = await tempDir();
  const output = join(dir, `clean-${name}`);
  await stripFile(join(MEDIA_FIXTURES, name), output);
  return { input: join(MEDIA_FIXTURES, name), output };
}

describe.runIf(EXIFTOOL)('exiftool -ee3 -a -G1 -u finds nothing after vigil strip', () => {
  for (const name of NAMES) {
    it(name, async () => {
      const { input, output } = await stripped(name);
      const before = await exiftool(['-j', '-ee3', '-a', '-G1', '-u', '-s', input]);
      expect(before.stdout, 'the original carries planted strings').toMatch(/CANAR/);
      const leaks = await exiftoolLeaks(output);
      // exiftool (12.57) reads the ID3 tags in front of AAC frames but not bare ADTS frames.
      expect(leaks).toEqual(name.endsWith('.aac') ? ['ExifTool:Error=Unknown file type'] : []);
      expect(plantedIn(await readFile(output))).toEqual([]);
    });
  }
});

describe.runIf(FFMPEG)('ffmpeg sees the same packets and decodes the same samples', () => {
  for (const name of NAMES) {
    it(name, async () => {
      const { input, output } = await stripped(name);
      const a = packets(input);
      const b = packets(output);
      expect(b.length).toBeGreaterThan(0);
      if (TRAILING_TAGS.has(name)) {
        // The original's tags after the audio are read by ffmpeg as one more (or a longer) last packet.
        expect(a.length - b.length).toBeGreaterThanOrEqual(0);
        expect(a.length - b.length).toBeLessThanOrEqual(1);
        expect(b.slice(0, -1)).toEqual(a.slice(0, b.length - 1));
      } else expect(b).toEqual(a);
      if (
        !/\.(m4v|3gp)$/.test(name) ||
        ffmpeg(['-i', input, '-map', '0:a', '-f', 'null', '-']) === ''
      )
        expect(decodedAudio(output)).toBe(decodedAudio(input));
    });
  }
});
