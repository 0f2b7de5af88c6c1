import { readFileSync } from 'node:fs';
import {
  appendUpdate,
  encodeChain,
  layerName,
  layerParms,
  encodedStream,
  PdfBuilder,
  pdfLiteral,
  streamBody,
  type BuildOptions,
  type Layer,
} from './pdf';

// Hostile PDFs, one per way a PDF can carry an image or a private string. Each
// plants a camera photo (GPS, owner, serial number, COM comment, IPTC, XMP) and
// unique CANARY strings where the construction puts them. The tests expect
// each either stripped with no canary left anywhere, or refused with a clear
// message, never passed through.

const ROOT = new URL('../', import.meta.url);

/** A camera JPEG (120 × 80, RGB) with GPS, owner, serial, COM, IPTC and XMP planted. */
export function cameraJpeg(): Buffer {
  return readFileSync(new URL('fixtures/metadata/camera.jpg', ROOT));
}

/** The text every constructed page shows (pdftotext must give it back unchanged). */
export const PAGE_TEXT = 'Page text stays';

/** What a constructed document must carry in the clear after stripping: nothing else is checked. */
export interface Construction {
  name: string;
  build: () => Buffer;
  /** 'strip': Vigil must strip it clean; 'refuse': Vigil must refuse it with this message. */
  expect: 'strip' | { refuse: RegExp };
  /** Planted strings `inspect` must show before stripping. */
  shows?: string[];
  /** The visible text changes on purpose (review text that readers draw is removed). */
  textChanges?: boolean;
  /** Why a reader draws the input differently (its output is then not compared pixel for pixel). */
  inputMisdrawn?: string;
}

const IMAGE_DICT =
  '/Type /XObject /Subtype /Image /Width 120 /Height 80 /ColorSpace /DeviceRGB /BitsPerComponent 8';
const DRAW = (name: string): string => `q 100 0 0 66 20 20 cm /${name} Do Q`;
const TEXT = `BT /F1 12 Tf 20 250 Td (${PAGE_TEXT}) Tj ET`;

interface Parts {
  content: string | Buffer;
  /** Page content as an array of streams already added (the page's own stream is then not written). */
  contentsArray?: number[];
  /** Layers of the page's content stream (none: unfiltered). */
  contentLayers?: Layer[];
  resources?: string;
  /** More entries of the page's /Font resource dictionary. */
  fonts?: string;
  page?: string;
  catalog?: string;
  trailer?: string;
}

