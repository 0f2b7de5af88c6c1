// Shaping and line layout for the PDF, with the bundled fonts.
import { describe, expect, it } from 'vitest';
import { labelsFor } from '../../../electron/core/render';
import { defaultFontDir, facesFor, loadFontSet } from '../../../electron/core/render/fonts';
import type { ParagraphLayout } from '../../../electron/core/render/paragraph';
import { layoutParagraph } from '../../../electron/core/render/paragraph';
import { Shaper } from '../../../electron/core/render/shaper';
import { toSpans } from '../../../electron/core/render/text';

const labels = labelsFor({ title: '', language: 'en', blocks: [] });

async function layout(
  text: string,
  direction: 'ltr' | 'rtl',
  width = 400,
): Promise<ParagraphLayout> {
  const fonts = await loadFontSet(defaultFontDir());
  return layoutParagraph(toSpans(text, labels), {
    direction,
    size: 10,
    width,
    fonts,
    shaper: new Shaper(),
  });
}

/** The drawn pieces of each line, left to right. */
function visual(result: ParagraphLayout): string[][] {
  return result.lines.map((line) =>
    line.items.filter((item) => !item.space).map((item) => item.text),
  );
}

describe('shaping', () => {
  it('joins Arabic letters into their contextual forms', async () => {
    const fonts = await loadFontSet(defaultFontDir());
    const shaper = new Shaper();
    const face = fonts.arabic.regular;
    const isolated = 'ع ب د'.split(' ').map((c) => shaper.shape(face, c, 'rtl').glyphs[0]!.id);
    const joined = shaper
      .shape(face, 'عبد', 'rtl')
      .glyphs.map((g) => g.id)
      .reverse();
    // Initial ain and medial beh differ from their isolated forms; final dal joins without changing.
    expect(joined[0]).not.toBe(isolated[0]);
    expect(joined[1]).not.toBe(isolated[1]);
    expect(joined).toHaveLength(3);
  });

  it('returns right-to-left glyphs in visual order, ligatures mapped back for extraction', async () => {
    const fonts = await loadFontSet(defaultFontDir());
    const shaper = new Shaper();
    const run = shaper.shape(fonts.arabic.regular, 'الله', 'rtl');
    // Naskh draws "الله" as alef + a lam-lam-heh ligature; drawn left to right the
    // ligature comes first, and its characters are listed in visual order.
    expect(run.glyphs.map((g) => g.codePoints)).toEqual([[0x647, 0x644, 0x644], [0x627]]);
  });

  it('keeps Arabic-Indic digits in left-to-right order', async () => {
    const fonts = await loadFontSet(defaultFontDir());
    const run = new Shaper().shape(fonts.arabic.regular, '١٢٣', 'ltr');
    expect(run.glyphs.map((g) => g.codePoints[0])).toEqual([0x661, 0x662, 0x663]);
  });

  it('gives Arabic to the Arabic face, and punctuation to the face before it', async () => {
    const fonts = await loadFontSet(defaultFontDir());
    const faces = facesFor('Ab عبد، x', fonts, false, false).map((face) =>
      face.arabic ? 'A' : 'L',
    );
    // A space takes the face before it, like punctuation.
    expect(faces.join('')).toBe('LLLAAAAAL');
    expect(facesFor('ب', fonts, true, true)[0]).toBe(fonts.arabic.bold);
    expect(facesFor('b', fonts, true, true)[0]).toBe(fonts.latin.boldItalic);
  });
});

describe('paragraph layout', () => {
  it('orders an Arabic name inside English text right to left', async () => {
    const result = await layout('Mr عبد الله الحسيني was held', 'ltr');
    expect(visual(result)).toEqual([['Mr', 'الحسيني', 'الله', 'عبد', 'was', 'held']]);
  });

  it('orders an English term and numbers inside Arabic text', async () => {
    const result = await layout('تقرير Human Rights Watch في 2024', 'rtl');
    expect(visual(result)).toEqual([['2024', 'في', 'Human', 'Rights', 'Watch', 'تقرير']]);
    expect(result.direction).toBe('rtl');
  });

  it('marks brackets in right-to-left text to be drawn mirrored', async () => {
    const result = await layout('قال (نعم) هنا', 'rtl');
    const items = result.lines[0]!.items.filter((item) => !item.space);
    expect(items.map((item) => [item.text, item.mirror])).toEqual([
      ['هنا', false],
      [')', true],
      ['نعم', false],
      ['(', true],
      ['قال', false],
    ]);
    const ltr = await layout('said (yes)', 'ltr');
    expect(ltr.lines[0]!.items.some((item) => item.mirror)).toBe(false);
  });

  it('breaks lines at spaces within the width', async () => {
    const text = 'word '.repeat(60).trim();
    const result = await layout(text, 'ltr', 120);
    expect(result.lines.length).toBeGreaterThan(5);
    for (const line of result.lines) expect(line.width).toBeLessThanOrEqual(120);
    expect(visual(result).flat()).toHaveLength(60);
  });

  it('breaks a right-to-left paragraph so the first words come first', async () => {
    const words = Array.from(
      { length: 40 },
      (_, i) => `كلمة${'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'[i % 28]}`,
    );
    const result = await layout(words.join(' '), 'rtl', 150);
    // Read each line right to left: the lines hold the words in order.
    const read = visual(result).flatMap((line) => [...line].reverse());
    expect(read).toEqual(words);
  });

  it('keeps newlines as line ends', async () => {
    const result = await layout('one\ntwo', 'ltr');
    expect(visual(result)).toEqual([['one'], ['two']]);
  });

  it('gives Arabic lines more room than Latin ones', async () => {
    const latin = await layout('Latin', 'ltr');
    const arabic = await layout('عربي', 'rtl');
    expect(arabic.lineHeight).toBeGreaterThan(latin.lineHeight);
  });
});
