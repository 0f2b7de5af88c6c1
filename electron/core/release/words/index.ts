import { fold, type Script } from '../fold';
import { cyrillicForms } from '../inflect';
import { AR } from './ar';
import { EN } from './en';
import { ES } from './es';
import { FR } from './fr';
import { RU } from './ru';
import { UK } from './uk';

/**
 * Ordinary words that are also names, by language (folded), and which
 * languages to consult for a word in a given script. See README.md for how
 * the lists were made and checked.
 */
export const COMMON_WORD_LISTS = { en: EN, es: ES, fr: FR, ru: RU, uk: UK, ar: AR } as const;
export type CommonWordLanguage = keyof typeof COMMON_WORD_LISTS;

const SCRIPT_LANGUAGES: Partial<Record<Script, CommonWordLanguage[]>> = {
  latin: ['en', 'es', 'fr'],
  cyrillic: ['ru', 'uk'],
  arabic: ['ar'],
};

export const listWords = (list: string): string[] => list.split(/\s+/u).filter(Boolean);

let sets: Map<CommonWordLanguage, Set<string>> | null = null;

function load(): Map<CommonWordLanguage, Set<string>> {
  if (sets) return sets;
  sets = new Map();
  for (const [language, list] of Object.entries(COMMON_WORD_LISTS) as [
    CommonWordLanguage,
    string,
  ][]) {
    const set = new Set<string>();
    for (const word of listWords(list)) {
      set.add(fold(word));
      // Cyrillic words are found in any case form: "веру", "любви", "миру". Entries in -ов, -ин
      // are themselves case forms (кузнецов: "of smiths"), not words to decline.
      if ((language === 'ru' || language === 'uk') && !/(ов|ев|ёв|ин|ын)$/u.test(word))
        for (const { form } of cyrillicForms(word)) set.add(fold(form));
    }
    sets.set(language, set);
  }
  return sets;
}

/** The languages whose list has this folded word, among those written in `script`. */
export function commonWordLanguages(folded: string, script: Script): CommonWordLanguage[] {
  const lists = load();
  return (SCRIPT_LANGUAGES[script] ?? []).filter((language) => lists.get(language)!.has(folded));
}
