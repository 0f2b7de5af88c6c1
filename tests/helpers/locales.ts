import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The one locale store: shared/i18n/locales/<language>/<namespace>.json. */
export const LOCALES_DIR = resolve(import.meta.dirname, '../../shared/i18n/locales');
export const LANGUAGES = ['en', 'es', 'fr', 'ar', 'ru'] as const;
export type LocaleLanguage = (typeof LANGUAGES)[number];

/**
 * Each namespace and its placeholder syntax: the UI is i18next's (`{{name}}`,
 * plural suffixes); the documents, the renderers' labels and the vocabularies
 * are filled by shared/i18n/fill.ts (`{name}`).
 */
export const NAMESPACES = {
  ui: 'i18next',
  dossier: 'braces',
  render: 'braces',
  vocabulary: 'braces',
} as const;
export type Namespace = keyof typeof NAMESPACES;
export const NAMESPACE_NAMES = Object.keys(NAMESPACES) as Namespace[];

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** Every string of one file, by dotted key. */
export const localeStrings = (language: string, namespace: Namespace): Map<string, string> =>
  flatten(
    JSON.parse(readFileSync(join(LOCALES_DIR, language, `${namespace}.json`), 'utf8')) as Tree,
  );

const PLACEHOLDER = {
  i18next: /\{\{\s*(\w+)[^}]*\}\}/g,
  braces: /(?<!\{)\{(\w+)\}(?!\})/g,
} as const;

/** The placeholders a string of this namespace holds, in the namespace's own syntax. */
export const placeholders = (namespace: Namespace, text: string): Set<string> =>
  new Set([...text.matchAll(PLACEHOLDER[NAMESPACES[namespace]])].map((m) => m[1]!));

/** Whether a string uses the other namespace kind's placeholder syntax (a copy-paste slip). */
export const wrongSyntax = (namespace: Namespace, text: string): boolean =>
  NAMESPACES[namespace] === 'i18next'
    ? /(?<!\{)\{\w+\}(?!\})/.test(text.replace(PLACEHOLDER.i18next, ''))
    : text.includes('{{') || text.includes('}}');
