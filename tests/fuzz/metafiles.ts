import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { inspectBuffer, stripBuffer } from '../../electron/core/metadata';
import { parseEmf } from '../../electron/core/metadata/formats/emf';
import { parseWmf } from '../../electron/core/metadata/formats/wmf';
import {
  emfColorSpaceW,
  emfComment,
  emfFile,
  emfGroupComment,
  emfHeader,
  emfIcmProfileW,
  emfPlusComment,
  emfPolyline16,
  emfPrivateComment,
  emfRecord,
  emfRectangle,
  emfText,
  plantedEmf,
  plantedWmf,
  rgbBitmap,
  wmfComment,
  wmfEmbeddedEmf,
  wmfFile,
  wmfRecord,
  wmfRectangle,
} from '../helpers/metafiles';
import {
  applyMutations,
  defineTarget,
  describeMutations,
  mutationsArbitrary,
  stripOrRefuse,
  type Mutation,
  type RegisteredTarget,
} from './harness';

// The EMF and WMF readers and strippers, on mutated hand-built pictures that carry a
// planted string in every metadata place, and on pictures assembled from random records
// (known, planted and unknown types, random sizes). Inspect never throws; strip refuses with
// a VigilError, or its output re-inspects clean and carries no planted string, except inside
// a drawing record whose length its own fields do not fix (a text's or a font's characters, a
// region): a mutation can legitimately turn a comment into one, and its bytes are then content.

const FIXTURES = new URL('../fixtures/metadata/', import.meta.url);
let images: { jpeg: Buffer; png: Buffer } | undefined;
const load = () =>
  (images ??= {
    jpeg: readFileSync(new URL('camera.jpg', FIXTURES)),
    png: readFileSync(new URL('meta.png', FIXTURES)),
  });

/** Drawing records of variable content (text, fonts, regions, palettes, poly-polygons). */
const EMF_CONTENT = new Set([
  7, 8, 49, 50, 56, 71, 72, 73, 74, 75, 82, 83, 84, 90, 91, 92, 96, 97, 108, 118, 119,
]);
const WMF_CONTENT = new Set([
  0x0521, 0x0a32, 0x02fb, 0x0538, 0x06ff, 0x00f7, 0x0037, 0x0436, 0x01f9, 0x0922, 0x0b23, 0x0940,
  0x0b41, 0x0f43, 0x0d33, 0x0142, 0x02fa, 0x02fc, 0x0234, 0x0139, 0x0149,
]);

function outsideContent(output: Buffer): Buffer {
  const ranges =
    output.readUInt32LE(0) === 1
      ? parseEmf(output)
          .records.filter((r) => EMF_CONTENT.has(r.type))
          .map((r) => [r.start, r.size] as const)
      : parseWmf(output)
          .records.filter((r) => WMF_CONTENT.has(r.fn))
          .map((r) => [r.start, r.size] as const);
  const copy = Buffer.from(output);
  for (const [start, size] of ranges) copy.fill(0, start, start + size);
  return copy;
}

function leaks(output: Buffer): string[] {
  const rest = outsideContent(output);
  const found: string[] = [];
  for (const needle of ['CANARY', 'CanaryCam'])
    if (rest.includes(needle, 0, 'latin1') || rest.includes(Buffer.from(needle, 'utf16le')))
      found.push(`${needle}… is left`);
  return found;
}

const emfPool = (jpeg: Buffer): Buffer[] => [
  emfRectangle(),
  emfPolyline16(),
  rgbBitmap(),
  emfText('Witness statement'),
  emfPrivateComment('CANARY-F-PRIVATE'),
  emfGroupComment('CANARY-F-GROUP'),
  emfPlusComment(true, jpeg),
  emfPlusComment(false, Buffer.from('CANARY-F-PLUSONLY')),
  emfComment(Buffer.from('GDIC\x04\x00\x00\x40CANARY-F-MULTI', 'latin1')),
  emfIcmProfileW('CANARY-F-ICM'),
  emfColorSpaceW('CANARY-F-CS', 'CANARY-F-CSDATA'),
  emfRecord(102, Buffer.from('CANARY-F-GL')),
  emfRecord(0x7fff, Buffer.from('CANARY-F-UNKNOWN')),
];
const wmfPool = (): Buffer[] => [
  wmfRectangle(),
  wmfComment('CANARY-F-WMFCOMMENT'),
  wmfEmbeddedEmf(emfFile(emfHeader('CANARY-F-EMFCOPY\0\0'), [emfRectangle()])),
  wmfRecord(0x0521, Buffer.from('\x05\x00Hello\x00\x01\x00\x01\x00', 'latin1')),
  wmfRecord(0x0999, Buffer.from('CANARY-F-UNKNOWN')),
];

type Input =
  | { kind: 'mutated'; base: number; edits: Mutation[] }
  | { kind: 'assembled'; wmf: boolean; picks: number[]; edits: Mutation[] };

function build(input: Input): Buffer {
  const { jpeg, png } = load();
  if (input.kind === 'mutated')
    return applyMutations(input.base === 0 ? plantedEmf(jpeg, png) : plantedWmf(), input.edits);
  if (input.wmf) {
    const pool = wmfPool();
    return applyMutations(wmfFile(input.picks.map((i) => pool[i % pool.length]!)), input.edits);
  }
  const pool = emfPool(jpeg);
  return applyMutations(
    emfFile(
      emfHeader('CANARY-F-APP\0\0'),
      input.picks.map((i) => pool[i % pool.length]!),
    ),
    input.edits,
  );
}

export const metafileTargets: RegisteredTarget[] = [
  defineTarget<Input>({
    name: 'metafiles',
    about:
      'mutated and randomly assembled EMF and WMF pictures: inspect never throws; strip refuses with a VigilError or leaves no planted string',
    runs: 150,
    arbitrary: () =>
      fc.oneof(
        fc.record({
          kind: fc.constant('mutated' as const),
          base: fc.nat({ max: 1 }),
          edits: mutationsArbitrary(4),
        }),
        fc.record({
          kind: fc.constant('assembled' as const),
          wmf: fc.boolean(),
          picks: fc.array(fc.nat({ max: 20 }), { maxLength: 8 }),
          edits: mutationsArbitrary(2),
        }),
      ),
    async property(input) {
      const bytes = build(input);
      await stripOrRefuse(bytes, input.kind, (b) => stripBuffer(b), inspectBuffer, leaks);
    },
    describe: (input) =>
      input.kind === 'mutated'
        ? `${input.base === 0 ? 'planted EMF' : 'planted WMF'} with ${describeMutations(input.edits)}`
        : `${input.wmf ? 'WMF' : 'EMF'} of records ${input.picks.join(',')} with ${describeMutations(input.edits)}`,
  }),
];
