import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../electron/core/metadata/file';
import { DATASETS } from '../../../electron/core/metadata/iptc';
import { FRAME_NAMES } from '../../../electron/core/metadata/media/id3';
import { ILST_LABELS, UDTA_LABELS } from '../../../electron/core/metadata/media/mp4';
import { INFO_NAMES } from '../../../electron/core/metadata/media/wav';
import { META_FIELDS } from '../../../electron/core/metadata/office/odf';
import { KEPT_REASONS, METADATA_FIELD_IDS, metadataFieldId } from '../../../shared/metadataFields';

const root = resolve(import.meta.dirname, '../../..');
const coreDir = join(root, 'electron/core/metadata');
const LANGUAGES = ['en', 'es', 'fr', 'ar', 'ru'] as const;
type Tree = { [key: string]: string | Tree };
const locale = (language: string) =>
  JSON.parse(readFileSync(join(root, 'shared/i18n/locales', language, 'ui.json'), 'utf8')) as Tree;

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, keep) : keep(name) ? [path] : [];
  });
}

/**
 * Every key the core can emit, read from its source: the second argument of
 * each `c.add(…)`. Placeholders become a name no table knows (so a field's
 * family must still name it), except those that fix the key's shape
 * (prefixes, numbers) which get a value the core really passes.
 */
const SHAPE: Record<string, string> = {
  'exif.ts prefix': 'exif',
  'exif.ts segment': 'ifd0',
  'formats/jpeg.ts prefix': 'jpeg',
  'formats/jpeg.ts m - 0xe0': '13',
  'formats/heif.ts item.id': '4',
  'formats/tiff.ts page.index + 1': '2',
  'formats/tiff.ts e.tag': '700',
  'iptc.ts dataset': '200',
  'media/flac.ts blk.type': '9',
  'media/id3.ts prefix': 'id3',
  'media/id3.ts id': 'ZQX9',
  'media/id3.ts key': 'zq',
  'media/id3.ts printable(key)': 'Zq Zq',
  'media/mp4.ts where': 'movie',
  'media/mp4.ts key': 'mp4.media1',
  'media/mp4.ts t.id': '3',
  'media/vorbisComment.ts where': 'Opus',
  'media/common.ts key': 'flac.picture',
  'media/common.ts f.key': 'exif.gps.GPSLatitude',
  'office/common.ts f.key': 'jpeg.COM',
  'formats/dib.ts key': 'emf.bitmap1',
  'formats/dib.ts f.key': 'png.tEXt.Author',
  'formats/wmf.ts f.key': 'emf.application',
  'xmp.ts prefix': 'xmp',
  'xmp.ts p.name': 'zq:Zq9',
  'office/index.ts p.name': 'zq:Zq9',
};
const UNKNOWN = 'Zq9';

function coreKeyTemplates(): { file: string; key: string }[] {
  const call = /\bc\.add\(\s*(?:[^,()]|\([^()]*\))+,\s*(`[^`]*`|'[^']*'|[A-Za-z_][\w.[\]]*)\s*,/g;
  const out: { file: string; key: string }[] = [];
  for (const path of files(coreDir, (n) => n.endsWith('.ts'))) {
    const file = relative(coreDir, path);
    const source = readFileSync(path, 'utf8');
    const calls = source.match(/\bc\.add\(/g)?.length ?? 0;
    const found = [...source.matchAll(call)].map((m) => m[1]!);
    // The pattern must see every call, or a new field could slip past this test.
    expect(found.length, `c.add calls read in ${file}`).toBe(calls);
    for (const arg of found) {
      if (arg.startsWith("'")) out.push({ file, key: arg.slice(1, -1) });
      else if (arg.startsWith('`'))
        out.push({
          file,
          key: arg.slice(1, -1).replace(/\$\{((?:[^{}]|\{[^{}]*\})*)\}/g, (_, expr: string) => {
            return SHAPE[`${file} ${expr}`] ?? UNKNOWN;
          }),
        });
      // A plain variable: its values come from the tables checked below.
    }
  }
  return out;
}

