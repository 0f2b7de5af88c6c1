// Which characters of a document the bundled fonts cannot draw. The PDF shows
// such a character as an empty box (the DOCX keeps it, and Word finds a font),
// so the exporter can warn before a name is lost on paper.

import type { DocumentModel } from './model';
import { labelsFor } from './model';
import { defaultFontDir, loadFontSet, needsCjkFace } from './fonts';

// Whitespace, controls and invisible formatting characters draw nothing anyway.
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value as unknown[]) collectStrings(item, out);
  else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const item of Object.values(value)) collectStrings(item, out);
  }
}

/** Every string a document draws (its properties are not drawn with the fonts). */
function drawnStrings(doc: DocumentModel): string[] {
  const strings: string[] = [];
  collectStrings({ ...doc, meta: undefined, labels: labelsFor(doc) }, strings);
  return strings;
}

/** Whether the document needs the (large, lazily read) Chinese, Japanese and Korean face. */
export function documentNeedsCjk(doc: DocumentModel): boolean {
  return drawnStrings(doc).some(needsCjkFace);
}

/** The distinct characters, in order of first appearance, that no bundled font has. */
export async function unsupportedCharacters(
  doc: DocumentModel,
  options: { fontDir?: string } = {},
): Promise<string[]> {
  const strings = drawnStrings(doc);
  const fonts = await loadFontSet(options.fontDir ?? defaultFontDir(), {
    cjk: strings.some(needsCjkFace),
  });
  const missing = new Set<string>();
  const seen = new Set<string>();
  for (const text of strings) {
    for (const char of text) {
      if (seen.has(char)) continue;
      seen.add(char);
      if (INVISIBLE.test(char)) continue;
      const codePoint = char.codePointAt(0)!;
      if (!fonts.all.some((face) => face.font.hasGlyphForCodePoint(codePoint))) missing.add(char);
    }
  }
  return [...missing];
}
