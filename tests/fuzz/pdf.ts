import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { inspectBuffer, stripBuffer } from '../../electron/core/metadata';
import { decodeGeneral, filterChain } from '../../electron/core/metadata/pdf/filters';
import { PdfLexer, type PdfDict } from '../../electron/core/metadata/pdf/parser';
import { canaryIcc, inlinePhoto, onePage } from '../helpers/hostilePdfs';
import {
  chainEntries,
  encodeChain,
  encodedStream,
  layerName,
  layerParms,
  PdfBuilder,
  streamBody,
  type Layer,
} from '../helpers/pdf';
import {
  applyMutations,
  describeMutations,
  mutationsArbitrary,
  stripOrRefuse,
  defineTarget,
  type RegisteredTarget,
  type Mutation,
} from './harness';
import { pdfLeaks } from '../helpers/pdfLeaks';

const FIXTURES = new URL('../fixtures/metadata/', import.meta.url);

/** A few small PDFs written every way the parser must read: table, stream, object stream. */
function builtBases(): Buffer[] {
  const photo = readFileSync(new URL('camera.jpg', FIXTURES));
  const make = (): PdfBuilder => {
    const b = new PdfBuilder();
    b.add('<< /Type /Catalog /Pages 2 0 R >>');
    b.add('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
    b.add(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>',
    );
    b.add(
      encodedStream(
        '',
        Buffer.from('BT /F1 12 Tf 20 100 Td (Kept text) Tj ET q 100 0 0 80 0 0 cm /Im1 Do Q'),
        [{ filter: 'FlateDecode' }],
      ),
    );
    b.add(
      streamBody(
        '/Type /XObject /Subtype /Image /Width 120 /Height 80 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode',
        photo,
      ),
    );
    b.add('<< /Author (CANARY-FUZZ-AUTHOR) >>');
    return b;
  };
  return [
    make().build({ trailer: '/Info 6 0 R' }),
    make().build({ xrefStream: true, inObjectStream: [2, 3, 6], trailer: '/Info 6 0 R' }),
  ];
}

let bases: { name: string; bytes: Buffer }[] | undefined;
function allBases(): { name: string; bytes: Buffer }[] {
  bases ??= [
    ...['classic.pdf', 'updated.pdf', 'ghostscript.pdf', 'encrypted.pdf'].map((name) => ({
      name,
      bytes: readFileSync(new URL(name, FIXTURES)),
    })),
    ...builtBases().map((bytes, i) => ({ name: `built-${i}`, bytes })),
  ];
  return bases;
}

/** Inspecting never throws; stripping gives a VigilError or an output with nothing planted left in it. */
function stripsCleanOrRefuses(input: Buffer, label: string): Promise<void> {
  return stripOrRefuse(input, label, (b) => stripBuffer(b), inspectBuffer, pdfLeaks);
}

const pdfMutate = defineTarget<{ base: number; edits: Mutation[] }>({
  name: 'pdf-mutate',
  about:
    'mutated real and built PDFs: inspect never throws; strip refuses with a VigilError or leaves no planted string',
  runs: 150,
  arbitrary: () =>
    fc.record({ base: fc.nat({ max: allBases().length - 1 }), edits: mutationsArbitrary(5) }),
  async property({ base, edits }) {
    const b = allBases()[base]!;
    await stripsCleanOrRefuses(applyMutations(b.bytes, edits), b.name);
  },
  describe: ({ base, edits }) => `${allBases()[base]!.name} with ${describeMutations(edits)}`,
});

const LAYER: fc.Arbitrary<Layer> = fc.oneof(
  fc.constant<Layer>({ filter: 'FlateDecode' }),
  fc.record<Layer>({
    filter: fc.constant('LZWDecode' as const),
    earlyChange: fc.constantFrom(0 as const, 1 as const),
  }),
  fc.constant<Layer>({ filter: 'RunLengthDecode' }),
  fc.constant<Layer>({ filter: 'ASCIIHexDecode' }),
  fc.constant<Layer>({ filter: 'ASCII85Decode' }),
  fc.record<Layer>({
    filter: fc.constantFrom('FlateDecode' as const, 'LZWDecode' as const),
    predictor: fc.record({
      columns: fc.integer({ min: 1, max: 40 }),
      type: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const, 4 as const),
    }),
  }),
);
const CHAIN = fc.array(LAYER, { maxLength: 3 });

