import { describe, expect, it } from 'vitest';
import { VOCABULARIES } from '../../../shared/vocabularies';
import {
  LANGUAGES,
  localeStrings,
  NAMESPACE_NAMES,
  placeholders,
  wrongSyntax,
} from '../../helpers/locales';

const PLURAL = /_(zero|one|two|few|many|other)$/;

const baseKeys = (strings: Map<string, string>) =>
  new Set([...strings.keys()].map((k) => k.replace(PLURAL, '')));
const pluralBases = (strings: Map<string, string>) =>
  new Set([...strings.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));

/**
 * Outside the UI (whose files are large enough for a share of strings the same
 * as in English), a string identical to the English one must be made only of
 * names or of words that this language writes like English. Anything else
 * identical is English left untranslated.
 */
const SAME_IN_EVERY_LANGUAGE = ['sha', 'javascript'];
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  es: ['no'],
  fr: [
    'affiliation',
    'confiscation',
    'date',
    'description',
    'interventions',
    'oral',
    'organisation',
    'prison',
    'public',
    'signature',
    'source',
    'sources',
    'surveillance',
    'torture',
    'type',
    'violation',
  ],
  ar: [],
  ru: [],
};
function untranslated(language: string, text: string): boolean {
  const words = text
    .replace(/\{\{[^}]*\}\}|\{\w+\}/g, ' ')
    .toLowerCase()
    .match(/\p{L}+/gu);
  const shared = [...SAME_IN_EVERY_LANGUAGE, ...SAME_AS_ENGLISH[language]!];
  return (words ?? []).some((word) => !shared.includes(word));
}

describe('locale files', () => {
  for (const namespace of NAMESPACE_NAMES) {
    describe(namespace, () => {
      const english = localeStrings('en', namespace);
      const englishPlurals = pluralBases(english);

      it('en: no empty string, and every placeholder in the namespace’s own syntax', () => {
        expect(english.size).toBeGreaterThan(0);
        for (const [key, value] of english) {
          expect(value.trim(), `en ${namespace} ${key}`).not.toBe('');
          expect(wrongSyntax(namespace, value), `en ${namespace} ${key}: ${value}`).toBe(false);
        }
      });

      for (const language of LANGUAGES.filter((l) => l !== 'en')) {
        describe(language, () => {
          const strings = localeStrings(language, namespace);

          it('has every English key, and no other', () => {
            expect([...baseKeys(strings)].sort()).toEqual([...baseKeys(english)].sort());
          });

          it('has every plural form the language uses, for every counted string', () => {
            const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
            for (const base of englishPlurals) {
              for (const category of categories)
                expect(strings.has(`${base}_${category}`), `${language}: ${base}_${category}`).toBe(
                  true,
                );
            }
            expect([...pluralBases(strings)].sort()).toEqual([...englishPlurals].sort());
          });

          it('keeps the placeholders of the English strings, in the same syntax', () => {
            for (const [key, value] of strings) {
              const base = key.replace(PLURAL, '');
              const englishText = english.get(key) ?? english.get(`${base}_other`)!;
              const expected = placeholders(namespace, englishText);
              const actual = placeholders(namespace, value);
              expect(wrongSyntax(namespace, value), `${language} ${key}: ${value}`).toBe(false);
              if (PLURAL.test(key)) {
                // A form for one, two or zero may say the number in words instead of {{count}}.
                for (const name of actual)
                  expect(expected.has(name), `${language} ${key} uses {{${name}}}`).toBe(true);
                if (key.endsWith('_other') || key.endsWith('_many') || key.endsWith('_few')) {
                  for (const name of expected)
                    expect(actual.has(name), `${language} ${key} lacks {{${name}}}`).toBe(true);
                }
              } else {
                expect([...actual].sort(), `${language} ${namespace} ${key}`).toEqual(
                  [...expected].sort(),
                );
              }
            }
          });

          it('is really translated: no empty string, and almost nothing left in English', () => {
            for (const [key, value] of strings)
              expect(value.trim(), `${language} ${namespace} ${key}`).not.toBe('');
            const same = [...strings]
              .filter(([key, value]) => english.get(key) === value)
              .map(([key]) => key);
            if (namespace === 'ui') {
              // Some strings are the same in every language (SHA-256, {{start}} – {{end}}, "Interventions" in French).
              expect(
                same.length,
                `${language} strings identical to English: ${same.join(', ')}`,
              ).toBeLessThan(strings.size * 0.03);
            } else {
              const left = same.filter((key) => untranslated(language, strings.get(key)!));
              expect(left, `${language} ${namespace}: left in English`).toEqual([]);
            }
          });
        });
      }
    });
  }

  it('labels every term of every vocabulary, and no term the vocabularies do not have', () => {
    const labelled = localeStrings('en', 'vocabulary');
    const expected = Object.entries(VOCABULARIES).flatMap(([name, v]) => [
      `${name}.title`,
      ...v.terms.map((t) => `${name}.terms.${t.id}`),
    ]);
    expect([...labelled.keys()].sort()).toEqual(expected.sort());
  });

  it('gives every language words for date qualifiers, which the date field reads', () => {
    for (const language of LANGUAGES) {
      const strings = localeStrings(language, 'ui');
      for (const qualifier of ['approximate', 'before', 'after', 'unknown']) {
        expect(
          strings.get(`dates.words.${qualifier}`)!.split('|').filter(Boolean).length,
          `${language} ${qualifier}`,
        ).toBeGreaterThan(0);
      }
    }
  });
});
