import { asBuffer, invalid, sha256Hex, unsupported, type Allocate } from './bytes';
import { STRIPPABLE, TYPE_NAMES, unsupportedKind } from './detect';
import { stripEmf, verifyEmf } from './formats/emf';
import { stripGif, verifyGif } from './formats/gif';
import { stripHeif, verifyHeif } from './formats/heif';
import { stripJpeg, verifyJpeg } from './formats/jpeg';
import { stripPng, verifyPng } from './formats/png';
import { stripSvg } from './formats/svg';
import { verifySvg } from './formats/svgVerify';
import { stripTiff, verifyTiff } from './formats/tiff';
import { stripWebp, verifyWebp } from './formats/webp';
import { stripWmf, verifyWmf } from './formats/wmf';
import { ambiguity, inspectBuffer, refineType } from './inspect';
import {
  OFFICE_TYPES,
  stripOffice,
  verifyOffice,
  type Nested,
  type OfficeStripOptions,
} from './office';
import { stripPdf } from './pdf/strip';
import { verifyPdf } from './pdf/verify';
import type { PdfStripOptions } from './pdf/rules';
import type { FormatStripResult, MediaType, StripReport } from './types';
import { isMedia } from './media';
import { stripMediaBuffer } from './mediaStrip';

/** What the user chose (PDF annotations to keep, office tracked changes to accept). */
export interface StripOptions extends PdfStripOptions, Partial<OfficeStripOptions> {
  /** How deep inside other documents this file is (embedded documents are stripped too). */
  depth?: number;
}

/**
 * What the caller of one strip brings, beyond the user's choices (which go
 * down to embedded documents too; these do not). By default both digests
 * are taken inline and the output is a new buffer; a batch brings its own
 * memory, and an original in the vault the digest recorded at its intake.
 */
export interface StripContext {
  /** The input's SHA-256, already known: not computed again. */
  inputSha256?: string;
  /**
   * The caller takes the input's digest itself as it read the input (a
   * batch, on another thread): none is taken here and the report's
   * `inputSha256` is empty until the caller fills it in.
   */
  inputHashedByReader?: boolean;
  /** Takes a SHA-256 (of the input, then of the output), e.g. off the main thread. */
  sha256?: (bytes: Buffer) => Promise<string>;
  /** Where a JPEG's or PNG's output is assembled; it must stay untouched while the output is used. */
  allocate?: Allocate;
  /**
   * The caller hashes the output as it writes it (the vault's blob writer
   * does): no digest is taken here and the report's `outputSha256` is empty
   * until the caller fills it in.
   */
  outputHashedByWriter?: boolean;
}

/** Documents inside documents inside documents: deeper than this is refused, not recursed. */
const MAX_DEPTH = 3;

function nestedFor(options: StripOptions): Nested {
  const depth = (options.depth ?? 0) + 1;
  return {
    inspect: (bytes) => inspectBuffer(bytes, { depth }),
    strip: (bytes) => {
      if (depth > MAX_DEPTH)
        throw unsupported('The document holds documents nested too deeply for Vigil to clean.');
      // Embedded documents follow the user's choice about tracked changes too.
      return stripBuffer(bytes, { ...options, depth });
    },
  };
}

async function stripByType(
  type: MediaType,
  buf: Buffer,
  options: StripOptions,
  allocate?: Allocate,
): Promise<FormatStripResult> {
  if (OFFICE_TYPES.has(type))
    return stripOffice(buf, nestedFor(options), { acceptChanges: options.acceptChanges ?? false });
  switch (type) {
    case 'jpeg':
      return stripJpeg(buf, { keepOrientation: true, allocate });
    case 'png':
      return stripPng(buf, allocate);
    case 'webp':
      return stripWebp(buf);
    case 'gif':
      return stripGif(buf);
    case 'tiff':
      return stripTiff(buf);
    case 'heic':
      return stripHeif(buf, 'The HEIC image');
    case 'avif':
      return stripHeif(buf, 'The AVIF image');
    case 'svg':
      return stripSvg(buf, nestedFor(options));
    case 'emf':
      return stripEmf(buf);
    case 'wmf':
      return stripWmf(buf);
    case 'pdf':
      return stripPdf(buf, 'The PDF', options);
    default:
      throw unsupported(`Stripping a ${TYPE_NAMES[type]} is not supported yet.`);
  }
}

