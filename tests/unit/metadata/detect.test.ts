import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectType, inspectBuffer, inspectFile, stripFile } from '../../../electron/core/metadata';
import { tempDir } from '../../helpers/tmp';
import { fixture, FIXTURES } from './helpers';

describe('detectType reads the content, never the name', () => {
  const cases: [string, string, boolean][] = [
    ['camera.jpg', 'jpeg', true],
    ['meta.png', 'png', true],
    ['meta.webp', 'webp', true],
    ['anim.gif', 'gif', true],
    ['multipage.tif', 'tiff', true],
    ['bigendian.tif', 'tiff', true],
    ['meta.heic', 'heic', true],
    ['meta.avif', 'avif', true],
    ['classic.pdf', 'pdf', true],
    ['document.docx', 'docx', true],
    ['office/evidence.docx', 'docx', true],
    ['office/evidence.odt', 'odt', true],
    ['office/evidence.ods', 'ods', true],
    ['office/evidence.odp', 'odp', true],
    ['audio.mp3', 'mp3', true],
    ['video.mp4', 'mp4', true],
    ['video.webm', 'webm', false],
    ['media/tagged.mp3', 'mp3', true],
    ['media/tagged.wav', 'wav', true],
    ['media/rf64.wav', 'wav', true],
    ['media/tagged.ogg', 'ogg', true],
    ['media/voice.opus', 'ogg', true],
    ['media/phone.mov', 'mov', true],
    ['media/camera.mp4', 'mp4', true],
    ['media/song.m4a', 'm4a', true],
    ['media/clip.m4v', 'm4v', true],
    ['media/clip.3gp', '3gp', true],
  ];
  it('AAC frames (ADTS) behind an ID3 tag are AAC, not MP3; bare ADTS frames are AAC', async () => {
    const { detectSource, BufferSource } = await import('../../../electron/core/metadata/media');
    const aac = fixture('media/tagged.aac');
    expect((await detectSource(new BufferSource(aac))).type).toBe('aac');
    const bare = aac.subarray(aac.indexOf(Buffer.from([0xff, 0xf1])));
    expect(detectType(bare.subarray(0, 4096))).toEqual({
      type: 'aac',
      mime: 'audio/aac',
      strippable: true,
    });
    // One header alone is not enough when the head reaches the next frame: it must match.
    const broken = Buffer.from(bare.subarray(0, 4096));
    const second = ((broken[3]! & 3) << 11) | (broken[4]! << 3) | (broken[5]! >> 5);
    broken[second + 2] = broken[second + 2]! ^ 0x3c; // another sampling rate
    expect(detectType(broken).type).toBe('unknown');
  });
  it('a FLAC file behind an ID3 tag is FLAC, not MP3', async () => {
    const { detectSource, BufferSource } = await import('../../../electron/core/metadata/media');
    const flac = fixture('media/tagged.flac');
    expect(detectType(flac.subarray(0, 4096)).type).toBe('mp3');
    expect((await detectSource(new BufferSource(flac))).type).toBe('flac');
    expect((await inspectBuffer(flac)).type).toBe('flac');
  });
  for (const [name, type, strippable] of cases) {
    it(`${name} is ${type}`, () => {
      const detected = detectType(fixture(name).subarray(0, 4096));
      expect(detected.type).toBe(type);
      expect(detected.strippable).toBe(strippable);
      expect(detected.mime).toMatch(/\//);
    });
  }

  it('recognises other signatures and unknown bytes', () => {
    const ascii = (s: string): Buffer => Buffer.from(s, 'latin1');
    expect(detectType(ascii('fLaC\0\0\0\x22')).type).toBe('flac');
    expect(detectType(ascii('OggS\0\x02')).type).toBe('ogg');
    expect(detectType(ascii('RIFF\x24\0\0\0WAVEfmt ')).type).toBe('wav');
    expect(detectType(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2])).type).toBe('webm');
    expect(detectType(ascii('\0\0\0\x1cftypqt  \0\0\0\0qt  ')).type).toBe('mov');
    expect(detectType(ascii('\0\0\0\x1cftypM4A \0\0\0\0M4A ')).type).toBe('m4a');
    expect(detectType(ascii('junk before %PDF-1.4\n')).type).toBe('pdf');
    expect(detectType(ascii('hello, world')).type).toBe('unknown');
    expect(detectType(new Uint8Array(0)).type).toBe('unknown');
    expect(detectType(ascii('PK\x03\x04')).type).toBe('zip');
  });

  it('looks at no more than the first 4096 bytes', () => {
    const late = Buffer.concat([Buffer.alloc(5000), Buffer.from('%PDF-1.4')]);
    expect(detectType(late).type).toBe('unknown');
  });

  it('treats a JPEG named .png as a JPEG when inspecting and stripping', async () => {
    const dir = await tempDir();
    const disguised = join(dir, 'photo.png');
    await copyFile(join(FIXTURES, 'camera.jpg'), disguised);
    expect((await inspectFile(disguised)).type).toBe('jpeg');
    const report = await stripFile(disguised, join(dir, 'clean.png'));
    expect(report.type).toBe('jpeg');
    expect(report.mime).toBe('image/jpeg');
  });
});
