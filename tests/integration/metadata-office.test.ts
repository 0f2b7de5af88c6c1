import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../helpers/peers';
import { runVigilInProcess } from '../helpers/cli';
import { FIXTURES } from '../unit/metadata/helpers';
import {
  DELETED_TEXT,
  HAS_CHANGES,
  OFFICE_FIXTURES,
  type OfficeFixture,
} from '../unit/metadata/office-canaries';

// The oracles are real programs: exiftool reads every member it knows, python3's
// zipfile inflates every member, LibreOffice opens the documents and says what text they hold.
const ready =
  hasTool('exiftool', 'libimage-exiftool-perl libarchive-zip-perl') &&
  hasTool('python3', 'python3') &&
  hasTool('soffice', 'libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui') &&
  hasTool('pdftotext', 'poppler-utils');

let dir = '';
// OpenDocument templates, made by LibreOffice from the text and spreadsheet fixtures when the test runs.
const TEMPLATES = { ott: 'odt', ots: 'ods' } as const;
type Kind = OfficeFixture | keyof typeof TEMPLATES;
const ALL: Kind[] = [...OFFICE_FIXTURES, 'ott', 'ots'];
const changes = (t: Kind): boolean => HAS_CHANGES[t === 'ott' || t === 'ots' ? TEMPLATES[t] : t];
const original = (t: Kind) => join(dir, `o-${t}.${t}`);
const stripped = (t: Kind) => join(dir, `s-${t}.${t}`);

/** LibreOffice's own text of each document: plain text, the first sheet as CSV, or the slides' text. */
function libreOfficeText(files: string[], filter: string, outdir: string): void {
  const profile = `file://${join(dir, 'lo-profile')}`;
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      filter,
      '--outdir',
      outdir,
      ...files,
    ],
    { encoding: 'utf8', timeout: 240_000 },
  );
  expect(r.status, r.stderr).toBe(0);
}

async function textOf(t: Kind, which: 'o' | 's'): Promise<string> {
  const base = join(dir, 'text', `${which}-${t}`);
  if (t === 'docx' || t === 'odt' || t === 'ott') return readFile(`${base}.txt`, 'utf8');
  if (t === 'xlsx' || t === 'ods' || t === 'ots') return readFile(`${base}.csv`, 'utf8');
  const r = spawnSync('pdftotext', ['-layout', `${base}.pdf`, '-'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

const PY_SCAN = `
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, 'bad CRC'
names = z.namelist()
hits = [n for n in names if b'CANARY' in z.read(n) or 'CANARY'.encode('utf-16-le') in z.read(n)]
first = z.infolist()[0]
print(len(names), first.filename, first.compress_type, ' '.join(hits) or '-', z.comment.decode() or '-')
`;

describe.skipIf(!ready)(
  'office documents against exiftool, python3 zipfile and LibreOffice',
  () => {
    beforeAll(async () => {
      // One folder for the whole file (tempDir() would be emptied after the first test).
      dir = await mkdtemp(join(tmpdir(), 'vigil-office-'));
      for (const t of OFFICE_FIXTURES)
        await copyFile(join(FIXTURES, `office/evidence.${t}`), original(t));
      for (const [t, from] of Object.entries(TEMPLATES)) {
        libreOfficeText([original(from)], t, dir);
        await rename(join(dir, `o-${from}.${t}`), original(t as Kind));
      }
      for (const t of ALL) {
        const args = ['strip', original(t), '--out', stripped(t), '--json'];
        const r = await runVigilInProcess(changes(t) ? [...args, '--accept-changes'] : args);
        expect(r.code, r.stderr).toBe(0);
      }
      const outdir = join(dir, 'text');
      const pair = (types: Kind[]) => types.flatMap((t) => [original(t), stripped(t)]);
      libreOfficeText(pair(['docx', 'odt', 'ott']), 'txt:Text', outdir);
      libreOfficeText(pair(['xlsx', 'ods', 'ots']), 'csv', outdir);
      libreOfficeText(pair(['pptx', 'odp']), 'pdf', outdir);
    }, 600_000);

    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    for (const t of ALL) {
      it(`${t}: exiftool (-ee3 -a -G1 -u) finds every planted string in the original and none in the copy`, () => {
        const run = (file: string) =>
          spawnSync('exiftool', ['-j', '-ee3', '-a', '-G1', '-u', file], { encoding: 'utf8' })
            .stdout;
        expect(run(original(t))).toMatch(/CANARY/);
        const after = run(stripped(t));
        expect(after).not.toMatch(/CANARY/);
        // exiftool reads the document (it would say so if it could not); it does not know the
        // templates' MIME types by name, for the original as for the copy, and reads them all the same.
        expect(
          after.replace(/"ExifTool:Warning": "Unrecognized MIMEType [\w./-]+-template",?/, ''),
        ).not.toMatch(/"(ExifTool:)?(Error|Warning)"/);
      });

      it(`${t}: python3 zipfile inflates every member of the copy, finds no planted string, and the archive is canonical`, () => {
        const scan = (file: string) =>
          spawnSync('python3', ['-c', PY_SCAN, file], { encoding: 'utf8' })
            .stdout.trim()
            .split(' ');
        expect(scan(original(t))[3]).not.toBe('-');
        const [, first, method, hits, comment] = scan(stripped(t));
        expect(hits).toBe('-');
        expect(comment).toBe('-');
        if (t.startsWith('od')) expect([first, method]).toEqual(['mimetype', '0']);
      });

      it(`${t}: LibreOffice opens the copy and finds the same text${changes(t) ? ' (with the tracked changes accepted)' : ''}`, async () => {
        const before = await textOf(t, 'o');
        const after = await textOf(t, 's');
        expect(before.trim().length).toBeGreaterThan(20);
        // LibreOffice shows a tracked deletion's text; once accepted it is gone, and nothing else changes.
        const expected =
          changes(t) && (t === 'docx' || t === 'odt' || t === 'ott')
            ? before.replace(DELETED_TEXT, '')
            : before;
        expect(after).toBe(expected);
        expect(after).not.toMatch(/CANARY/);
      });
    }

    it('the raw bytes of every copy hold no planted string', async () => {
      for (const t of ALL) expect((await readFile(stripped(t))).includes('CANARY')).toBe(false);
    });
  },
);
