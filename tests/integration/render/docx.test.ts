// The DOCX renderer, read back from the zip: every heading, label and value in
// word/document.xml, right-to-left paragraphs and runs where the text is,
// real Word styles, and core properties that name no one. LibreOffice, when
// installed, opens the file and gives the same text back.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../../electron/core/render';
import { renderDocx } from '../../../electron/core/render';
import { isVigilError } from '../../../electron/core/errors';
import { tempDir } from '../../helpers/tmp';
import type { DocxParagraph } from './helpers';
import {
  collapseSpace,
  docxParagraphs,
  expectedStrings,
  has,
  run,
  saveTemp,
  unzip,
} from './helpers';
import {
  ARABIC_NAME,
  ARABIC_NAME_2,
  CYRILLIC_NAME,
  arabicSample,
  englishSample,
  russianSample,
} from './samples';

const SOFFICE = has('soffice');
if (!SOFFICE)
  console.warn('LibreOffice (soffice) not installed: the DOCX conversion tests are skipped.');

const samples: [string, () => DocumentModel][] = [
  ['English', englishSample],
  ['Russian', russianSample],
  ['Arabic (right to left)', arabicSample],
];

async function parts(doc: DocumentModel): Promise<Map<string, { data: Buffer; mtime: Date }>> {
  return unzip(await renderDocx(doc));
}

async function paragraphsOf(
  doc: DocumentModel,
  part = 'word/document.xml',
): Promise<DocxParagraph[]> {
  const files = await parts(doc);
  return docxParagraphs(files.get(part)!.data.toString('utf8'));
}

const ARABIC = /\p{Script=Arabic}/u;
// Arabic letters; Arabic-Indic digits resolve to a left-to-right level, like all numbers.
const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/u;
const LATIN_OR_CYRILLIC = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;

