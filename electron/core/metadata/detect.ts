import { adtsHeader } from './media/adts';
import type { DetectedType, MediaType } from './types';

const MIME: Record<MediaType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tiff: 'image/tiff',
  heic: 'image/heic',
  avif: 'image/avif',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  zip: 'application/zip',
  mp3: 'audio/mpeg',
  aac: 'audio/aac',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  m4a: 'audio/mp4',
  m4v: 'video/x-m4v',
  '3gp': 'video/3gpp',
  wav: 'audio/wav',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  webm: 'video/webm',
  unknown: 'application/octet-stream',
};

export const STRIPPABLE: ReadonlySet<MediaType> = new Set([
  'jpeg',
  'png',
  'webp',
  'gif',
  'tiff',
  'heic',
  'avif',
  'pdf',
  'mp3',
  'aac',
  'mp4',
  'mov',
  'm4a',
  'm4v',
  '3gp',
  'wav',
  'flac',
  'ogg',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
]);

/** Human names for messages. */
export const TYPE_NAMES: Record<MediaType, string> = {
  jpeg: 'JPEG image',
  png: 'PNG image',
  webp: 'WebP image',
  gif: 'GIF image',
  tiff: 'TIFF image',
  heic: 'HEIC image',
  avif: 'AVIF image',
  pdf: 'PDF document',
  docx: 'Word document (DOCX)',
  xlsx: 'Excel workbook (XLSX)',
  pptx: 'PowerPoint presentation (PPTX)',
  odt: 'OpenDocument text (ODT)',
  ods: 'OpenDocument spreadsheet (ODS)',
  odp: 'OpenDocument presentation (ODP)',
  zip: 'ZIP archive',
  mp3: 'MP3 audio file',
  aac: 'AAC audio file (ADTS)',
  mp4: 'MP4 video',
  mov: 'QuickTime video (MOV)',
  m4a: 'M4A audio file',
  m4v: 'M4V video',
  '3gp': '3GP video',
  wav: 'WAV audio file',
  flac: 'FLAC audio file',
  ogg: 'Ogg audio file (Vorbis or Opus)',
  webm: 'WebM/Matroska video',
  unknown: 'file of unknown type',
};

function ascii(head: Uint8Array, offset: number, length: number): string {
  if (offset + length > head.length) return '';
  let s = '';
  for (let i = offset; i < offset + length; i += 1) s += String.fromCharCode(head[i]!);
  return s;
}

function startsWith(head: Uint8Array, bytes: number[], offset = 0): boolean {
  if (offset + bytes.length > head.length) return false;
  return bytes.every((b, i) => head[offset + i] === b);
}

function contains(head: Uint8Array, text: string): boolean {
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes(text, 0, 'latin1');
}

