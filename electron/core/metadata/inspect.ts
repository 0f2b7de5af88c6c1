import { asBuffer, sha256Hex } from './bytes';
import { Collector } from './collector';
import { detectType, mimeOf, TYPE_NAMES, unsupportedKind } from './detect';
import { inspectEmf } from './formats/emf';
import { inspectGif } from './formats/gif';
import { inspectHeif } from './formats/heif';
import { inspectJpeg } from './formats/jpeg';
import { inspectPng } from './formats/png';
import { inspectSvg } from './formats/svg';
import { inspectTiff } from './formats/tiff';
import { inspectWebp } from './formats/webp';
import { inspectWmf } from './formats/wmf';
import { inspectOffice, OFFICE_TYPES, sniffOffice, ZIP_TYPES, type Nested } from './office';
import { stripBuffer } from './strip';
import { inspectPdf } from './pdf/inspect';
import type { InspectReport, MediaType } from './types';
import { BufferSource, isMedia } from './media';
import { inspectMediaSource } from './mediaStrip';

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** A second format's signature where that format's readers look for it: the file is two files in one. */
export function ambiguity(buf: Buffer, type: MediaType): string | undefined {
  if (type !== 'pdf' && buf.subarray(0, 1024).includes('%PDF-', 0, 'latin1'))
    return 'it is also a PDF document';
  if (!['zip', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'].includes(type)) {
    // ZIP readers look for the end-of-central-directory record whose comment reaches the end of the file.
    const from = Math.max(0, buf.length - 22 - 0xffff);
    const tail = buf.subarray(from);
    for (let i = tail.lastIndexOf(EOCD); i >= 0; i = i > 0 ? tail.lastIndexOf(EOCD, i - 1) : -1) {
      if (i + 22 <= tail.length && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
        return 'it also holds a ZIP archive';
      }
    }
  }
  return undefined;
}

/** Documents inside documents: deeper than this is not read (a zip can even hold itself). */
const MAX_DEPTH = 3;

/** Embedded pictures and documents are read by the same inspectors as standalone files. */
function nestedAt(depth: number): Nested {
  return {
    inspect: (bytes) => inspectBuffer(bytes, { depth }),
    strip: (bytes) => stripBuffer(bytes, { acceptChanges: false, depth }),
  };
}

/**
 * The type of a file, from its first bytes and, for a zip archive, from its
 * manifest or main part (an office document's kind is not always visible in
 * the first 4 KB).
 */
export async function refineType(buf: Buffer): Promise<{ type: MediaType; mime: string }> {
  const detected = detectType(buf.subarray(0, 4096));
  if (!ZIP_TYPES.has(detected.type)) return detected;
  const { type } = await sniffOffice(buf, detected.type);
  return { type, mime: mimeOf(type) };
}

async function collect(c: Collector, type: MediaType, buf: Buffer, depth: number): Promise<void> {
  if (OFFICE_TYPES.has(type)) {
    if (depth > MAX_DEPTH)
      return c.cannotRead('The document is nested too deeply inside others for Vigil to read.');
    return inspectOffice(c, buf, nestedAt(depth + 1));
  }
  switch (type) {
    case 'jpeg':
      return inspectJpeg(c, buf);
    case 'png':
      return inspectPng(c, buf);
    case 'webp':
      return inspectWebp(c, buf);
    case 'gif':
      return inspectGif(c, buf);
    case 'tiff':
      return inspectTiff(c, buf);
    case 'heic':
    case 'avif':
      return inspectHeif(c, buf, type === 'heic' ? 'The HEIC image' : 'The AVIF image');
    case 'svg':
      if (depth > MAX_DEPTH)
        return c.cannotRead('The picture is nested too deeply inside others for Vigil to read.');
      return inspectSvg(c, buf, nestedAt(depth + 1));
    case 'emf':
      return inspectEmf(c, buf);
    case 'wmf':
      return inspectWmf(c, buf);
    case 'pdf':
      return inspectPdf(c, buf);
    case 'unknown': {
      const kind = unsupportedKind(buf);
      c.cannotRead(
        kind
          ? `Vigil cannot read this kind of file's metadata (${kind}).`
          : "Vigil does not recognise the type of this file, so it cannot read this kind of file's metadata.",
      );
      return;
    }
    default:
      c.cannotRead(`Vigil cannot read this kind of file's metadata (${TYPE_NAMES[type]}).`);
  }
}

/** Lists the metadata a file carries, grouped, with the risky fields flagged. Never throws on a damaged file. */
export async function inspectBuffer(
  bytes: Uint8Array,
  options: {
    depth?: number;
    /** The file's SHA-256 when the caller already has it (or takes it elsewhere): not computed here. */
    sha256?: string;
  } = {},
): Promise<InspectReport> {
  const buf = asBuffer(bytes);
  const { type, mime } = await refineType(buf);
  if (isMedia(type))
    return inspectMediaSource(new BufferSource(buf), { sha256: options.sha256 ?? sha256Hex(buf) });
  const c = new Collector();
  const twoInOne = ambiguity(buf, type);
  if (twoInOne) c.warn(`This file is ambiguous: ${twoInOne}.`);
  await collect(c, type, buf, options.depth ?? 0);
  c.finish();
  return {
    type,
    mime,
    size: buf.length,
    sha256: options.sha256 ?? sha256Hex(buf),
    readable: c.unreadable === undefined,
    ...(c.unreadable === undefined ? {} : { unreadableReason: c.unreadable }),
    fields: c.fields,
    risky: c.fields.filter((f) => f.risky).length,
    warnings: c.warnings,
    capture: c.capture,
  };
}
