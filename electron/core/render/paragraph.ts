// Lays out one paragraph for the PDF: bidi levels, font per character, shaping
// in pieces of one face, level and style, greedy line breaking at spaces, then
// each line reordered for display (UBA rules L1–L2, L4 by drawing mirrored
// glyphs flipped).

import type { Direction } from './model';
import type { Face, FontSet } from './fonts';
import { facesFor } from './fonts';
import type { Shaper } from './shaper';
import type { Span, SpanKind } from './text';
import { bidi, plainText } from './text';

/** Arabic Naskh reads small beside Latin at the same size. */
const ARABIC_SCALE = 1.12;

export interface Item {
  /** Logical-order text, drawn as one shaped run. */
  readonly text: string;
  readonly face: Face;
  readonly size: number;
  readonly level: number;
  readonly width: number;
  readonly kind: SpanKind;
  /** Whitespace: advances, draws nothing. */
  readonly space: boolean;
  /** A bidi-mirrored character in right-to-left text, drawn flipped. */
  readonly mirror: boolean;
  /** A line may break before / after this item although no space is there (Chinese, Japanese, Korean). */
  readonly breakBefore: boolean;
  readonly breakAfter: boolean;
}

export interface Line {
  /** Visual order, left to right. */
  readonly items: readonly Item[];
  readonly width: number;
}

export interface ParagraphLayout {
  readonly lines: readonly Line[];
  readonly direction: Direction;
  readonly lineHeight: number;
  /** From the top of a line to its baseline. */
  readonly ascent: number;
  readonly height: number;
}

export interface ParagraphOptions {
  readonly direction: Direction;
  readonly size: number;
  readonly width: number;
  readonly fonts: FontSet;
  readonly shaper: Shaper;
  /** Line height as a multiple of the size. */
  readonly leading?: number;
}

// Spaces that allow a line break; no-break spaces stay inside words.
const BREAKING_SPACE = /[\t \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]/u;
const MARK = /\p{M}/u;
// Chinese, Japanese and Korean break between any two characters, except that
// closing punctuation, small kana and iteration marks never start a line and
// opening brackets never end one (the basic rules of kinsoku shori).
const NO_BREAK_BEFORE =
  /^[、。，．：；！？）」』】〕〉》〙〗｝〟’”ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ・…‥,.!?:;)\]}%]/u;
