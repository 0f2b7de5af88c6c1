import { describe, expect, it } from 'vitest';
import { unsupportedCharacters } from '../../../electron/core/render';

describe('unsupportedCharacters', () => {
  it('finds what the bundled fonts cannot draw, and nothing else', async () => {
    const found = await unsupportedCharacters({
      title: 'Ольга Петровна Смирнова — عبد الله الحسيني',
      language: 'en',
      blocks: [
        { type: 'paragraph', text: ['Greek Αθήνα, accents éàç, ', { missing: 'דוד' }] },
        { type: 'table', header: ['名前', 'ᠮᠣᠩᠭᠣᠯ'], rows: [['王\u200f', '김민수 𠮷']] },
      ],
      meta: { title: 'ꦗꦮ' },
    });
    // Hebrew and Mongolian have no bundled face; Chinese, Japanese and Korean
    // (extension B included) do; properties are not drawn.
    expect(found).toEqual(['ד', 'ו', 'ᠮ', 'ᠣ', 'ᠩ', 'ᠭ', 'ᠯ']);
  });
});
