import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistItem, DossierLanguage, MissingItem } from '../../../shared/dossier';
import { VocabularySet, type VocabularyName } from '../../../shared/vocabularies';
import { exportDossier, getWgadSubmission, previewExport } from '../../../electron/core/dossier';
import { prepareRedaction } from '../../../electron/core/dossier/plan';
import { WORDS } from '../../../electron/core/dossier/templates/words';
import { labelsFor } from '../../../electron/core/render';
import {
  createCase,
  createEvent,
  createPerson,
  exportCaseDocument,
  getOrganisation,
} from '../../../electron/core/records';
import { intakeFile, listEvidence } from '../../../electron/core/evidence';
import { generateOrgKey } from '../../../electron/core/pgp';
import type { Vault } from '../../../electron/core/vault/vault';
import { docxBody, docxParts, docxPlainText, type DocxElement } from '../../helpers/docxRead';
import { hasTool } from '../../helpers/peers';
import { newVault } from '../../helpers/vault';
import {
  buildDefendersCase,
  DEFENDERS,
  ORGANISATION,
  STATEMENTS,
  WITNESSES,
} from '../../helpers/wgadDefenders';

/**
 * The WGAD communication as a lawyer receives it, read back from the files:
 * a realistic case (four detained defenders, witnesses whose consent
 * differs, statements in three languages) and a sparse one (almost nothing
 * recorded), each rendered in English, French, Spanish, Arabic and Russian.
 * The document's `[missing]` cells and the checklist (`export --check`) are
 * compared one by one; every detained person has parts I to III; no
 * internal label, no English in another language, no heading alone at the
 * bottom of a page.
 */

const run = promisify(execFile);
const hasPoppler = hasTool('pdftotext', 'apt-get install poppler-utils');
const LANGUAGES: readonly DossierLanguage[] = ['en', 'fr', 'es', 'ar', 'ru'];
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
// pdftotext also detaches Arabic vowel marks from their letters: they are left out of comparisons.
const clean = (text: string) =>
  text
    .replace(BIDI_CONTROLS, '')
    .replace(/[\u064b-\u065f\u0670]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();

interface Rendered {
  language: DossierLanguage;
  missing: MissingItem[];
  checklist: ChecklistItem[];
  docx: DocxElement[];
  docxText: string;
  pdfPages: string[];
  pdfText: string;
  /** The PDF itself (removed after the tests). */
  pdf: string;
  /** Every string the case holds (names, places, free text…), to tell data from fixed text. */
  data: string[];
}

interface Built {
  vault: Vault;
  caseId: string;
  rendered: Map<DossierLanguage, Rendered>;
}

const roots: string[] = [];

async function pdfPages(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.split('\f').filter((page) => page.trim() !== '');
}

async function pdfLayoutPage(file: string, page: number): Promise<string[]> {
  const { stdout } = await run(
    'pdftotext',
    ['-enc', 'UTF-8', '-layout', '-f', String(page), '-l', String(page), file, '-'],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout.split('\n').filter((line) => line.trim() !== '');
}

/** Ids, vocabulary terms and language tags are not printed as such: they are not data to strip. */
const STRUCTURAL = /^(?:[0-9a-f-]{36}|[a-z0-9]+(?:-[a-z0-9]+)*|[A-Z]{2})$/u;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.trim()) out.push(value);
  } else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

async function render(vault: Vault, caseId: string): Promise<Map<DossierLanguage, Rendered>> {
  const root = await mkdtemp(join(tmpdir(), 'vigil-wgad-'));
  roots.push(root);
  const document = await exportCaseDocument(vault, caseId);
  const submission = await getWgadSubmission(vault, caseId);
  const org = await getOrganisation(vault);
  const evidence = (await listEvidence(vault, caseId)).map((e) => [e.title, e.description]);
  const recorded = strings([document, submission, org, evidence]);
  const out = new Map<DossierLanguage, Rendered>();
  for (const language of LANGUAGES) {
    const request = {
      caseId,
      template: 'wgad' as const,
      language,
      includePrivate: false,
      originals: [],
    };
    const preview = await previewExport(vault, request);
    // The texts as they leave (names replaced as consent allows), and as recorded.
    const released = await prepareRedaction(vault, { ...request, audience: undefined });
    const data = [
      ...strings([released.redacted.document, released.redacted.submission]),
      ...recorded,
    ].filter((text) => text.trim().length >= 3 && !STRUCTURAL.test(text.trim()));
    const dir = join(root, language);
    await exportDossier(vault, request, { kind: 'directory', path: dir });
    const pdf = join(dir, 'wgad-communication.pdf');
    const docx = join(dir, 'wgad-communication.docx');
    const pages = hasPoppler ? await pdfPages(pdf) : [];
    out.set(language, {
      language,
      missing: preview.missing,
      checklist: preview.checklist,
      docx: await docxBody(docx),
      docxText: await docxPlainText(docx),
      pdfPages: pages,
      pdfText: pages.join('\n'),
      pdf,
      data: [...data, ...preview.evidence.map((_, i) => `evidence/E0${i + 1}.jpg`)],
    });
  }
  return out;
}