const pdfFilters = defineTarget<{ data: Uint8Array; layers: Layer[] }>({
  name: 'pdf-filters',
  about:
    'random bytes through random filter chains (Flate, LZW, RunLength, ASCIIHex, ASCII85, predictors) decode back exactly',
  runs: 300,
  arbitrary: () =>
    fc.record({
      data: fc.oneof(
        fc.uint8Array({ maxLength: 3000 }),
        // Repetitive data fills LZW tables and makes long runs.
        fc
          .tuple(fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 2000 }))
          .map(
            ([unit, n]) =>
              new Uint8Array(Buffer.concat(Array.from({ length: n }, () => Buffer.from(unit)))),
          ),
      ),
      layers: CHAIN,
    }),
  property({ data, layers }) {
    const encoded = encodeChain(Buffer.from(data), layers);
    const { filter, parms } = chainEntries(layers);
    const dict = new PdfLexer(Buffer.from(`<< ${filter} ${parms} >>`, 'latin1')).value() as PdfDict;
    const { data: decoded, rest } = decodeGeneral(encoded, filterChain(dict));
    if (rest.length > 0) throw new Error('a general filter was not decoded');
    // A predictor pads the last row; the data itself must come back first.
    const expected = Buffer.from(data);
    if (!decoded.subarray(0, expected.length).equals(expected))
      throw new Error('the decoded data differs from the original');
  },
  describe: ({ data, layers }) =>
    `${data.length} bytes through ${layers.map((l) => l.filter + (l.predictor ? `+P${l.predictor.type}/${l.predictor.columns}` : '')).join(', ') || 'nothing'}`,
});

type Place = 'xobject' | 'inline' | 'form' | 'pattern' | 'type3' | 'appearance' | 'smask';
interface Design {
  place: Place;
  imageLayers: Layer[];
  contentLayers: Layer[];
  indirectFilter: 'direct' | 'ref' | 'array-of-refs';
  depth: number;
  xref: 'table' | 'stream';
  keys: ('catalog' | 'page' | 'resources' | 'image' | 'annotation' | 'icc')[];
  edits: Mutation[];
}

/** A document built from a random design: an image placed one of many ways, filters written one of many ways. */
function designed(d: Design): Buffer {
  const photo = readFileSync(new URL('camera.jpg', FIXTURES));
  const key = (where: string): string =>
    d.keys.includes(where as never) ? `/CanaryKey (CANARY-FUZZ-${where.toUpperCase()}-KEY)` : '';
  return onePage(
    (b) => {
      const filterEntry = (names: string[]): string => {
        if (d.indirectFilter === 'direct')
          return names.length === 1 ? names[0]! : `[${names.join(' ')}]`;
        const refs = names.map((n) => `${b.add(n)} 0 R`);
        return d.indirectFilter === 'ref' && names.length === 1 ? refs[0]! : `[${refs.join(' ')}]`;
      };
      const image = (): number => {
        const names = [...d.imageLayers.map((l) => layerName(l)), '/DCTDecode'];
        const parms = [...d.imageLayers.map(layerParms), 'null'];
        return b.add(
          streamBody(
            `/Type /XObject /Subtype /Image /Width 120 /Height 80 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter ${filterEntry(names)} ${parms.some((p) => p !== 'null') ? `/DecodeParms [${parms.join(' ')}]` : ''} ${key('image')}`,
            encodeChain(photo, d.imageLayers),
          ),
        );
      };
      const drawing = (): { ops: string; res: string } =>
        d.place === 'inline'
          ? { ops: inlinePhoto(d.imageLayers).toString('latin1'), res: '' }
          : { ops: 'q 100 0 0 66 20 20 cm /Im1 Do Q', res: `/XObject << /Im1 ${image()} 0 R >>` };
      const form = (ops: string, res: string, depth: number): number => {
        let n = b.add(
          encodedStream(
            `/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << ${res} >>`,
            Buffer.from(ops, 'latin1'),
            d.contentLayers,
          ),
        );
        for (let i = 0; i < depth; i += 1)
          n = b.add(
            encodedStream(
              `/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << /XObject << /F${i} ${n} 0 R >> >>`,
              Buffer.from(`/F${i} Do`),
              d.contentLayers,
            ),
          );
        return n;
      };
      const icc = d.keys.includes('icc')
        ? `/ColorSpace << /CS0 [/ICCBased ${b.add(encodedStream('/N 3', canaryIcc(), d.contentLayers))} 0 R] >>`
        : '';
      const annot = d.keys.includes('annotation')
        ? `/Annots [${b.add('<< /Type /Annot /Subtype /Square /Rect [0 0 9 9] /T (CANARY-FUZZ-AUTHOR) /Contents (CANARY-FUZZ-NOTE) >>')} 0 R]`
        : '';
      const base = {
        page: `${key('page')} ${annot}`,
        catalog: key('catalog'),
        contentLayers: d.contentLayers,
      };
      const { ops, res } =
        d.place === 'xobject' || d.place === 'inline' ? drawing() : { ops: '', res: '' };
      switch (d.place) {
        case 'xobject':
        case 'inline':
          return { ...base, content: ops, resources: `${res} ${icc} ${key('resources')}` };
        case 'form': {
          const inner = drawing();
          return {
            ...base,
            content: '/Fm Do',
            resources: `/XObject << /Fm ${form(inner.ops, inner.res, d.depth)} 0 R >> ${icc} ${key('resources')}`,
          };
        }
        case 'pattern': {
          const inner = drawing();
          const pat = b.add(
            encodedStream(
              `/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 100 100] /XStep 100 /YStep 100 /Resources << ${inner.res} >>`,
              Buffer.from(inner.ops, 'latin1'),
              d.contentLayers,
            ),
          );
          return {
            ...base,
            content: '/Pattern cs /P1 scn 0 0 300 200 re f',
            resources: `/Pattern << /P1 ${pat} 0 R >> ${icc}`,
          };
        }
        case 'type3': {
          const inner = drawing();
          const glyph = b.add(
            encodedStream('', Buffer.from(`1000 0 d0 ${inner.ops}`, 'latin1'), d.contentLayers),
          );
          const font = b.add(
            `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a ${glyph} 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [1000] /Resources << ${inner.res} >> >>`,
          );
          return {
            ...base,
            content: 'BT /T3 50 Tf 100 100 Td (a) Tj ET',
            fonts: `/T3 ${font} 0 R`,
            resources: icc,
          };
        }
        case 'appearance': {
          const inner = drawing();
          const ap = form(inner.ops, inner.res, d.depth);
          const a = b.add(
            `<< /Type /Annot /Subtype /Stamp /Rect [10 10 110 110] /AP << /N ${ap} 0 R >> >>`,
          );
          return {
            ...base,
            content: '',
            page: `${base.page.replace(/\/Annots \[([^\]]*)\]/, '')} /Annots [${a} 0 R ${/\/Annots \[([^\]]*)\]/.exec(base.page)?.[1] ?? ''}]`,
            resources: icc,
          };
        }
        case 'smask': {
          const mask = image();
          const im = b.add(
            streamBody(
              `/Type /XObject /Subtype /Image /Width 120 /Height 80 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /SMask ${mask} 0 R`,
              photo,
            ),
          );
          return {
            ...base,
            content: 'q 100 0 0 66 20 20 cm /Im1 Do Q',
            resources: `/XObject << /Im1 ${im} 0 R >> ${icc}`,
          };
        }
      }
    },
    d.xref === 'stream' ? { xrefStream: true, inObjectStream: [2, 3] } : {},
  );
}

