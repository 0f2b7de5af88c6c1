import PDFDocument from 'pdfkit';
import type { Block, DocumentModel } from '../electron/core/render';
import { defaultFontDir, missing, renderDocx, renderPdf } from '../electron/core/render';
import { median, round, timeRuns, type Bench } from './harness';

const SENTENCE =
  'The detention of Ольга Петровна Смирнова and عبد الله الحسيني continued without any review by a judge. ';

/** About 50 A4 pages: headings, mixed-script prose, field lists and tables. */
function longDocument(): DocumentModel {
  const blocks: Block[] = [];
  for (let i = 1; i <= 100; i += 1) {
    blocks.push({ type: 'heading', level: 2, text: `Section ${i}` });
    blocks.push({ type: 'paragraph', text: `Paragraph ${i}: ${SENTENCE.repeat(5)}` });
    blocks.push({
      type: 'fields',
      fields: [
        { label: 'Date', value: '2024-01-01' },
        { label: 'Place', value: 'سجن المدينة المركزي' },
        { label: 'Legal basis', value: missing('legal basis') },
      ],
    });
    blocks.push({
      type: 'table',
      header: ['Date', 'Event'],
      rows: [
        ['2024-01-01', 'Hearing postponed'],
        ['2024-02-01', missing('outcome')],
      ],
    });
  }
  return { title: 'Long report', language: 'en', blocks };
}

/** The same words through pdfkit's own text flow (no bidi, no shaping control): the floor. */
function plainPdfkit(doc: DocumentModel): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4' });
  const fonts = defaultFontDir();
  pdf.registerFont('latin', `${fonts}/NotoSans-Regular.ttf`);
  pdf.font('latin').fontSize(10.5);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
  });
  for (const block of doc.blocks) {
    if (block.type === 'heading' || block.type === 'paragraph')
      pdf.text(JSON.stringify(block.text));
    if (block.type === 'fields')
      for (const f of block.fields)
        pdf.text(`${JSON.stringify(f.label)}: ${JSON.stringify(f.value)}`);
    if (block.type === 'table')
      for (const row of block.rows) pdf.text(row.map((c) => JSON.stringify(c)).join(' | '));
  }
  pdf.end();
  return done;
}

export const renderBench: Bench = {
  name: 'render',
  description:
    'a 50-page mixed-script dossier rendered to PDF and DOCX, against pdfkit laying out the same words itself',
  async run(report, { quick }) {
    const runs = quick ? 3 : 7;
    const doc = longDocument();
    const baseline = median(await timeRuns(runs, () => plainPdfkit(doc)));
    const pdf = median(await timeRuns(runs, () => renderPdf(doc)));
    report({
      metric: 'pdf_50_pages',
      value: round(pdf),
      unit: 'ms',
      baseline: 'pdfkit_plain_text',
      baselineValue: round(baseline),
    });
    const docx = median(await timeRuns(runs, () => renderDocx(doc)));
    report({
      metric: 'docx_50_pages',
      value: round(docx),
      unit: 'ms',
      baseline: null,
      baselineValue: null,
    });
  },
};