describe('metadata field labels', () => {
  it('names every field id and every kept reason in all five languages, and nothing else', () => {
    for (const language of LANGUAGES) {
      const strings = locale(language);
      const fields = (strings.metadata as Tree).fields as Record<string, string>;
      expect(Object.keys(fields).sort(), language).toEqual([...METADATA_FIELD_IDS].sort());
      for (const id of METADATA_FIELD_IDS)
        expect(fields[id]?.trim(), `${language} ${id}`).toBeTruthy();
      const reasons = (strings.strip as Tree).keptReasons as Record<string, string>;
      expect(Object.keys(reasons).sort(), language).toEqual([...KEPT_REASONS].sort());
    }
  });

  it('gives every key the core’s code can emit a labelled id', () => {
    const templates = coreKeyTemplates();
    expect(templates.length).toBeGreaterThan(150);
    const unnamed = templates.filter((t) => metadataFieldId(t.key) === null);
    expect(unnamed.map((t) => `${t.file}: ${t.key}`)).toEqual([]);
  });

  it('gives every entry of the core’s name tables a labelled id', () => {
    const keys = [
      ...Object.keys(FRAME_NAMES).map((id) => `id3.${id}`),
      ...Object.keys(FRAME_NAMES).map((id) => `mp4.movie.id3.${id}`),
      ...Object.keys(ILST_LABELS).map((atom) => `mp4.movie.${atom}`),
      ...Object.keys(UDTA_LABELS).map((atom) => `mp4.track1.${atom}`),
      ...Object.keys(INFO_NAMES).map((id) => `wav.INFO.${id}`),
      ...Object.keys(META_FIELDS).map((name) => `odf.meta.${name}`),
      ...Object.keys(DATASETS).map((n) => `iptc.${n}`),
      ...['ARTIST', 'TITLE', 'LOCATION', 'ZQ_ZQ'].map((n) => `Vorbis.${n}`),
      'FLAC.METADATA_BLOCK_PICTURE',
    ];
    expect(keys.filter((k) => metadataFieldId(k) === null)).toEqual([]);
  });

  it('names the same thing alike across formats, nested or not, and refuses to guess', () => {
    const cases: [string, string][] = [
      ['exif.gps.position', 'gpsPosition'],
      ['exif.gps.GPSLatitude[2]', 'gpsLatitude'],
      ['embedded.word/media/image1.jpeg.exif.gps.GPSLongitude', 'gpsLongitude'],
      ['pdf.image6.exif.exif.SerialNumber', 'serialNumber'],
      ['id3.APIC.exif.exif.BodySerialNumber', 'serialNumber'],
      ['exif.exif.LensSerialNumber', 'lensSerialNumber'],
      ['exif.ifd0.Make', 'cameraMake'],
      ['mp4.movie.©mak', 'cameraMake'],
      ['mp4.movie.com.apple.quicktime.model', 'cameraModel'],
      ['mp4.movie.com.apple.quicktime.location.ISO6709', 'location'],
      ['mp4.movie.©xyz', 'gpsPosition'],
      ['office.core.creator', 'author'],
      ['office.core.lastModifiedBy', 'lastEditedBy'],
      ['odf.meta.initial-creator', 'author'],
      ['odf.meta.creator', 'lastEditedBy'],
      ['pdf.Info.Author', 'author'],
      ['pdf.Info.Creator', 'software'],
      ['xmp.dc:creator', 'author'],
      ['office.raw.docProps/core.xml.cp:coreProperties/dc:creator', 'author'],
      ['id3.TPE1', 'artist'],
      ['Vorbis.ARTIST', 'artist'],
      ['wav.INFO.IART', 'artist'],
      ['png.tEXt.Author', 'author'],
      ['exif.exif.DateTimeOriginal', 'takenAt'],
      ['office.comment.word/comments.xml', 'comment'],
      ['office.rsid.word/settings.xml', 'revisionIds'],
      ['office.person', 'person'],
      ['mp4.track3.data', 'metadataTrack'],
      ['jpeg.trailing', 'trailingData'],
      ['embedded.ppt/media/image9.png', 'embeddedFile'],
    ];
    for (const [key, id] of cases) expect(metadataFieldId(key), key).toBe(id);
    for (const key of ['', 'brandnew', 'newformat.Author', 'zq.exif'])
      expect(metadataFieldId(key), key).toBeNull();
  });

  it('names every field found in the sample files of every supported format', async () => {
    const samples = files(join(root, 'tests/fixtures/metadata'), (n) => !/\.(sh|py)$/.test(n));
    expect(samples.length).toBeGreaterThan(30);
    const unnamed = new Set<string>();
    let total = 0;
    for (const path of samples) {
      for (const field of (await inspectFile(path)).fields) {
        total += 1;
        if (metadataFieldId(field.key) === null) unnamed.add(field.key);
      }
    }
    expect(total).toBeGreaterThan(500);
    expect([...unnamed]).toEqual([]);
  }, 60_000);
});
