import { invalid } from '../bytes';
import { parseXmp } from '../xmp';
import type { Collector } from '../collector';
import type { FormatStripResult, MediaType } from '../types';
import { OFFICE_TYPES, type Nested, type OfficeStripOptions } from './common';
import { inspectOdf, odfMimetype, openOdf, stripOdf } from './odf';
import { inspectOoxml, openOoxml, stripOoxml } from './ooxml';
import { verifyOffice } from './verify';
import { readZip, type ZipPackage } from './zip';

export type { Nested, OfficeStripOptions } from './common';
export { OFFICE_TYPES };

/** Zip-based types whose real kind is known only once the archive is read. */
export const ZIP_TYPES: ReadonlySet<MediaType> = new Set([...OFFICE_TYPES, 'zip']);

/** The office kind of a zip archive, read from its manifest or main part; 'zip' for any other archive. */
export function officeKind(zip: ZipPackage): MediaType {
  if (odfMimetype(zip) !== undefined) return openOdf(zip).kind;
  if (zip.get('[Content_Types].xml') !== undefined) return openOoxml(zip).kind;
  return 'zip';
}

/** Reads the archive and tells what it is; a damaged or refused file says why. */
export async function sniffOffice(
  buf: Buffer,
  /** What the first bytes suggested: kept when the archive cannot be read at all. */
  guess: MediaType = 'zip',
): Promise<{ type: MediaType; zip?: ZipPackage; problem?: Error }> {
  let zip: ZipPackage;
  try {
    zip = await readZip(buf, guess === 'zip' ? 'The zip archive' : 'The document');
  } catch (problem) {
    return { type: guess, problem: problem as Error };
  }
  try {
    return { type: officeKind(zip), zip };
  } catch (problem) {
    return {
      type: odfMimetype(zip) !== undefined ? 'odt' : 'docx',
      zip,
      problem: problem as Error,
    };
  }
}

function dosDate(v: number): string {
  const date = v >>> 16;
  const time = v & 0xffff;
  const y = 1980 + (date >> 9);
  const mo = (date >> 5) & 15;
  const d = date & 31;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${y}-${pad(mo)}-${pad(d)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}`;
}

/** What the archive itself says: its comment, its members' dates, the system that made it. */
function inspectZip(c: Collector, zip: ZipPackage): void {
  if (zip.comment) c.add('hidden', 'zip.comment', 'Archive comment', zip.comment, true);
  const dates = [...new Set(zip.members.map((m) => m.dosDateTime))].filter((d) => d !== 0x00210000);
  if (dates.length > 0) {
    const sorted = dates.sort((a, b) => a - b);
    c.add(
      'time',
      'zip.dates',
      'Dates of the archive members',
      `${dosDate(sorted[0]!)} – ${dosDate(sorted[sorted.length - 1]!)}`,
      false,
    );
  }
  const hosts = new Set(zip.members.map((m) => m.host).filter((h) => h !== 0));
  if (hosts.size > 0 || zip.members.some((m) => m.hasExtra))
    c.add(
      'hidden',
      'zip.host',
      'Archive host information',
      `made on ${[...hosts].map((h) => (h === 3 ? 'Unix' : h === 19 ? 'macOS' : `system ${h}`)).join(', ') || 'MS-DOS'}${zip.members.some((m) => m.hasExtra) ? ', with extra fields (times, owners)' : ''}`,
      false,
    );
  for (const m of zip.members)
    if (m.comment)
      c.add('hidden', `zip.memberComment.${m.name}`, `Comment on ${m.name}`, m.comment, true);
}

const PEOPLE = /creator|author|lastmodifiedby|company|manager|printed-by|user/i;
const TIMES = /date|created|modified|printed|time|duration/i;

/**
 * When a document's structure cannot be read, its property parts are still
 * shown, read by a forgiving scanner: whoever opens the file may see them.
 */
function lenientProperties(c: Collector, zip: ZipPackage): void {
  for (const m of zip.members) {
    if (!/^(docProps\/[^/]+\.xml|meta\.xml)$/i.test(m.name)) continue;
    for (const p of parseXmp(m.data.subarray(0, 1 << 20).toString('utf8'))) {
      const leaf = p.name.split('/').pop() ?? p.name;
      const group = PEOPLE.test(leaf) ? 'people' : TIMES.test(leaf) ? 'time' : 'document';
      c.add(
        group,
        `office.raw.${m.name}.${p.name}`,
        `${leaf} (${m.name})`,
        p.value,
        group !== 'time',
      );
    }
  }
}

export async function inspectOffice(c: Collector, buf: Buffer, nested: Nested): Promise<void> {
  const { zip, problem } = await sniffOffice(buf);
  if (problem || !zip) {
    c.cannotRead(problem?.message ?? 'The archive cannot be read.');
    if (zip) {
      inspectZip(c, zip);
      lenientProperties(c, zip);
    }
    return;
  }
  const type = officeKind(zip);
  inspectZip(c, zip);
  try {
    if (type === 'odt' || type === 'ods' || type === 'odp') await inspectOdf(c, zip, nested);
    else await inspectOoxml(c, zip, nested);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
  }
}

export async function stripOffice(
  buf: Buffer,
  nested: Nested,
  options: OfficeStripOptions,
): Promise<FormatStripResult> {
  const { type, zip, problem } = await sniffOffice(buf);
  if (problem || !zip) throw problem ?? invalid('The archive cannot be read.');
  return type === 'odt' || type === 'ods' || type === 'odp'
    ? stripOdf(zip, nested, options)
    : stripOoxml(zip, nested, options);
}

export { verifyOffice };
