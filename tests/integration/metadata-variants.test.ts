import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectFile, stripFile } from '../../electron/core/metadata';
import {
  decodedAudio,
  exiftoolLeaks,
  exiftoolText,
  ffprobeSeconds,
  packets,
} from '../helpers/mediaOracles';
import { MEDIA_VARIANTS, OTHER_FORMATS } from '../helpers/mediaVariants';
import { hasTool } from '../helpers/peers';
import { tempDir } from '../helpers/tmp';
import { expectVigilError, plantedIn } from '../unit/metadata/helpers';

// Robustness against files Vigil has never seen: each variant is made with
// the real tool that writes such files, with strings planted where that
// tool puts metadata. Vigil must strip it losslessly (no planted string
// left for exiftool or a byte search, the same packets and decoded samples
// for ffmpeg) or refuse it with a message naming the format, leaving no
// output; never crash, and never call a file clean that is not.

describe('audio and video as the tools write them', () => {
  for (const v of [...MEDIA_VARIANTS, ...OTHER_FORMATS]) {
    const ready = v.tools.every((t) => hasTool(t));
    it.runIf(ready)(v.name, { timeout: 120_000 }, async () => {
      const dir = await tempDir();
      v.make(dir);
      const input = join(dir, v.name);
      const output = join(dir, `stripped-${v.name}`);
      const original = await readFile(input);
      if (!v.refused)
        expect(
          plantedIn(original).length > 0 || /CANARY/.test(await exiftoolText(input)),
          'the original carries planted strings',
        ).toBe(true);
      const report = await inspectFile(input);

      if (v.refused) {
        await expectVigilError(stripFile(input, output), 'UNSUPPORTED', v.refused);
        expect(existsSync(output), 'a refused file leaves no output').toBe(false);
        if (!report.readable) expect(report.unreadableReason).toMatch(v.refused);
        return;
      }
      expect(report.type).not.toBe('unknown');
      expect(report.readable, report.unreadableReason).toBe(true);
      expect(report.risky, 'inspect shows what the file reveals').toBeGreaterThan(0);
      // An MP4 family file's duration is ffprobe's, fragmented or not (never a wrong 0).
      const duration = report.fields.find((f) => f.key.startsWith('mp4.duration'));
      if (duration) {
        expect(duration.key, duration.value).toBe('mp4.duration');
        expect(Math.abs(Number.parseFloat(duration.value) - ffprobeSeconds(input))).toBeLessThan(
          0.1,
        );
      }
      await stripFile(input, output);
      expect(plantedIn(await readFile(output))).toEqual([]);
      // exiftool (12.57) reads the ID3 tags in front of AAC frames but not bare ADTS frames.
      expect(await exiftoolLeaks(output)).toEqual(
        v.name.endsWith('.aac') ? ['ExifTool:Error=Unknown file type'] : [],
      );
      const before = packets(input, !v.coverStream);
      const after = packets(output, !v.coverStream);
      expect(after.length).toBeGreaterThan(0);
      expect(after).toEqual(before);
      if (before.some((p) => p.startsWith('audio,')))
        expect(decodedAudio(output)).toBe(decodedAudio(input));
      const again = await inspectFile(output);
      expect(again.readable).toBe(true);
      expect(again.risky).toBe(0);
    });
  }
});
