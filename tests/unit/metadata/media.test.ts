import { describe, expect, it } from 'vitest';
import { inspectBuffer, stripBuffer } from '../../../electron/core/metadata';
import { BufferSource, planMedia } from '../../../electron/core/metadata/media';
import {
  expectFinds,
  expectVigilError,
  MEDIA_CANARIES,
  mediaFixture,
  plantedIn,
  type Expected,
} from './helpers';

// Audio and video: what inspect finds (every planted string, in the right
// group), what strip leaves (nothing planted, nothing risky), and what it refuses.

const EXPECTED: Record<string, Expected[]> = {
  'tagged.mp3': [
    { value: 'CANARY-MP3-TITLE-a1', risky: true },
    { value: 'CANARY-MP3-ARTIST-a2', risky: true, group: 'people' },
    { value: 'CANARY-ID3V22-TITLE-b3' },
    { value: 'CANARY-MP3-CHAPTER-b4', group: 'document' },
    { value: 'CANARY-ID3-TXXX-LOCATION-b1', group: 'location' },
    { value: 'CANARY-ID3-PRIV-b2', risky: true },
    { value: 'CANARY-POPM-EMAIL-b9', group: 'people' },
    { value: 'CANARY-APPENDED-ID3-b5' },
    { value: 'CANARY-APE-ARTIST-b6', group: 'people' },
    { value: 'CANARY-LYRICS3-b7' },
    { value: 'CANARY-TAGPLUS-TITLE-b8' },
    { value: 'CANARY-COVER-EXIF-ARTIST-c0v3', group: 'people' },
  ],
  'tagged.aac': [
    { value: 'CANARY-AAC-TITLE-e1', risky: true },
    { value: 'CANARY-AAC-ARTIST-e2', group: 'people' },
    { value: 'CANARY-AAC-LOCATION-e3', group: 'location' },
    { value: 'CANARY-AAC-APE-ARTIST-e4', group: 'people' },
    { value: 'CANARY-AAC-V1-e5' },
    { value: 'CANARY-COVER-EXIF-ARTIST-c0v3', group: 'people' },
  ],
  'tagged.flac': [
    { value: 'CANARY-FLAC-ARTIST-c1', group: 'people' },
    { value: 'CANARY-FLAC-LOCATION-c2', group: 'location' },
    { value: 'CANARY-FLAC-ID3-c6' },
    { value: 'CANARY-FLAC-V1-c7' },
    { value: 'CANARY-COVER-EXIF-ARTIST-c0v3' },
    { value: 'CANARY-FLAC-APPLICATION-c4', group: 'hidden' },
    { value: 'CANARY-FLAC-PADDING-c5', group: 'hidden' },
    { value: 'CANAR2400001', group: 'document' },
  ],
  'tagged.ogg': [
    { value: 'CANARY-VORBIS-ARTIST-d1', group: 'people' },
    { value: 'CANARY-VORBIS-LOCATION-d3', group: 'location' },
    { value: 'CANARY-VORBIS-LONG-d5' },
    { value: 'CANARY-COVER-EXIF-ARTIST-c0v3' },
  ],
  'voice.opus': [
    { value: 'CANARY-OPUS-ARTIST-d6', group: 'people' },
    { value: 'CANARY-OPUS-LOCATION-d8', group: 'location' },
    { value: 'CANARY-COVER-EXIF-ARTIST-c0v3' },
  ],
  'tagged.wav': [
    { value: 'CANARY-BEXT-DESC-e1' },
    { value: 'CANARY-BEXT-ORIGINATOR-e2', group: 'people' },
    { value: 'CANARY-BEXT-HISTORY-e3' },
    { value: 'CANARY-WAV-INFO-ARTIST-e4', group: 'people' },
    { value: 'CANARY-IXML-PROJECT-e5' },
    { value: 'CANARY-AXML-TITLE-e6' },
    { value: 'CANARY-CART-TITLE-e7' },
    { value: 'CANARY-WAV-ID3-e8' },
    { value: 'CANARY-WAV-XMP-e9', group: 'people' },
    { value: 'CANARY-WAV-CUE-LABEL-ea', group: 'document' },
  ],
  'rf64.wav': [{ value: 'CANARY-RF64-ARTIST-eb', group: 'people' }],
  'phone.mov': [
    { value: '+48.8584+002.2945', group: 'location', risky: true },
    { value: 'CANARY-KEYS-MAKE-h1', group: 'device' },
    { value: 'CANARY-KEYS-MODEL-h2', group: 'device' },
    { value: 'CANARY-UDTA-MAKE-h4', group: 'device' },
    { value: 'CANARY-MOV-XMP-h5', group: 'people' },
    { value: 'CANARY-FREE-LEFTOVER-h7', group: 'hidden' },
    { value: 'CANARY-HANDLER-NAME-f6' },
    { value: 'CANARY-MP4-ARTIST-g4', group: 'people' },
    { value: 'com.apple.quicktime.location.ISO6709', group: 'location' },
    { value: 'track', group: 'location' },
    { value: '2024-03-05T14:22:10Z', group: 'time' },
  ],
  'camera.mp4': [
    { value: 'CANARY-MP4-TITLE-g3' },
    { value: 'CANARY-MP4-DESC-i2', risky: true },
    { value: '2045-01-04T15:06:40Z', group: 'time' },
    { value: '(gpmd)', group: 'location' },
    { value: '(camm)', group: 'location' },
    { value: '(mebx)', group: 'location' },
  ],
  'faststart.mp4': [
    { value: 'CANARY-FAST-TITLE-n1' },
    { value: 'CANARY-ILST-AUTHOR-i1', risky: true },
    { value: '+48.8584+002.2945', group: 'location' },
  ],
  'song.m4a': [
    { value: 'CANARY-M4A-TITLE-j1' },
    { value: 'CANARY-M4A-ARTIST-j2', group: 'people' },
    { value: 'CANARY-M4A-LDES-j6' },
    { value: 'CANARY-CHAPTER-ONE-g1', group: 'document' },
    { value: 'CANARY-COVER-EXIF-ARTIST-c0v3', group: 'people' },
  ],
  'clip.3gp': [
    { value: 'CANARY-3GP-TITLE-k1' },
    { value: 'CANARY-3GP-AUTHOR-k2', group: 'people' },
  ],
  'clip.m4v': [{ value: 'CANARY-M4V-TITLE-l1' }, { value: 'CANARY-M4V-XMP-l2' }],
};

