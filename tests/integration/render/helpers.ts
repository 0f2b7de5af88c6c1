// Reading rendered documents back: pdftotext and friends for PDFs, a small
// zip and WordprocessingML reader for DOCX.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yauzl from 'yauzl';
import type { Block, DocumentModel, Inline, RichText } from '../../../electron/core/render';
import { labelsFor } from '../../../electron/core/render';
import { hasTool } from '../../helpers/peers';
import { tempDir } from '../../helpers/tmp';

export const has = (tool: string): boolean => hasTool(tool);

export function run(
  tool: string,
  args: string[],
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export async function saveTemp(name: string, data: Buffer): Promise<string> {
  const path = join(await tempDir('vigil-render-'), name);
  await writeFile(path, data);
  return path;
}

/** pdftotext wraps right-to-left text in embedding controls; they are not text. */
export function stripBidiControls(text: string): string {
  return text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Arabic vowel marks, which pdftotext detaches from raised positions (see the PDF tests). */
export function stripArabicMarks(text: string): string {
  return text.replace(/[\u064b-\u065f\u0670]/g, '');
}

/** pdftotext's output, with its embedding controls unless `keepControls`. */
export async function pdfText(pdf: Buffer, keepControls = false): Promise<string> {
  const path = await saveTemp('doc.pdf', pdf);
  const result = run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return keepControls ? result.stdout : stripBidiControls(result.stdout);
}

// ---- DOCX -------------------------------------------------------------------

export function unzip(buffer: Buffer): Promise<Map<string, { data: Buffer; mtime: Date }>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const files = new Map<string, { data: Buffer; mtime: Date }>();
      zip.on('error', reject);
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, {
              data: Buffer.concat(chunks),
              mtime: entry.getLastModDate(),
            });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

export interface DocxRun {
  text: string;
  rtl: boolean;
  style: string | null;
}

export interface DocxParagraph {
  text: string;
  style: string | null;
  bidi: boolean;
  runs: DocxRun[];
  xml: string;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/**
 * The paragraphs of a WordprocessingML part, with their text. Enough of a
 * parser for what docx writes: w:p elements (not nested), runs with w:t and
 * w:br, and the checkbox symbols of content controls.
 */
export function docxParagraphs(xml: string): DocxParagraph[] {
  const paragraphs: DocxParagraph[] = [];
  for (const match of xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const body = match[1] ?? '';
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body)?.[1] ?? '';
    const runs: DocxRun[] = [];
    for (const runMatch of body.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)) {
      const runXml = runMatch[1]!;
      const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(runXml)?.[1] ?? '';
      let text = '';
      for (const piece of runXml.matchAll(
        /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:br\/>|<w:tab\/>/g,
      )) {
        text += piece[0].startsWith('<w:br')
          ? '\n'
          : piece[0].startsWith('<w:tab')
            ? '\t'
            : unescapeXml(piece[1]!);
      }
      runs.push({
        text,
        rtl: /<w:rtl\/>|<w:rtl w:val="(?:true|1|on)"\/>/.test(rPr),
        style: /<w:rStyle w:val="([^"]+)"/.exec(rPr)?.[1] ?? null,
      });
    }
    paragraphs.push({
      text: runs.map((r) => r.text).join(''),
      style: /<w:pStyle w:val="([^"]+)"/.exec(pPr)?.[1] ?? null,
      bidi: /<w:bidi\/>|<w:bidi w:val="(?:true|1|on)"\/>/.test(pPr),
      runs,
      xml: match[0],
    });
  }
  return paragraphs;
}

// ---- what a document must show ----------------------------------------------

function inlineText(inline: Inline, doc: DocumentModel): string {
  const labels = labelsFor(doc);
  if (typeof inline === 'string') return inline;
  if ('text' in inline) return inline.text;
  if ('missing' in inline) {
    return inline.missing ? labels.missing.replace('{what}', inline.missing) : labels.missingBare;
  }
  return inline.withheld ? labels.withheld.replace('{what}', inline.withheld) : labels.withheldBare;
}

export function richText(content: RichText, doc: DocumentModel): string {
  const list: readonly Inline[] = Array.isArray(content)
    ? (content as readonly Inline[])
    : [content as Inline];
  return list.map((inline) => inlineText(inline, doc)).join('');
}

/**
 * Every heading, label, value, cell, item and note of a document, as the
 * reader should find it (empty field values as their missing marker).
 */
export function expectedStrings(doc: DocumentModel): string[] {
  const out: string[] = [doc.title];
  if (doc.subtitle) out.push(doc.subtitle);
  const text = (content: RichText): string => richText(content, doc);
  const visit = (block: Block): void => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        out.push(text(block.text));
        return;
      case 'fields':
        for (const field of block.fields) {
          out.push(text(field.label));
          const value = text(field.value);
          out.push(value.trim() ? value : text({ missing: text(field.label) }));
        }
        return;
      case 'table':
        out.push(...block.header.map(text), ...block.rows.flat().map(text));
        return;
      case 'list':
        out.push(...block.items.map(text));
        return;
      case 'checklist':
        for (const item of block.items) {
          out.push(text(item.text));
          if (item.note !== undefined) out.push(text(item.note));
        }
        return;
      case 'note':
        if (block.title !== undefined) out.push(text(block.title));
        out.push(text(block.text));
        return;
      case 'pageBreak':
        return;
    }
  };
  doc.blocks.forEach(visit);
  return out.filter((s) => s.trim() !== '');
}
