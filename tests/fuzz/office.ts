import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { inspectBuffer, stripBuffer } from '../../electron/core/metadata';
import { readZip, writeZip, type ZipPackage } from '../../electron/core/metadata/office/zip';
import { OFFICE_FIXTURES, officeLeaks } from '../unit/metadata/office-canaries';
import {
  applyMutations,
  defineTarget,
  describeMutations,
  mutationsArbitrary,
  stripOrRefuse,
  type Mutation,
  type RegisteredTarget,
} from './harness';

const FIXTURES = new URL('../fixtures/metadata/office/', import.meta.url);

let bases: { name: string; bytes: Buffer; zip: ZipPackage }[] | undefined;
async function allBases(): Promise<{ name: string; bytes: Buffer; zip: ZipPackage }[]> {
  if (!bases) {
    const list = [];
    for (const type of OFFICE_FIXTURES) {
      const bytes = readFileSync(new URL(`evidence.${type}`, FIXTURES));
      list.push({ name: `evidence.${type}`, bytes, zip: await readZip(bytes, 'fixture') });
    }
    bases = list;
  }
  return bases;
}

/** The shared stripping property; the search for what was planted reads every inflated member. */
async function stripsCleanOrRefuses(input: Buffer, label: string): Promise<void> {
  let leaks: string[] = [];
  await stripOrRefuse(
    input,
    label,
    async (bytes) => {
      const result = await stripBuffer(bytes, { acceptChanges: true });
      const again = await inspectBuffer(result.output);
      leaks = [
        ...(await officeLeaks(result.output)),
        // Stricter than "nothing risky": a clean document shows nothing but its structure.
        ...again.fields.filter((f) => f.group !== 'structure').map((f) => `still shows ${f.label}`),
      ];
      return result;
    },
    inspectBuffer,
    () => leaks.slice(0, 3),
  );
}

const zipMutate = defineTarget<{ base: number; edits: Mutation[] }>({
  name: 'office-zip',
  about:
    'mutated bytes of real DOCX/XLSX/PPTX/ODT/ODS/ODP archives: inspect never throws; strip refuses with a VigilError or leaves no planted string',
  runs: 40,
  arbitrary: () =>
    fc.record({ base: fc.nat({ max: OFFICE_FIXTURES.length - 1 }), edits: mutationsArbitrary(4) }),
  async property({ base, edits }) {
    const b = (await allBases())[base]!;
    await stripsCleanOrRefuses(applyMutations(b.bytes, edits), b.name);
  },
  describe: ({ base, edits }) =>
    `evidence.${OFFICE_FIXTURES[base]} with ${describeMutations(edits)}`,
});

/**
 * XML tokens that test the parser and the cleaners: entities (never
 * expanded), a DTD, CDATA, nesting, namespace tricks and the elements the
 * cleaners look for.
 */
const XML_TOKENS = [
  '<!DOCTYPE x [<!ENTITY a "CANARY-ENTITY">]>',
  '&a;',
  '&#0;',
  '&#x110000;',
  '<![CDATA[CANARY-CDATA]]>',
  '<!-- CANARY-COMMENT -->',
  '<?pi CANARY-PI?>',
  '<x:y xmlns:x="urn:x">',
  '</x:y>',
  ' xmlns:w="urn:other" ',
  '<w:ins w:author="CANARY-INSERTED-AUTHOR">',
  '</w:ins>',
  '<w:del>',
  '</w:del>',
  ' w:rsidR="00CA0009" ',
  ' r:id="rIdNone" ',
  '"',
  '<',
  '>',
].map((t) => Buffer.from(t));

/** Edits that land inside one XML member; a duplicated range could move metadata into text, so none is made. */
const xmlEdits: fc.Arbitrary<Mutation[]> = fc
  .array(
    fc.oneof(
      mutationsArbitrary(1).map((m) => m.filter((e) => e.kind !== 'duplicate')),
      fc
        .record({
          kind: fc.constant('insert' as const),
          at: fc.integer({ min: 0, max: 0x7fffffff }),
          bytes: fc.constantFrom(...XML_TOKENS),
        })
        .map((m) => [m as Mutation]),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((lists) => lists.flat());

const xmlMutate = defineTarget<{ base: number; member: number; edits: Mutation[] }>({
  name: 'office-xml',
  about:
    'mutated XML members (re-zipped) of real office documents: inspect never throws; strip refuses with a VigilError or leaves no planted string',
  runs: 60,
  arbitrary: () =>
    fc.record({
      base: fc.nat({ max: OFFICE_FIXTURES.length - 1 }),
      member: fc.nat({ max: 1000 }),
      edits: xmlEdits,
    }),
  async property({ base, member, edits }) {
    const b = (await allBases())[base]!;
    const xml = b.zip.members.filter((m) => /\.(xml|rels)$/.test(m.name));
    const target = xml[member % xml.length]!;
    const rebuilt = writeZip(
      b.zip.members.map((m) => ({
        name: m.name,
        store: m.name === 'mimetype',
        data: m === target ? applyMutations(m.data, edits) : m.data,
      })),
    );
    await stripsCleanOrRefuses(rebuilt, `${b.name} (${target.name})`);
  },
  describe: ({ base, member, edits }) =>
    `evidence.${OFFICE_FIXTURES[base]}, XML member #${member}, with ${describeMutations(edits)}`,
});

export const officeTargets: RegisteredTarget[] = [zipMutate, xmlMutate];