describe('inspect finds every planted string in audio and video', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(name, async () => {
      const report = await inspectBuffer(mediaFixture(name));
      expect(report.warnings).toEqual([]);
      expectFinds(report, expected);
      expect(report.risky).toBeGreaterThan(0);
    });
  }

  it('takes the capture place and time from a phone video', async () => {
    const report = await inspectBuffer(mediaFixture('phone.mov'));
    expect(report.capture.latitude).toBeCloseTo(48.8584, 4);
    expect(report.capture.longitude).toBeCloseTo(2.2945, 4);
    expect(report.capture.time).toMatch(/^2024-03-05T/);
  });
});

describe('strip leaves nothing planted and keeps the media', () => {
  for (const name of Object.keys(EXPECTED)) {
    it(name, async () => {
      const input = mediaFixture(name);
      const { output, report } = await stripBuffer(input);
      expect(plantedIn(output), 'a planted string survived').toEqual([]);
      const again = await inspectBuffer(output);
      expect(again.type).toBe(report.type);
      expect(again.risky).toBe(0);
      expect(again.warnings).toEqual([]);
      const keptKeys = new Set(report.kept.map((k) => k.key));
      expect(again.fields.filter((f) => f.group !== 'structure' && !keptKeys.has(f.key))).toEqual(
        [],
      );
      expect(report.removed.length).toBeGreaterThan(0);
      expect(report.outputSize).toBe(output.length);
      // Stripping a stripped file changes nothing: the output is a fixed point.
      const twice = await stripBuffer(output);
      expect(twice.output.equals(output)).toBe(true);
      expect(twice.report.removed).toEqual([]);
    });
  }

  it('lists every planted string of a fixture among the removed fields', async () => {
    for (const [name, canaries] of Object.entries(MEDIA_CANARIES)) {
      const { report } = await stripBuffer(mediaFixture(name));
      const removed = report.removed.map((f) => `${f.label} ${f.value}`).join('\n');
      for (const canary of canaries.filter((c) => !c.endsWith('!'))) {
        expect(removed, `${name}: ${canary}`).toContain(canary);
      }
    }
  });
});

