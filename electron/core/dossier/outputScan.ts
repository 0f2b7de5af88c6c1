import type { CaseDocument } from '../../../shared/domain';
import { readZipEntries } from '../render/zip';
import { jsonTexts, type ScanTarget, type ScanText } from '../release/scan';

/**
 * What the final scan reads in each output of a dossier: the text of the
 * DOCX as a reader sees it (runs of a paragraph joined, so that a name split
 * over two runs is whole again) and every other XML part (document
 * properties), the string values and keys of the JSON files, and plain text.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** The text of an XML part: paragraphs on lines, runs joined, other tags as spaces. */
export function xmlText(xml: string): string {
  const text = xml
    .replace(/<\/w:p>/gu, '\n')
    .replace(/<w:(tab|br|cr)\b[^>]*\/>/gu, ' ')
    .replace(/<\/?w:(r|t|rPr|proofErr|bookmarkStart|bookmarkEnd|hyperlink)\b[^>]*>/gu, '')
    .replace(/<[^>]+>/gu, ' ');
  return decodeXml(text);
}

export async function docxTexts(docx: Buffer): Promise<ScanText[]> {
  const entries = await readZipEntries(docx);
  return entries
    .filter((e) => /\.(xml|rels)$/u.test(e.name))
    .map((e) => ({ where: e.name, text: xmlText(e.data.toString('utf8')) }));
}

export function jsonTarget(file: string, bytes: Buffer): ScanTarget {
  return { file, texts: jsonTexts(JSON.parse(bytes.toString('utf8'))) };
}

export const textTarget = (file: string, text: string): ScanTarget => ({
  file,
  texts: [{ where: 'text', text }],
});

/** The record a case.json path belongs to: "testimonies[2].statement" → "testimony 5b1c…". */
export function caseJsonRecord(document: CaseDocument, where: string): string | null {
  const m = /^(persons|events|testimonies|interventions)\[(\d+)\]/u.exec(where);
  if (m) {
    const kind = {
      persons: 'person',
      events: 'event',
      testimonies: 'testimony',
      interventions: 'intervention',
    }[m[1] as 'persons'];
    const record = (document[m[1] as 'persons'] as { id: string }[])[Number(m[2])];
    return record ? `${kind} ${record.id}` : null;
  }
  if (where.startsWith('case.') || where === 'case') return `case ${document.case.id}`;
  return null;
}
