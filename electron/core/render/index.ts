// Public API of the document renderer: templates build a DocumentModel; the
// dossier exporter turns it into a PDF and an editable DOCX.
export type {
  Block,
  BlockDirection,
  ChecklistBlock,
  ChecklistItem,
  Direction,
  DocumentMeta,
  DocumentModel,
  Field,
  FieldListBlock,
  HeadingBlock,
  Inline,
  Labels,
  Language,
  ListBlock,
  MissingSpan,
  NoteBlock,
  PageBreakBlock,
  ParagraphBlock,
  RichText,
  TableBlock,
  TextSpan,
  WithheldSpan,
} from './model';
export { bold, italic, labelsFor, missing, withheld } from './model';
export { renderPdf } from './pdf';
export type { PdfRenderOptions } from './pdf';
export { renderDocx } from './docx';
export type { DocxRenderOptions } from './docx';
export { unsupportedCharacters } from './coverage';
export { defaultFontDir, FONT_FILES } from './fonts';
export { assertValidDocument } from './validate';
export { pdfPageCount } from './pages';
