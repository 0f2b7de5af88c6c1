import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../../../shared/i18n/locales');
const LANGUAGES = ['en', 'es', 'fr', 'ar', 'ru'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const load = (language: string) =>
  flatten(JSON.parse(readFileSync(join(dir, language, 'ui.json'), 'utf8')) as Tree);
const variables = (text: string) => new Set([...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!));
const baseKeys = (strings: Map<string, string>) =>
  new Set([...strings.keys()].map((k) => k.replace(PLURAL, '')));
const pluralBases = (strings: Map<string, string>) =>
  new Set([...strings.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));

describe('locale files', () => {
  const english = load('en');
  const englishPlurals = pluralBases(english);

  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    describe(language, () => {
      const strings = load(language);

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

      it('keeps the placeholders of the English strings', () => {
        for (const [key, value] of strings) {
          const base = key.replace(PLURAL, '');
          const englishText = english.get(key) ?? english.get(`${base}_other`)!;
          const expected = variables(englishText);
          const actual = variables(value);
          if (PLURAL.test(key)) {
            // A form for one, two or zero may say the number in words instead of {{count}}.
            for (const name of actual)
              expect(expected.has(name), `${language} ${key} uses {{${name}}}`).toBe(true);
            if (key.endsWith('_other') || key.endsWith('_many') || key.endsWith('_few')) {
              for (const name of expected)
                expect(actual.has(name), `${language} ${key} lacks {{${name}}}`).toBe(true);
            }
          } else {
            expect([...actual].sort(), `${language} ${key}`).toEqual([...expected].sort());
          }
        }
      });

      it('is really translated: no empty string, and almost nothing left in English', () => {
        for (const [key, value] of strings) expect(value.trim(), `${language} ${key}`).not.toBe('');
        const same = [...strings]
          .filter(([key, value]) => english.get(key) === value)
          .map(([key]) => key);
        // Some strings are the same in every language (SHA-256, {{start}} – {{end}}, "Interventions" in French).
        expect(
          same.length,
          `${language} strings identical to English: ${same.join(', ')}`,
        ).toBeLessThan(strings.size * 0.03);
      });
    });
  }

  it('gives every language words for date qualifiers, which the date field reads', () => {
    for (const language of LANGUAGES) {
      const strings = load(language);
      for (const qualifier of ['approximate', 'before', 'after', 'unknown']) {
        expect(
          strings.get(`dates.words.${qualifier}`)!.split('|').filter(Boolean).length,
          `${language} ${qualifier}`,
        ).toBeGreaterThan(0);
      }
    }
  });
});
