// The bundled fonts (resources/fonts, SIL OFL 1.1) and how a character picks one.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliDecompress } from 'node:zlib';
import * as fontkit from 'fontkit';
import { VigilError, fsError } from '../errors';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const LATIN_FILES: Record<FontStyle, string> = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  italic: 'NotoSans-Italic.ttf',
  boldItalic: 'NotoSans-BoldItalic.ttf',
};

// Arabic has no italic tradition; italic Arabic text uses the upright faces.
const ARABIC_FILES: Record<'regular' | 'bold', string> = {
  regular: 'NotoNaskhArabic-Regular.ttf',
  bold: 'NotoNaskhArabic-Bold.ttf',
};

/**
 * Chinese, Japanese and Korean: one face covers Han (Simplified Chinese
 * forms), kana and Hangul. It is 16 MB, stored brotli-compressed and read
 * only for documents that hold such characters. There is no bold face (it
 * would double the size): bold is drawn by stroking the outlines.
 */
const CJK_FILE = 'NotoSansCJKsc-Regular.otf.br';

export const FONT_FILES: readonly string[] = [
  ...Object.values(LATIN_FILES),
  ...Object.values(ARABIC_FILES),
  CJK_FILE,
];

export interface Face {
  /** The name the face is registered under in a PDF document. */
  readonly name: string;
  readonly font: fontkit.Font;
  readonly arabic: boolean;
  /** Han, kana or Hangul: a line may break between any two of its characters. */
  readonly cjk: boolean;
  /** Bold drawn by stroking the regular outlines (the face has no bold of its own). */
  readonly strokeBold: boolean;
}

export interface FontSet {
  readonly latin: Readonly<Record<FontStyle, Face>>;
  readonly arabic: Readonly<Record<'regular' | 'bold', Face>>;
  /** Present when the document holds Chinese, Japanese or Korean text. */
  readonly cjk: Readonly<Record<'regular' | 'bold', Face>> | null;
  readonly all: readonly Face[];
}

const CJK_CHARACTER = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}]/u;

/** Whether `text` holds a character only the CJK face draws. */
export function needsCjkFace(text: string): boolean {
  return CJK_CHARACTER.test(text);
}

/**
 * The font directory of a source checkout or of the built CLI: the nearest
 * `resources/fonts` above this module. A packaged app passes its own.
 */
export function defaultFontDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, LATIN_FILES.regular))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new VigilError('NOT_FOUND', 'The fonts for PDF export were not found; reinstall Vigil.');
}

async function readFace(dir: string, file: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, file));
  } catch (error) {
    throw fsError(error, `Reading the font ${file}`);
  }
}

function parseFace(
  bytes: Buffer,
  file: string,
  name: string,
  script: { arabic?: boolean; cjk?: boolean; strokeBold?: boolean },
): Face {
  let font: fontkit.Font;
  try {
    font = fontkit.create(bytes);
  } catch (error) {
    throw new VigilError('UNSUPPORTED', `The font ${file} is damaged or not a font.`, {
      cause: error,
    });
  }
  if (typeof font.layout !== 'function') {
    throw new VigilError('UNSUPPORTED', `The font ${file} is a collection, not a single font.`);
  }
  return {
    name,
    font,
    arabic: script.arabic ?? false,
    cjk: script.cjk ?? false,
    strokeBold: script.strokeBold ?? false,
  };
}

const FACES: readonly { file: string; name: string; arabic: boolean; style: string }[] = [
  ...Object.entries(LATIN_FILES).map(([style, file]) => ({
    file,
    name: `latin-${style}`,
    arabic: false,
    style,
  })),
  ...Object.entries(ARABIC_FILES).map(([style, file]) => ({
    file,
    name: `arabic-${style}`,
    arabic: true,
    style,
  })),
];

// The files are read once per directory.
const bytesCache = new Map<string, Promise<Buffer[]>>();
const cjkCache = new Map<string, Promise<Buffer>>();

const inflate = promisify(brotliDecompress);

function cjkBytes(dir: string): Promise<Buffer> {
  const key = resolve(dir);
  let pending = cjkCache.get(key);
  if (!pending) {
    pending = readFace(key, CJK_FILE).then(async (compressed) => {
      try {
        return await inflate(compressed);
      } catch (error) {
        throw new VigilError('UNSUPPORTED', `The font ${CJK_FILE} is damaged.`, { cause: error });
      }
    });
    cjkCache.set(key, pending);
    pending.catch(() => cjkCache.delete(key));
  }
  return pending;
}

