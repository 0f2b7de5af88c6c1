import { fromBuffer } from 'yauzl';
import type { Expected } from './helpers';

/**
 * What tests/fixtures/metadata/office/make-office-fixtures.sh planted in each
 * document, and where: inspection must list it, and no stripped copy may
 * keep any of it.
 */
export const OFFICE_FIXTURES = ['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'] as const;
export type OfficeFixture = (typeof OFFICE_FIXTURES)[number];

const photo: Expected[] = [
  { value: 'CANARY-SERIAL-5d21', risky: true, group: 'device' },
  { value: '48.858400, 2.294500', risky: true, group: 'location' },
  { value: 'CANARY-ARTIST-7f3a', risky: true, group: 'people' },
];

const ooxml = (t: string, s: string): Expected[] => [
  { value: `CANARY-AUTHOR-${s}`, risky: true, group: 'people' },
  { value: `CANARY-LAST-MODIFIED-BY-${t}`, risky: true, group: 'people' },
  { value: `CANARY-COMPANY-${t}`, risky: true, group: 'people' },
  { value: `CANARY-MANAGER-${t}`, risky: true },
  { value: `CANARY-TEMPLATE-USER-${t}`, risky: true },
  { value: `CANARY-HYPERLINK-BASE-${t}`, risky: true },
  { value: `CANARY-CUSTOM-VALUE-${s}`, risky: true },
  { value: `CANARY-ZIP-COMMENT-${t}`, risky: true },
  ...photo,
];

const odf = (s: string): Expected[] => [
  { value: `CANARY-AUTHOR-${s}`, risky: true, group: 'people' },
  { value: `CANARY-LAST-EDITOR-${s}`, risky: true, group: 'people' },
  { value: `CANARY-PRINTED-BY-${s}`, risky: true, group: 'people' },
  { value: `CANARY-TEMPLATE-PATH-${s}`, risky: true },
  { value: `CANARY-CUSTOM-VALUE-${s}`, risky: true },
  { value: `CANARY-PRINTER-${s}`, risky: true },
  { value: `CANARY-XML-COMMENT-${s}`, risky: true },
  { value: `CANARY-ZIP-COMMENT-${s}`, risky: true },
  { value: 'Thumbnails/thumbnail.png', risky: true, group: 'hidden' },
  ...photo,
];

export const EXPECTED: Record<OfficeFixture, Expected[]> = {
  docx: [
    ...ooxml('D', 'T'),
    { value: 'CANARY-COMMENT-AUTHOR', risky: true, group: 'people' },
    { value: 'CANARY-COMMENT-TEXT', risky: true },
    { value: 'CANARY-DELETED-TEXT', risky: true },
    { value: 'CANARY-FORMAT-CHANGE-AUTHOR', risky: true },
    { value: 'CANARY-PEOPLE-AUTHOR', risky: true, group: 'people' },
    { value: 'CANARY-CUSTOM-XML-WITNESS', risky: true },
    { value: 'CANARY-GLOSSARY-TEXT', risky: true },
    { value: 'CANARY-ATTACHED-TEMPLATE', risky: true },
    { value: 'CANARY-DOCVAR-VALUE', risky: true },
    { value: 'CANARY-W15-DOCID', risky: true },
    { value: 'CANARY-PERMISSION-EDITOR', risky: true },
    { value: 'CANARY-LOCAL-LINK', risky: true },
    { value: 'CANARY-WEBSETTINGS', risky: true },
    { value: 'ids tie this document to the editing sessions', risky: true },
  ],
  xlsx: [
    ...ooxml('X', 'S'),
    { value: 'CANARY-CELL-COMMENT-AUTHOR', risky: true, group: 'people' },
    { value: 'CANARY-CELL-COMMENT-TEXT', risky: true },
    { value: 'CANARY-PRINTER-X', risky: true },
    { value: 'CANARY-ABSPATH-USER', risky: true },
    { value: 'CANARY-REVISION-PTR', risky: true },
    { value: 'CANARY-FILE-SHARING-USER', risky: true, group: 'people' },
    { value: 'CANARY-CUSTOM-XML-WITNESS', risky: true },
    { value: 'CANARY-REVISION-USER', risky: true },
  ],
  pptx: [
    ...ooxml('P', 'P'),
    { value: 'CANARY-SLIDE-COMMENT-AUTHOR', risky: true, group: 'people' },
    { value: 'CANARY-SLIDE-COMMENT-TEXT', risky: true },
    { value: 'CANARY-TAG-VALUE', risky: true },
  ],
  odt: [
    ...odf('T'),
    { value: 'CANARY-COMMENT-AUTHOR', risky: true, group: 'people' },
    { value: 'CANARY-COMMENT-TEXT', risky: true },
    { value: 'CANARY-DELETION-AUTHOR', risky: true },
    { value: 'CANARY-DELETED-TEXT', risky: true },
    { value: 'CANARY-INSERTION-AUTHOR', risky: true },
    { value: 'CANARY-LOCAL-LINK', risky: true },
    { value: 'ids tie this document to the editing sessions', risky: true },
  ],
  ods: [
    ...odf('S'),
    { value: 'CANARY-CELL-COMMENT-AUTHOR', risky: true, group: 'people' },
    { value: 'CANARY-CELL-COMMENT-TEXT', risky: true },
  ],
  odp: [
    ...odf('P'),
    { value: 'CANARY-SLIDE-COMMENT-AUTHOR', risky: true, group: 'people' },
    { value: 'CANARY-SLIDE-COMMENT-TEXT', risky: true },
  ],
};

/** Which fixtures hold tracked changes (refused unless the user accepts them). */
export const HAS_CHANGES: Record<OfficeFixture, boolean> = {
  docx: true,
  xlsx: true,
  pptx: false,
  odt: true,
  ods: false,
  odp: false,
};

/** The text a tracked deletion holds: gone from the text once the changes are accepted. */
export const DELETED_TEXT = 'CANARY-DELETED-TEXT ';

/** Every member of a zip archive, inflated, read with yauzl alone (not Vigil's reader). */
export function zipMembers(buf: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(buf, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: { fileName: string }) => {
        zip.openReadStream(entry as never, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Canary strings found in the raw bytes or in any inflated member. */
export async function officeLeaks(buf: Buffer): Promise<string[]> {
  const found = new Set<string>();
  const scan = (bytes: Buffer, where: string) => {
    for (const m of bytes.toString('latin1').matchAll(/CANARY[-\w]*/g))
      found.add(`${m[0]} in ${where}`);
    for (const m of bytes.toString('utf16le').matchAll(/CANARY[-\w]*/g))
      found.add(`${m[0]} in ${where}`);
  };
  scan(buf, 'the raw bytes');
  for (const [name, data] of await zipMembers(buf)) scan(data, name);
  return [...found];
}
