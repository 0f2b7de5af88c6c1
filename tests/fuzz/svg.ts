import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { inspectBuffer, stripBuffer } from '../../electron/core/metadata';
import { parseXml, serializeXml, walk } from '../../electron/core/metadata/office/xml';
import { plantedSvg } from '../helpers/svgSources';
import {
  applyMutations,
  defineTarget,
  describeMutations,
  mutationsArbitrary,
  stripOrRefuse,
  type Mutation,
  type RegisteredTarget,
} from './harness';

// The SVG cleaner against hostile pictures: the planted SVG of the unit tests
// (with and without a JPEG inside), its bytes mutated and SVG constructs
// inserted anywhere. Inspect never throws; strip refuses with a VigilError,
// or its output, and every picture it carries as a data: URI, holds no
// planted string outside the text it draws.

let bases: Buffer[] | undefined;
function allBases(): Buffer[] {
  bases ??= [
    Buffer.from(plantedSvg()),
    Buffer.from(
      plantedSvg(readFileSync(new URL('../fixtures/metadata/camera.jpg', import.meta.url))),
    ),
  ];
  return bases;
}

const SVG_TOKENS = [
  '<!DOCTYPE svg [<!ENTITY a "CANARY-ENTITY">]>',
  '&a;',
  '<![CDATA[CANARY-CDATA]]>',
  '<!-- CANARY-COMMENT -->',
  '<?pi CANARY-PI?>',
  '<x:y xmlns:x="urn:x">CANARY-FOREIGN',
  '</x:y>',
  '<foreignObject>',
  '</foreignObject>',
  '<metadata>CANARY-METADATA',
  '</metadata>',
  '<script>',
  '</script>',
  '<title>',
  '</title>',
  '<a href="http://CANARY-LINK">',
  '</a>',
  '<style>/* CANARY-CSS */ @import "x.css";</style>',
  ' onclick="CANARY-EVENT" ',
  ' href="file:///CANARY-HREF" ',
  ' xml:base="CANARY-BASE" ',
  ' style="fill:url(http://CANARY-URL)" ',
  ' style="fill:red/* CANARY-STYLE */" ',
  ' style="fill:red;-inkscape-font-specification:CANARY-INKSCAPE" ',
  '<style>rect { fill: blue; -x-CANARY: 1 }</style>',
  ' xlink:href="data:image/png;base64,iVBORw0KGgo=" ',
  '<image href="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22%3E%3C!--CANARY-NESTED--%3E%3C/svg%3E"/>',
  '<animate attributeName="x"/>',
  'url(',
  '\\',
  '"',
  '<',
  '>',
].map((t) => Buffer.from(t));

/** Planted strings left outside the text the picture draws, and in the pictures it carries. */
function leaks(output: Buffer): string[] {
  const { root } = parseXml(output, 'the stripped SVG');
  for (const el of walk(root))
    if (['text', 'tspan', 'textPath'].includes(el.local))
      el.children = el.children.filter((c) => c.kind === 'element');
  const searched = [serializeXml(root)];
  for (const m of output.toString('latin1').matchAll(/base64,([A-Za-z0-9+/=]+)/g))
    searched.push(Buffer.from(m[1]!, 'base64'));
  return searched.flatMap((b) =>
    [...b.toString('latin1').matchAll(/CANARY[-\w]*/g)].map((m) => `${m[0]} is left`),
  );
}

const edits: fc.Arbitrary<Mutation[]> = fc
  .array(
    // Mostly SVG constructs: a random byte mostly makes the text invalid UTF-8, refused at once.
    fc.oneof(
      {
        weight: 1,
        // A duplicated range could copy planted words into drawn text: not made.
        arbitrary: mutationsArbitrary(1).map((m) => m.filter((e) => e.kind !== 'duplicate')),
      },
      {
        weight: 6,
        arbitrary: fc
          .record({
            kind: fc.constant('insert' as const),
            // Unbiased: fast-check's small-value bias would put most of them before <svg>.
            at: fc.noBias(fc.integer({ min: 0, max: 0x7fffffff })),
            bytes: fc.constantFrom(...SVG_TOKENS),
          })
          .map((m) => [m as Mutation]),
      },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((lists) => lists.flat());

const svgMutate = defineTarget<{ base: number; edits: Mutation[] }>({
  name: 'svg',
  about:
    'mutated SVG pictures with every hiding place planted and SVG constructs inserted: inspect never throws; strip refuses with a VigilError or leaves no planted string',
  runs: 200,
  // Mostly the picture without a photo: in the other, most edits land in the photo's base64.
  arbitrary: () => fc.record({ base: fc.constantFrom(0, 0, 0, 1), edits }),
  async property({ base, edits: list }) {
    const input = applyMutations(allBases()[base]!, list);
    await stripOrRefuse(
      input,
      `planted SVG ${base}`,
      (b) => stripBuffer(b),
      inspectBuffer,
      (output) => leaks(output).slice(0, 3),
    );
  },
  describe: ({ base, edits: list }) => `planted SVG ${base} with ${describeMutations(list)}`,
});

export const svgTargets: RegisteredTarget[] = [svgMutate];
