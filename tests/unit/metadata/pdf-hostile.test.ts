import { describe, expect, it } from 'vitest';
import { isVigilError } from '../../../electron/core/errors';
import { inspectBuffer, stripBuffer } from '../../../electron/core/metadata';
import { CONSTRUCTIONS } from '../../helpers/hostilePdfs';
import { pdfLeaks } from '../../helpers/pdfLeaks';

// Every way a PDF can carry an image or a private string (tests/helpers/hostilePdfs.ts):
// each is stripped with nothing planted left anywhere, or refused with a clear message.

describe('hostile PDFs: every construction is stripped clean or refused', () => {
  for (const c of CONSTRUCTIONS) {
    it(c.name, async () => {
      const input = c.build();
      const before = await inspectBuffer(input);
      for (const s of c.shows ?? [])
        expect(
          before.fields.some((f) => f.value.includes(s) && f.risky),
          `inspect shows ${s}: ${JSON.stringify(before.fields.map((f) => f.value))}`,
        ).toBe(true);
      let result: Awaited<ReturnType<typeof stripBuffer>> | undefined;
      let error: unknown;
      try {
        result = await stripBuffer(input);
      } catch (e) {
        error = e;
      }
      if (c.expect === 'strip') {
        expect(error, String(error)).toBeUndefined();
        expect(pdfLeaks(result!.output)).toEqual([]);
        const after = await inspectBuffer(result!.output);
        expect(after.fields.filter((f) => f.risky)).toEqual([]);
        expect(after.readable).toBe(true);
      } else {
        expect(result, 'a copy was written').toBeUndefined();
        expect(isVigilError(error), String(error)).toBe(true);
        expect((error as Error).message).toMatch(c.expect.refuse);
      }
    });
  }
});