describe('refusals name the format', () => {
  for (const name of ['tagged.flac', 'tagged.ogg', 'tagged.wav', 'phone.mov', 'song.m4a']) {
    it(`${name} truncated in its structure`, async () => {
      const input = mediaFixture(name);
      // Cut inside the header structures, where every format must notice.
      const cut = input.subarray(0, Math.min(200, input.length >> 3));
      let caught: unknown;
      try {
        await stripBuffer(cut);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(Error);
      expect((caught as Error).message).toMatch(/(FLAC|Ogg|WAV|QuickTime|M4A)/);
      expect((caught as Error).message).toMatch(/\.$/);
    });
  }

  it('an Ogg file with a FLAC stream', async () => {
    const ogg = Buffer.from(mediaFixture('voice.opus'));
    const at = ogg.indexOf('OpusHead');
    // Same length, so the page is intact but for its checksum: fix it as a real writer would.
    const { oggCrc } = await import('../../../electron/core/metadata/media/ogg');
    Buffer.from('\x7fFLAC\x01\x00\x00', 'latin1').copy(ogg, at);
    ogg.writeUInt32LE(oggCrc(ogg.subarray(0, ogg.indexOf('OggS', 4))), 22);
    await expectVigilError(
      stripBuffer(ogg),
      'UNSUPPORTED',
      /FLAC stream; Vigil strips only Vorbis and Opus/,
    );
  });

  it('ID3 tags in front of something that is not audio', async () => {
    const id3 = mediaFixture('tagged.mp3').subarray(0, 10 + 20);
    const head = Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x14', 'latin1');
    const file = Buffer.concat([head, Buffer.alloc(20), Buffer.from('not audio at all')]);
    expect(id3.length).toBe(30);
    const report = await inspectBuffer(file);
    expect(report.type).toBe('unknown');
    await expectVigilError(stripBuffer(file), 'UNSUPPORTED', /does not recognise/);
  });
});

describe('plans copy the samples and never the tags', () => {
  it('an AAC plan copies only ADTS frame runs, every frame of the input', async () => {
    const input = mediaFixture('tagged.aac');
    const plan = await planMedia('aac', new BufferSource(input));
    // The audio runs from the end of the leading ID3v2 tag to the start of the APE items.
    const id3End = 10 + ((input[6]! << 21) | (input[7]! << 14) | (input[8]! << 7) | input[9]!);
    const apeStart = input.indexOf('Artist\0CANARY-AAC-APE', 0, 'latin1') - 8;
    let copied = 0;
    for (const p of plan.pieces) {
      expect(p.kind).toBe('copy');
      if (p.kind === 'copy') {
        expect(input.subarray(p.from, p.from + 2)).toEqual(Buffer.from([0xff, 0xf1]));
        copied += p.length;
      }
    }
    expect(copied).toBe(apeStart - id3End);
  });

  it('an APE footer that claims a header nobody wrote does not cut the last audio frame', async () => {
    const input = mediaFixture('tagged.aac');
    const footerAt = input.indexOf('APETAGEX');
    const claiming = Buffer.from(input);
    claiming.writeUInt32LE(0x80000000, footerAt + 20);
    const honest = await stripBuffer(input);
    const claimed = await stripBuffer(claiming);
    expect(claimed.output.equals(honest.output)).toBe(true);
  });

  it('an MP3 plan copies only frame runs', async () => {
    const input = mediaFixture('tagged.mp3');
    const plan = await planMedia('mp3', new BufferSource(input));
    for (const p of plan.pieces) {
      expect(p.kind).toBe('copy');
      if (p.kind === 'copy') expect(input[p.from]).toBe(0xff);
    }
  });

  it('an Ogg plan renumbers pages when the comment header shrinks to fewer pages', async () => {
    const plan = await planMedia('ogg', new BufferSource(mediaFixture('tagged.ogg')));
    expect(plan.pieces.some((p) => p.kind === 'transform')).toBe(true);
  });
});
