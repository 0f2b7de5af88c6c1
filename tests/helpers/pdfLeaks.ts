import { inflateSync } from 'node:zlib';

// The tests' own search of a stripped PDF, independent of Vigil's parser and
// verifier: every stream found by its /Length, decoded when it is deflated,
// every JPEG walked marker by marker, and every byte searched for planted
// strings (as written, as UTF-16, as hexadecimal) and metadata signatures.

/** Planted strings all contain this (case-insensitive): CANARY-…, CanaryCam, canary… */
const NEEDLE = 'canary';
const SIGNATURES = [
  'Exif\0\0',
  '<x:xmpmeta',
  'xpacket',
  'Photoshop 3.0',
  'http://ns.adobe.com/xap',
];

function variants(text: string): Buffer[] {
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return [
    Buffer.from(text, 'latin1'),
    utf16,
    Buffer.from(Buffer.from(text, 'latin1').toString('hex'), 'latin1'),
    Buffer.from(utf16.toString('hex'), 'latin1'),
  ];
}

function lower(b: Buffer): Buffer {
  const out = Buffer.from(b);
  for (let i = 0; i < out.length; i += 1) if (out[i]! >= 0x41 && out[i]! <= 0x5a) out[i]! += 0x20;
  return out;
}

const NEEDLES = [...variants(NEEDLE), ...variants(NEEDLE.toUpperCase())].map(lower);

interface FoundStream {
  dict: string;
  data: Buffer;
}

/** Streams of a PDF as Vigil writes it: `<<…>>\nstream\n` + /Length bytes. */
export function rawStreams(pdf: Buffer): FoundStream[] {
  const out: FoundStream[] = [];
  let from = 0;
  for (;;) {
    const at = pdf.indexOf('>>\nstream\n', from, 'latin1');
    if (at < 0) break;
    const objStart = pdf.lastIndexOf(' 0 obj\n', at, 'latin1');
    const dict = pdf.toString('latin1', objStart < 0 ? Math.max(0, at - 4000) : objStart, at + 2);
    const len = [...dict.matchAll(/\/Length (\d+)/g)].pop();
    const start = at + 10;
    const n = len ? Number(len[1]) : pdf.indexOf('endstream', start, 'latin1') - start;
    out.push({ dict, data: pdf.subarray(start, start + Math.max(0, n)) });
    from = start + Math.max(0, n);
  }
  return out;
}

/** JPEG segments other than frame, tables, scans, JFIF and Adobe; and data after EOI. */
function jpegLeaks(jpeg: Buffer): string[] {
  const out: string[] = [];
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return ['an image stream that is not a JPEG'];
  let p = 2;
  while (p + 2 <= jpeg.length) {
    if (jpeg[p] !== 0xff) return ['a JPEG with data between segments'];
    const m = jpeg[p + 1]!;
    if (m === 0xd9) {
      if (p + 2 !== jpeg.length) out.push('data after a JPEG end-of-image marker');
      return out;
    }
    if (p + 4 > jpeg.length) break;
    const len = jpeg.readUInt16BE(p + 2);
    const id = jpeg.toString('latin1', p + 4, p + 9);
    if (m === 0xfe) out.push('a JPEG comment');
    else if (
      m >= 0xe0 &&
      m <= 0xef &&
      !(m === 0xe0 && id === 'JFIF\0') &&
      !(m === 0xee && id === 'Adobe')
    )
      out.push(`a JPEG APP${m - 0xe0} segment`);
    p += 2 + len;
    if (m === 0xda) {
      while (
        p + 1 < jpeg.length &&
        !(jpeg[p] === 0xff && jpeg[p + 1] !== 0 && (jpeg[p + 1]! < 0xd0 || jpeg[p + 1]! > 0xd7))
      )
        p += 1;
    }
  }
  return [...out, 'a truncated JPEG'];
}

/** What is left in a stripped PDF that must not be: each entry says what and where. */
export function pdfLeaks(pdf: Buffer): string[] {
  const leaks: string[] = [];
  const search = (bytes: Buffer, where: string): void => {
    const low = lower(bytes);
    for (const n of NEEDLES) if (low.includes(n)) leaks.push(`a planted string in ${where}`);
    for (const s of SIGNATURES)
      if (bytes.includes(s, 0, 'latin1')) leaks.push(`${JSON.stringify(s)} in ${where}`);
  };
  search(pdf, 'the raw bytes');
  rawStreams(pdf).forEach((s, i) => {
    const where = `stream ${i + 1}`;
    const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(s.dict)?.[1] ?? '';
    if (filter === '/DCTDecode') leaks.push(...jpegLeaks(s.data).map((l) => `${l} in ${where}`));
    else if (filter === '/FlateDecode') {
      try {
        search(inflateSync(s.data), `${where}, inflated`);
      } catch {
        leaks.push(`${where} does not inflate`);
      }
    } else if (filter !== '' && !/^\/(CCITTFaxDecode|JBIG2Decode)$/.test(filter))
      leaks.push(`${where} has filters ${filter} that hide its content`);
  });
  return [...new Set(leaks)];
}
