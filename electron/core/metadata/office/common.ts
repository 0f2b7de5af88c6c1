import { unsupported } from '../bytes';
import type { Collector } from '../collector';
import { detectType, TYPE_NAMES } from '../detect';
import { isMedia } from '../media';
import type { InspectReport, KeptField, MediaType } from '../types';

/**
 * What office documents need from the rest of the metadata code: images and
 * documents embedded in them are inspected and stripped by the same readers
 * and strippers as standalone files (passed in, so there is no import cycle).
 */
export interface Nested {
  inspect(bytes: Buffer): Promise<InspectReport>;
  strip(bytes: Buffer): Promise<{ output: Buffer; report: { kept: KeptField[] } }>;
}

export interface OfficeStripOptions {
  /** Accept tracked changes (insertions kept, deletions dropped); otherwise they are refused. */
  acceptChanges: boolean;
}

/** Picture formats Vigil strips; any other picture in a document refuses the document. */
export const STRIPPABLE_PICTURES: ReadonlySet<MediaType> = new Set([
  'jpeg',
  'png',
  'gif',
  'webp',
  'tiff',
  'heic',
  'avif',
]);

/** The office formats Vigil reads and cleans. */
export const OFFICE_TYPES: ReadonlySet<MediaType> = new Set([
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
]);

/** Office formats that can be embedded in each other (a chart's workbook in a Word file). */
export const NESTED_DOCUMENTS = OFFICE_TYPES;

/**
 * What an office file may hold that Vigil strips as a file of its own:
 * pictures, audio and video (a presentation's clip), documents.
 */
export function strippableInside(type: MediaType): boolean {
  return (
    STRIPPABLE_PICTURES.has(type) || isMedia(type) || NESTED_DOCUMENTS.has(type) || type === 'zip'
  );
}

/** Lists an embedded file's metadata as fields of the document that holds it. */
export async function inspectEmbedded(
  c: Collector,
  nested: Nested,
  name: string,
  bytes: Buffer,
): Promise<void> {
  const report = await nested.inspect(bytes);
  const where = `in ${name}`;
  if (!report.readable) {
    // What the embedded file holds is unknown, so the list of the whole document is incomplete.
    c.add(
      'hidden',
      `embedded.${name}`,
      `Embedded file ${name}`,
      `${TYPE_NAMES[report.type]}, ${bytes.length} bytes, which Vigil cannot read`,
      true,
    );
    c.cannotRead(`${name}: ${report.unreadableReason ?? 'Vigil cannot read it.'}`);
    return;
  }
  for (const f of report.fields) {
    if (f.group === 'structure') continue;
    c.add(f.group, `embedded.${name}.${f.key}`, `${f.label} (${where})`, f.value, f.risky);
  }
  for (const w of report.warnings) c.warn(`${name}: ${w}`);
}

/**
 * Strips a picture, clip or document found inside an office file, or refuses
 * the file, naming the member. What the member keeps by design (an MP3's
 * encoder frame) is kept in the document too, under the member's name.
 */
export async function stripEmbedded(
  nested: Nested,
  name: string,
  bytes: Buffer,
  what: string,
): Promise<{ data: Buffer; kept: KeptField[] }> {
  const { type } = detectType(bytes.subarray(0, 4096));
  if (!strippableInside(type))
    throw unsupported(
      `${what} holds ${name} (${TYPE_NAMES[type]}), which Vigil cannot clean; nothing was written.`,
    );
  try {
    const { output, report } = await nested.strip(bytes);
    const kept = report.kept
      .filter((k) => k.code !== 'properties-expected')
      .map((k) => ({ ...k, key: `embedded.${name}.${k.key}`, label: `${k.label} (in ${name})` }));
    return { data: output, kept };
  } catch (error) {
    const message = (error as Error).message;
    throw Object.assign(error as Error, {
      message: `${what} holds ${name}, which cannot be cleaned: ${message}`,
    });
  }
}

/** A short, printable view of a bigger text, for the report. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
