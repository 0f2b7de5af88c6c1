// Text handling shared by both renderers: rich text to styled spans, paragraph
// direction, and the Unicode Bidirectional Algorithm (via bidi-js).

import bidiFactory from 'bidi-js';
import { VigilError } from '../errors';
import type { BlockDirection, Direction, Inline, Labels, RichText } from './model';
import { fill } from '../../../shared/i18n/fill';

export type SpanKind = 'text' | 'missing' | 'withheld';

export interface Span {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly kind: SpanKind;
}

export const bidi = bidiFactory();

function inlineToSpan(inline: Inline, labels: Labels, bold: boolean): Span {
  if (typeof inline === 'string') return { text: inline, bold, italic: false, kind: 'text' };
  if (inline !== null && typeof inline === 'object') {
    if ('text' in inline && typeof inline.text === 'string') {
      return {
        text: inline.text,
        bold: bold || inline.bold === true,
        italic: inline.italic === true,
        kind: 'text',
      };
    }
    if ('missing' in inline && typeof inline.missing === 'string') {
      const what = inline.missing.trim();
      const text = what ? fill(labels.missing, { what }) : labels.missingBare;
      return { text, bold: false, italic: false, kind: 'missing' };
    }
    if ('withheld' in inline && typeof inline.withheld === 'string') {
      const what = inline.withheld.trim();
      const text = what ? fill(labels.withheld, { what }) : labels.withheldBare;
      return { text, bold: false, italic: false, kind: 'withheld' };
    }
  }
  throw new VigilError(
    'INVALID_INPUT',
    'The document contains a piece of text the renderer does not understand.',
  );
}

/** Normalises rich text to spans; `bold` makes every span bold (labels, headings). */
export function toSpans(content: RichText, labels: Labels, bold = false): Span[] {
  const list: readonly Inline[] = Array.isArray(content)
    ? (content as readonly Inline[])
    : [content as Inline];
  return list
    .map((inline) => inlineToSpan(inline, labels, bold))
    .filter((span) => span.text.length > 0);
}

export function plainText(spans: readonly Span[]): string {
  return spans.map((span) => span.text).join('');
}

export function isBlank(spans: readonly Span[]): boolean {
  return spans.every((span) => span.text.trim() === '');
}

/**
 * The direction of the first strong character, or null when there is none.
 * As the bidirectional algorithm's rule P2 says, text inside isolates
 * (LRI, RLI or FSI … PDI) is skipped: a name isolated in a sentence does not
 * decide the sentence's direction.
 */
export function firstStrongDirection(text: string): Direction | null {
  let depth = 0;
  for (const char of text) {
    if (char === '\u2066' || char === '\u2067' || char === '\u2068') depth += 1;
    else if (char === '\u2069') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    const type = bidi.getBidiCharTypeName(char);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return null;
}

export function resolveDirection(
  requested: BlockDirection | undefined,
  text: string,
  fallback: Direction,
): Direction {
  if (requested === 'ltr' || requested === 'rtl') return requested;
  if (requested === 'auto') return firstStrongDirection(text) ?? fallback;
  return fallback;
}

/** A stretch of one span whose characters all go the same way. */
export interface DirectionalRun extends Span {
  readonly rtl: boolean;
}

/**
 * Cuts spans where the resolved bidi level changes parity, so a DOCX run can be
 * marked right-to-left exactly where the text is (Word still reorders; this
 * tells it which runs use the complex-script properties).
 */
export function directionalRuns(spans: readonly Span[], base: Direction): DirectionalRun[] {
  const text = plainText(spans);
  if (text.length === 0) return [];
  const { levels } = bidi.getEmbeddingLevels(text, base);
  const runs: DirectionalRun[] = [];
  let offset = 0;
  for (const span of spans) {
    let start = 0;
    for (let i = 1; i <= span.text.length; i += 1) {
      const boundary =
        i === span.text.length || (levels[offset + i]! & 1) !== (levels[offset + start]! & 1);
      if (boundary) {
        runs.push({
          ...span,
          text: span.text.slice(start, i),
          rtl: (levels[offset + start]! & 1) === 1,
        });
        start = i;
      }
    }
    offset += span.text.length;
  }
  return runs;
}
