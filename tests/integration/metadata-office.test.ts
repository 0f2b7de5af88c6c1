import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../helpers/peers';
import { runVigilInProcess } from '../helpers/cli';
import { LibreOffice, type Conversion } from '../helpers/libreoffice';
import { scanPackage } from '../helpers/officeScan';
import {
  DELETION,
  OFFICE_KINDS,
  TRACKED,
  plantedIn,
  postPlant,
  writeSources,
  type OfficeKind,
} from '../helpers/officeSources';

// The documents are made when the test runs: LibreOffice converts flat OpenDocument
// sources carrying planted strings (tests/helpers/officeSources.ts) to the six office
// formats and the two OpenDocument templates. The oracles are real programs too:
// exiftool reads every member it knows, python3's zipfile inflates every member,
// LibreOffice opens the documents and says what text they hold.
const ready =
  hasTool('exiftool', 'libimage-exiftool-perl libarchive-zip-perl') &&
  hasTool('python3', 'python3') &&
  hasTool('compare', 'imagemagick') &&
  hasTool('soffice', 'libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui') &&
  hasTool('pdftotext', 'poppler-utils');

let dir = '';
const original = (t: OfficeKind) => join(dir, `o-${t}.${t}`);
const stripped = (t: OfficeKind) => join(dir, `s-${t}.${t}`);
const family = (t: OfficeKind) =>
  ['docx', 'odt', 'ott'].includes(t)
    ? 'text'
    : ['xlsx', 'ods', 'ots'].includes(t)
      ? 'sheet'
      : 'slides';
// LibreOffice's own text of each document: plain text, the first sheet as CSV, or the slides as PDF.
const TEXT = {
  text: { ext: 'txt', filter: 'Text' },
  sheet: { ext: 'csv', filter: 'Text - txt - csv (StarCalc)' },
  slides: { ext: 'pdf', filter: 'impress_pdf_Export' },
} as const;
const textFile = (t: OfficeKind, which: 'o' | 's') =>
  join(dir, `text-${which}-${t}.${TEXT[family(t)].ext}`);

async function textOf(t: OfficeKind, which: 'o' | 's'): Promise<string> {
  if (family(t) !== 'slides') return readFile(textFile(t, which), 'utf8');
  const r = spawnSync('pdftotext', ['-layout', textFile(t, which), '-'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

const scan = scanPackage;

describe.skipIf(!ready)(
  'office documents made by LibreOffice, against exiftool, python3 zipfile and LibreOffice',
  () => {
    beforeAll(async () => {
      // One folder for the whole file (tempDir() would be emptied after the first test).
      dir = await mkdtemp(join(tmpdir(), 'vigil-office-'));
      const lo = new LibreOffice(dir);
      const made = (t: OfficeKind) => join(dir, `lo-${t}.${t}`);
      lo.convert(writeSources(dir, made));
      for (const t of OFFICE_KINDS) postPlant(t, made(t), original(t), dir);
      for (const t of OFFICE_KINDS) {
        const args = ['strip', original(t), '--out', stripped(t), '--json'];
        const r = await runVigilInProcess(TRACKED[t] ? [...args, '--accept-changes'] : args);
        expect(r.code, `${t}: ${r.stderr}`).toBe(0);
      }
      const texts: Conversion[] = OFFICE_KINDS.flatMap((t) =>
        (['o', 's'] as const).map((w) => ({
          from: w === 'o' ? original(t) : stripped(t),
          to: textFile(t, w),
          filter: TEXT[family(t)].filter,
        })),
      );
      lo.convert(texts);
    }, 600_000);

    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('a document with tracked changes is refused unless the user accepts them', async () => {
      const editors: [OfficeKind, RegExp][] = [
        ['docx', /word processor/],
        ['xlsx', /spreadsheet program/],
        ['odt', /LibreOffice/],
        ['ods', /LibreOffice/],
      ];
      for (const [t, editor] of editors) {
        const out = join(dir, `refused.${t}`);
        const r = await runVigilInProcess(['strip', original(t), '--out', out]);
        expect(r.code, t).toBe(1);
        expect(r.stderr).toMatch(/tracked change/i);
        expect(r.stderr).toMatch(editor);
        expect(r.stderr).toMatch(/--accept-changes/);
        expect(existsSync(out)).toBe(false);
      }
    });

    for (const t of OFFICE_KINDS) {
      it(`${t}: the original carries every planted string; python3 inflates every member of the copy and finds none, and the archive is canonical`, () => {
        const before = scan(original(t));
        expect(before.found).toEqual(expect.arrayContaining(plantedIn(t)));
        const after = scan(stripped(t));
        expect(after.found).toEqual([]);
        expect(after.comment).toBe('');
        expect(after.rsid).toBe(false);
        expect(
          after.names.filter((n) => /thumbnail|customXml|people|printerSettings|tags\//i.test(n)),
        ).toEqual([]);
        if (t.startsWith('o')) expect([after.first, after.method]).toEqual(['mimetype', 0]);
        if (t === 'docx') expect(before.rsid).toBe(true);
      });

      it(`${t}: exiftool (-ee3 -a -G1 -u) finds planted strings in the original and none in the copy`, () => {
        const run = (file: string) =>
          spawnSync('exiftool', ['-j', '-ee3', '-a', '-G1', '-u', file], { encoding: 'utf8' })
            .stdout;
        expect(run(original(t))).toMatch(/CANARY-LO-AUTHOR/);
        const after = run(stripped(t));
        expect(after).not.toMatch(/CANARY/);
        // exiftool reads the document (it would say so if it could not); it does not know the
        // templates' MIME types by name, for the original as for the copy, and reads them all the same.
        expect(
          after.replace(/"ExifTool:Warning": "Unrecognized MIMEType [\w./-]+-template",?/, ''),
        ).not.toMatch(/"(ExifTool:)?(Error|Warning)"/);
      });

      it(`${t}: LibreOffice opens the copy and finds the same text${TRACKED[t] ? ' (with the tracked changes accepted)' : ''}`, async () => {
        const before = await textOf(t, 'o');
        const after = await textOf(t, 's');
        expect(before.trim().length).toBeGreaterThan(20);
        // LibreOffice shows a tracked deletion's text; once accepted it is gone, and nothing else changes.
        // A changed cell keeps its new value once accepted: the sheet's text is the same.
        const deletes = TRACKED[t] && family(t) === 'text';
        const expected = deletes ? before.replace(DELETION, '') : before;
        if (deletes) expect(expected).not.toBe(before);
        expect(after).toBe(expected);
        expect(after).not.toMatch(/CANARY/);
      });
    }
  },
);
