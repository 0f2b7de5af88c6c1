// Renders the document model to an A4 PDF with pdfkit. Text layout (bidi,
// shaping, line breaking) is ours (paragraph.ts); pdfkit embeds subset fonts
// with ToUnicode maps and writes the file.

import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { VigilError } from '../errors';
import type { FontSet } from './fonts';
import { documentNeedsCjk } from './coverage';
import { defaultFontDir, loadFontSet } from './fonts';
import type {
  Block,
  ChecklistBlock,
  Direction,
  DocumentModel,
  Field,
  FieldListBlock,
  HeadingBlock,
  Labels,
  ListBlock,
  NoteBlock,
  RichText,
  TableBlock,
} from './model';
import { fill } from '../../../shared/i18n/fill';
import { documentDirection, labelsFor } from './model';
import type { Item, Line, ParagraphLayout } from './paragraph';
import { layoutParagraph } from './paragraph';
import { Shaper, shapeDirection } from './shaper';
import type { Span, SpanKind } from './text';
import { isBlank, plainText, resolveDirection, toSpans } from './text';
import { assertValidDocument } from './validate';

export interface PdfRenderOptions {
  /** Where the bundled fonts are; default: the repository's resources/fonts. */
  readonly fontDir?: string;
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 68, bottom: 68, left: 62, right: 62 };
const BODY = 10.5;
const SMALL = 8.5;
const HEADING: Record<1 | 2 | 3, { size: number; before: number; after: number }> = {
  1: { size: 15, before: 16, after: 7 },
  2: { size: 12.5, before: 12, after: 5 },
  3: { size: 11, before: 9, after: 4 },
};

const COLOR = {
  text: '#1a1a1a',
  heading: '#0f1f33',
  label: '#374151',
  muted: '#5b6470',
  rule: '#c9d1db',
  grid: '#9aa5b1',
  headerFill: '#e9eef4',
  missingText: '#9b1028',
  missingFill: '#fde7ea',
  withheldText: '#3f3f46',
  withheldFill: '#e4e4e7',
  ok: '#1b7f3b',
  infoFill: '#eef4fb',
  infoBar: '#3a6ea5',
  warningFill: '#fff4e0',
  warningBar: '#b7791f',
};

// A creation date is only written when the caller gives one; without it the
// file ID still needs a fixed base so that equal documents give equal files.
const EPOCH = new Date(0);

/** `start`/`end` follow the paragraph's direction; `left`/`right` are physical. */
type Align = 'start' | 'end' | 'center' | 'left' | 'right';

interface Entry {
  readonly layout: ParagraphLayout;
  readonly line: Line;
  /** Space above this line when it is not the first on a page. */
  readonly before: number;
  readonly color: string;
  readonly align: Align;
  /** Drawn beside the first line of a list item: (line top) => void. */
  readonly marker?: (top: number) => void;
}

interface Cell {
  readonly x: number;
  readonly width: number;
  readonly entries: readonly Entry[];
}

interface RowOptions {
  readonly padTop: number;
  readonly padBottom: number;
  /** Draws behind one page's part of the row. */
  readonly background?: (top: number, height: number, last: boolean) => void;
  /** Runs on each page the row continues onto (e.g. to repeat a table header). */
  readonly onNewPage?: () => void;
}

export async function renderPdf(
  doc: DocumentModel,
  options: PdfRenderOptions = {},
): Promise<Buffer> {
  assertValidDocument(doc);
  const fonts = await loadFontSet(options.fontDir ?? defaultFontDir(), {
    cjk: documentNeedsCjk(doc),
  });
  try {
    return await new PdfWriter(doc, fonts).render();
  } catch (error) {
    if (error instanceof VigilError) throw error;
    throw new VigilError('INTERNAL', 'The PDF could not be rendered.', { cause: error });
  }
}

class PdfWriter {
  private readonly pdf: PDFKit.PDFDocument;
  private readonly shaper = new Shaper();
  private readonly direction: Direction;
  private readonly labels: Labels;
  private readonly left = MARGIN.left;
  private readonly width = PAGE.width - MARGIN.left - MARGIN.right;
  private readonly bottom = PAGE.height - MARGIN.bottom;
  private y = MARGIN.top;
  private atTop = true;

