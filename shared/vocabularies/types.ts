/** The languages every built-in term is labelled in; the UI falls back to English. */
export const LANGUAGES = ['en', 'es', 'fr', 'ar', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Labels = Record<Language, string>;

export interface VocabularyTerm {
  /** Stable kebab-case id stored in records; never renamed once released. */
  id: string;
  labels: Labels;
  /** Facets the UI and the exporters use, e.g. `detention` on arrest and detention event types. */
  tags?: readonly string[];
}

export interface Vocabulary {
  name: string;
  /** Raised whenever terms are added or relabelled; ids are never removed. */
  version: number;
  /** Whether an organisation may add its own terms (stored in the vault). */
  extensible: boolean;
  title: Labels;
  terms: readonly VocabularyTerm[];
}

/** A builder that keeps the term tables readable: id, then labels in LANGUAGES order. */
export function term(
  id: string,
  en: string,
  es: string,
  fr: string,
  ar: string,
  ru: string,
  tags?: string[],
): VocabularyTerm {
  return tags
    ? { id, labels: { en, es, fr, ar, ru }, tags }
    : { id, labels: { en, es, fr, ar, ru } };
}

export function labels(en: string, es: string, fr: string, ar: string, ru: string): Labels {
  return { en, es, fr, ar, ru };
}
