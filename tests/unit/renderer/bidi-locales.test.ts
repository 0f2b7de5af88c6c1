import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../../../shared/i18n/locales');
type Tree = { [key: string]: string | Tree };
const strings = (language: string): [string, string][] => {
  const walk = (tree: Tree, prefix: string): [string, string][] =>
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string' ? [[prefix + k, v] as [string, string]] : walk(v, `${prefix}${k}.`),
    );
  return walk(JSON.parse(readFileSync(join(dir, language, 'ui.json'), 'utf8')) as Tree, '');
};
const PAIRS: [string, string][] = [
  ['«', '»'],
  ['“', '”'],
  ['(', ')'],
  ['[', ']'],
];

/**
 * Issue 14, point 7: values go into sentences isolated (the UI wraps each in
 * <bdi>); the sentences themselves must keep their punctuation whole around
 * the placeholders, so nothing of it can end up on a value's side.
 */
describe('punctuation around placeholders', () => {
  for (const language of ['en', 'es', 'fr', 'ar', 'ru']) {
    it(`${language}: quotes and brackets around a value open and close in the sentence itself`, () => {
      const unbalanced = strings(language)
        .filter(([, text]) => text.includes('{{'))
        .filter(([, text]) =>
          PAIRS.some(([open, close]) => text.split(open).length !== text.split(close).length),
        )
        .map(([key, text]) => `${key}: ${text}`);
      expect(unbalanced).toEqual([]);
      // A placeholder is never glued inside a quote mark's pair with the wrong mark.
      for (const [key, text] of strings(language))
        expect(/»\{\{|\}\}«/.test(text), `${language} ${key}`).toBe(false);
    });
  }

  it('ar: Arabic punctuation (، ؛ ؟) beside Arabic words, not the Latin marks', () => {
    const latin = strings('ar')
      .filter(([, text]) => /[\u0600-\u06ff][,;?]|[,;?]\s*[\u0600-\u06ff]/.test(text))
      .map(([key]) => key);
    expect(latin).toEqual([]);
  });
});
