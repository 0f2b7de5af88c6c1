// Renders the document model to an editable DOCX with the docx library: real
// Word styles (Title, Heading 1–3, list, table and marker styles), right-to-left
// paragraphs and runs where the text is, and neutral document properties.

import {
  AlignmentType,
  BorderStyle,
  CheckBox,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { VigilError } from '../errors';
import type {
  Block,
  ChecklistBlock,
  Direction,
  DocumentMeta,
  DocumentModel,
  FieldListBlock,
  Labels,
  Language,
  ListBlock,
  NoteBlock,
  RichText,
  TableBlock,
} from './model';
import { documentDirection, labelsFor } from './model';
import type { Span } from './text';
import { directionalRuns, isBlank, plainText, resolveDirection, toSpans } from './text';
import { assertValidDocument } from './validate';
import { restampZip } from './zip';

export interface DocxRenderOptions {
  /**
   * Font families named in the DOCX (fonts are not embedded; Word substitutes
   * a missing one). Default: Arial, which Windows and macOS both have for
   * Latin, Cyrillic and Arabic.
   */
  readonly latinFont?: string;
  readonly complexScriptFont?: string;
  /** For Chinese, Japanese and Korean text (default: the face the PDF embeds). */
  readonly eastAsianFont?: string;
}

const LANGUAGE_TAGS: Record<Language, string> = {
  en: 'en-GB',
  es: 'es-ES',
  fr: 'fr-FR',
  ar: 'ar-SA',
  ru: 'ru-RU',
};

// A4 and margins, in twentieths of a point.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1361, bottom: 1361, left: 1247, right: 1247, header: 624, footer: 624 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const STYLE = {
  missing: 'VigilMissing',
  withheld: 'VigilWithheld',
  fieldLabel: 'VigilFieldLabel',
  fieldValue: 'VigilFieldValue',
  tableText: 'VigilTableText',
  list: 'ListParagraph',
  checklist: 'VigilChecklist',
  noteTitle: 'VigilNoteTitle',
  note: 'VigilNote',
  noteWarningTitle: 'VigilNoteWarningTitle',
  noteWarning: 'VigilNoteWarning',
  table: 'VigilTable',
  fields: 'VigilFields',
};

const NUMBERING = { bullet: 'vigil-bullet', number: 'vigil-number' };

/** Field lists up to this many rows are kept on one page. */
const KEEP_TOGETHER_ROWS = 8;

export async function renderDocx(
  doc: DocumentModel,
  options: DocxRenderOptions = {},
): Promise<Buffer> {
  assertValidDocument(doc);
  try {
    const writer = new DocxWriter(doc, options);
    const document = writer.build();
    const packed = await Packer.toBuffer(document, false, [
      { path: 'docProps/core.xml', data: coreProperties(doc.meta ?? {}) },
    ]);
    return await restampZip(Buffer.from(packed), doc.meta?.created);
  } catch (error) {
    if (error instanceof VigilError) throw error;
    throw new VigilError('INTERNAL', 'The DOCX could not be rendered.', { cause: error });
  }
}

// XML 1.0 cannot hold most C0 controls; they would make the file unreadable.
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- matching those characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function cleanText(text: string): string {
  return text.replace(INVALID_XML, '\ufffd').replace(/\t/g, ' ');
}

class DocxWriter {
  private readonly direction: Direction;
  private readonly labels: Labels;
  private listInstance = 0;
  /** Whether any run is marked withheld: only then is its style defined (a style's name is text too). */
  private withheldUsed = false;

  constructor(
    private readonly doc: DocumentModel,
    private readonly options: DocxRenderOptions,
  ) {
    this.direction = documentDirection(doc);
    this.labels = labelsFor(doc);
  }

