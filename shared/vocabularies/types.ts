import { LOCALES } from '../i18n/languages';
import { VOCABULARY_WORDS } from '../i18n/vocabulary';

/** The languages every built-in term is labelled in; the UI falls back to English. */
export const LANGUAGES = LOCALES;
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

/** The vocabularies the locale files label (`vocabulary.json`), and each one's term ids. */
type VocabularyWords = typeof VOCABULARY_WORDS.en;
export type LabelledVocabulary = keyof VocabularyWords;
type TermId<N extends LabelledVocabulary> = keyof VocabularyWords[N]['terms'] & string;

interface TermSpec<I extends string> {
  id: I;
  tags?: readonly string[];
}

/** A term of a vocabulary table: its id (and facets); its labels are in the locale files. */
export function term<I extends string>(id: I, tags?: readonly string[]): TermSpec<I> {
  return tags ? { id, tags } : { id };
}

/**
 * A built-in vocabulary, labelled from the locale files in every language. The
 * compiler checks each term id against the English file; the locale tests check
 * that every other language labels the same ids.
 */
export function vocabulary<N extends LabelledVocabulary>(spec: {
  name: N;
  version: number;
  extensible: boolean;
  terms: readonly TermSpec<TermId<N>>[];
}): Vocabulary {
  const words = (language: Language) =>
    VOCABULARY_WORDS[language][spec.name] as { title: string; terms: Record<string, string> };
  const labelled = (pick: (language: Language) => string | undefined, what: string): Labels =>
    Object.fromEntries(
      LANGUAGES.map((language) => {
        const text = pick(language);
        if (!text) throw new Error(`vocabulary.json (${language}) has no label for ${what}`);
        return [language, text];
      }),
    ) as Labels;
  return {
    name: spec.name,
    version: spec.version,
    extensible: spec.extensible,
    title: labelled((language) => words(language).title, `${spec.name}`),
    terms: spec.terms.map(({ id, tags }) => ({
      id,
      labels: labelled((language) => words(language).terms[id], `${spec.name} ${id}`),
      ...(tags ? { tags } : {}),
    })),
  };
}