function fontBytes(dir: string): Promise<Buffer[]> {
  const key = resolve(dir);
  let pending = bytesCache.get(key);
  if (!pending) {
    pending = Promise.all(FACES.map((face) => readFace(key, face.file)));
    bytesCache.set(key, pending);
    pending.catch(() => bytesCache.delete(key));
  }
  return pending;
}

/**
 * A fresh set of parsed fonts for one document. fontkit caches glyph objects
 * with the characters of the first string that produced them, and pdfkit's
 * ToUnicode map takes them from there; a glyph first met as a component while
 * another document was subset would map to nothing. So parsed fonts are never
 * shared between documents.
 */
export async function loadFontSet(dir: string, options: { cjk?: boolean } = {}): Promise<FontSet> {
  const bytes = await fontBytes(dir);
  const faces = FACES.map((face, i) =>
    parseFace(bytes[i]!, face.file, face.name, { arabic: face.arabic }),
  );
  const pick = (arabic: boolean, style: string): Face =>
    faces[FACES.findIndex((f) => f.arabic === arabic && f.style === style)]!;
  let cjk: FontSet['cjk'] = null;
  if (options.cjk) {
    const regular = parseFace(await cjkBytes(dir), CJK_FILE, 'cjk-regular', { cjk: true });
    // The same outlines, registered apart so that the renderer strokes them.
    cjk = { regular, bold: { ...regular, name: 'cjk-bold', strokeBold: true } };
    faces.push(cjk.regular, cjk.bold);
  }
  return {
    latin: {
      regular: pick(false, 'regular'),
      bold: pick(false, 'bold'),
      italic: pick(false, 'italic'),
      boldItalic: pick(false, 'boldItalic'),
    },
    arabic: { regular: pick(true, 'regular'), bold: pick(true, 'bold') },
    cjk,
    all: faces,
  };
}

export function styleOf(bold: boolean, italic: boolean): FontStyle {
  if (bold && italic) return 'boldItalic';
  if (bold) return 'bold';
  if (italic) return 'italic';
  return 'regular';
}

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const SCRIPT_NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;
const MARK = /\p{M}/u;

/**
 * Picks the face for each character of `text` (by code unit index; the low half
 * of a surrogate pair repeats its high half). Arabic-script characters take
 * the Arabic face; marks stay with their base; digits and punctuation stay with
 * the face before them when it has them, so an Arabic word and its comma, or a
 * Latin word and its full stop, shape as one piece.
 */
export function facesFor(text: string, fonts: FontSet, bold: boolean, italic: boolean): Face[] {
  const latin = fonts.latin[styleOf(bold, italic)];
  const arabic = fonts.arabic[bold ? 'bold' : 'regular'];
  const cjk = fonts.cjk?.[bold ? 'bold' : 'regular'] ?? null;
  const faces: Face[] = [];
  let previous: Face | null = null;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    let face: Face;
    if (previous && MARK.test(char)) {
      face = previous;
    } else if (ARABIC_SCRIPT.test(char)) {
      face = arabic.font.hasGlyphForCodePoint(codePoint) ? arabic : latin;
    } else if (cjk && CJK_CHARACTER.test(char)) {
      face = cjk.font.hasGlyphForCodePoint(codePoint) ? cjk : latin;
    } else if (SCRIPT_NEUTRAL.test(char)) {
      // CJK punctuation and full-width forms are script-neutral: the CJK face
      // draws them when the Latin and Arabic ones cannot.
      if (previous && previous.font.hasGlyphForCodePoint(codePoint)) face = previous;
      else if (latin.font.hasGlyphForCodePoint(codePoint)) face = latin;
      else if (arabic.font.hasGlyphForCodePoint(codePoint)) face = arabic;
      else if (cjk?.font.hasGlyphForCodePoint(codePoint)) face = cjk;
      else face = latin;
    } else {
      face = latin;
    }
    faces.push(face);
    if (char.length === 2) faces.push(face);
    if (!/\s/u.test(char)) previous = face;
  }
  return faces;
}
