// The PDF renderer, read back with poppler (pdftotext, pdffonts, pdfinfo) and
// checked with qpdf: every heading, label and value comes back, Arabic and
// Cyrillic names intact and in logical order, fonts embedded as subsets, and
// nothing in the file names the software or a person unless asked.
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../../../electron/core/render';
import { FONT_FILES, defaultFontDir, missing, renderPdf } from '../../../electron/core/render';
import { isVigilError } from '../../../electron/core/errors';
import { tempDir } from '../../helpers/tmp';
import {
  collapseSpace,
  expectedStrings,
  has,
  pdfText,
  run,
  saveTemp,
  stripArabicMarks,
  stripBidiControls,
} from './helpers';
import {
  ARABIC_NAME,
  ARABIC_NAME_2,
  CYRILLIC_NAME,
  arabicSample,
  englishSample,
  russianSample,
} from './samples';

const POPPLER = has('pdftotext') && has('pdffonts') && has('pdfinfo');
const QPDF = has('qpdf');
if (!POPPLER)
  console.warn(
    'poppler-utils (pdftotext, pdffonts, pdfinfo) not installed: PDF read-back tests are skipped.',
  );
if (!QPDF) console.warn('qpdf not installed: the PDF structure check is skipped.');

/**
 * pdftotext gives right-to-left lines in logical order but puts the spaces
 * around embedded left-to-right runs (numbers, Latin names) on the wrong
 * side, and lifts raised Arabic vowel marks onto a line of their own. Text is
 * compared without either; names are also checked exactly, spaces included.
 */
function squash(text: string): string {
  return stripArabicMarks(text).replace(/\s+/g, '');
}

/**
 * In right-to-left lines pdftotext also attaches brackets and stops that
 * touch a number or a Latin run to that run ("(الساعة 10:30)" comes back as
 * "الساعة )10:30"), although they are drawn in the right place (see the
 * bracket test below, where they touch Arabic only); and a line whose words
 * carry raised vowel marks may come back split in two, halves swapped. So in
 * an Arabic document each word of the prose is looked for on its own.
 */
