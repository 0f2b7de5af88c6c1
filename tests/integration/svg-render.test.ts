import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { stripBuffer } from '../../electron/core/metadata';
import { hasFile } from '../helpers/peers';
import { PLAIN_SVG, plantedSvg, svgWith } from '../helpers/svgSources';

// The stripped SVG must still draw the same picture: a real renderer (Chromium, as the
// end-to-end tests use it) draws the original and the copy as images on a canvas, and
// their pixels are compared. An <img> never runs scripts or fetches anything, as a
// picture in a document never does, so what differs can only be what the cleaner changed.
const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
const ready = hasFile(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (apt-get install chromium)`);

interface Drawn {
  /** Pixels whose RGBA differ between the two. */
  differing: number;
  /** Pixels of the original that are not transparent: the picture is not empty. */
  painted: number;
  /** Colours found in the original (a few distinct ones prove shapes, gradient and photo drew). */
  colours: number;
}

// Runs in the page (plain JavaScript: the tests are typed without the DOM's types).
const DRAW_BOTH = `async (a, b) => {
  const draw = async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 192;
    canvas.height = 192;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0, 192, 192);
    return ctx.getImageData(0, 0, 192, 192).data;
  };
  const [x, y] = [await draw(a), await draw(b)];
  let differing = 0;
  let painted = 0;
  const colours = new Set();
  for (let i = 0; i < x.length; i += 4) {
    if (x[i] !== y[i] || x[i + 1] !== y[i + 1] || x[i + 2] !== y[i + 2] || x[i + 3] !== y[i + 3])
      differing += 1;
    if (x[i + 3] > 0) painted += 1;
    colours.add((x[i] << 16) | (x[i + 1] << 8) | x[i + 2]);
  }
  return { differing, painted, colours: colours.size };
}`;

async function compare(page: Page, before: Buffer, after: Buffer): Promise<Drawn> {
  const uri = (b: Buffer) => JSON.stringify(`data:image/svg+xml;base64,${b.toString('base64')}`);
  return page.evaluate<Drawn>(`(${DRAW_BOTH})(${uri(before)}, ${uri(after)})`);
}

describe.skipIf(!ready)('stripped SVG pictures draw the same (Chromium)', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage();
    await page.setContent('<!doctype html><title>render</title>');
  });
  afterAll(async () => {
    await browser?.close();
  });

  const camera = () => readFileSync(new URL('../fixtures/metadata/camera.jpg', import.meta.url));
  // A picture linked from a file outside draws as Chromium's "missing picture" mark in the
  // original and as nothing in the copy (its link is removed, never followed): that one
  // element is left out of the pictures compared.
  const planted = () => Buffer.from(plantedSvg(camera()).replace(/<image [^>]*file:[^>]*>/, ''));
  const cases: [string, () => Buffer][] = [
    ['every hiding place planted, a photo inside', planted],
    ['a plain picture', () => Buffer.from(PLAIN_SVG)],
    [
      'names an editor gave, used by <use>, url() and a style sheet (renamed)',
      () =>
        svgWith(
          '<style>#Maria_box{stroke:green;stroke-width:1} .Maria_class{opacity:0.5}</style><defs><clipPath id="Maria_clip"><circle cx="5" cy="5" r="4"/></clipPath><rect id="Maria_box" width="4" height="4" fill="blue"/></defs><g clip-path="url(#Maria_clip)"><use href="#Maria_box" x="3" y="3"/><rect class="Maria_class" x="0" y="6" width="10" height="2" fill="black"/></g>',
        ),
    ],
    [
      'an SVG inside an SVG, as a data: URI',
      () =>
        svgWith(
          `<image x="0" y="0" width="10" height="10" href="data:image/svg+xml;base64,${planted().toString('base64')}"/>`,
        ),
    ],
  ];
  for (const [name, make] of cases) {
    it(`${name}: the same pixels before and after`, async () => {
      const input = make();
      const { output } = await stripBuffer(input);
      expect(output.equals(input)).toBe(false);
      expect(output.includes('Maria')).toBe(false);
      const drawn = await compare(page, input, output);
      expect(drawn.painted).toBeGreaterThan(1000);
      expect(drawn.differing).toBe(0);
    });
  }

  it('the comparison sees a change in the drawing (a shape recoloured)', async () => {
    const input = planted();
    const { output } = await stripBuffer(input);
    const recoloured = Buffer.from(output.toString('utf8').replace('#c02080', '#c02081'));
    const drawn = await compare(page, input, recoloured);
    expect(drawn.colours).toBeGreaterThan(20);
    expect(drawn.differing).toBeGreaterThan(100);
  });
});
