import { describe, expect, it } from 'vitest';
import { isVigilError } from '../../../electron/core/errors';
import type { DocumentModel } from '../../../electron/core/render';
import { assertValidDocument } from '../../../electron/core/render';

function check(doc: unknown): unknown {
  try {
    assertValidDocument(doc as DocumentModel);
    return null;
  } catch (error) {
    return error;
  }
}

const base = { title: 'T', language: 'en', blocks: [] };

describe('assertValidDocument', () => {
  it('accepts every block type', () => {
    const doc: DocumentModel = {
      ...base,
      language: 'ar',
      direction: 'rtl',
      meta: { created: new Date(0) },
      blocks: [
        { type: 'heading', level: 3, text: 'h', direction: 'auto' },
        {
          type: 'paragraph',
          text: ['a', { text: 'b', bold: true }, { missing: 'c' }, { withheld: 'd' }],
        },
        { type: 'fields', fields: [{ label: 'l', value: { missing: 'v' } }] },
        { type: 'table', header: ['a', 'b'], rows: [['1', { withheld: 'x' }]], widths: [1, 2] },
        { type: 'list', items: ['x'], ordered: true },
        {
          type: 'checklist',
          items: [
            { text: 'x', state: 'ok' },
            { text: 'y', state: 'missing', note: 'n' },
          ],
        },
        { type: 'pageBreak' },
        { type: 'note', title: 't', text: 'n', tone: 'warning' },
      ],
    };
    expect(check(doc)).toBeNull();
  });

  const bad: [string, unknown][] = [
    ['no title', { ...base, title: undefined }],
    ['an unknown language', { ...base, language: 'de' }],
    ['an unknown direction', { ...base, direction: 'up' }],
    ['an unknown block', { ...base, blocks: [{ type: 'image' }] }],
    ['a heading of level 4', { ...base, blocks: [{ type: 'heading', level: 4, text: 'x' }] }],
    ['a number as text', { ...base, blocks: [{ type: 'paragraph', text: 42 }] }],
    [
      'a table row of the wrong length',
      { ...base, blocks: [{ type: 'table', header: ['a'], rows: [['1', '2']] }] },
    ],
    ['a table without columns', { ...base, blocks: [{ type: 'table', header: [], rows: [] }] }],
    [
      'widths that do not match',
      { ...base, blocks: [{ type: 'table', header: ['a'], rows: [], widths: [0] }] },
    ],
    [
      'an unknown checklist state',
      { ...base, blocks: [{ type: 'checklist', items: [{ text: 'x', state: 'maybe' }] }] },
    ],
    ['a creation date that is not a date', { ...base, meta: { created: '2024' } }],
  ];
  for (const [what, doc] of bad) {
    it(`refuses ${what}`, () => {
      const error = check(doc);
      expect(isVigilError(error, 'INVALID_INPUT')).toBe(true);
      expect((error as Error).message).toMatch(/^The document to export is not valid: .+\.$/);
    });
  }

  it('names the place, not the content, of a fault', () => {
    const error = check({
      ...base,
      blocks: [
        { type: 'paragraph', text: 'secret name' },
        { type: 'paragraph', text: 7 },
      ],
    });
    expect((error as Error).message).toContain('block 2');
    expect((error as Error).message).not.toContain('secret');
  });
});
