import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { inspectBuffer, stripBuffer } from '../../electron/core/metadata';
import { PdfBuilder, encodedStream, streamBody } from '../helpers/pdf';
import {
  applyMutations,
  describeMutations,
  mutationsArbitrary,
  onlyVigilErrors,
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
async function stripsCleanOrRefuses(input: Buffer, label: string): Promise<void> {
  const report = await inspectBuffer(input);
  if (report.size !== input.length) throw new Error(`${label}: inspect misreports the size`);
  let output: Buffer;
  try {
    output = (await stripBuffer(input)).output;
  } catch (error) {
    onlyVigilErrors(error, label);
    return;
  }
  const leaks = pdfLeaks(output);
  if (leaks.length > 0)
    throw new Error(`${label}: stripped and called clean, but ${leaks.join('; ')}`);
  const again = await inspectBuffer(output);
  if (again.risky > 0)
    throw new Error(
      `${label}: the stripped copy still shows ${again.fields.find((f) => f.risky)?.label}`,
    );
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

export const pdfTargets: RegisteredTarget[] = [pdfMutate];