/** A one-page document: 1 catalog, 2 page tree, 3 page, 4 font; `fill` adds the rest. */
export function onePage(fill: (b: PdfBuilder) => Parts, options: BuildOptions = {}): Buffer {
  const b = new PdfBuilder();
  b.reserve();
  b.reserve();
  b.reserve();
  b.add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const parts = fill(b);
  const data = Buffer.isBuffer(parts.content)
    ? parts.content
    : Buffer.from(parts.content, 'latin1');
  const contents = parts.contentsArray
    ? `[${parts.contentsArray.map((n) => `${n} 0 R`).join(' ')}]`
    : `${b.add(encodedStream('', Buffer.concat([Buffer.from(`${TEXT}\n`), data]), parts.contentLayers ?? []))} 0 R`;
  b.set(1, `<< /Type /Catalog /Pages 2 0 R ${parts.catalog ?? ''} >>`);
  b.set(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  b.set(
    3,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents ${contents} /Resources << /Font << /F1 4 0 R ${parts.fonts ?? ''} >> ${parts.resources ?? ''} >> ${parts.page ?? ''} >>`,
  );
  return b.build({ ...options, trailer: `${parts.trailer ?? ''} ${options.trailer ?? ''}` });
}

/** An image XObject holding the camera JPEG, its data passed through `layers` before DCT. */
function photoXObject(b: PdfBuilder, layers: Layer[] = [], extra = ''): number {
  const names = [...layers.map((l) => layerName(l)), '/DCTDecode'];
  const parms = [...layers.map(layerParms), 'null'];
  const filter = names.length === 1 ? names[0] : `[${names.join(' ')}]`;
  const dp = parms.some((p) => p !== 'null') ? `/DecodeParms [${parms.join(' ')}]` : '';
  return b.add(
    streamBody(`${IMAGE_DICT} /Filter ${filter} ${dp} ${extra}`, encodeChain(cameraJpeg(), layers)),
  );
}

/** Inline-image operators drawing the camera JPEG, its data passed through `layers` before DCT. */
export function inlinePhoto(layers: Layer[] = [], extraKeys = ''): Buffer {
  const names = [...layers.map((l) => layerName(l, true)), '/DCT'];
  const parms = layers.some((l) => layerParms(l) !== 'null')
    ? `/DP [${[...layers.map(layerParms), 'null'].join(' ')}]`
    : '';
  const filter = names.length === 1 ? '/F /DCT' : `/F [${names.join(' ')}]`;
  return Buffer.concat([
    Buffer.from(
      `q 100 0 0 66 20 20 cm BI /W 120 /H 80 /CS /RGB /BPC 8 ${filter} ${parms} ${extraKeys} ID `,
      'latin1',
    ),
    encodeChain(cameraJpeg(), layers),
    Buffer.from('\nEI Q\n', 'latin1'),
  ]);
}

/** An ICC profile (the sRGB profile pdfkit ships) with CANARY description, copyright and device text. */
export function canaryIcc(): Buffer {
  const src = readFileSync(new URL('../node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc', ROOT));
  const count = src.readUInt32BE(128);
  const tags: { sig: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = 132 + 12 * i;
    const sig = src.toString('latin1', at, at + 4);
    const off = src.readUInt32BE(at + 4);
    const len = src.readUInt32BE(at + 8);
    if (['desc', 'cprt', 'dmnd', 'dmdd'].includes(sig)) continue;
    tags.push({ sig, data: src.subarray(off, off + len) });
  }
  const desc = (text: string): Buffer => {
    const ascii = Buffer.from(`${text}\0`, 'latin1');
    const out = Buffer.alloc(12 + ascii.length + 8 + 3 + 67);
    out.write('desc', 0, 'latin1');
    out.writeUInt32BE(ascii.length, 8);
    ascii.copy(out, 12);
    return out;
  };
  const text = (t: string): Buffer =>
    Buffer.concat([Buffer.from('text\0\0\0\0', 'latin1'), Buffer.from(`${t}\0`, 'latin1')]);
  tags.push({ sig: 'desc', data: desc('CANARY-ICC-DESC-71ad') });
  tags.push({ sig: 'cprt', data: text('CANARY-ICC-COPYRIGHT-0b9e') });
  tags.push({ sig: 'dmnd', data: desc('CANARY-ICC-MAKER-5cc3') });
  tags.push({ sig: 'dmdd', data: desc('CANARY-ICC-MODEL-e4f0') });
  const header = Buffer.from(src.subarray(0, 128));
  // The creator and the date are planted in the header too.
  header.write('CNRY', 80, 'latin1');
  const table = Buffer.alloc(4 + 12 * tags.length);
  table.writeUInt32BE(tags.length, 0);
  const bodies: Buffer[] = [];
  let offset = 128 + table.length;
  tags.forEach((t, i) => {
    table.write(t.sig, 4 + 12 * i, 'latin1');
    table.writeUInt32BE(offset, 8 + 12 * i);
    table.writeUInt32BE(t.data.length, 12 + 12 * i);
    const padded = Buffer.alloc(Math.ceil(t.data.length / 4) * 4);
    t.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  const out = Buffer.concat([header, table, ...bodies]);
  out.writeUInt32BE(out.length, 0);
  return out;
}

const PHOTO_SHOWS = ['CANARY-SERIAL-5d21', 'CANARY-OWNER-c4e8', 'CANARY-COM-e17d'];
const CHAINS: [string, Layer[]][] = [
  ['Flate', [{ filter: 'FlateDecode' }]],
  ['LZW', [{ filter: 'LZWDecode' }]],
  ['LZW without early change', [{ filter: 'LZWDecode', earlyChange: 0 }]],
  ['RunLength', [{ filter: 'RunLengthDecode' }]],
  ['ASCIIHex', [{ filter: 'ASCIIHexDecode' }]],
  ['ASCII85', [{ filter: 'ASCII85Decode' }]],
  ['ASCII85 then Flate', [{ filter: 'ASCII85Decode' }, { filter: 'FlateDecode' }]],
  ['Flate with a PNG predictor', [{ filter: 'FlateDecode', predictor: { columns: 16, type: 4 } }]],
  [
    'ASCIIHex, LZW with a predictor, RunLength',
    [
      { filter: 'ASCIIHexDecode' },
      { filter: 'LZWDecode', predictor: { columns: 7, type: 2 } },
      { filter: 'RunLengthDecode' },
    ],
  ],
  [
    'abbreviated names',
    [
      { filter: 'ASCII85Decode', short: true },
      { filter: 'FlateDecode', short: true },
    ],
  ],
];

function constructions(): Construction[] {
  const list: Construction[] = [];
  const photoPage = (
    name: string,
    fill: (b: PdfBuilder) => Parts,
    options?: BuildOptions,
  ): void => {
    list.push({ name, build: () => onePage(fill, options), expect: 'strip', shows: PHOTO_SHOWS });
  };

  // Image XObjects, their filters written every legal way.
  photoPage('image XObject, /Filter /DCTDecode', (b) => ({
    content: DRAW('Im1'),
    resources: `/XObject << /Im1 ${photoXObject(b)} 0 R >>`,
  }));
  photoPage('image XObject, /Filter as an indirect name', (b) => {
    const f = b.add('/DCTDecode');
    const im = b.add(streamBody(`${IMAGE_DICT} /Filter ${f} 0 R`, cameraJpeg()));
    return { content: DRAW('Im1'), resources: `/XObject << /Im1 ${im} 0 R >>` };
  });
  photoPage('image XObject, /Filter [n 0 R]', (b) => {
    const f = b.add('/DCTDecode');
    const im = b.add(streamBody(`${IMAGE_DICT} /Filter [${f} 0 R]`, cameraJpeg()));
    return { content: DRAW('Im1'), resources: `/XObject << /Im1 ${im} 0 R >>` };
  });
  photoPage(
    'image XObject, /Filter an indirect array of indirect names with indirect parameters',
    (b) => {
      const fl = b.add('/FlateDecode');
      const dct = b.add('/DCTDecode');
      const arr = b.add(`[${fl} 0 R ${dct} 0 R]`);
      const parms = b.add('[null null]');
      const im = b.add(
        streamBody(
          `${IMAGE_DICT} /Filter ${arr} 0 R /DecodeParms ${parms} 0 R`,
          encodeChain(cameraJpeg(), [{ filter: 'FlateDecode' }]),
        ),
      );
      return { content: DRAW('Im1'), resources: `/XObject << /Im1 ${im} 0 R >>` };
    },
  );
  for (const [label, layers] of CHAINS)
    photoPage(`image XObject behind ${label}`, (b) => ({
      content: DRAW('Im1'),
      resources: `/XObject << /Im1 ${photoXObject(b, layers)} 0 R >>`,
    }));

  // Inline images: in an unfiltered content stream, and in content streams behind every chain.
  photoPage('inline JPEG in an unfiltered content stream', () => ({ content: inlinePhoto() }));
  for (const [label, layers] of CHAINS) {
    photoPage(`inline JPEG in a content stream behind ${label}`, () => ({
      content: inlinePhoto(),
      contentLayers: layers,
    }));
    photoPage(`inline JPEG behind ${label} inside the image`, () => ({
      content: inlinePhoto(layers),
      contentLayers: [{ filter: 'FlateDecode' }],
    }));
  }
  photoPage('inline JPEG with private keys in the inline dictionary', () => ({
    content: inlinePhoto([], '/CanaryKey (CANARY-INLINE-KEY-9a0e) /Length2 5'),
  }));
  photoPage('content stream split over an array of streams, inline JPEG across them', (b) => {
    const whole = Buffer.concat([
      Buffer.from(`${TEXT}\n`),
      inlinePhoto([{ filter: 'ASCIIHexDecode' }]),
    ]);
    const cut = Math.floor(whole.length / 2);
    const a = b.add(encodedStream('', whole.subarray(0, cut), [{ filter: 'LZWDecode' }]));
    const c = b.add(encodedStream('', whole.subarray(cut), [{ filter: 'RunLengthDecode' }]));
    return { content: '', contentsArray: [a, c] };
  });
  list[list.length - 1]!.inputMisdrawn =
    'poppler reads each content stream alone and cannot draw an image split across two';

  // Images in forms, nested forms, patterns, Type3 glyphs, appearance streams, soft masks.
  photoPage('image in a form XObject', (b) => {
    const im = photoXObject(b);
    const form = b.add(
      encodedStream(
        `/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << /XObject << /Im1 ${im} 0 R >> >> /CanaryKey (CANARY-FORM-KEY-3f1a)`,
        Buffer.from(DRAW('Im1')),
        [{ filter: 'LZWDecode' }],
      ),
    );
    return { content: DRAW('Fm1'), resources: `/XObject << /Fm1 ${form} 0 R >>` };
  });
  photoPage('inline JPEG in a form nested three deep', (b) => {
    let inner = b.add(
      encodedStream(
        '/Type /XObject /Subtype /Form /BBox [0 0 300 300]',
        inlinePhoto([{ filter: 'RunLengthDecode' }]),
        [{ filter: 'ASCII85Decode' }],
      ),
    );
    for (let i = 0; i < 2; i += 1)
      inner = b.add(
        encodedStream(
          `/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << /XObject << /Fm${i} ${inner} 0 R >> >>`,
          Buffer.from(DRAW(`Fm${i}`)),
          [{ filter: 'FlateDecode' }],
        ),
      );
    return { content: DRAW('Fm9'), resources: `/XObject << /Fm9 ${inner} 0 R >>` };
  });
  photoPage('image in a tiling pattern', (b) => {
    const im = photoXObject(b, [{ filter: 'ASCIIHexDecode' }]);
    const pat = b.add(
      encodedStream(
        `/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 100 100] /XStep 100 /YStep 100 /Resources << /XObject << /Im1 ${im} 0 R >> >>`,
        Buffer.from(DRAW('Im1')),
        [{ filter: 'FlateDecode' }],
      ),
    );
    return {
      content: '/Pattern cs /P1 scn 0 0 300 200 re f',
      resources: `/Pattern << /P1 ${pat} 0 R >>`,
    };
  });
  photoPage('inline JPEG in a tiling pattern', (b) => {
    const pat = b.add(
      encodedStream(
        '/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 100 100] /XStep 100 /YStep 100 /Resources << >>',
        inlinePhoto([{ filter: 'LZWDecode' }]),
        [{ filter: 'RunLengthDecode' }],
      ),
    );
    return {
      content: '/Pattern cs /P1 scn 0 0 300 200 re f',
      resources: `/Pattern << /P1 ${pat} 0 R >>`,
    };
  });
  photoPage('image and inline JPEG in a Type3 font glyph', (b) => {
    const im = photoXObject(b);
    const glyph = b.add(
      encodedStream(
        '',
        Buffer.from(`1000 0 d0 ${DRAW('Im1')} ${inlinePhoto().toString('latin1')}`, 'latin1'),
        [{ filter: 'FlateDecode' }],
      ),
    );
    const font = b.add(
      `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a ${glyph} 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [1000] /Resources << /XObject << /Im1 ${im} 0 R >> >> /CanaryKey (CANARY-T3-KEY-6d2c) >>`,
    );
    return {
      content: 'BT /T3 50 Tf 100 100 Td (a) Tj ET',
      fonts: `/T3 ${font} 0 R`,
    };
  });
  photoPage('images in an annotation appearance stream (normal and rollover, by state)', (b) => {
    const im = photoXObject(b);
    const n = b.add(
      encodedStream(
        `/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /Im1 ${im} 0 R >> >>`,
        Buffer.from(DRAW('Im1')),
        [{ filter: 'FlateDecode' }],
      ),
    );
    const r = b.add(
      encodedStream(
        '/Type /XObject /Subtype /Form /BBox [0 0 100 100]',
        inlinePhoto([{ filter: 'ASCII85Decode' }]),
        [{ filter: 'LZWDecode' }],
      ),
    );
    const annot = b.add(
      `<< /Type /Annot /Subtype /Stamp /Rect [10 10 110 110] /AP << /N ${n} 0 R /R << /On ${r} 0 R >> >> /AS /On >>`,
    );
    return { content: '', page: `/Annots [${annot} 0 R]` };
  });
  photoPage('image used as a soft mask and as a stencil mask of another image', (b) => {
    const smask = b.add(
      streamBody(
        '/Type /XObject /Subtype /Image /Width 120 /Height 80 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode',
        cameraJpeg(),
      ),
    );
    const base = photoXObject(b, [], `/SMask ${smask} 0 R /Mask ${smask} 0 R`);
    return { content: DRAW('Im1'), resources: `/XObject << /Im1 ${base} 0 R >>` };
  });
  photoPage('image in /Alternates and with an XMP /Metadata stream', (b) => {
    const alt = photoXObject(b);
    const xmp = b.add(
      streamBody(
        '/Type /Metadata /Subtype /XML',
        Buffer.from(
          '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>CANARY-IMAGE-XMP-8b8b</dc:creator></x:xmpmeta><?xpacket end="w"?>',
        ),
      ),
    );
    const im = photoXObject(
      b,
      [],
      `/Alternates [<< /Image ${alt} 0 R /DefaultForPrinting true >>] /Metadata ${xmp} 0 R`,
    );
    return { content: DRAW('Im1'), resources: `/XObject << /Im1 ${im} 0 R >>` };
  });
  photoPage('image with optional content (/OC) whose group carries private keys', (b) => {
    const ocg = b.add(
      '<< /Type /OCG /Name (Layer 1) /Usage << /CreatorInfo << /Creator (CANARY-OCG-CREATOR-1d7e) /Subtype /Artwork >> >> /CanaryKey (CANARY-OCG-KEY-2222) >>',
    );
    const im = photoXObject(b, [], `/OC ${ocg} 0 R`);
    return {
      content: DRAW('Im1'),
      resources: `/XObject << /Im1 ${im} 0 R >> /Properties << /MC0 ${ocg} 0 R >>`,
      catalog: `/OCProperties << /OCGs [${ocg} 0 R] /D << /Order [${ocg} 0 R] /Creator (CANARY-OCD-CREATOR-3e3e) >> >>`,
    };
  });
  photoPage('image behind an ExtGState soft-mask group', (b) => {
    const im = photoXObject(b);
    const group = b.add(
      encodedStream(
        `/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Group << /S /Transparency /CS /DeviceGray >> /Resources << /XObject << /Im1 ${im} 0 R >> >>`,
        Buffer.from(DRAW('Im1')),
        [{ filter: 'FlateDecode' }],
      ),
    );
    return {
      content: '/GS1 gs 0 0 300 300 re f',
      resources: `/ExtGState << /GS1 << /Type /ExtGState /SMask << /Type /Mask /S /Luminosity /G ${group} 0 R >> /CanaryKey (CANARY-GS-KEY-4f4f) >> >>`,
    };
  });

  // Cross-reference and revision tricks.
  photoPage(
    'image dictionary inside an object stream, cross-reference stream',
    (b) => {
      const im = photoXObject(b, [{ filter: 'ASCII85Decode' }]);
      return { content: DRAW('Im1'), resources: `/XObject << /Im1 ${im} 0 R >>` };
    },
    { xrefStream: true, inObjectStream: [2, 3, 4] },
  );
  list.push({
    name: 'image added by an incremental update',
    build: () => {
      const base = onePage(() => ({ content: '' }));
      const extra = new Map<number, string | Buffer>();
      const b = new PdfBuilder();
      // Object numbers after the base document's.
      const first = Number(/\/Size (\d+)/.exec(base.toString('latin1'))![1]);
      extra.set(first, streamBody(`${IMAGE_DICT} /Filter /DCTDecode`, cameraJpeg()));
      extra.set(
        first + 1,
        encodedStream('', Buffer.from(`${TEXT}\n${DRAW('Im1')}`), [{ filter: 'LZWDecode' }]),
      );
      extra.set(
        3,
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents ${first + 1} 0 R /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 ${first} 0 R >> >> >>`,
      );
      void b;
      return appendUpdate(base, extra, '/Info << /Author (CANARY-UPDATE-AUTHOR-9e1f) >>');
    },
    expect: 'strip',
    shows: PHOTO_SHOWS,
  });
  list.push({
    name: 'broken cross-reference table (wrong offsets)',
    build: () => {
      const pdf = onePage((b) => ({
        content: DRAW('Im1'),
        resources: `/XObject << /Im1 ${photoXObject(b)} 0 R >>`,
      }));
      return Buffer.from(
        pdf
          .toString('latin1')
          .replace(
            /\n(\d{10}) 00000 n/g,
            (_m, o: string) => `\n${String(Number(o) + 7).padStart(10, '0')} 00000 n`,
          ),
        'latin1',
      );
    },
    expect: { refuse: /PDF is damaged/ },
  });

  // Private keys, annotation text and authors, ICC profiles.
  list.push({
    name: 'private keys in the catalog, page tree, page, resources, XObject and font dictionaries',
    build: () =>
      onePage((b) => {
        const im = b.add(
          streamBody(
            `${IMAGE_DICT} /Filter /DCTDecode /CanaryKey (CANARY-XOBJECT-KEY-5151)`,
            cameraJpeg(),
          ),
        );
        b.set(
          4,
          '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /CanaryKey (CANARY-FONT-KEY-6161) >>',
        );
        return {
          content: DRAW('Im1'),
          resources: `/XObject << /Im1 ${im} 0 R >> /CanaryKey (CANARY-RESOURCES-KEY-7171)`,
          page: '/CanaryKey (CANARY-PAGE-KEY-8181) /Private << /Owner (CANARY-PAGE-DICT-9191) >>',
          catalog:
            '/CanaryKey (CANARY-CATALOG-KEY-a1a1) /AcmeData << /User (CANARY-CATALOG-DICT-b1b1) >> /Version /1.7',
        };
      }),
    expect: 'strip',
  });
  list.push({
    name: 'annotation authors, review text, popups and replies',
    build: () =>
      onePage((b) => {
        const note = b.reserve();
        const popup = b.add(
          `<< /Type /Annot /Subtype /Popup /Rect [150 150 250 250] /Parent ${note} 0 R /Contents (CANARY-POPUP-TEXT-c2c2) /T (CANARY-POPUP-AUTHOR-d2d2) /Open false >>`,
        );
        b.set(
          note,
          `<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /T (CANARY-ANNOT-AUTHOR-e2e2) /Contents ${pdfLiteral('CANARY-ANNOT-TEXT-f2f2')} /RC (<body><p>CANARY-RICH-TEXT-0303</p></body>) /Subj (CANARY-SUBJECT-1313) /Popup ${popup} 0 R /M (D:20240101000000Z) /NM (CANARY-NM-2323) /CreationDate (D:20240101) >>`,
        );
        const reply = b.add(
          `<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /IRT ${note} 0 R /RT /R /T (CANARY-REPLY-AUTHOR-3333) /Contents <FEFF${Buffer.from('CANARY-REPLY-TEXT-4343', 'utf16le').swap16().toString('hex')}> >>`,
        );
        const hl = b.add(
          '<< /Type /Annot /Subtype /Highlight /Rect [20 240 120 260] /QuadPoints [20 260 120 260 20 240 120 240] /C [1 1 0] /T (CANARY-HL-AUTHOR-5353) /Contents (CANARY-HL-TEXT-6363) >>',
        );
        const free = b.add(
          '<< /Type /Annot /Subtype /FreeText /Rect [20 100 200 140] /DA (/Helv 12 Tf 0 g) /Contents (CANARY-FREETEXT-7373) /T (CANARY-FREETEXT-AUTHOR-8383) >>',
        );
        return {
          content: '',
          page: `/Annots [${note} 0 R ${popup} 0 R ${reply} 0 R ${hl} 0 R ${free} 0 R]`,
        };
      }),
    expect: 'strip',
    textChanges: true,
    shows: [
      'CANARY-ANNOT-AUTHOR-e2e2',
      'CANARY-ANNOT-TEXT-f2f2',
      'CANARY-REPLY-AUTHOR-3333',
      'CANARY-REPLY-TEXT-4343',
      'CANARY-POPUP-TEXT-c2c2',
      'CANARY-HL-TEXT-6363',
    ],
  });
  list.push({
    name: 'ICC profiles with description and copyright, in a colour space and an output intent',
    build: () =>
      onePage((b) => {
        const icc = b.add(
          encodedStream('/N 3 /Alternate /DeviceRGB', canaryIcc(), [{ filter: 'FlateDecode' }]),
        );
        const icc2 = b.add(encodedStream('/N 3', canaryIcc(), [{ filter: 'ASCII85Decode' }]));
        return {
          content: '/CS0 cs 1 0 0 sc 0 0 100 100 re f',
          resources: `/ColorSpace << /CS0 [/ICCBased ${icc} 0 R] >>`,
          catalog: `/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB) /Info (CANARY-INTENT-INFO-9393) /DestOutputProfile ${icc2} 0 R >>]`,
        };
      }),
    expect: 'strip',
    shows: ['CANARY-ICC-DESC-71ad'],
  });

  // Formats Vigil cannot clean yet: refused, never passed through.
  list.push({
    name: 'JPEG 2000 image',
    build: () =>
      onePage((b) => ({
        content: DRAW('Im1'),
        resources: `/XObject << /Im1 ${b.add(streamBody('/Type /XObject /Subtype /Image /Width 1 /Height 1 /Filter /JPXDecode', Buffer.from('\0\0\0\x0cjP  \r\n\x87\n<xml>CANARY-JPX-XML</xml>', 'latin1')))} 0 R >>`,
      })),
    expect: { refuse: /JPEG 2000/ },
  });
  list.push({
    name: 'JBIG2 image whose globals carry a comment segment',
    build: () =>
      onePage((b) => {
        const seg = (num: number, type: number, data: Buffer): Buffer => {
          const h = Buffer.alloc(11);
          h.writeUInt32BE(num, 0);
          h[4] = type;
          h[5] = 0;
          h[6] = 0;
          h.writeUInt32BE(data.length, 7);
          return Buffer.concat([h, data]);
        };
        const globals = b.add(
          streamBody('', seg(0, 62, Buffer.from('\x20\0\0\0CANARY-JBIG2-COMMENT\0', 'latin1'))),
        );
        const im = b.add(
          streamBody(
            `/Type /XObject /Subtype /Image /Width 8 /Height 8 /ImageMask true /Filter /JBIG2Decode /DecodeParms << /JBIG2Globals ${globals} 0 R >>`,
            seg(1, 48, Buffer.alloc(19)),
          ),
        );
        return { content: DRAW('Im1'), resources: `/XObject << /Im1 ${im} 0 R >>` };
      }),
    expect: { refuse: /JBIG2/ },
  });
  return list;
}

export const CONSTRUCTIONS: Construction[] = constructions();