/** A case with almost nothing recorded: a name, an arrest date, an undescribed photo; no organisation profile. */
async function buildSparseCase(vault: Vault): Promise<string> {
  await generateOrgKey(vault, { name: 'Sparse test', email: 'sparse@example.org' });
  const { id: caseId } = await createCase(vault, { title: 'Arrest of a poet' });
  const poet = await createPerson(
    vault,
    {
      name: 'حمید کریمی',
      consent: { scope: 'named-mechanisms', mechanisms: ['wgad'], naming: 'name' },
    },
    { caseId, role: 'victim' },
  );
  await createEvent(vault, caseId, {
    eventType: 'arbitrary-arrest',
    start: { value: '2025-09', qualifier: 'approximate' },
    victims: [poet.id],
  });
  await intakeFile(vault, {
    caseId,
    path: join(import.meta.dirname, '../../fixtures/metadata/camera.jpg'),
  });
  return caseId;
}

const built: { full?: Built; sparse?: Built } = {};

/**
 * With VIGIL_SCREENSHOTS=1, the first pages of the full case's PDF in every language go to
 * docs/wgad/ (as the UI screenshots go to docs/screenshots/), for people to look at.
 */
async function pagePictures(rendered: Map<DossierLanguage, Rendered>): Promise<void> {
  if (process.env.VIGIL_SCREENSHOTS !== '1' || !hasPoppler) return;
  const out = resolve(import.meta.dirname, '../../../docs/wgad');
  await mkdir(out, { recursive: true });
  for (const [language, r] of rendered)
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', r.pdf, join(out, language)]);
}

beforeAll(async () => {
  const full = await newVault();
  const { caseId } = await buildDefendersCase(full.vault);
  built.full = { vault: full.vault, caseId, rendered: await render(full.vault, caseId) };
  await pagePictures(built.full.rendered);
  const sparse = await newVault();
  const sparseId = await buildSparseCase(sparse.vault);
  built.sparse = {
    vault: sparse.vault,
    caseId: sparseId,
    rendered: await render(sparse.vault, sparseId),
  };
}, 900_000);

