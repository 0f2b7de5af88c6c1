import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectBuffer, stripBuffer } from '../../../electron/core/metadata';
import { PdfDocument } from '../../../electron/core/metadata/pdf/document';
import { PdfDict, PdfStream } from '../../../electron/core/metadata/pdf/parser';
import { jpegScanData } from '../../../electron/core/metadata/formats/jpeg';
import { tempDir } from '../../helpers/tmp';
import { expectClean, expectFinds, expectVigilError, fixture, has, pdfSearchable } from './helpers';

const PLANTED = [
  { value: 'CANARY-PDF-AUTHOR-3c3c', risky: true, group: 'people' as const },
  { value: 'CANARY-PDF-CREATOR-ab12', group: 'software' as const },
  { value: 'CANARY-PDF-CUSTOM-5e5e', risky: true },
  { value: 'CANARY-PDF-XMP-CREATOR-1a1a', risky: true, group: 'people' as const },
  { value: 'CANARY-ANNOT-AUTHOR-51f0', risky: true, group: 'people' as const },
  { value: 'CANARY-PTEX-USER-8c8c', risky: true, group: 'hidden' as const },
  { value: 'CANARY-JS-2c2c', risky: true, group: 'hidden' as const },
  { value: 'secret.txt', risky: true, group: 'hidden' as const },
  // The photo inside the PDF keeps its own EXIF: found and flagged too.
  { value: 'CANARY-SERIAL-5d21', risky: true, group: 'device' as const },
  { value: 'CANARY-COM-e17d', risky: true },
];

function images(pdf: Buffer): Buffer[] {
  const doc = new PdfDocument(pdf);
  const out: Buffer[] = [];
  for (const num of doc.entries.keys()) {
    const v = doc.getNum(num);
    if (
      v instanceof PdfStream &&
      v.dict.name('Subtype') === 'Image' &&
      v.dict.name('Filter') === 'DCTDecode'
    )
      out.push(v.data);
  }
  return out;
}

