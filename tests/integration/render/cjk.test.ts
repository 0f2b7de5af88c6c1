// Chinese, Japanese and Korean in the PDF and the DOCX: names drawn (not
// dropped), embedded as a font subset with a ToUnicode map, long runs without
// spaces wrapped between characters, and the same text back from pdftotext
// and from LibreOffice.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../../electron/core/render';
import { renderDocx, renderPdf, unsupportedCharacters } from '../../../electron/core/render';
import { tempDir } from '../../helpers/tmp';
import { has, pdfText, run, saveTemp, unzip } from './helpers';
import { englishSample } from './samples';

const POPPLER = has('pdftotext') && has('pdffonts');
const QPDF = has('qpdf');
const SOFFICE = has('soffice');

const CHINESE = '李英俊';
const TRADITIONAL = '黃之鋒';
const JAPANESE = '山田花子';
const KANA = 'やまだ はなこ';
const KOREAN = '김민수';
// A rarely used character (CJK extension B) that names do carry.
const EXT_B = '𠮷野';
const STATEMENT =
  '我丈夫李英俊于二〇二四年三月十五日在北京被国保人员带走，至今下落不明。律师多次要求会见均被拒绝，' +
  '看守所称“没有这个人”。我们向检察院提出控告，没有得到任何答复。';
const JAPANESE_STATEMENT =
  '山田花子さんは名古屋出入国在留管理局に収容され、体調が悪化しても治療を受けられなかった。' +
  '弁護士は面会を求めたが、「規則により」拒否された。';

function cjkDocument(): DocumentModel {
  return {
    title: `Submission on behalf of ${CHINESE}`,
    subtitle: `${TRADITIONAL} · ${KOREAN}`,
    language: 'en',
    blocks: [
      { type: 'heading', level: 1, text: `I. Identity of ${CHINESE}` },
      {
        type: 'fields',
        fields: [
          { label: 'Family name', value: '李' },
          { label: 'First name', value: '英俊' },
          { label: 'Name in Latin letters', value: 'Li Yingjun' },
          { label: 'Witness', value: `${JAPANESE} (${KANA})` },
          { label: 'Relative', value: `${EXT_B} ${KOREAN}` },
        ],
      },
      { type: 'heading', level: 2, text: '证词 (testimony)' },
      { type: 'paragraph', text: `Statement: ${STATEMENT.repeat(3)}` },
      { type: 'paragraph', text: JAPANESE_STATEMENT.repeat(2) },
      {
        type: 'table',
        header: ['Name', 'Role'],
        rows: [
          [CHINESE, 'victim'],
          [KOREAN, '피해자'],
        ],
      },
    ],
  };
}

const squash = (text: string) => text.replace(/\s+/g, '');

describe('Chinese, Japanese and Korean in documents', () => {
  it('has a glyph for every character of the document', async () => {
    expect(await unsupportedCharacters(cjkDocument())).toEqual([]);
  });

  it.skipIf(!POPPLER)('gives every name and every sentence back from the PDF', async () => {
    const text = await pdfText(await renderPdf(cjkDocument()));
    const flat = squash(text);
    for (const expected of [CHINESE, TRADITIONAL, JAPANESE, KANA, KOREAN, EXT_B, '피해자'])
      expect(flat).toContain(squash(expected));
    expect(flat).toContain(squash(STATEMENT.repeat(3)));
    expect(flat).toContain(squash(JAPANESE_STATEMENT.repeat(2)));
    expect(flat).toContain('Statement:');
  });

  it.skipIf(!POPPLER)(
    'wraps runs without spaces between characters, never starting a line with closing punctuation',
    async () => {
      const pdf = await renderPdf(cjkDocument());
      const path = await saveTemp('cjk.pdf', pdf);
      const result = run('pdftotext', ['-enc', 'UTF-8', '-layout', path, '-']);
      expect(result.status).toBe(0);
      const lines = result.stdout.split('\n').map((line) => line.trim());
      // The statement starts on the label's own line rather than leaving it alone.
      const label = lines.find((line) => line.startsWith('Statement:'));
      expect(label).toBeDefined();
      expect(label!.length).toBeGreaterThan('Statement:'.length + 10);
      // Many lines of Chinese, each full: the paragraph was broken between characters.
      const chinese = lines.filter((line) => /^[\p{sc=Han}，。“”]+$/u.test(line));
      expect(chinese.length).toBeGreaterThanOrEqual(4);
      for (const line of lines) expect(line).not.toMatch(/^[，。、」”]/u);
    },
  );

  it.skipIf(!POPPLER)('embeds the CJK face only when the document needs it', async () => {
    const withCjk = run('pdffonts', [await saveTemp('a.pdf', await renderPdf(cjkDocument()))]);
    expect(withCjk.stdout).toMatch(
      /[A-Z]{6}\+NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/,
    );
    const without = run('pdffonts', [await saveTemp('b.pdf', await renderPdf(englishSample()))]);
    expect(without.stdout).not.toContain('CJK');
  });

  it.skipIf(!QPDF)('draws bold Chinese by stroking the outlines', async () => {
    const path = await saveTemp('bold.pdf', await renderPdf(cjkDocument()));
    const qdf = join(await tempDir(), 'qdf.pdf');
    expect(run('qpdf', ['--qdf', '--object-streams=disable', path, qdf]).status).toBe(0);
    const raw = (await readFile(qdf)).toString('latin1');
    // Text render mode 2: fill, then stroke.
    expect(raw).toMatch(/\b2 Tr\b/);
    expect(run('qpdf', ['--check', path]).status).toBe(0);
  });

  it('names an East Asian font and keeps the text in the DOCX', async () => {
    const files = await unzip(await renderDocx(cjkDocument()));
    const documentXml = files.get('word/document.xml')!.data.toString('utf8');
    for (const expected of [CHINESE, JAPANESE, KOREAN, EXT_B, STATEMENT])
      expect(documentXml).toContain(expected);
    const styles = files.get('word/styles.xml')!.data.toString('utf8');
    expect(styles).toContain('w:eastAsia="Noto Sans CJK SC"');
  });

  it.skipIf(!SOFFICE)('opens in LibreOffice with every character intact', async () => {
    const input = await saveTemp('cjk.docx', await renderDocx(cjkDocument()));
    const dir = await tempDir();
    const profile = join(await tempDir(), 'profile');
    const result = run('soffice', [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'txt:Text (encoded):UTF8',
      '--outdir',
      dir,
      input,
    ]);
    expect(result.status, result.stderr).toBe(0);
    const text = squash(await readFile(join(dir, 'cjk.txt'), 'utf8'));
    for (const expected of [CHINESE, JAPANESE, KANA, KOREAN, EXT_B, STATEMENT])
      expect(text).toContain(squash(expected));
  });
});