  build(): Document {
    const latin = this.options.latinFont ?? 'Arial';
    const complex = this.options.complexScriptFont ?? 'Arial';
    const children: (Paragraph | Table)[] = [];
    if (this.doc.title.trim()) {
      children.push(
        this.paragraph(toSpans(this.doc.title, this.labels), this.direction, { style: 'Title' }),
      );
    }
    if (this.doc.subtitle) {
      children.push(
        this.paragraph(toSpans(this.doc.subtitle, this.labels), this.direction, {
          style: 'Subtitle',
        }),
      );
    }
    this.doc.blocks.forEach((block, i) => {
      const previous = this.doc.blocks[i - 1];
      // A page break before a heading is the heading's "page break before": no empty paragraph is left.
      if (block.type === 'pageBreak' && (i === 0 || this.doc.blocks[i + 1]?.type === 'heading'))
        return;
      children.push(
        ...this.block(block, { pageBreakBefore: i > 0 && previous?.type === 'pageBreak' }),
      );
    });
    // Word needs at least one paragraph in a section.
    if (children.length === 0) children.push(new Paragraph({}));

    const meta = this.doc.meta ?? {};
    return new Document({
      // docx fills in "Un-named"; an empty string writes nothing (the core
      // properties part is replaced anyway, see coreProperties).
      creator: meta.author ?? '',
      lastModifiedBy: meta.author ?? '',
      ...(meta.title ? { title: meta.title } : {}),
      // Table styles have no option of their own; docx merges its default
      // styles and ours with these "external" ones.
      externalStyles: externalStyles(),
      styles: this.styles(latin, complex),
      numbering: {
        config: [
          {
            reference: NUMBERING.bullet,
            levels: [
              {
                level: 0,
                format: LevelFormat.BULLET,
                text: '•',
                alignment: AlignmentType.START,
                style: { paragraph: { indent: { start: 360, hanging: 260 } } },
              },
            ],
          },
          {
            reference: NUMBERING.number,
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: '%1.',
                alignment: AlignmentType.START,
                style: { paragraph: { indent: { start: 360, hanging: 360 } } },
              },
            ],
          },
        ],
      },
      sections: [
        {
          properties: {
            page: {
              size: { width: PAGE.width, height: PAGE.height },
              margin: MARGIN,
            },
          },
          headers: this.doc.header
            ? {
                default: new Header({
                  children: [
                    this.paragraph(toSpans(this.doc.header, this.labels), this.direction, {
                      style: 'Header',
                    }),
                  ],
                }),
              }
            : {},
          footers: { default: new Footer({ children: this.footer() }) },
          children,
        },
      ],
    });
  }

  // ---- paragraphs and runs ----------------------------------------------------

  private runs(spans: readonly Span[], direction: Direction): TextRun[] {
    const runs: TextRun[] = [];
    for (const run of directionalRuns(spans, direction)) {
      if (run.kind === 'withheld') this.withheldUsed = true;
      const style =
        run.kind === 'missing'
          ? STYLE.missing
          : run.kind === 'withheld'
            ? STYLE.withheld
            : undefined;
      cleanText(run.text)
        .replace(/\r\n?/g, '\n')
        .split(/[\n\u2028\u2029]/)
        .forEach((line, index) => {
          runs.push(
            new TextRun({
              text: line,
              ...(index > 0 ? { break: 1 } : {}),
              ...(style ? { style } : {}),
              ...(run.bold ? { bold: true, boldComplexScript: true } : {}),
              ...(run.italic ? { italics: true, italicsComplexScript: true } : {}),
              ...(run.rtl ? { rightToLeft: true } : {}),
            }),
          );
        });
    }
    return runs;
  }

  private paragraph(
    spans: readonly Span[],
    direction: Direction,
    options: {
      style?: string;
      heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
      alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
      numbering?: { reference: string; level: number; instance: number };
      prefix?: (CheckBox | TextRun)[];
      /** Keep on the same page as the next paragraph (or table row). */
      keepNext?: boolean;
      pageBreakBefore?: boolean;
    } = {},
  ): Paragraph {
    return new Paragraph({
      ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
      ...(options.style ? { style: options.style } : {}),
      ...(options.keepNext ? { keepNext: true } : {}),
      ...(options.heading ? { heading: options.heading } : {}),
      ...(options.alignment ? { alignment: options.alignment } : {}),
      ...(options.numbering ? { numbering: options.numbering } : {}),
      ...(direction === 'rtl' ? { bidirectional: true } : {}),
      children: [...(options.prefix ?? []), ...this.runs(spans, direction)],
    });
  }

  /** Physical alignment of values and cells, so they line up whatever their own direction. */
  private startSide(): (typeof AlignmentType)[keyof typeof AlignmentType] {
    return this.direction === 'rtl' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  }

  private spansOf(content: RichText, bold = false): Span[] {
    return toSpans(content, this.labels, bold);
  }

  // ---- blocks -------------------------------------------------------------------

  private block(block: Block, options: { pageBreakBefore?: boolean } = {}): (Paragraph | Table)[] {
    switch (block.type) {
      case 'heading': {
        const spans = this.spansOf(block.text);
        const direction = resolveDirection(block.direction, plainText(spans), this.direction);
        const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][
          block.level - 1
        ]!;
        return [
          this.paragraph(spans, direction, {
            heading,
            ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
          }),
        ];
      }
      case 'paragraph': {
        const spans = this.spansOf(block.text);
        const direction = resolveDirection(block.direction, plainText(spans), this.direction);
        return [this.paragraph(spans, direction)];
      }
      case 'fields':
        return this.fields(block);
      case 'table':
        return this.table(block);
      case 'list':
        return this.list(block);
      case 'checklist':
        return this.checklist(block);
      case 'note':
        return this.note(block);
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
    }
  }

  private cell(children: Paragraph[], width: number): TableCell {
    return new TableCell({ children, width: { size: width, type: WidthType.DXA } });
  }

  private fields(block: FieldListBlock): (Paragraph | Table)[] {
    if (block.fields.length === 0) return [];
    const labelWidth = Math.round(CONTENT_WIDTH * 0.32);
    const valueWidth = CONTENT_WIDTH - labelWidth;
    // As in the PDF: a short list of fields stays on one page; a long one keeps at least its first
    // two rows with the heading before it (the heading's own keep-with-next holds on to row one).
    const keepWhole = block.fields.length <= KEEP_TOGETHER_ROWS;
    const rows = block.fields.map((field, index) => {
      const label = this.spansOf(field.label);
      let value = this.spansOf(field.value);
      if (isBlank(value)) value = this.spansOf({ missing: plainText(label) });
      const valueDirection = resolveDirection('auto', plainText(value), this.direction);
      const keepNext = index < block.fields.length - 1 && (keepWhole || index === 0);
      return new TableRow({
        cantSplit: true,
        children: [
          this.cell(
            [this.paragraph(label, this.direction, { style: STYLE.fieldLabel, keepNext })],
            labelWidth,
          ),
          this.cell(
            [
              this.paragraph(value, valueDirection, {
                style: STYLE.fieldValue,
                alignment: this.startSide(),
                keepNext,
              }),
            ],
            valueWidth,
          ),
        ],
      });
    });
    return [
      new Table({
        rows,
        style: STYLE.fields,
        width: { size: CONTENT_WIDTH, type: WidthType.DXA },
        columnWidths: [labelWidth, valueWidth],
        layout: TableLayoutType.FIXED,
        ...(this.direction === 'rtl' ? { visuallyRightToLeft: true } : {}),
      }),
      this.spacer(),
    ];
  }

  private table(block: TableBlock): (Paragraph | Table)[] {
    const weights = block.widths ?? block.header.map(() => 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
    const row = (cells: readonly RichText[], header: boolean): TableRow =>
      new TableRow({
        ...(header ? { tableHeader: true } : {}),
        children: cells.map((content, c) => {
          const spans = this.spansOf(content);
          const direction = header
            ? this.direction
            : resolveDirection('auto', plainText(spans), this.direction);
          return this.cell(
            [
              this.paragraph(spans, direction, {
                style: STYLE.tableText,
                alignment: this.startSide(),
              }),
            ],
            widths[c]!,
          );
        }),
      });
    return [
      new Table({
        rows: [row(block.header, true), ...block.rows.map((cells) => row(cells, false))],
        style: STYLE.table,
        tableLook: { firstRow: true, noHBand: true, noVBand: true },
        width: { size: CONTENT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        ...(this.direction === 'rtl' ? { visuallyRightToLeft: true } : {}),
      }),
      this.spacer(),
    ];
  }

  /** Word runs a paragraph straight after a table into it visually; a small gap. */
  private spacer(): Paragraph {
    return new Paragraph({
      style: 'VigilSpacer',
      ...(this.direction === 'rtl' ? { bidirectional: true } : {}),
    });
  }

  private list(block: ListBlock): Paragraph[] {
    this.listInstance += 1;
    const reference = block.ordered ? NUMBERING.number : NUMBERING.bullet;
    return block.items.map((item) => {
      const spans = this.spansOf(item);
      const direction = resolveDirection(block.direction, plainText(spans), this.direction);
      return this.paragraph(spans, direction, {
        style: STYLE.list,
        numbering: { reference, level: 0, instance: this.listInstance },
      });
    });
  }

  private checklist(block: ChecklistBlock): Paragraph[] {
    return block.items.map((item) => {
      const text = this.spansOf(item.text);
      const spans: Span[] = [...text];
      if (item.state === 'missing') spans.push(plain(' '), ...this.spansOf({ missing: '' }));
      if (item.note !== undefined) spans.push(plain(' — '), ...this.spansOf(item.note));
      const direction = resolveDirection(block.direction, plainText(text), this.direction);
      // A real content-control checkbox, so the lawyer can tick it in Word.
      const box = new CheckBox({
        checked: item.state === 'ok',
        checkedState: { value: '2611', font: 'Segoe UI Symbol' },
        uncheckedState: { value: '2610', font: 'Segoe UI Symbol' },
      });
      return this.paragraph(spans, direction, {
        style: STYLE.checklist,
        prefix: [box, new TextRun(' ')],
      });
    });
  }

  private note(block: NoteBlock): Paragraph[] {
    const warning = block.tone === 'warning';
    const text = this.spansOf(block.text);
    const direction = resolveDirection(block.direction, plainText(text), this.direction);
    const out: Paragraph[] = [];
    if (block.title !== undefined) {
      out.push(
        this.paragraph(this.spansOf(block.title), direction, {
          style: warning ? STYLE.noteWarningTitle : STYLE.noteTitle,
        }),
      );
    }
    out.push(this.paragraph(text, direction, { style: warning ? STYLE.noteWarning : STYLE.note }));
    return out;
  }

  private footer(): Paragraph[] {
    const out: Paragraph[] = [];
    if (this.doc.footer) {
      out.push(
        this.paragraph(toSpans(this.doc.footer, this.labels), this.direction, { style: 'Footer' }),
      );
    }
    // "Page {page} of {pages}" with Word's own page fields in the placeholders.
    const children: string[] = [];
    for (const part of this.labels.pageOf.split(/(\{page\}|\{pages\})/)) {
      if (part === '{page}') children.push(PageNumber.CURRENT);
      else if (part === '{pages}') children.push(PageNumber.TOTAL_PAGES);
      else if (part) children.push(cleanText(part));
    }
    out.push(
      new Paragraph({
        style: 'Footer',
        alignment: AlignmentType.END,
        ...(this.direction === 'rtl' ? { bidirectional: true } : {}),
        children: [
          new TextRun({ children, ...(this.direction === 'rtl' ? { rightToLeft: true } : {}) }),
        ],
      }),
    );
    return out;
  }

  // ---- styles ---------------------------------------------------------------------

  private styles(
    latin: string,
    complex: string,
  ): ConstructorParameters<typeof Document>[0]['styles'] {
    const eastAsia = this.options.eastAsianFont ?? 'Noto Sans CJK SC';
    const font = { ascii: latin, hAnsi: latin, cs: complex, eastAsia };
    const language = {
      value: LANGUAGE_TAGS[this.doc.language],
      bidirectional: 'ar-SA',
      eastAsia: 'zh-CN',
    };
    const heading = (size: number, before: number, after: number) => ({
      run: {
        font,
        size,
        sizeComplexScript: size + 2,
        bold: true,
        boldComplexScript: true,
        color: '0F1F33',
      },
      paragraph: { spacing: { before, after }, keepNext: true, keepLines: true },
    });
    const shadedNote = (fill: string, border: string) => ({
      border: {
        top: { style: BorderStyle.SINGLE, size: 6, color: border, space: 4 },
        bottom: { style: BorderStyle.SINGLE, size: 6, color: border, space: 4 },
        left: { style: BorderStyle.SINGLE, size: 18, color: border, space: 6 },
        right: { style: BorderStyle.SINGLE, size: 18, color: border, space: 6 },
      },
      shading: { fill, type: 'clear' as const, color: 'auto' },
    });
    return {
      default: {
        document: {
          run: { font, size: 21, sizeComplexScript: 23, language, color: '1A1A1A' },
          paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: {
            font,
            size: 38,
            sizeComplexScript: 40,
            bold: true,
            boldComplexScript: true,
            color: '0F1F33',
          },
          paragraph: { spacing: { after: 80 } },
        },
        heading1: heading(30, 360, 120),
        heading2: heading(25, 240, 100),
        heading3: heading(22, 200, 80),
        listParagraph: { paragraph: { spacing: { after: 60 }, contextualSpacing: true } },
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 24, sizeComplexScript: 26, color: '5B6470' },
          paragraph: { spacing: { after: 240 } },
        },
        {
          id: 'Header',
          name: 'header',
          basedOn: 'Normal',
          run: { size: 17, sizeComplexScript: 19, color: '5B6470' },
        },
        {
          id: 'Footer',
          name: 'footer',
          basedOn: 'Normal',
          run: { size: 17, sizeComplexScript: 19, color: '5B6470' },
        },
        {
          id: STYLE.fieldLabel,
          name: 'Field Label',
          basedOn: 'Normal',
          run: {
            bold: true,
            boldComplexScript: true,
            color: '374151',
            size: 20,
            sizeComplexScript: 22,
          },
          paragraph: { spacing: { before: 60, after: 60 } },
        },
        {
          id: STYLE.fieldValue,
          name: 'Field Value',
          basedOn: 'Normal',
          paragraph: { spacing: { before: 60, after: 60 } },
        },
        {
          id: STYLE.tableText,
          name: 'Table Text',
          basedOn: 'Normal',
          run: { size: 19, sizeComplexScript: 21 },
          paragraph: { spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO } },
        },
        {
          id: 'VigilSpacer',
          name: 'Spacer',
          basedOn: 'Normal',
          paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
        {
          id: STYLE.checklist,
          name: 'Checklist',
          basedOn: 'Normal',
          paragraph: { spacing: { after: 60 }, indent: { start: 360, hanging: 360 } },
        },
        {
          id: STYLE.noteTitle,
          name: 'Note Title',
          basedOn: 'Normal',
          next: STYLE.note,
          run: { bold: true, boldComplexScript: true },
          paragraph: { ...shadedNote('EEF4FB', '3A6EA5'), spacing: { after: 0 }, keepNext: true },
        },
        {
          id: STYLE.note,
          name: 'Note',
          basedOn: 'Normal',
          paragraph: shadedNote('EEF4FB', '3A6EA5'),
        },
        {
          id: STYLE.noteWarningTitle,
          name: 'Warning Title',
          basedOn: 'Normal',
          next: STYLE.noteWarning,
          run: { bold: true, boldComplexScript: true },
          paragraph: { ...shadedNote('FFF4E0', 'B7791F'), spacing: { after: 0 }, keepNext: true },
        },
        {
          id: STYLE.noteWarning,
          name: 'Warning',
          basedOn: 'Normal',
          paragraph: shadedNote('FFF4E0', 'B7791F'),
        },
      ],
      characterStyles: [
        {
          id: STYLE.missing,
          name: 'Missing Fact',
          basedOn: 'DefaultParagraphFont',
          run: { color: '9B1028', shading: { fill: 'FDE7EA', type: 'clear', color: 'auto' } },
        },
        ...(this.withheldUsed
          ? [
              {
                id: STYLE.withheld,
                name: 'Withheld Fact',
                basedOn: 'DefaultParagraphFont',
                run: {
                  color: '3F3F46',
                  shading: { fill: 'E4E4E7', type: 'clear' as const, color: 'auto' },
                },
              },
            ]
          : []),
      ],
    };
  }
}