describe('PDF', () => {
  it('inspection finds the Info dictionary, XMP, revisions, ID, annotations, attachments, scripts and photo EXIF', async () => {
    const report = await inspectBuffer(fixture('classic.pdf'));
    expectFinds(report, [...PLANTED, { value: 'CANARY-PDF-UPDATE-SUBJECT-6b6b' }]);
    for (const key of [
      'pdf.revisions',
      'pdf.ID',
      'pdf.thumbnail',
      'pdf.PieceInfo',
      'pdf.orphans',
      'pdf.embeddedFile',
      'pdf.javascript',
    ]) {
      expect(
        report.fields.find((f) => f.key === key),
        key,
      ).toMatchObject({ risky: true, group: 'hidden' });
    }
    expect(report.capture.time).toBe('2024-03-05T14:22:10+02:00');
  });

  it('inspection reads object streams and cross-reference streams', async () => {
    const report = await inspectBuffer(fixture('updated.pdf'));
    expectFinds(report, [
      ...PLANTED.filter((p) => p.value !== 'CANARY-PDF-AUTHOR-3c3c'),
      { value: 'CANARY-PDF-UPDATE-AUTHOR-9d9d', risky: true },
      { value: 'CANARY-PDF-XMP-PRODUCER-2d2d' },
    ]);
    expect(report.fields.some((f) => f.key === 'pdf.revisions')).toBe(true);
  });

  for (const name of ['classic.pdf', 'updated.pdf', 'ghostscript.pdf']) {
    it(`${name}: rewritten as one revision without Info, ID, XMP, attachments, scripts or authors`, async () => {
      const input = fixture(name);
      const { output, report } = await stripBuffer(input);
      await expectClean(output, report.kept, inspectBuffer);
      const text = output.toString('latin1');
      expect(text.match(/%%EOF/g)).toHaveLength(1);
      for (const key of [
        '/Prev',
        '/Info',
        '/ID',
        '/Metadata',
        '/Author',
        '/Producer',
        '/Creator',
        '/EmbeddedFile',
        '/JavaScript',
        '/JS',
        '/PieceInfo',
        '/Thumb',
        '/LastModified',
        '/XRefStm',
        '/ObjStm',
        'xpacket',
      ]) {
        expect(pdfSearchable(output).includes(key), key).toBe(false);
      }
      const doc = new PdfDocument(output);
      expect([...doc.trailer.map.keys()].sort()).toEqual(['Root', 'Size']);
      expect(doc.sections).toHaveLength(1);
      expect(report.removed.length).toBeGreaterThan(0);
      if (has('qpdf')) {
        const dir = await tempDir();
        writeFileSync(join(dir, 'out.pdf'), output);
        const check = spawnSync('qpdf', ['--check', join(dir, 'out.pdf')]);
        expect(check.status, check.stdout.toString() + check.stderr.toString()).toBe(0);
      } else console.warn('qpdf is not installed: skipping qpdf --check of the stripped PDF');
    });
  }

  it('keeps the page text and strips the embedded photo losslessly', async () => {
    const input = fixture('classic.pdf');
    const { output } = await stripBuffer(input);
    // Content streams are rewritten deflated.
    expect(pdfSearchable(output).includes('Vigil test page: the text stays.')).toBe(true);
    const [before] = images(input);
    const after = images(output);
    expect(after).toHaveLength(1);
    expect(jpegScanData(after[0]!).equals(jpegScanData(before!))).toBe(true);
    expect(after[0]!.includes('Exif')).toBe(false);
    // The annotation stays, without its author.
    const doc = new PdfDocument(output);
    const annots = [...doc.entries.keys()]
      .map((n) => doc.getNum(n))
      .filter((v): v is PdfDict => v instanceof PdfDict && v.name('Type') === 'Annot');
    // A sticky note is review text: removed by default, kept (without its author) when asked.
    expect(annots).toHaveLength(0);
    const kept = await stripBuffer(input, { keepAnnotationText: true });
    const doc2 = new PdfDocument(kept.output);
    const notes = [...doc2.entries.keys()]
      .map((n) => doc2.getNum(n))
      .filter((v): v is PdfDict => v instanceof PdfDict && v.name('Type') === 'Annot');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.name('Subtype')).toBe('Text');
    expect(notes[0]!.has('T')).toBe(false);
    expect(notes[0]!.has('Contents')).toBe(true);
  });

  it('writes no Producer of its own and drops unreferenced objects', async () => {
    const { output } = await stripBuffer(fixture('classic.pdf'));
    expect(pdfSearchable(output).includes('Vigil')).toBe(true); // the page text
    expect(output.includes('Producer')).toBe(false);
    expect(output.includes('CANARY-ORPHAN-OBJECT-7e7e')).toBe(false);
    const doc = new PdfDocument(output);
    expect(doc.entries.size).toBeLessThan(new PdfDocument(fixture('classic.pdf')).entries.size);
  });

  it('refuses an encrypted PDF', async () => {
    await expectVigilError(
      stripBuffer(fixture('encrypted.pdf')),
      'UNSUPPORTED',
      /PDF is encrypted/,
    );
    const report = await inspectBuffer(fixture('encrypted.pdf'));
    expect(report.warnings.join(' ')).toMatch(/encrypted/);
  });

  it('refuses a PDF whose cross-reference data is missing or wrong', async () => {
    const input = fixture('ghostscript.pdf');
    const cut = input.subarray(0, input.lastIndexOf('startxref'));
    await expectVigilError(stripBuffer(cut), 'INVALID_INPUT', /no "startxref" pointer/);
    const text = input.toString('latin1');
    const pointer = text.lastIndexOf('startxref');
    const wrong = Buffer.from(text.slice(0, pointer) + 'startxref\n12\n%%EOF\n', 'latin1');
    await expectVigilError(stripBuffer(wrong), 'INVALID_INPUT', /PDF is damaged/);
  });

  it('refuses a PDF with a JPEG 2000 image', async () => {
    const input = fixture('classic.pdf')
      .toString('latin1')
      .replace('/Filter /DCTDecode /Length', '/Filter /JPXDecode /Length');
    await expectVigilError(stripBuffer(Buffer.from(input, 'latin1')), 'UNSUPPORTED', /JPEG 2000/);
  });
});

/** A minimal PDF from object bodies (object n is objects[n-1]), with a classic cross-reference table. */
function buildPdf(objects: (string | Buffer)[], trailer = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let size = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(size);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(chunk);
    size += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${size}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream'),
  ]);
}