const pdfConstruct = defineTarget<Design>({
  name: 'pdf-construct',
  about:
    'random hostile PDFs (an image placed and encoded every way, private keys, annotations, ICC text), some mutated: nothing planted survives a strip; unmutated ones are never refused',
  runs: 60,
  arbitrary: () =>
    fc.record({
      place: fc.constantFrom<Place>(
        'xobject',
        'inline',
        'form',
        'pattern',
        'type3',
        'appearance',
        'smask',
      ),
      imageLayers: CHAIN,
      contentLayers: CHAIN,
      indirectFilter: fc.constantFrom('direct' as const, 'ref' as const, 'array-of-refs' as const),
      depth: fc.integer({ min: 0, max: 4 }),
      xref: fc.constantFrom('table' as const, 'stream' as const),
      keys: fc
        .subarray(['catalog', 'page', 'resources', 'image', 'annotation', 'icc'] as const)
        .map((k) => [...k]),
      edits: fc.oneof(fc.constant([] as Mutation[]), mutationsArbitrary(3)),
    }),
  async property(d) {
    const clean = designed(d);
    const input = d.edits.length > 0 ? applyMutations(clean, d.edits) : clean;
    if (d.edits.length === 0) {
      // A well-formed document is stripped, never refused.
      const { output } = await stripBuffer(input);
      const leaks = pdfLeaks(output);
      if (leaks.length > 0) throw new Error(`stripped and called clean, but ${leaks.join('; ')}`);
      return;
    }
    await stripsCleanOrRefuses(input, 'mutated design');
  },
  describe: (d) =>
    `${d.place} (depth ${d.depth}), image ${d.imageLayers.map((l) => l.filter).join('+') || 'DCT only'}, content ${d.contentLayers.map((l) => l.filter).join('+') || 'plain'}, filters ${d.indirectFilter}, xref ${d.xref}, keys ${d.keys.join(',')}${d.edits.length ? `, edits ${describeMutations(d.edits)}` : ''}`,
});

export const pdfTargets: RegisteredTarget[] = [pdfMutate, pdfFilters, pdfConstruct];