function isoBmffType(head: Uint8Array): MediaType | undefined {
  if (ascii(head, 4, 4) !== 'ftyp') return undefined;
  const size = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  const end = Math.min(head.length, size >= 16 ? size : 16);
  const major = ascii(head, 8, 4);
  const brands = new Set<string>([major]);
  for (let o = 16; o + 4 <= end; o += 4) brands.add(ascii(head, o, 4));
  if (major === 'avif' || major === 'avis') return 'avif';
  if (['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'heif'].includes(major)) return 'heic';
  if (major === 'mif1' || major === 'msf1') {
    if (brands.has('avif') || brands.has('avis')) return 'avif';
    return 'heic';
  }
  if (major === 'qt  ') return 'mov';
  if (major === 'M4A ' || major === 'M4B ' || major === 'M4P ') return 'm4a';
  if (major === 'M4V ' || major === 'M4VH' || major === 'M4VP') return 'm4v';
  if (major.startsWith('3gp') || major.startsWith('3g2')) return '3gp';
  if (brands.has('heic') || brands.has('heix')) return 'heic';
  if (brands.has('avif')) return 'avif';
  return 'mp4';
}

function zipType(head: Uint8Array): MediaType {
  // ODF puts an uncompressed "mimetype" member first, so its media type is readable here.
  if (ascii(head, 30, 8) === 'mimetype') {
    const text = ascii(head, 38, Math.min(80, head.length - 38));
    if (text.startsWith('application/vnd.oasis.opendocument.text')) return 'odt';
    if (text.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (text.startsWith('application/vnd.oasis.opendocument.presentation')) return 'odp';
  }
  if (contains(head, '[Content_Types].xml') || contains(head, '_rels/.rels')) {
    if (contains(head, 'word/')) return 'docx';
    if (contains(head, 'xl/')) return 'xlsx';
    if (contains(head, 'ppt/')) return 'pptx';
  }
  return 'zip';
}

function isMpegAudioFrame(head: Uint8Array): boolean {
  if (head.length < 4 || head[0] !== 0xff || (head[1]! & 0xe0) !== 0xe0) return false;
  const version = (head[1]! >> 3) & 3;
  const layer = (head[1]! >> 1) & 3;
  const bitrate = head[2]! >> 4;
  const rate = (head[2]! >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 0 && bitrate !== 15 && rate !== 3;
}

/** An ADTS frame header at the start, and the next one where the head reaches it. */
function isAdtsStream(head: Uint8Array): boolean {
  const frame = adtsHeader(head, 0);
  if (!frame) return false;
  if (frame.length + 7 > head.length) return true;
  return adtsHeader(head, frame.length)?.signature === frame.signature;
}

function classify(head: Uint8Array): MediaType {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  const six = ascii(head, 0, 6);
  if (six === 'GIF87a' || six === 'GIF89a') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF') {
    const form = ascii(head, 8, 4);
    if (form === 'WEBP') return 'webp';
    if (form === 'WAVE') return 'wav';
    return 'unknown';
  }
  if (ascii(head, 0, 4) === 'RF64' && ascii(head, 8, 4) === 'WAVE') return 'wav';
  // Classic TIFF only; BigTIFF ("II+\0") is detected as TIFF and refused by the stripper.
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  if (startsWith(head, [0x49, 0x49, 0x2b, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2b]))
    return 'tiff';
  const bmff = isoBmffType(head);
  if (bmff) return bmff;
  if (['moov', 'mdat', 'wide', 'free', 'skip'].includes(ascii(head, 4, 4)) && head.length >= 8)
    return 'mov';
  if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return zipType(head);
  if (ascii(head, 0, 3) === 'ID3' || isMpegAudioFrame(head)) return 'mp3';
  if (isAdtsStream(head)) return 'aac';
  if (ascii(head, 0, 4) === 'fLaC') return 'flac';
  if (ascii(head, 0, 4) === 'OggS') return 'ogg';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  // PDF readers accept a header anywhere in the first 1024 bytes.
  const pdfAt = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 1024)).indexOf(
    '%PDF-',
    0,
    'latin1',
  );
  if (pdfAt > 0) return 'pdf';
  return 'unknown';
}

/**
 * What a file Vigil cannot handle is, when its first bytes say so: a refusal
 * that names the format tells the user what to convert it to, where "not
 * recognised" leaves them guessing. Only for files `detectType` calls unknown.
 */
export function unsupportedKind(head: Uint8Array): string | undefined {
  let h = head.subarray(0, 4096);
  // ID3 tags are put in front of other audio than MP3 (AAC, AC-3): name what follows them.
  if (ascii(h, 0, 3) === 'ID3' && h.length >= 10) {
    const size =
      (((h[6]! & 127) << 21) | ((h[7]! & 127) << 14) | ((h[8]! & 127) << 7) | (h[9]! & 127)) + 10;
    if (size + 4 > h.length) return undefined;
    h = h.subarray(size + ((h[5]! & 0x10) !== 0 ? 10 : 0));
  }
  if (startsWith(h, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return 'legacy Microsoft Office document (DOC, XLS or PPT)';
  if (ascii(h, 0, 5) === '{\\rtf') return 'RTF document';
  if (ascii(h, 0, 4) === 'FORM' && ['AIFF', 'AIFC'].includes(ascii(h, 8, 4)))
    return 'AIFF audio file';
  if (ascii(h, 0, 4) === 'caff') return 'Core Audio (CAF) file';
  if (ascii(h, 0, 4) === 'RIFF' && ascii(h, 8, 4) === 'AVI ') return 'AVI video';
  if (startsWith(h, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11]))
    return 'Windows Media file (WMA or WMV)';
  if (ascii(h, 0, 5) === '#!AMR') return 'AMR voice recording';
  if (startsWith(h, [0x0b, 0x77])) return 'AC-3 audio file';
  if (h.length > 188 && h[0] === 0x47 && h[188] === 0x47) return 'MPEG transport stream video';
  if (startsWith(h, [0x00, 0x00, 0x01, 0xba])) return 'MPEG program stream video';
  if (ascii(h, 0, 3) === 'FLV') return 'Flash video (FLV)';
  if (ascii(h, 0, 4) === 'wvpk') return 'WavPack audio file';
  if (ascii(h, 0, 4) === 'MAC ') return "Monkey's Audio file";
  return undefined;
}

export function mimeOf(type: MediaType): string {
  return MIME[type];
}

/** The type of a file from its first bytes (at most 4096 are looked at), never from its name. */
export function detectType(head: Uint8Array): DetectedType {
  const type = classify(head.subarray(0, 4096));
  return { type, mime: MIME[type], strippable: STRIPPABLE.has(type) };
}