describe('PDF cleaning rules', () => {
  const page = (extra: string): string =>
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R ${extra} >>`;
  const content = stream('', Buffer.from('BT /F1 12 Tf 20 100 Td (Kept text) Tj ET'));

  it('strips a JPEG whose /Filter is an indirect object', async () => {
    const photo = fixture('camera.jpg');
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      page('/Resources << /XObject << /Im1 5 0 R >> >>'),
      content,
      stream(
        '/Type /XObject /Subtype /Image /Width 120 /Height 80 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter 6 0 R',
        photo,
      ),
      '/DCTDecode',
    ]);
    const report = await inspectBuffer(pdf);
    expectFinds(report, [{ value: 'CANARY-SERIAL-5d21', risky: true }]);
    const { output, report: strip } = await stripBuffer(pdf);
    await expectClean(output, strip.kept, inspectBuffer);
    expect(images(output)).toHaveLength(1);
  });

  it('keeps form field names (/T on widgets) but removes markup authors, signatures and file-opening actions', async () => {
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R 9 0 R] /XFA 10 0 R >> /OpenAction << /S /Launch /F (CANARY-LAUNCH-1111.exe) >> >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      page('/Annots [5 0 R 6 0 R 7 0 R 9 0 R] /ID (CANARY-WEB-CAPTURE-ID)'),
      content,
      '<< /Type /Annot /Subtype /Highlight /Rect [0 0 10 10] /T (CANARY-HIGHLIGHT-AUTHOR) /CreationDate (D:20240101) /Contents (kept note) >>',
      '<< /Type /Annot /Subtype /Widget /FT /Tx /Rect [0 0 10 10] /T (field_name) /V (form value) >>',
      '<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /GoToR /F (/home/CANARY-GOTOR-USER/doc.pdf) /D [0 /Fit] >> >>',
      '<< /Type /Sig /Filter /Adobe.PPKLite /Name (CANARY-SIGNER-NAME) /Location (CANARY-SIGN-PLACE) /ByteRange [0 1 2 3] /Contents <00> >>',
      '<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /T (Signature1) /V 8 0 R >>',
      stream('', Buffer.from('<xdp:xdp>CANARY-XFA-DATA</xdp:xdp>')),
    ]);
    const report = await inspectBuffer(pdf);
    expectFinds(report, [
      { value: 'CANARY-HIGHLIGHT-AUTHOR', risky: true, group: 'people' },
      { value: 'CANARY-SIGNER-NAME', risky: true, group: 'people' },
      { value: 'Launch action', risky: true },
      { value: 'XML form description', risky: true },
    ]);
    const { output, report: strip } = await stripBuffer(pdf);
    await expectClean(output, strip.kept, inspectBuffer);
    const text = pdfSearchable(output).toString('latin1');
    expect(text).toContain('(field_name)');
    expect(text).toContain('(form value)');
    // A highlight's note is review text: removed unless asked for.
    expect(text).not.toContain('(kept note)');
    expect(text).toContain('(Kept text)');
    expect(text).toContain('/Link');
    const kept = await stripBuffer(pdf, { keepAnnotationText: true });
    expect(kept.output.toString('latin1')).toContain('(kept note)');
    expect(kept.output.toString('latin1')).not.toContain('CANARY-HIGHLIGHT-AUTHOR');
    expect(text).not.toContain('/OpenAction');
  });

  it('refuses a cross-reference chain that loops', async () => {
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [] /Count 0 >>',
    ]);
    const xrefAt = pdf.lastIndexOf('xref\n0 3');
    const looped = Buffer.from(
      pdf.toString('latin1').replace('/Root 1 0 R ', `/Root 1 0 R /Prev ${xrefAt} `),
      'latin1',
    );
    await expectVigilError(stripBuffer(looped), 'INVALID_INPUT', /cross-reference sections loop/);
  });

  it('reads a stream whose /Length refers to itself by its endstream keyword', async () => {
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      page(''),
      '<< /Length 4 0 R >>\nstream\nBT ET\nendstream',
    ]);
    const { output } = await stripBuffer(pdf);
    expect(pdfSearchable(output).toString('latin1')).toContain('BT\nET');
  });
});

describe('PDF decompression bombs', () => {
  it('refuses a small PDF whose streams inflate to far more than its size', async () => {
    // Three pages, each with 200 MB of zeros deflated to a few hundred kilobytes.
    const bomb = deflateSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 });
    const pages = [3, 5, 7];
    const objects: (string | Buffer)[] = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${pages.map((p) => `${p} 0 R`).join(' ')}] /Count 3 >>`,
    ];
    for (const p of pages) {
      objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents ${p + 1} 0 R >>`);
      objects.push(stream('/Filter /FlateDecode', bomb));
    }
    const pdf = buildPdf(objects);
    expect(pdf.length).toBeLessThan(2 * 1024 * 1024);
    await expectVigilError(stripBuffer(pdf), 'UNSUPPORTED', /decompression bomb/);
  });
});