afterAll(async () => {
  await built.full?.vault.lock();
  await built.sparse?.vault.lock();
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

const detaineeHeading = (language: DossierLanguage) => {
  const template = WORDS[language].wgad.detainee;
  return template.slice(0, template.indexOf('{n}'));
};

/**
 * The `[missing]` cells of the DOCX, each with the person part it is in (the
 * n-th detained person, counted from the headings) and its label (the row's
 * label, or the heading above a paragraph).
 */
function docxMissing(r: Rendered): string[] {
  const marker = labelsFor({ language: r.language, title: '', blocks: [] }).missingBare;
  const prefix = detaineeHeading(r.language);
  const found: string[] = [];
  let person: string | null = null;
  let heading = '';
  const seen: string[] = [];
  for (const element of r.docx) {
    if (element.kind === 'paragraph') {
      const text = clean(element.text);
      if (/^Heading[123]$/.test(element.style ?? '')) {
        heading = text;
        if (text.startsWith(prefix)) {
          if (!seen.includes(text)) seen.push(text);
          person = String(seen.indexOf(text) + 1);
        } else if (element.style === 'Heading1') person = null;
      } else if (text.includes(marker)) found.push(`${person}|${heading}`);
      continue;
    }
    const header = element.rows[0]?.cells.map(clean) ?? [];
    for (const row of element.rows) {
      const cells = row.cells.map(clean);
      cells.forEach((cell, c) => {
        if (!cell.includes(marker)) return;
        // A field row: label | value. The evidence table: no. | description | file | hash.
        const label =
          cells.length === 2 ? cells[0]! : `${header[c]}: ${cells[c + 1]!.split(' ')[0]}`;
        found.push(`${person}|${label}`);
      });
    }
  }
  return found.sort();
}

/** The checklist's missing items in the same terms: the person's place among the detainees, and the label. */
function checklistMissing(r: Rendered): string[] {
  const people: string[] = [];
  for (const item of r.checklist)
    if (item.person && !people.includes(item.person)) people.push(item.person);
  return r.missing
    .map((m) => `${m.person === null ? null : people.indexOf(m.person) + 1}|${clean(m.label)}`)
    .sort();
}

for (const kind of ['full', 'sparse'] as const) {
  describe(`the WGAD communication for the ${kind} case`, () => {
    for (const language of LANGUAGES) {
      describe(language, () => {
        const r = () => built[kind]!.rendered.get(language)!;

        it('marks missing in the DOCX exactly what the checklist lists, person by person', () => {
          expect(docxMissing(r())).toEqual(checklistMissing(r()));
          expect(r().missing).toEqual(
            r()
              .checklist.filter((i) => !i.ok)
              .map((i) => ({ section: i.part, person: i.person, field: i.field, label: i.label })),
          );
        });

        it.skipIf(!hasPoppler)('marks missing in the PDF exactly what the checklist lists', () => {
          const marker = labelsFor({ language, title: '', blocks: [] }).missingBare;
          const text = clean(r().pdfText);
          // Counted without the brackets, which pdftotext may turn round in right-to-left text.
          const word = marker.replace(/[[\]]/gu, '');
          expect(text.split(word).length - 1).toBe(r().missing.length);
          // Each missing item's label is printed next to a [missing] cell.
          for (const item of r().missing) {
            const label = clean(item.label);
            // The evidence table names the file in its own column.
            if (item.section === 'annex') {
              expect(text).toContain(label.slice(label.lastIndexOf(' ') + 1));
              continue;
            }
            // Arabic labels wrap in their column and pdftotext interleaves the lines: their words are there.
            if (language === 'ar')
              for (const word of label.split(/[\s()،,]+/u).filter((x) => x.length > 2))
                expect(text, label).toContain(word);
            else expect(text, label).toContain(`${label} ${marker}`);
          }
        });

        it('gives every detained person parts I, II and III, in both files', () => {
          const w = WORDS[language].wgad;
          const prefix = detaineeHeading(language);
          const headings = r().docx.filter(
            (e): e is Extract<DocxElement, { kind: 'paragraph' }> =>
              e.kind === 'paragraph' && /^Heading[123]$/.test(e.style ?? ''),
          );
          const persons = new Set(
            r()
              .checklist.map((i) => i.person)
              .filter(Boolean),
          );
          const parts = headings.filter(
            (h) => h.style === 'Heading1' && clean(h.text).startsWith(prefix),
          );
          expect(parts).toHaveLength(persons.size);
          for (const part of parts) {
            const start = headings.indexOf(part);
            const next = headings.slice(start + 1, start + 4).map((h) => clean(h.text));
            expect(next).toEqual([w.part1, w.part2, w.part3].map(clean));
          }
          if (hasPoppler) {
            // In the PDF too: each part heading once per detained person, in order within each person's part.
            // pdftotext moves spaces around the dash in right-to-left headings: compared without spaces.
            const text = clean(r().pdfText).replace(/\s+/gu, '');
            const count = (needle: string) =>
              text.split(clean(needle).replace(/\s+/gu, '')).length - 1;
            expect(count(w.part1)).toBe(parts.length);
            expect(count(w.part2)).toBe(parts.length);
            expect(count(w.part3)).toBe(parts.length);
            let at = 0;
            const [p1, p2, p3] = [w.part1, w.part2, w.part3].map((h) =>
              clean(h).replace(/\s+/gu, ''),
            );
            for (let n = 0; n < parts.length; n += 1) {
              const i1 = text.indexOf(p1!, at);
              const i2 = text.indexOf(p2!, i1);
              const i3 = text.indexOf(p3!, i2);
              expect(i1 >= 0 && i1 < i2 && i2 < i3, `${language} person ${n + 1}`).toBe(true);
              at = i3;
            }
          }
        });

        it('prints no internal label, no trace of what is withheld and no duplicated value', () => {
          const vocab = new VocabularySet([]);
          const internal: VocabularyName[] = [
            'source-reliability',
            'involvement-degree',
            'case-status',
            'intervention-status',
            'consent-scope',
            'confidentiality',
          ];
          const fixed = JSON.stringify([WORDS[language].wgad, WORDS[language]]);
          const words = WORDS[language];
          const texts = [clean(r().docxText), ...(hasPoppler ? [clean(r().pdfText)] : [])];
          for (const name of internal) {
            for (const term of vocab.terms(name)) {
              const label = vocab.label(name, term.id, language);
              // Ordinary words ("Low", "Open") can be data; the telling labels are longer.
              if ([...label].length < 6 || fixed.includes(label)) continue;
              if (r().data.some((d) => d.includes(label))) continue;
              for (const text of texts) expect(text, `${name}: ${label}`).not.toContain(label);
            }
          }
          const labels = labelsFor({ language, title: '', blocks: [] });
          for (const text of texts) {
            expect(text).not.toContain(labels.withheldBare);
            expect(text).not.toContain(labels.withheld.split('{')[0]!.trim());
            expect(text).not.toMatch(new RegExp(words.person.replace('{n}', '\\d+')));
          }
          // Within one cell, no value twice ("Journalist; Journalist", a place and its kind both "Prison").
          for (const element of r().docx) {
            if (element.kind !== 'table') continue;
            for (const row of element.rows) {
              for (const cell of row.cells) {
                for (const line of cell.split('\n')) {
                  const parts = clean(line)
                    .split(/\s*[;؛]\s*/u)
                    .map((p) => p.toLocaleLowerCase())
                    .filter((p) => p.length > 2);
                  expect(new Set(parts).size, line).toBe(parts.length);
                }
              }
            }
          }
        });

        it.skipIf(language === 'en')('leaves no English of the fixed text in the document', () => {
          const english = new Set<string>();
          const own = new Set<string>();
          const wordsOf = (text: string) =>
            (text.match(/\p{L}{4,}/gu) ?? []).map((w) => w.toLocaleLowerCase());
          for (const text of strings([WORDS.en.wgad, WORDS.en]))
            wordsOf(text).forEach((w) => english.add(w));
          const vocab = new VocabularySet([]);
          for (const name of [
            'event-type',
            'detention-place-type',
            'sex-gender',
            'hrd-work',
            'identity-document-type',
            'testimony-method',
            'intervention-type',
          ] as VocabularyName[]) {
            for (const term of vocab.terms(name)) {
              wordsOf(vocab.label(name, term.id, 'en')).forEach((w) => english.add(w));
              wordsOf(vocab.label(name, term.id, language)).forEach((w) => own.add(w));
            }
          }
          for (const text of strings([WORDS[language].wgad, WORDS[language]]))
            wordsOf(text).forEach((w) => own.add(w));
          // Data is printed as recorded: the case's names, places and texts are taken out first.
          const data = [...r().data].sort((a, b) => b.length - a.length);
          // In Arabic, pdftotext interleaves the lines of neighbouring table cells: the DOCX has the same text in order.
          const pdf = hasPoppler && language !== 'ar' ? [r().pdfText] : [];
          for (const source of [r().docxText, ...pdf]) {
            let text = clean(source);
            for (const d of data) text = text.split(clean(d)).join(' · ');
            const left = wordsOf(text).filter((w) => english.has(w) && !own.has(w));
            const context = [...new Set(left)].map((w) => {
              const at = text.toLocaleLowerCase().indexOf(w);
              return `${w}: …${text.slice(Math.max(0, at - 80), at + 40)}…`;
            });
            expect(context).toEqual([]);
          }
        });

        it.skipIf(!hasPoppler)(
          'leaves no heading alone at the bottom of a page (PDF)',
          async () => {
            const headings = r()
              .docx.filter(
                (e): e is Extract<DocxElement, { kind: 'paragraph' }> =>
                  e.kind === 'paragraph' && /^Heading[123]$/.test(e.style ?? ''),
              )
              .map((h) => clean(h.text));
            const key = (text: string) =>
              language === 'ar' ? clean(text).split(' ').sort().join(' ') : clean(text);
            const headingKeys = new Set(headings.map(key));
            const pdf = join(roots[kind === 'full' ? 0 : 1]!, language, 'wgad-communication.pdf');
            for (let page = 1; page <= r().pdfPages.length; page += 1) {
              const lines = await pdfLayoutPage(pdf, page);
              // The running header is the first line, the page number the last.
              const body = lines.slice(1, -1);
              for (let k = 1; k <= 3 && k <= body.length; k += 1) {
                const tail = body.slice(-k).join(' ');
                expect(
                  headingKeys.has(key(tail)),
                  `page ${page} ends with the heading "${tail}"`,
                ).toBe(false);
              }
            }
          },
        );

        it('keeps headings with what follows and rows whole in the DOCX', async () => {
          const dir = join(roots[kind === 'full' ? 0 : 1]!, language, 'wgad-communication.docx');
          const styles = (await docxParts(dir, /^word\/styles\.xml$/)).get('word/styles.xml')!;
          for (const id of ['Heading1', 'Heading2', 'Heading3']) {
            const style = new RegExp(`<w:style[^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(
              styles,
            )?.[0];
            expect(style, id).toMatch(/<w:keepNext\/>/);
          }
          // Field rows (label | value) never split over two pages; a short list keeps together.
          for (const element of r().docx) {
            if (element.kind !== 'table' || !element.rows.every((row) => row.cells.length === 2))
              continue;
            expect(element.rows.every((row) => row.cantSplit)).toBe(true);
            if (element.rows.length <= 8)
              expect(element.rows.slice(0, -1).every((row) => row.keepNext)).toBe(true);
          }
          // Page breaks are the headings' own "page break before": no empty paragraph is left behind.
          expect(
            r().docx.filter(
              (e) => e.kind === 'paragraph' && e.style === null && clean(e.text) === '',
            ),
          ).toEqual([]);
        });
      });
    }
  });
}

describe('the realistic case, as the Working Group reads it', () => {
  const en = () => built.full!.rendered.get('en')!;

  it('lists exactly the items the records lack: the full name not split, a birth date, a document, and whether the government may be contacted', () => {
    expect(en().missing).toEqual([
      { section: 'I', person: DEFENDERS.seitkali.name, field: 'familyName', label: 'Family name' },
      { section: 'I', person: DEFENDERS.seitkali.name, field: 'givenName', label: 'First name(s)' },
      {
        section: 'I',
        person: DEFENDERS.seitkali.name,
        field: 'birthDate',
        label: 'Date of birth or age (at the time of the arrest)',
      },
      {
        section: 'I',
        person: DEFENDERS.seitkali.name,
        field: 'identityDocuments',
        label: 'Identity document (type, issued by, date, number)',
      },
      {
        section: 'VI',
        person: DEFENDERS.seitkali.name,
        field: 'consent.knowsGovernmentContacted',
        label: 'Knows that the Government will be contacted',
      },
    ]);
  });

  it.skipIf(!hasPoppler)(
    'says who is still held, where, and since when; and when the others were released',
    () => {
      const text = clean(en().pdfText);
      const part = (n: number) => {
        const start = text.indexOf(`Detained person ${n}:`);
        const end = text.indexOf(`Detained person ${n + 1}:`, start + 1);
        return text.slice(start, end < 0 ? text.indexOf('IV. Circumstances') : end);
      };
      const akhmedova = part(1);
      expect(akhmedova).toContain('Still detained at the date of this communication');
      expect(akhmedova).toContain('since 15 March 2025');
      expect(akhmedova).toContain(
        'Pre-trial detention centre No. 1 (SIZO-1), Almaty, Kazakhstan: 26 March 2025 – to date (present place of detention)',
      );
      expect(akhmedova).toContain(
        'KNB temporary detention facility, Almaty (police station), Kazakhstan: 15 March 2025 – 26 March 2025',
      );
      // Her detention did not end with the transfer of 26 March.
      expect(akhmedova).not.toContain('15 March 2025 – 26 March 2025)');
      expect(akhmedova).not.toContain('KNB detention facility, Astana');
      const li = part(2);
      expect(li).toContain('Still detained at the date of this communication');
      expect(li).toContain(
        'KNB detention facility, Astana, Kazakhstan: 26 March 2025 – to date (present place of detention)',
      );
      expect(li).not.toContain('SIZO-1');
      const seitkali = part(3);
      expect(seitkali).toContain('2 months and 5 days (15 March 2025 – 20 May 2025)');
      expect(seitkali).not.toContain('Still detained');
      expect(seitkali).not.toContain('to date (present place of detention)');
      const amine = part(4);
      expect(amine).toContain('2 months and 8 days (2 November 2024 – 10 January 2025)');
      expect(amine).toContain('Medeu District Court of Almaty');
      // Initials only: no name of his in any form.
      for (const form of [DEFENDERS.amine.name, 'Ben Salem', 'محمد'])
        expect(text).not.toContain(form);
      // The full name alone is never put under "family name".
      expect(part(3)).not.toMatch(/Family name Daniyar Seitkali/);
      // The names in their own script and in Latin letters.
      expect(text).toContain('Family name Ахмедова Family name in Latin letters Akhmedova');
      expect(text).toContain('李英俊 (Li Yingjun)');
    },
  );

  it('never names in any form, in any file, a detained person consent names by initials only', async () => {
    const dir = join(roots[0]!, 'en');
    const files = ['case.json', 'manifest.json', 'VERIFY.txt'];
    const texts = [
      ...(await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))),
      en().docxText,
      ...(hasPoppler ? [en().pdfText] : []),
    ];
    for (const text of texts)
      for (const form of [DEFENDERS.amine.name, 'Ben Salem', 'Mohamed El Amine', 'محمد الأمين'])
        expect(text).not.toContain(form);
  });

  it.skipIf(!hasPoppler)(
    'carries the statements consent allows, with their translations, numbered without gaps, and none other',
    () => {
      const text = clean(en().pdfText);
      for (const statement of [
        STATEMENTS.russian,
        STATEMENTS.russianTranslation,
        STATEMENTS.chineseTranslation,
      ])
        expect(text, statement.slice(0, 40)).toContain(clean(statement));
      // Chinese has no spaces: a line break in it comes back from pdftotext as one.
      expect(text.replace(/\s+/gu, '')).toContain(STATEMENTS.chinese);
      // His name is replaced by his initials in the translation too (consent: initials only).
      expect(text).toContain('son avocat n’a pas pu le voir pendant deux semaines');
      expect(text).toContain(clean('ولم يُسمح لمحاميه بمقابلته طوال أسبوعين'));
      for (const absent of [
        STATEMENTS.withdrawn,
        STATEMENTS.internal,
        WITNESSES.withdrawn,
        WITNESSES.internal,
      ])
        expect(text).not.toContain(absent);
      expect(text).toContain(
        'Statement 1: Witness A, 20 January 2025, in Arabic, with a translation into French',
      );
      expect(text).toContain(
        'Statement 2: О. К., 18 March 2025, in Russian, with a translation into English',
      );
      expect(text).toContain(
        `Statement 3: ${WITNESSES.wang}, 22 March 2025, in Chinese, with a translation into English`,
      );
      expect(text).not.toContain('Statement 4');
    },
  );

  it.skipIf(!hasPoppler)(
    'names the organisation as the submitter, with its e-mail and telephone, and lists the evidence with its description',
    () => {
      const text = clean(en().pdfText);
      expect(text).toContain(`Organisation submitting this communication ${ORGANISATION.name}`);
      expect(text).toContain(`E-mail ${ORGANISATION.email}`);
      expect(text).toContain(`Telephone ${ORGANISATION.phone}`);
      expect(text).toContain(
        'The grey minibus outside the Ili Online office. Photo taken by a neighbour',
      );
      // Every part of the questionnaire, and the consent of each detained person or family.
      for (const heading of [
        'IV. Circumstances',
        'V. Domestic remedies',
        'VI. Submitter',
        'Consent of the detained persons or their families',
        'Annex 1: Witness statements',
        'Annex 2: Evidence',
      ])
        expect(text).toContain(heading);
      expect(text).toContain(
        'Consent given by a member of the family Date of consent 20 March 2025',
      );
    },
  );
});