function plain(text: string): Span {
  return { text, bold: false, italic: false, kind: 'text' };
}

/** A table style: a full grid with a shaded header row, or rules between rows only. */
function tableStyle(id: string, name: string, grid: boolean): string {
  const line = (side: string, color: string) =>
    `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${color}"/>`;
  const borders = grid
    ? ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
        .map((s) => line(s, '9AA5B1'))
        .join('')
    : ['top', 'bottom', 'insideH'].map((s) => line(s, 'C9D1DB')).join('');
  const header = grid
    ? '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>' +
      '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E9EEF4"/></w:tcPr></w:tblStylePr>'
    : '';
  return (
    `<w:style w:type="table" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/>` +
    `<w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
    `<w:tblPr><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>` +
    `<w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `${header}</w:style>`
  );
}

function externalStyles(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    tableStyle(STYLE.table, 'Vigil Table', true) +
    tableStyle(STYLE.fields, 'Vigil Fields', false) +
    '</w:styles>'
  );
}

function xmlEscape(text: string): string {
  return cleanText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * docx writes a creator ("Un-named" unless told otherwise) and the current
 * time; exports name no one and carry no time unless the caller says so.
 */
function coreProperties(meta: DocumentMeta): string {
  const parts: string[] = [];
  if (meta.title) parts.push(`<dc:title>${xmlEscape(meta.title)}</dc:title>`);
  if (meta.subject) parts.push(`<dc:subject>${xmlEscape(meta.subject)}</dc:subject>`);
  if (meta.author) {
    parts.push(`<dc:creator>${xmlEscape(meta.author)}</dc:creator>`);
    parts.push(`<cp:lastModifiedBy>${xmlEscape(meta.author)}</cp:lastModifiedBy>`);
  }
  if (meta.keywords) parts.push(`<cp:keywords>${xmlEscape(meta.keywords)}</cp:keywords>`);
  if (meta.created) {
    const time = `${meta.created.toISOString().slice(0, 19)}Z`;
    parts.push(`<dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created>`);
    parts.push(`<dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified>`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    parts.join('') +
    '</cp:coreProperties>'
  );
}
