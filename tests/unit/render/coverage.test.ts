import { describe, expect, it } from 'vitest';
import { unsupportedCharacters } from '../../../electron/core/render';

describe('unsupportedCharacters', () => {
  it('finds what the bundled fonts cannot draw, and nothing else', async () => {
    const found = await unsupportedCharacters({
      title: 'Ольга Петровна Смирнова — عبد الله الحسيني',
      language: 'en',
      blocks: [
        { type: 'paragraph', text: ['Greek Αθήνα, accents éàç, ', { missing: 'דוד' }] },
        { type: 'table', header: ['名前'], rows: [['王\u200f']] },
      ],
      meta: { title: '中' },
    });
    expect(found).toEqual(['ד', 'ו', '名', '前', '王']);
  });
});