  constructor(
    private readonly doc: DocumentModel,
    private readonly fonts: FontSet,
  ) {
    this.direction = documentDirection(doc);
    this.labels = labelsFor(doc);
    const created = doc.meta?.created;
    const seed = createHash('sha256').update(JSON.stringify(doc)).digest('hex');
    this.pdf = new PDFDocument({
      size: [PAGE.width, PAGE.height],
      margin: 0,
      autoFirstPage: false,
      bufferPages: true,
      lang: doc.language,
      displayTitle: Boolean(doc.meta?.title),
      // Only the file ID is derived from these; they are removed below.
      info: { CreationDate: created ?? EPOCH, Keywords: seed },
    });
    // pdfkit fills in Producer, Creator and CreationDate: exports name neither
    // the software nor a time unless the caller asks.
    const info = this.pdf.info as unknown as Record<string, unknown>;
    for (const key of Object.keys(info)) delete info[key];
    const meta = doc.meta ?? {};
    if (meta.title) info.Title = meta.title;
    if (meta.author) info.Author = meta.author;
    if (meta.subject) info.Subject = meta.subject;
    if (meta.keywords) info.Keywords = meta.keywords;
    if (created) {
      info.CreationDate = created;
      info.ModDate = created;
    } else {
      // pdfkit reads the date when it builds XMP metadata, which it only writes
      // for PDF 1.4 and later (we write 1.3); hidden from the Info dictionary.
      Object.defineProperty(info, 'CreationDate', { value: EPOCH, enumerable: false });
    }
    for (const face of fonts.all) {
      this.pdf.registerFont(face.name, this.shaper.pdfFont(face) as unknown as Buffer);
    }
  }

