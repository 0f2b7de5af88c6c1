// The neutral document model. Templates build one of these from case data and
// never touch a PDF or DOCX API; `renderPdf` and `renderDocx` turn it into files.
// Everything here is plain data (JSON-safe apart from `meta.created`).

import { RENDER_WORDS } from '../../../shared/i18n/render';

export type Language = 'en' | 'es' | 'fr' | 'ar' | 'ru';
export type Direction = 'ltr' | 'rtl';
/** `auto`: the direction of the first strong character, else the document's. */
export type BlockDirection = Direction | 'auto';

export interface TextSpan {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** A fact the case does not hold. Rendered visibly, e.g. "[missing: legal basis]". */
export interface MissingSpan {
  readonly missing: string;
}

/** A fact deliberately left out, e.g. for lack of consent: "[withheld: consent]". */
export interface WithheldSpan {
  readonly withheld: string;
}

export type Inline = string | TextSpan | MissingSpan | WithheldSpan;
export type RichText = Inline | readonly Inline[];

export interface HeadingBlock {
  readonly type: 'heading';
  readonly level: 1 | 2 | 3;
  readonly text: RichText;
  /** Default: the document's direction. */
  readonly direction?: BlockDirection;
}

export interface ParagraphBlock {
  readonly type: 'paragraph';
  readonly text: RichText;
  /** Default: the document's direction. */
  readonly direction?: BlockDirection;
}

/**
 * One label → value line. An empty value is never shown as blank: it renders
 * as missing (named by the label), so nothing absent passes for present.
 * Each value's direction is detected from its first strong character.
 */
export interface Field {
  readonly label: RichText;
  readonly value: RichText;
}

export interface FieldListBlock {
  readonly type: 'fields';
  readonly fields: readonly Field[];
}

export interface TableBlock {
  readonly type: 'table';
  readonly header: readonly RichText[];
  readonly rows: readonly (readonly RichText[])[];
  /** Relative column widths (any positive numbers); default: equal. */
  readonly widths?: readonly number[];
}

export interface ListBlock {
  readonly type: 'list';
  readonly items: readonly RichText[];
  readonly ordered?: boolean;
  /** Default: the document's direction. */
  readonly direction?: BlockDirection;
}

export interface ChecklistItem {
  readonly text: RichText;
  readonly state: 'ok' | 'missing';
  readonly note?: RichText;
}

export interface ChecklistBlock {
  readonly type: 'checklist';
  readonly items: readonly ChecklistItem[];
  /** Default: the document's direction. */
  readonly direction?: BlockDirection;
}

export interface PageBreakBlock {
  readonly type: 'pageBreak';
}

export interface NoteBlock {
  readonly type: 'note';
  readonly title?: RichText;
  readonly text: RichText;
  readonly tone?: 'info' | 'warning';
  /** Default: the document's direction. */
  readonly direction?: BlockDirection;
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | FieldListBlock
  | TableBlock
  | ListBlock
  | ChecklistBlock
  | PageBreakBlock
  | NoteBlock;

/** Words the renderers print themselves. `{what}`, `{page}`, `{pages}` are replaced. */
export interface Labels {
  /** "[missing: {what}]" */
  readonly missing: string;
  /** A missing marker with nothing to name: "[missing]". */
  readonly missingBare: string;
  /** "[withheld: {what}]" */
  readonly withheld: string;
  /** A withheld marker with no reason given: "[withheld]". */
  readonly withheldBare: string;
  /** "Page {page} of {pages}" */
  readonly pageOf: string;
}

/**
 * Document properties. Nothing is written to the PDF Info dictionary or the
 * DOCX core properties unless it is given here: exports must not name the
 * software or the person who made them unless the caller decides so.
 */
export interface DocumentMeta {
  readonly title?: string;
  readonly subject?: string;
  readonly author?: string;
  readonly keywords?: string;
  /** Also fixes every other timestamp, so output is reproducible. */
  readonly created?: Date;
}

export interface DocumentModel {
  readonly title: string;
  readonly subtitle?: string;
  readonly language: Language;
  /** Default: `rtl` for Arabic, else `ltr`. */
  readonly direction?: Direction;
  /** Running header on every page. */
  readonly header?: string;
  /** Running footer on every page, beside the page number. */
  readonly footer?: string;
  readonly labels?: Partial<Labels>;
  readonly meta?: DocumentMeta;
  readonly blocks: readonly Block[];
}

// The locale files' `render.json` is a starting point; a template may override any label.
const DEFAULT_LABELS: Record<Language, Labels> = RENDER_WORDS;

export function labelsFor(doc: DocumentModel): Labels {
  return { ...DEFAULT_LABELS[doc.language], ...doc.labels };
}

export function documentDirection(doc: DocumentModel): Direction {
  return doc.direction ?? (doc.language === 'ar' ? 'rtl' : 'ltr');
}

// Small constructors so templates read as what they mean.
export const missing = (what = ''): MissingSpan => ({ missing: what });
export const withheld = (what = ''): WithheldSpan => ({ withheld: what });
export const bold = (text: string): TextSpan => ({ text, bold: true });
export const italic = (text: string): TextSpan => ({ text, italic: true });
