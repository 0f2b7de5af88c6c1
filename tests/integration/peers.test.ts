import { describe, expect, it } from 'vitest';
import { PEERS_REQUIRED, hasTool } from '../helpers/peers';

/**
 * Every real program the suite checks Vigil against. In CI each must be
 * present (a missing one fails here, by name, and in every test that needs
 * it); elsewhere this lists what a developer's run will skip.
 */
const PEERS: Record<string, string> = {
  gpg: 'gnupg',
  gpgconf: 'gnupg',
  exiftool: 'libimage-exiftool-perl',
  pdftotext: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  qpdf: 'qpdf',
  compare: 'imagemagick',
  identify: 'imagemagick',
  'heif-convert': 'libheif-examples',
  python3: 'python3',
  ffmpeg: 'ffmpeg',
  lame: 'lame',
  flac: 'flac',
  metaflac: 'flac',
  oggenc: 'vorbis-tools',
  vorbiscomment: 'vorbis-tools',
  opusenc: 'opus-tools',
  soffice: 'libreoffice-writer-nogui',
  sha256sum: 'coreutils',
  chromium: 'chromium',
};

describe('peer programs', () => {
  it.runIf(PEERS_REQUIRED)('are all installed in CI', () => {
    const missing = Object.entries(PEERS)
      .filter(([tool]) => {
        try {
          return !hasTool(tool);
        } catch {
          return true;
        }
      })
      .map(([tool, pkg]) => `${tool} (${pkg})`);
    expect(missing, `missing peers: ${missing.join(', ')}`).toEqual([]);
  });

  it('are looked up on PATH', () => {
    // The lookup itself must work wherever the suite runs: sh is always there.
    expect(hasTool('sh')).toBe(true);
  });
});