const NO_BREAK_AFTER = /[（「『【〔〈《〘〖｛〝‘“([{]$/u;

function itemDirection(level: number): Direction {
  return level & 1 ? 'rtl' : 'ltr';
}

function makeItem(
  text: string,
  face: Face,
  baseSize: number,
  level: number,
  kind: SpanKind,
  space: boolean,
  mirror: boolean,
  shaper: Shaper,
): Item {
  const size = face.arabic ? baseSize * ARABIC_SCALE : baseSize;
  // A space is measured in its face but carries no glyph of its own.
  const width = shaper.width(
    face,
    space ? ' '.repeat(text.length) : text,
    itemDirection(level),
    size,
  );
  const breakBefore = face.cjk && !space && !NO_BREAK_BEFORE.test(text);
  const breakAfter = face.cjk && !space && !NO_BREAK_AFTER.test(text);
  return { text, face, size, level, width, kind, space, mirror, breakBefore, breakAfter };
}

/** Splits one hard line (no newlines) into shaped items in logical order. */
function itemize(spans: readonly Span[], base: Direction, options: ParagraphOptions): Item[] {
  const text = plainText(spans);
  if (text.length === 0) return [];
  const { levels } = bidi.getEmbeddingLevels(text, base);
  const mirrored = bidi.getMirroredCharactersMap(text, levels);
  const items: Item[] = [];
  let offset = 0;
  for (const span of spans) {
    const faces = facesFor(span.text, options.fonts, span.bold, span.italic);
    const n = span.text.length;
    let start = 0;
    let lastFace: Face = faces[0]!;
    const isSpace = (i: number): boolean => BREAKING_SPACE.test(span.text[i]!);
    const flush = (end: number): void => {
      if (end <= start) return;
      const space = isSpace(start);
      const face = space ? lastFace : faces[start]!;
      items.push(
        makeItem(
          span.text.slice(start, end),
          face,
          options.size,
          levels[offset + start]!,
          span.kind,
          space,
          mirrored.has(offset + start),
          options.shaper,
        ),
      );
      if (!space) lastFace = face;
      start = end;
    };
    for (let i = 1; i < n; i += 1) {
      const code = span.text.charCodeAt(i);
      if (code >= 0xdc00 && code <= 0xdfff) continue;
      const g = offset + i;
      const cut =
        levels[g] !== levels[g - 1] ||
        isSpace(i) !== isSpace(i - 1) ||
        (!isSpace(i) && faces[i] !== faces[i - 1] && !MARK.test(span.text[i]!)) ||
        (mirrored.has(g) && !MARK.test(span.text[i]!)) ||
        mirrored.has(g - 1) ||
        // One item per character of Chinese, Japanese or Korean: each is a place to break.
        ((faces[i]!.cjk || faces[i - 1]!.cjk) && !MARK.test(span.text[i]!));
      if (cut) flush(i);
    }
    flush(n);
    offset += n;
  }
  return items;
}

/** Cuts an item that alone is wider than the line into pieces that fit. */
function splitItem(item: Item, maxWidth: number, shaper: Shaper): Item[] {
  const pieces: Item[] = [];
  const clusters = item.text.match(/\P{M}\p{M}*/gsu) ?? [item.text];
  let current = '';
  let currentWidth = 0;
  const dir = itemDirection(item.level);
  const push = (text: string): void => {
    pieces.push({ ...item, text, width: shaper.width(item.face, text, dir, item.size) });
  };
  for (const cluster of clusters) {
    const w = shaper.width(item.face, cluster, dir, item.size);
    if (current && currentWidth + w > maxWidth) {
      push(current);
      current = '';
      currentWidth = 0;
    }
    current += cluster;
    currentWidth += w;
  }
  if (current) push(current);
  return pieces;
}

/** Kinsoku across a face change: "北京," keeps its comma, "(北京" its bracket. */
function noBreakBetween(before: Item, after: Item): boolean {
  return NO_BREAK_BEFORE.test(after.text) || NO_BREAK_AFTER.test(before.text);
}

/** Greedy line breaking at spaces, and between Chinese, Japanese or Korean characters; returns lines in logical order. */
function breakLines(items: readonly Item[], maxWidth: number, shaper: Shaper): Item[][] {
  const lines: Item[][] = [];
  let line: Item[] = [];
  let lineWidth = 0;
  let spaces: Item[] = [];
  let spacesWidth = 0;
  let word: Item[] = [];
  let wordWidth = 0;

  const placeWord = (): void => {
    if (word.length === 0) return;
    if (line.length > 0 && lineWidth + spacesWidth + wordWidth <= maxWidth) {
      line.push(...spaces, ...word);
      lineWidth += spacesWidth + wordWidth;
    } else {
      if (line.length > 0) lines.push(line);
      line = [];
      lineWidth = 0;
      for (const item of word) {
        const parts = item.width > maxWidth ? splitItem(item, maxWidth, shaper) : [item];
        for (const part of parts) {
          if (line.length > 0 && lineWidth + part.width > maxWidth) {
            lines.push(line);
            line = [];
            lineWidth = 0;
          }
          line.push(part);
          lineWidth += part.width;
        }
      }
    }
    spaces = [];
    spacesWidth = 0;
    word = [];
    wordWidth = 0;
  };

  for (const item of items) {
    if (item.space) {
      placeWord();
      // Spaces at the start of a paragraph or a line are dropped (UBA L1 puts
      // them at the paragraph level; at a line edge they would only indent).
      if (line.length > 0) {
        spaces.push(item);
        spacesWidth += item.width;
      }
    } else {
      const previous = word[word.length - 1];
      if (previous && (item.breakBefore || previous.breakAfter) && !noBreakBetween(previous, item))
        placeWord();
      word.push(item);
      wordWidth += item.width;
    }
  }
  placeWord();
  if (line.length > 0) lines.push(line);
  return lines;
}

/** UBA L2: from the highest level down to the lowest odd one, reverse every run at or above it. */
function reorder(items: readonly Item[]): Item[] {
  const out = items.slice();
  let highest = 0;
  let lowestOdd = Number.POSITIVE_INFINITY;
  for (const item of out) {
    highest = Math.max(highest, item.level);
    if (item.level & 1) lowestOdd = Math.min(lowestOdd, item.level);
  }
  for (let level = highest; level >= lowestOdd; level -= 1) {
    let i = 0;
    while (i < out.length) {
      if (out[i]!.level < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < out.length && out[j]!.level >= level) j += 1;
      const run = out.slice(i, j).reverse();
      out.splice(i, j - i, ...run);
      i = j;
    }
  }
  return out;
}

export function layoutParagraph(
  spans: readonly Span[],
  options: ParagraphOptions,
): ParagraphLayout {
  const hardLines = splitHardLines(spans);
  const lines: Line[] = [];
  let arabic = false;
  for (const hardLine of hardLines) {
    const items = itemize(hardLine, options.direction, options);
    if (items.some((item) => item.face.arabic && !item.space)) arabic = true;
    const broken = breakLines(items, options.width, options.shaper);
    if (broken.length === 0) lines.push({ items: [], width: 0 });
    for (const logical of broken) {
      const visual = reorder(logical);
      lines.push({ items: visual, width: visual.reduce((sum, item) => sum + item.width, 0) });
    }
  }
  // Naskh needs more room above and below than Latin text.
  const natural = arabic ? 1.75 : 1.4;
  const leading = options.leading ?? natural;
  const lineHeight = options.size * leading;
  const ascent = options.size * ((arabic ? 1.15 : 1.05) + (leading - natural) / 2);
  return {
    lines,
    direction: options.direction,
    lineHeight,
    ascent,
    height: lines.length * lineHeight,
  };
}

/** Newlines in the text end a line but not the paragraph. */
function splitHardLines(spans: readonly Span[]): Span[][] {
  const result: Span[][] = [[]];
  for (const span of spans) {
    const parts = span.text.replace(/\r\n?/g, '\n').split(/[\n\u2028\u2029]/);
    parts.forEach((part, index) => {
      if (index > 0) result.push([]);
      if (part) result[result.length - 1]!.push({ ...span, text: part });
    });
  }
  return result;
}
