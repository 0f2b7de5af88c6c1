import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const localesDir = resolve(import.meta.dirname, '../../../shared/i18n/locales');

export type UiLanguage = 'en' | 'es' | 'fr' | 'ar' | 'ru';

type Tree = { [key: string]: string | Tree };

/**
 * The UI's own strings, read from the locale files, so a test finds buttons
 * and fields by what a user of that language sees (and one flow serves all).
 */
export function translator(
  language: UiLanguage,
): (key: string, values?: Record<string, string | number>) => string {
  const tree = JSON.parse(readFileSync(join(localesDir, language, 'ui.json'), 'utf8')) as Tree;
  const lookup = (key: string): string | undefined => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  };
  return (key, values = {}) => {
    let text = lookup(key);
    if (text === undefined && typeof values.count === 'number') {
      const category = new Intl.PluralRules(language).select(values.count);
      text = lookup(`${key}_${category}`) ?? lookup(`${key}_other`);
    }
    if (text === undefined) throw new Error(`no string ${key} in ${language}/ui.json`);
    return text.replace(/\{\{\s*(\w+)(?:\s*,\s*number)?\s*\}\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) return '';
      return typeof value === 'number' ? new Intl.NumberFormat(language).format(value) : value;
    });
  };
}