async function verifyByType(type: MediaType, out: Buffer, options: StripOptions): Promise<void> {
  if (OFFICE_TYPES.has(type))
    return verifyOffice(out, nestedFor(options), type.startsWith('od') ? 'odf' : 'ooxml');
  switch (type) {
    case 'jpeg':
      return verifyJpeg(out);
    case 'png':
      return verifyPng(out);
    case 'webp':
      return verifyWebp(out);
    case 'gif':
      return verifyGif(out);
    case 'tiff':
      return verifyTiff(out);
    case 'heic':
    case 'avif':
      return verifyHeif(out);
    case 'svg':
      return verifySvg(out, nestedFor(options));
    case 'emf':
      return verifyEmf(out);
    case 'wmf':
      return verifyWmf(out);
    case 'pdf':
      return verifyPdf(out, options);
    default:
      throw unsupported(`Stripping a ${TYPE_NAMES[type]} is not supported yet.`);
  }
}

/** Why a file of this type cannot be stripped (in the words stripBuffer refuses it with); null when it can. */
export function stripRefusal(type: MediaType, head?: Uint8Array): string | null {
  if (type === 'unknown') {
    const kind = head && unsupportedKind(head);
    if (kind) return `Vigil cannot strip this kind of file (${kind}).`;
    return 'Vigil does not recognise the type of this file, so it cannot strip it.';
  }
  if (!STRIPPABLE.has(type))
    return `This file is a ${TYPE_NAMES[type]}; stripping its metadata is not supported yet.`;
  return null;
}

/**
 * Produces a copy of the file without its metadata: lossless, allow-list based,
 * and fail-closed. The output is accepted only after Vigil's own readers find
 * nothing outside the allow-list in it.
 */
export async function stripBuffer(
  bytes: Uint8Array,
  options: StripOptions = {},
  context: StripContext = {},
): Promise<{ output: Buffer; report: StripReport }> {
  const buf = asBuffer(bytes);
  const { type, mime } = await refineType(buf);
  if (isMedia(type))
    return stripMediaBuffer(buf, context.inputHashedByReader ? { sha256: '' } : {});
  const refusal = stripRefusal(type, buf);
  if (refusal) throw unsupported(refusal);
  const twoInOne = ambiguity(buf, type);
  if (twoInOne)
    throw invalid(
      `This file is ambiguous: it is a ${TYPE_NAMES[type]}, but ${twoInOne}. Vigil refuses to guess which one you mean.`,
    );
  const hash = context.sha256 ?? ((b: Buffer) => Promise.resolve(sha256Hex(b)));
  // One digest of each side: started here, awaited at the end (a thread may be taking them).
  const inputSha256 =
    context.inputSha256 ?? (context.inputHashedByReader ? Promise.resolve('') : hash(buf));
  const before = await inspectBuffer(buf, { sha256: '' });
  const { output: raw, kept } = await stripByType(type, buf, options, context.allocate);
  const output = asBuffer(raw);
  const outputSha256 = context.outputHashedByWriter ? Promise.resolve('') : hash(output);
  // Neither digest may reject unobserved while a check below throws first.
  void Promise.resolve(inputSha256).catch(() => undefined);
  void outputSha256.catch(() => undefined);

  // Re-inspection: the strict structural reader first, then the display reader must find nothing but what is kept.
  await verifyByType(type, output, options);
  const again = await refineType(output);
  if (again.type !== type || ambiguity(output, type))
    throw invalid(
      `Vigil's check of the stripped ${TYPE_NAMES[type]} failed: its type changed. No output was written.`,
    );
  const keptKeys = new Set(kept.map((k) => k.key));
  const after = await inspectBuffer(output, { sha256: '' });
  if (!after.readable)
    throw invalid(
      `Vigil's check of the stripped ${TYPE_NAMES[type]} failed: it cannot read the result (${after.unreadableReason ?? 'unknown reason'}). No output was written.`,
    );
  // A repeated field's key carries its count ("…[2]"); what is kept is kept however often it appears.
  const isKept = (key: string): boolean => keptKeys.has(key.replace(/\[\d+\]$/, ''));
  const left = after.fields.filter((f) => f.group !== 'structure' && !isKept(f.key));
  if (left.length > 0) {
    throw invalid(
      `Vigil's check of the stripped ${TYPE_NAMES[type]} failed: ${left[0]!.label} is still present. No output was written.`,
    );
  }
  return {
    output,
    report: {
      type,
      mime,
      inputSha256: await inputSha256,
      outputSha256: await outputSha256,
      inputSize: buf.length,
      outputSize: output.length,
      removed: before.fields.filter((f) => f.group !== 'structure' && !isKept(f.key)),
      kept,
    },
  };
}