function words(text: string): string[] {
  return stripArabicMarks(text)
    .replace(/[()[\].,:،\u202a-\u202e]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

const samples: [string, () => DocumentModel][] = [
  ['English', englishSample],
  ['Russian', russianSample],
  ['Arabic (right to left)', arabicSample],
];

function pdfinfo(path: string): Record<string, string> {
  const result = run('pdfinfo', ['-enc', 'UTF-8', path]);
  expect(result.status).toBe(0);
  const info: Record<string, string> = {};
  for (const line of result.stdout.split('\n')) {
    const match = /^([A-Za-z ]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!.trim()] = match[2]!.trim();
  }
  return info;
}

describe('renderPdf', () => {
  it('writes a PDF', async () => {
    const pdf = await renderPdf(englishSample());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  for (const [name, sample] of samples) {
    it.skipIf(!POPPLER)(
      `${name}: pdftotext gives back every heading, label and value`,
      async () => {
        const doc = sample();
        const raw = await pdfText(await renderPdf(doc), true);
        const text = squash(stripBidiControls(raw));
        const found = new Set(words(raw));
        for (const expected of expectedStrings(doc)) {
          if (doc.language !== 'ar' || text.includes(squash(expected))) {
            expect(text, `missing from the PDF text: ${expected}`).toContain(squash(expected));
          } else {
            for (const word of words(expected))
              expect(found, `missing from the PDF text: ${word}`).toContain(word);
          }
        }
      },
    );
  }

  it.skipIf(!POPPLER)('keeps Arabic and Cyrillic names intact, in logical order', async () => {
    for (const sample of [englishSample, russianSample, arabicSample]) {
      const text = await pdfText(await renderPdf(sample()));
      expect(text).toContain(ARABIC_NAME);
      if (sample !== russianSample) expect(text).toContain(ARABIC_NAME_2);
      expect(text).toContain(CYRILLIC_NAME);
    }
  });

  it.skipIf(!POPPLER)(
    'marks missing and withheld facts visibly, in the document language',
    async () => {
      const en = await pdfText(await renderPdf(englishSample()));
      expect(collapseSpace(en)).toContain('[missing: legal basis]');
      expect(en).toContain('[missing: birth date]');
      expect(en).toContain('[missing: Profession]'); // an empty value
      expect(en).toContain('[withheld: consent]');
      const ru = await pdfText(await renderPdf(russianSample()));
      expect(ru).toContain('[нет данных: дата рождения]');
      expect(ru).toContain('[скрыто: согласие]');
      const ar = squash(await pdfText(await renderPdf(arabicSample())));
      expect(ar).toContain(squash('[غير متوفر: تاريخ الميلاد]'));
      expect(ar).toContain(squash('[محجوب: الموافقة]'));
    },
  );

  it.skipIf(!POPPLER)('shapes right-to-left text that extracts in logical order', async () => {
    const doc: DocumentModel = {
      title: '',
      language: 'ar',
      blocks: [
        // A ligature (lam-alef), the Allah ligature, brackets (mirrored),
        // European and Arabic-Indic digits, and an English term.
        { type: 'paragraph', text: 'لا إله (تجربة) رقم 2024 و١٢٣ عند UN Working Group اليوم' },
      ],
    };
    const text = await pdfText(await renderPdf(doc));
    expect(squash(text)).toContain(
      squash('لا إله (تجربة) رقم 2024 و١٢٣ عند UN Working Group اليوم'),
    );
    // Words without neighbouring numbers or Latin come back exactly.
    expect(text).toContain('لا إله (تجربة) رقم');
    expect(text).toContain('UN Working Group');
  });

  it.skipIf(!POPPLER)('puts "Page N of M" in the footer, localised', async () => {
    const en = await pdfText(await renderPdf(englishSample()));
    expect(en).toContain('Page 1 of 3');
    expect(en).toContain('Page 3 of 3');
    const ar = squash(await pdfText(await renderPdf(arabicSample())));
    expect(ar).toContain(squash('صفحة 1 من 1'));
  });

  it.skipIf(!POPPLER)('embeds every font as a subset with a ToUnicode map', async () => {
    const path = await saveTemp('fonts.pdf', await renderPdf(arabicSample()));
    const result = run('pdffonts', [path]);
    expect(result.status).toBe(0);
    const rows = result.stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim());
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      // name, type, encoding, emb, sub, uni
      expect(row).toMatch(
        /^[A-Z]{6}\+Noto(Sans|NaskhArabic)-\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/,
      );
    }
    expect(result.stdout).toContain('NotoNaskhArabic-Bold');
    expect(result.stdout).toContain('NotoSans-Regular');
  });

  it.skipIf(!QPDF)('passes qpdf --check', async () => {
    for (const sample of [englishSample, russianSample, arabicSample]) {
      const path = await saveTemp('check.pdf', await renderPdf(sample()));
      const result = run('qpdf', ['--check', path]);
      expect(result.stdout).toContain('No syntax or stream encoding errors found');
      expect(result.stdout + result.stderr).not.toMatch(/WARNING/i);
      expect(result.status).toBe(0);
    }
  });

  it('names no software, person or time unless asked', async () => {
    const pdf = await renderPdf(englishSample());
    const raw = pdf.toString('latin1');
    for (const leak of [
      '/Producer',
      '/Creator',
      '/Author',
      '/CreationDate',
      '/ModDate',
      '/Title',
      '/Metadata',
    ]) {
      expect(raw, leak).not.toContain(leak);
    }
    expect(raw.toLowerCase()).not.toContain('pdfkit');
    if (POPPLER) {
      const info = pdfinfo(await saveTemp('info.pdf', pdf));
      expect(info.Producer).toBeUndefined();
      expect(info.Creator).toBeUndefined();
      expect(info.Author).toBeUndefined();
      expect(info.Title).toBeUndefined();
      expect(info.CreationDate).toBeUndefined();
      expect(info.Pages).toBe('3');
    }
  });

  it('writes the metadata the caller gives', async () => {
    const created = new Date('2024-05-01T10:00:00Z');
    const doc: DocumentModel = {
      ...englishSample(),
      meta: { title: `Case of ${ARABIC_NAME}`, author: 'Legal team', created },
    };
    const pdf = await renderPdf(doc);
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Title');
    expect(raw).toContain('/Author');
    expect(raw).toContain('/CreationDate');
    expect(raw).toContain('(D:20240501100000Z)');
    expect(raw).not.toContain('/Producer');
    expect(raw).not.toContain('/Creator');
    if (POPPLER) {
      const info = pdfinfo(await saveTemp('meta.pdf', pdf));
      expect(info.Title).toBe(`Case of ${ARABIC_NAME}`);
      expect(info.Author).toBe('Legal team');
      expect(info.CreationDate).toBeDefined();
    }
  });

  it('is deterministic: the same document gives the same bytes', async () => {
    const a = await renderPdf(arabicSample());
    const b = await renderPdf(arabicSample());
    expect(a.equals(b)).toBe(true);
    const created = new Date('2024-05-01T10:00:00Z');
    const c = await renderPdf({ ...englishSample(), meta: { created } });
    const d = await renderPdf({ ...englishSample(), meta: { created } });
    expect(c.equals(d)).toBe(true);
    // Different content, different file ID.
    expect(
      c.equals(await renderPdf({ ...englishSample(), title: 'Other', meta: { created } })),
    ).toBe(false);
  });

  it.skipIf(!POPPLER)(
    'flows a long document over many pages, repeating table headers',
    async () => {
      const blocks: Block[] = [];
      for (let i = 1; i <= 60; i += 1) {
        blocks.push({ type: 'heading', level: 2, text: `Section ${i}` });
        blocks.push({
          type: 'paragraph',
          text: `Paragraph ${i}: ${'The detention of Ольга Петровна Смирнова and عبد الله الحسيني continued without review. '.repeat(6)}`,
        });
        blocks.push({
          type: 'table',
          header: ['Date', 'Event'],
          rows: [
            [`2024-01-${String((i % 28) + 1).padStart(2, '0')}`, 'Hearing postponed'],
            ['2024-02-01', missing('outcome')],
          ],
        });
      }
      blocks.push({ type: 'paragraph', text: 'The end of the long document.' });
      const pdf = await renderPdf({ title: 'Long report', language: 'en', blocks });
      const path = await saveTemp('long.pdf', pdf);
      const pages = Number(pdfinfo(path).Pages);
      expect(pages).toBeGreaterThanOrEqual(20);
      const text = collapseSpace(await pdfText(pdf));
      expect(text).toContain('Section 60');
      expect(text).toContain('The end of the long document.');
      expect(text).toContain(`Page ${pages} of ${pages}`);
    },
  );

  it.skipIf(!POPPLER)('wraps a word longer than the line instead of losing it', async () => {
    const long = 'x'.repeat(400);
    const text = (
      await pdfText(
        await renderPdf({ title: '', language: 'en', blocks: [{ type: 'paragraph', text: long }] }),
      )
    ).replace(/\s+/g, '');
    expect(text).toContain(long);
  });

  it('takes the font directory as a parameter', async () => {
    const dir = join(await tempDir(), 'fonts');
    await mkdir(dir);
    for (const file of FONT_FILES) await cp(join(defaultFontDir(), file), join(dir, file));
    const pdf = await renderPdf(russianSample(), { fontDir: dir });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const empty = await tempDir();
    const error = await renderPdf(russianSample(), { fontDir: empty }).catch((e: unknown) => e);
    expect(isVigilError(error, 'NOT_FOUND')).toBe(true);
  });

  it('refuses a malformed document', async () => {
    const bad = {
      title: 'x',
      language: 'en',
      blocks: [{ type: 'table', header: ['a', 'b'], rows: [['only one']] }],
    };
    const error = await renderPdf(bad as unknown as DocumentModel).catch((e: unknown) => e);
    expect(isVigilError(error, 'INVALID_INPUT')).toBe(true);
    expect((error as Error).message).toMatch(/row 1 does not have 2 cells/);
  });
});
