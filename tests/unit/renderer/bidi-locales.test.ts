import { describe, expect, it } from 'vitest';
import { LANGUAGES, localeStrings, NAMESPACE_NAMES, placeholders } from '../../helpers/locales';

/** Every string of every namespace of one language, keyed `namespace:key`. */
const strings = (language: string): [string, string][] =>
  NAMESPACE_NAMES.flatMap((namespace) =>
    [...localeStrings(language, namespace)].map(
      ([key, text]) => [`${namespace}:${key}`, text] as [string, string],
    ),
  );
const namespaceOf = (key: string) => key.split(':')[0] as (typeof NAMESPACE_NAMES)[number];
const hasPlaceholder = ([key, text]: [string, string]) =>
  placeholders(namespaceOf(key), text).size > 0;
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
  for (const language of LANGUAGES) {
    it(`${language}: quotes and brackets around a value open and close in the sentence itself`, () => {
      const unbalanced = strings(language)
        .filter(hasPlaceholder)
        .filter(([, text]) =>
          PAIRS.some(([open, close]) => text.split(open).length !== text.split(close).length),
        )
        .map(([key, text]) => `${key}: ${text}`);
      expect(unbalanced).toEqual([]);
      // A placeholder is never glued inside a quote mark's pair with the wrong mark.
      for (const [key, text] of strings(language))
        expect(/»\{|\}«/.test(text), `${language} ${key}`).toBe(false);
    });
  }

  it('ar: Arabic punctuation (، ؛ ؟) beside Arabic words, not the Latin marks', () => {
    const latin = strings('ar')
      .filter(([, text]) => /[\u0600-\u06ff][,;?]|[,;?]\s*[\u0600-\u06ff]/.test(text))
      .map(([key]) => key);
    expect(latin).toEqual([]);
  });
});