describe('renderDocx', () => {
  it('writes a DOCX package', async () => {
    const files = await parts(englishSample());
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/styles.xml',
      'word/numbering.xml',
    ]) {
      expect(files.has(part), part).toBe(true);
    }
  });

  for (const [name, sample] of samples) {
    it(`${name}: word/document.xml holds every heading, label and value`, async () => {
      const doc = sample();
      const paragraphs = await paragraphsOf(doc);
      const texts = paragraphs.map((p) => collapseSpace(p.text));
      for (const expected of expectedStrings(doc)) {
        // A checklist item's paragraph also holds its marker and note.
        const found = texts.some((text) => text.includes(collapseSpace(expected)));
        expect(found, `missing from the DOCX: ${expected}`).toBe(true);
      }
    });
  }

  it('keeps the names intact', async () => {
    const text = (await paragraphsOf(englishSample())).map((p) => p.text).join('\n');
    expect(text).toContain(ARABIC_NAME);
    expect(text).toContain(ARABIC_NAME_2);
    expect(text).toContain(CYRILLIC_NAME);
  });

  it('marks Arabic paragraphs right-to-left and Arabic runs as complex script', async () => {
    const arabic = await paragraphsOf(arabicSample());
    const withArabic = arabic.filter((p) => ARABIC.test(p.text));
    expect(withArabic.length).toBeGreaterThan(10);
    for (const p of withArabic) {
      expect(p.bidi, `not right-to-left: ${p.text}`).toBe(true);
      for (const r of p.runs)
        if (ARABIC_LETTER.test(r.text)) expect(r.rtl, `run not rtl: ${r.text}`).toBe(true);
    }
    // A Latin or Cyrillic value in the Arabic document is its own left-to-right paragraph.
    const cyrillic = arabic.find((p) => p.text === CYRILLIC_NAME)!;
    expect(cyrillic.bidi).toBe(false);
    expect(cyrillic.runs.every((r) => !r.rtl)).toBe(true);
    // An English term inside Arabic prose is a left-to-right run of a right-to-left paragraph.
    const prose = arabic.find((p) => p.text.includes('Human Rights Watch'))!;
    expect(prose.bidi).toBe(true);
    expect(prose.runs.find((r) => r.text.includes('Human Rights Watch'))!.rtl).toBe(false);

    const english = await paragraphsOf(englishSample());
    const mixed = english.find((p) => p.text.startsWith('On 3 March 2024'))!;
    expect(mixed.bidi).toBe(false);
    const nameRun = mixed.runs.find((r) => r.text.includes(ARABIC_NAME))!;
    expect(nameRun.text).toBe(ARABIC_NAME);
    expect(nameRun.rtl).toBe(true);
    for (const r of mixed.runs) if (LATIN_OR_CYRILLIC.test(r.text)) expect(r.rtl).toBe(false);
    // An Arabic value in the English document is detected as right-to-left.
    expect(english.find((p) => p.text === ARABIC_NAME)!.bidi).toBe(true);
  });

  it('uses real Word styles', async () => {
    const files = await parts(englishSample());
    const styles = files.get('word/styles.xml')!.data.toString('utf8');
    for (const id of [
      'Normal',
      'Title',
      'Heading1',
      'Heading2',
      'Heading3',
      'ListParagraph',
      'VigilTable',
      'VigilMissing',
      'VigilWithheld',
    ]) {
      expect(styles, id).toContain(`w:styleId="${id}"`);
    }
    const paragraphs = docxParagraphs(files.get('word/document.xml')!.data.toString('utf8'));
    const styleOf = (text: string) => paragraphs.find((p) => p.text === text)?.style;
    expect(styleOf('Submission to the Working Group on Arbitrary Detention')).toBe('Title');
    expect(styleOf('I. Identity')).toBe('Heading1');
    expect(styleOf('II. Arrest')).toBe('Heading2');
    expect(styleOf('Categories invoked')).toBe('Heading3');
    const item = paragraphs.find((p) => p.text === 'Petition to the prosecutor')!;
    expect(item.style).toBe('ListParagraph');
    expect(item.xml).toContain('<w:numPr>');
    const document = files.get('word/document.xml')!.data.toString('utf8');
    expect(document).toContain('<w:tblStyle w:val="VigilTable"/>');
    expect(document).toContain('<w:tblHeader/>');
    // Markers carry their own character style.
    const missingRun = paragraphs
      .flatMap((p) => p.runs)
      .find((r) => r.text === '[missing: legal basis]')!;
    expect(missingRun.style).toBe('VigilMissing');
    const withheldRun = paragraphs
      .flatMap((p) => p.runs)
      .find((r) => r.text === '[withheld: consent]')!;
    expect(withheldRun.style).toBe('VigilWithheld');
    // Checklist items are Word checkboxes, ticked or not.
    expect(document).toContain('<w14:checked w14:val="1"/>');
    expect(document).toContain('<w14:checked w14:val="0"/>');
  });

  it('puts the header, the footer and a page-number field in', async () => {
    const files = await parts(arabicSample());
    const header = docxParagraphs(files.get('word/header1.xml')!.data.toString('utf8'));
    expect(header.map((p) => p.text)).toContain('استبيان نموذجي — سري');
    const footerXml = files.get('word/footer1.xml')!.data.toString('utf8');
    expect(docxParagraphs(footerXml).map((p) => p.text)).toContain('سري');
    expect(footerXml).toMatch(/PAGE/);
    expect(footerXml).toMatch(/NUMPAGES/);
    expect(footerXml).toContain('صفحة');
  });

  it('names no one and records no time unless asked', async () => {
    const buffer = await renderDocx(englishSample());
    const files = await unzip(buffer);
    const core = files.get('docProps/core.xml')!.data.toString('utf8');
    for (const tag of [
      'dc:creator',
      'cp:lastModifiedBy',
      'dcterms:created',
      'dcterms:modified',
      'dc:title',
    ]) {
      expect(core, tag).not.toContain(tag);
    }
    for (const [name, file] of files) {
      expect(file.data.toString('utf8'), name).not.toMatch(/Un-named|docx\.js|dolan/i);
      expect(file.mtime.getFullYear(), name).toBe(1980);
    }
    const app = files.get('docProps/app.xml')!.data.toString('utf8');
    expect(app).not.toContain('<Application>');
  });

  it('writes the properties the caller gives', async () => {
    const created = new Date('2024-05-01T10:00:00Z');
    const files = await parts({
      ...englishSample(),
      meta: { title: 'Case <1>', author: 'Legal team', created },
    });
    const core = files.get('docProps/core.xml')!.data.toString('utf8');
    expect(core).toContain('<dc:title>Case &lt;1&gt;</dc:title>');
    expect(core).toContain('<dc:creator>Legal team</dc:creator>');
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T10:00:00Z</dcterms:created>',
    );
    for (const [, file] of files) expect(file.mtime.getFullYear()).toBe(2024);
  });

  it('is deterministic: the same document gives the same bytes', async () => {
    const created = new Date('2024-05-01T10:00:00Z');
    const a = await renderDocx({ ...arabicSample(), meta: { created } });
    const b = await renderDocx({ ...arabicSample(), meta: { created } });
    expect(a.equals(b)).toBe(true);
  });

  it('keeps line breaks inside a value and survives control characters', async () => {
    const doc: DocumentModel = {
      title: 'x',
      language: 'en',
      blocks: [
        { type: 'fields', fields: [{ label: 'Address', value: 'Line one\nLine two\u0007' }] },
      ],
    };
    const paragraphs = await paragraphsOf(doc);
    expect(paragraphs.map((p) => p.text)).toContain('Line one\nLine two\ufffd');
  });

  it('refuses a malformed document', async () => {
    const bad = { title: 'x', language: 'en', blocks: [{ type: 'heading', level: 4, text: 'x' }] };
    const error = await renderDocx(bad as unknown as DocumentModel).catch((e: unknown) => e);
    expect(isVigilError(error, 'INVALID_INPUT')).toBe(true);
  });

  it.skipIf(!SOFFICE)(
    'opens in LibreOffice, which gives every string back',
    async () => {
      const dir = await tempDir();
      const inputs: string[] = [];
      for (const [index, [, sample]] of samples.entries()) {
        inputs.push(await saveTemp(`doc${index}.docx`, await renderDocx(sample())));
      }
      const profile = join(await tempDir(), 'profile');
      const result = run('soffice', [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'txt:Text (encoded):UTF8',
        '--outdir',
        dir,
        ...inputs,
      ]);
      expect(result.status, result.stderr).toBe(0);
      for (const [index, [, sample]] of samples.entries()) {
        const text = collapseSpace(await readFile(join(dir, `doc${index}.txt`), 'utf8'));
        for (const expected of expectedStrings(sample())) {
          expect(text, `LibreOffice lost: ${expected}`).toContain(collapseSpace(expected));
        }
      }
    },
    180_000,
  );
});