  render(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.pdf.on('end', () => resolve(Buffer.concat(chunks)));
      this.pdf.on('error', reject);
    });
    this.newPage();
    this.titleBlock();
    this.doc.blocks.forEach((block, i) => this.block(block, this.doc.blocks.slice(i + 1)));
    this.pageFurniture();
    this.pdf.end();
    return done;
  }

  // ---- layout helpers -------------------------------------------------------

  private layout(
    spans: readonly Span[],
    size: number,
    direction: Direction,
    width: number,
    leading?: number,
  ): ParagraphLayout {
    return layoutParagraph(spans, {
      direction,
      size,
      width,
      fonts: this.fonts,
      shaper: this.shaper,
      ...(leading === undefined ? {} : { leading }),
    });
  }

  private entries(
    layout: ParagraphLayout,
    options: {
      before?: number;
      color?: string;
      align?: Align;
      marker?: (top: number) => void;
    } = {},
  ): Entry[] {
    return layout.lines.map((line, index) => ({
      layout,
      line,
      before: index === 0 ? (options.before ?? 0) : 0,
      color: options.color ?? COLOR.text,
      align: options.align ?? 'start',
      ...(index === 0 && options.marker ? { marker: options.marker } : {}),
    }));
  }

  /** x of a box of `width` placed `offset` from the start side of the text area. */
  private fromStart(offset: number, width: number, direction = this.direction): number {
    return direction === 'rtl' ? this.left + this.width - offset - width : this.left + offset;
  }

  /**
   * A value whose own direction differs from the document's (a Latin name in
   * an Arabic form) still lines up with the other values.
   */
  private startSide(): Align {
    return this.direction === 'rtl' ? 'right' : 'left';
  }

  private newPage(): void {
    this.pdf.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    this.y = MARGIN.top;
    this.atTop = true;
  }

  /** Vertical space, except at the top of a page. */
  private gap(points: number): void {
    if (!this.atTop) this.y += points;
  }

  /**
   * Lays cells side by side and lets them run over page ends line by line. A
   * row that fits on a fresh page is not split.
   */
  private flowRow(cells: readonly Cell[], options: RowOptions): void {
    const heightOf = (entry: Entry, first: boolean): number =>
      (first ? 0 : entry.before) + entry.layout.lineHeight;
    // Cells start so that their first baselines meet (Arabic lines are taller).
    const ascents = cells.map((cell) => cell.entries[0]?.layout.ascent ?? 0);
    const topAscent = Math.max(0, ...ascents);
    let shift = ascents.map((a) => topAscent - a);
    const full =
      options.padTop +
      options.padBottom +
      Math.max(
        0,
        ...cells.map((cell, c) =>
          cell.entries.reduce((h, e, i) => h + heightOf(e, i === 0), shift[c]!),
        ),
      );
    if (!this.atTop && this.y + full > this.bottom && full <= this.bottom - MARGIN.top) {
      this.newPage();
      options.onNewPage?.();
    }
    let next = cells.map(() => 0);
    for (;;) {
      const room = this.bottom - this.y - options.padTop - options.padBottom;
      let takes = cells.map((cell, c) => {
        let height = shift[c]!;
        let end = next[c]!;
        while (end < cell.entries.length) {
          const h = heightOf(cell.entries[end]!, end === next[c]);
          if (height + h > room) break;
          height += h;
          end += 1;
        }
        return { end, height };
      });
      const remaining = cells.some((cell, c) => next[c]! < cell.entries.length);
      const progress = takes.some((take, c) => take.end > next[c]!);
      if (remaining && !progress) {
        if (!this.atTop) {
          this.newPage();
          options.onNewPage?.();
          continue;
        }
        // A single line taller than a page: place it anyway rather than loop.
        takes = cells.map((cell, c) => {
          const end = Math.min(cell.entries.length, next[c]! + 1);
          const height = end > next[c]! ? heightOf(cell.entries[next[c]!]!, true) : 0;
          return { end, height };
        });
      }
      const last = takes.every((take, c) => take.end === cells[c]!.entries.length);
      const height =
        options.padTop + options.padBottom + Math.max(0, ...takes.map((t) => t.height));
      options.background?.(this.y, height, last);
      cells.forEach((cell, c) => {
        let top = this.y + options.padTop + shift[c]!;
        for (let k = next[c]!; k < takes[c]!.end; k += 1) {
          const entry = cell.entries[k]!;
          if (k !== next[c]) top += entry.before;
          this.drawLine(entry, cell.x, cell.width, top);
          entry.marker?.(top);
          top += entry.layout.lineHeight;
        }
      });
      this.y += height;
      this.atTop = false;
      shift = cells.map(() => 0);
      next = takes.map((take) => take.end);
      if (last) return;
      this.newPage();
      options.onNewPage?.();
    }
  }

  // ---- drawing --------------------------------------------------------------

  private drawLine(entry: Entry, x: number, width: number, top: number): void {
    const { layout, line } = entry;
    const right =
      entry.align === 'right' ||
      (entry.align === 'end' && layout.direction === 'ltr') ||
      (entry.align === 'start' && layout.direction === 'rtl');
    let cx =
      entry.align === 'center' ? x + (width - line.width) / 2 : right ? x + width - line.width : x;
    const baseline = top + layout.ascent;
    this.highlights(line.items, cx, baseline);
    for (const run of drawRuns(line.items)) {
      if (!run.space) this.drawItem(run, cx, baseline, entry.color);
      cx += run.width;
    }
  }

  /** Missing and withheld markers sit on a tinted band, one per stretch. */
  private highlights(items: readonly Item[], x: number, baseline: number): void {
    let cx = x;
    let i = 0;
    while (i < items.length) {
      const kind = items[i]!.kind;
      let width = 0;
      let size = 0;
      let j = i;
      while (j < items.length && items[j]!.kind === kind) {
        width += items[j]!.width;
        size = Math.max(size, items[j]!.size);
        j += 1;
      }
      if (kind !== 'text') {
        const fill = kind === 'missing' ? COLOR.missingFill : COLOR.withheldFill;
        this.pdf.rect(cx - 1.5, baseline - size * 0.95, width + 3, size * 1.28).fill(fill);
      }
      cx += width;
      i = j;
    }
  }

  private drawItem(item: Item, x: number, baseline: number, color: string): void {
    const fill = kindColor(item.kind) ?? color;
    const options = {
      lineBreak: false,
      baseline: 'alphabetic' as const,
      features: shapeDirection(item.level & 1 ? 'rtl' : 'ltr') as PDFKit.Mixins.OpenTypeFeatures[],
      // A face without a bold weight is made bold by stroking its outlines in
      // the text's colour; text extraction reads the same characters.
      ...(item.face.strokeBold ? { fill: true, stroke: true } : {}),
    };
    this.pdf.save();
    this.pdf.font(item.face.name).fontSize(item.size).fillColor(fill);
    if (item.face.strokeBold) this.pdf.strokeColor(fill).lineWidth(item.size * 0.035);
    if (item.mirror) {
      // Bidi mirroring by reflection keeps the character's own ToUnicode entry,
      // so text extraction still yields the logical bracket.
      this.pdf.transform(-1, 0, 0, 1, 2 * x + item.width, 0);
    }
    this.pdf.text(item.text, x, baseline, options);
    this.pdf.restore();
  }

  // ---- blocks ---------------------------------------------------------------

  private titleBlock(): void {
    const title = toSpans(this.doc.title, this.labels, true);
    if (!isBlank(title)) {
      const layout = this.layout(title, 19, this.direction, this.width, undefined);
      this.flowRow(
        [
          {
            x: this.left,
            width: this.width,
            entries: this.entries(layout, { color: COLOR.heading }),
          },
        ],
        {
          padTop: 0,
          padBottom: 0,
        },
      );
    }
    if (this.doc.subtitle) {
      const layout = this.layout(
        toSpans(this.doc.subtitle, this.labels),
        12,
        this.direction,
        this.width,
      );
      this.flowRow(
        [
          {
            x: this.left,
            width: this.width,
            entries: this.entries(layout, { color: COLOR.muted }),
          },
        ],
        {
          padTop: 2,
          padBottom: 0,
        },
      );
    }
    if (!this.atTop) {
      this.y += 8;
      this.rule(this.y, 1, COLOR.rule);
      this.y += 10;
    }
  }

  private rule(
    y: number,
    thickness: number,
    color: string,
    x = this.left,
    width = this.width,
  ): void {
    this.pdf.rect(x, y, width, thickness).fill(color);
  }

  private block(block: Block, following: readonly Block[] = []): void {
    switch (block.type) {
      case 'heading':
        return this.heading(block, following);
      case 'paragraph': {
        const spans = toSpans(block.text, this.labels);
        const direction = resolveDirection(block.direction, plainText(spans), this.direction);
        const layout = this.layout(spans, BODY, direction, this.width);
        this.flowRow([{ x: this.left, width: this.width, entries: this.entries(layout) }], {
          padTop: 0,
          padBottom: 0,
        });
        this.y += 6;
        return;
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
        if (!this.atTop) this.newPage();
        return;
    }
  }

  private headingLayout(block: HeadingBlock): ParagraphLayout {
    const spans = toSpans(block.text, this.labels, true);
    const direction = resolveDirection(block.direction, plainText(spans), this.direction);
    return this.layout(spans, HEADING[block.level].size, direction, this.width, 1.3);
  }

  private headingHeight(block: HeadingBlock): number {
    const style = HEADING[block.level];
    return (
      style.before + this.headingLayout(block).height + style.after + (block.level === 1 ? 2 : 0)
    );
  }

  /**
   * The height a heading must find below it on its page: the headings that
   * follow it directly, then the start of the content they introduce (a
   * block kept whole, or its first two lines or rows). A heading is never
   * left alone at the bottom of a page, nor a chain of headings.
   */
  private keepWithNext(following: readonly Block[]): number {
    let height = 0;
    for (const next of following) {
      if (next.type === 'heading') {
        height += this.headingHeight(next);
        continue;
      }
      if (next.type === 'pageBreak') return height;
      return height + this.startHeight(next);
    }
    return height;
  }

  /** The part of a block that must stay with what comes before it (a heading). */
  private startHeight(block: Block): number {
    const twoLines = 2 * BODY * 1.75;
    switch (block.type) {
      case 'fields': {
        const rows = block.fields.map((f) => this.fieldHeight(f));
        const total = rows.reduce((a, b) => a + b, 0);
        return total <= this.keepLimit() ? total : (rows[0] ?? 0) + (rows[1] ?? 0);
      }
      case 'note':
        return twoLines + 18;
      case 'table':
        return 2.5 * twoLines;
      default:
        return twoLines;
    }
  }

  /** Blocks up to this height are kept on one page rather than split. */
  private keepLimit(): number {
    return (this.bottom - MARGIN.top) * 0.25;
  }

  private heading(block: HeadingBlock, following: readonly Block[] = []): void {
    const style = HEADING[block.level];
    const layout = this.headingLayout(block);
    const need = this.headingHeight(block) + this.keepWithNext(following);
    if (!this.atTop && this.y + need > this.bottom && need <= this.bottom - MARGIN.top)
      this.newPage();
    this.gap(style.before);
    this.flowRow(
      [
        {
          x: this.left,
          width: this.width,
          entries: this.entries(layout, { color: COLOR.heading }),
        },
      ],
      {
        padTop: 0,
        padBottom: 0,
      },
    );
    if (block.level === 1) {
      this.y += 2;
      this.rule(this.y, 0.6, COLOR.rule);
    }
    this.y += style.after;
  }

  private fieldLayouts(field: Field): { label: ParagraphLayout; value: ParagraphLayout } {
    const { labelWidth, valueWidth } = this.fieldColumns();
    const labelSpans = toSpans(field.label, this.labels, true);
    let valueSpans = toSpans(field.value, this.labels);
    if (isBlank(valueSpans)) valueSpans = toSpans({ missing: plainText(labelSpans) }, this.labels);
    const label = this.layout(labelSpans, BODY - 0.5, this.direction, labelWidth);
    const valueDirection = resolveDirection('auto', plainText(valueSpans), this.direction);
    const value = this.layout(valueSpans, BODY, valueDirection, valueWidth);
    return { label, value };
  }

  private fieldColumns(): { gap: number; labelWidth: number; valueWidth: number } {
    const gap = 12;
    const labelWidth = Math.round(this.width * 0.32);
    return { gap, labelWidth, valueWidth: this.width - labelWidth - gap };
  }

  private fieldHeight(field: Field): number {
    const { label, value } = this.fieldLayouts(field);
    return Math.max(label.height, value.height) + 8;
  }

  private fields(block: FieldListBlock): void {
    const { gap, labelWidth, valueWidth } = this.fieldColumns();
    // A short list of fields (a person's consent, an address block) is not split over two pages.
    const total = block.fields.reduce((h, f) => h + this.fieldHeight(f), 0);
    if (!this.atTop && this.y + total > this.bottom && total <= this.keepLimit()) this.newPage();
    for (const field of block.fields) {
      const { label, value } = this.fieldLayouts(field);
      this.flowRow(
        [
          {
            x: this.fromStart(0, labelWidth),
            width: labelWidth,
            entries: this.entries(label, { color: COLOR.label }),
          },
          {
            x: this.fromStart(labelWidth + gap, valueWidth),
            width: valueWidth,
            entries: this.entries(value, { align: this.startSide() }),
          },
        ],
        {
          padTop: 4,
          padBottom: 4,
          background: (top, height, last) => {
            if (last) this.rule(top + height - 0.5, 0.5, COLOR.rule);
          },
        },
      );
    }
    this.y += 8;
  }

  private table(block: TableBlock): void {
    const columns = block.header.length;
    const weights = block.widths ?? block.header.map(() => 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => (w / total) * this.width);
    const offsets = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
    const pad = 5;
    const cellsOf = (row: readonly RichText[], header: boolean): Cell[] =>
      row.map((content, c) => {
        const spans = toSpans(content, this.labels, header);
        const direction = header
          ? this.direction
          : resolveDirection('auto', plainText(spans), this.direction);
        const layout = this.layout(spans, BODY - 1, direction, widths[c]! - 2 * pad);
        return {
          x: this.fromStart(offsets[c]! + pad, widths[c]! - 2 * pad),
          width: widths[c]! - 2 * pad,
          entries: this.entries(
            layout,
            header ? { color: COLOR.heading } : { align: this.startSide() },
          ),
        };
      });
    const grid = (fill?: string) => (top: number, height: number) => {
      for (let c = 0; c < columns; c += 1) {
        const x = this.fromStart(offsets[c]!, widths[c]!);
        if (fill) this.pdf.rect(x, top, widths[c]!, height).fill(fill);
        this.pdf.lineWidth(0.5).rect(x, top, widths[c]!, height).stroke(COLOR.grid);
      }
    };
    const headerCells = cellsOf(block.header, true);
    const drawHeader = (): void => {
      this.flowRow(headerCells, { padTop: 4, padBottom: 4, background: grid(COLOR.headerFill) });
    };
    const headerHeight =
      8 +
      Math.max(
        ...headerCells.map((cell) => cell.entries.reduce((h, e) => h + e.layout.lineHeight, 0)),
      );
    if (!this.atTop && this.y + headerHeight + 2.5 * BODY * 1.75 > this.bottom) this.newPage();
    drawHeader();
    for (const row of block.rows) {
      this.flowRow(cellsOf(row, false), {
        padTop: 4,
        padBottom: 4,
        background: grid(),
        onNewPage: drawHeader,
      });
    }
    this.y += 10;
  }

  /** A list item: text indented from the start side, `marker` drawn in the gutter. */
  private listItem(
    spans: readonly Span[],
    direction: Direction,
    marker: (top: number, layout: ParagraphLayout) => void,
  ): void {
    const indent = 20;
    const layout = this.layout(spans, BODY, direction, this.width - indent);
    this.flowRow(
      [
        {
          x: this.fromStart(indent, this.width - indent, direction),
          width: this.width - indent,
          entries: this.entries(layout, { marker: (top) => marker(top, layout) }),
        },
      ],
      { padTop: 1, padBottom: 3 },
    );
  }

  private list(block: ListBlock): void {
    block.items.forEach((item, index) => {
      const spans = toSpans(item, this.labels);
      const direction = resolveDirection(block.direction, plainText(spans), this.direction);
      const markerText = block.ordered ? `${index + 1}.` : '•';
      this.listItem(spans, direction, (top, layout) => {
        const markerLayout = this.layout(toSpans(markerText, this.labels), BODY, direction, 16);
        const line = markerLayout.lines[0];
        if (!line) return;
        // Baselines of marker and text meet; the marker sits against the text.
        const markerTop = top + layout.ascent - markerLayout.ascent;
        const x = this.fromStart(0, 16, direction);
        this.drawLine(
          { layout: markerLayout, line, before: 0, color: COLOR.text, align: 'end' },
          x,
          16,
          markerTop,
        );
      });
    });
    this.y += 6;
  }

  private checklist(block: ChecklistBlock): void {
    for (const item of block.items) {
      const text = toSpans(item.text, this.labels);
      const spans: Span[] = [...text];
      if (item.state === 'missing')
        spans.push(plain(' '), ...toSpans({ missing: '' }, this.labels));
      if (item.note !== undefined) spans.push(plain(' — '), ...toSpans(item.note, this.labels));
      const direction = resolveDirection(block.direction, plainText(text), this.direction);
      this.listItem(spans, direction, (top, layout) => {
        const box = 8.5;
        const baseline = top + layout.ascent;
        const x = this.fromStart(4, box, direction);
        const y = baseline - box + 0.5;
        const color = item.state === 'ok' ? COLOR.ok : COLOR.missingText;
        this.pdf.lineWidth(0.9).rect(x, y, box, box).stroke(color);
        if (item.state === 'ok') {
          this.pdf
            .lineWidth(1.4)
            .moveTo(x + 1.8, y + box * 0.52)
            .lineTo(x + box * 0.42, y + box - 1.8)
            .lineTo(x + box - 1.4, y + 1.6)
            .stroke(COLOR.ok);
        }
      });
    }
    this.y += 6;
  }

  private note(block: NoteBlock): void {
    const pad = 9;
    const bar = 3;
    const tone = block.tone ?? 'info';
    const fill = tone === 'warning' ? COLOR.warningFill : COLOR.infoFill;
    const barColor = tone === 'warning' ? COLOR.warningBar : COLOR.infoBar;
    const textSpans = toSpans(block.text, this.labels);
    const direction = resolveDirection(block.direction, plainText(textSpans), this.direction);
    const inner = this.width - 2 * pad - bar;
    const entries: Entry[] = [];
    if (block.title !== undefined) {
      const title = this.layout(toSpans(block.title, this.labels, true), BODY, direction, inner);
      entries.push(...this.entries(title, { color: COLOR.heading }));
    }
    entries.push(
      ...this.entries(this.layout(textSpans, BODY, direction, inner), {
        before: entries.length ? 3 : 0,
      }),
    );
    this.gap(4);
    this.flowRow([{ x: this.fromStart(bar + pad, inner, direction), width: inner, entries }], {
      padTop: pad - 2,
      padBottom: pad - 2,
      background: (top, height) => {
        this.pdf.rect(this.left, top, this.width, height).fill(fill);
        this.pdf.rect(this.fromStart(0, bar, direction), top, bar, height).fill(barColor);
      },
    });
    this.y += 10;
  }

  // ---- running header and footer --------------------------------------------

  private pageFurniture(): void {
    const { start, count } = this.pdf.bufferedPageRange();
    const header = this.doc.header ? toSpans(this.doc.header, this.labels) : null;
    const footer = this.doc.footer ? toSpans(this.doc.footer, this.labels) : null;
    const headerLayout = header ? this.layout(header, SMALL, this.direction, this.width) : null;
    const footerWidth = this.width * 0.62;
    const footerLayout = footer ? this.layout(footer, SMALL, this.direction, footerWidth) : null;
    for (let page = 0; page < count; page += 1) {
      this.pdf.switchToPage(start + page);
      if (headerLayout) {
        headerLayout.lines.slice(0, 2).forEach((line, i) => {
          const entry = {
            layout: headerLayout,
            line,
            before: 0,
            color: COLOR.muted,
            align: 'start' as const,
          };
          this.drawLine(entry, this.left, this.width, 30 + i * headerLayout.lineHeight);
        });
        this.rule(MARGIN.top - 16, 0.5, COLOR.rule);
      }
      const footerTop = PAGE.height - MARGIN.bottom + 22;
      this.rule(footerTop - 6, 0.5, COLOR.rule);
      if (footerLayout) {
        footerLayout.lines.slice(0, 2).forEach((line, i) => {
          const entry = {
            layout: footerLayout,
            line,
            before: 0,
            color: COLOR.muted,
            align: 'start' as const,
          };
          this.drawLine(
            entry,
            this.fromStart(0, footerWidth),
            footerWidth,
            footerTop + i * footerLayout.lineHeight,
          );
        });
      }
      const label = fill(this.labels.pageOf, { page: page + 1, pages: count });
      const numberLayout = this.layout(
        toSpans(label, this.labels),
        SMALL,
        this.direction,
        this.width * 0.35,
      );
      const line = numberLayout.lines[0];
      if (line) {
        this.drawLine(
          { layout: numberLayout, line, before: 0, color: COLOR.muted, align: 'end' },
          this.fromStart(this.width * 0.65, this.width * 0.35),
          this.width * 0.35,
          footerTop,
        );
      }
    }
  }
}

/**
 * Joins neighbouring items of one face, size, level and kind, with the spaces
 * between them, into one drawn run: far fewer text objects, and real space
 * characters between words for text extraction. Items come in visual order,
 * so a right-to-left run is assembled back into logical order.
 */
function drawRuns(items: readonly Item[]): Item[] {
  const runs: Item[] = [];
  for (const item of items) {
    const text = item.space ? ' '.repeat(item.text.length) : item.text;
    const last = runs[runs.length - 1];
    if (
      last &&
      !last.mirror &&
      !item.mirror &&
      last.face === item.face &&
      last.size === item.size &&
      last.level === item.level &&
      last.kind === item.kind
    ) {
      runs[runs.length - 1] = {
        ...last,
        text: item.level & 1 ? text + last.text : last.text + text,
        width: last.width + item.width,
        space: last.space && item.space,
      };
    } else {
      runs.push({ ...item, text });
    }
  }
  return runs;
}

function kindColor(kind: SpanKind): string | null {
  if (kind === 'missing') return COLOR.missingText;
  if (kind === 'withheld') return COLOR.withheldText;
  return null;
}

function plain(text: string): Span {
  return { text, bold: false, italic: false, kind: 'text' };
}
