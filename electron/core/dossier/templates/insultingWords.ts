import type { DossierLanguage } from '../../../../shared/dossier';

/**
 * Article 56(3) of the African Charter: a communication must not be written
 * in disparaging or insulting language directed against the State concerned,
 * its institutions or the African Union. The Commission declared a
 * communication inadmissible for words such as "criminal regime", "regime of
 * torturers" and "government barbarisms" (Ligue camerounaise des droits de
 * l'homme v. Cameroon, 65/92).
 *
 * The one list Vigil checks, per language: invective against a State, its
 * officials or institutions, not words a factual account needs (so "torture",
 * "murder" or "corruption" are not in it, but "torturers' regime" is). A
 * case's texts may be written in any language whatever the dossier's, so
 * every text is checked against all five lists. A hit is a gap for the
 * lawyer to rephrase, never rewritten: the list is a prompt, not a judge.
 *
 * A term is one or more words; a word ending in `*` matches any ending (for
 * inflected languages: головорез* → головорезы, головорезов). Matching
 * ignores case and diacritics (Arabic short vowels, accents), and an Arabic word may carry
 * the article and a one-letter conjunction or preposition (ال، و، ف، ب، ل، ك).
 */
export const INSULTING_WORDS: Record<DossierLanguage, readonly string[]> = {
  en: [
    'criminal regime',
    'regime of torturers',
    'torturers regime',
    'murderous regime',
    'barbarism*',
    'barbaric',
    'barbarian*',
    'thug*',
    'gangster*',
    'butcher*',
    'tyrant*',
    'tyrannical',
    'dictator*',
    'puppet',
    'puppets',
    'terrorist state',
    'fascist*',
    'scum',
    'lackey*',
  ],
  es: [
    'régimen criminal',
    'régimen asesino',
    'régimen de torturadores',
    'barbarie*',
    'bárbaro*',
    'bárbara*',
    'matón',
    'matones',
    'gánster*',
    'tirano*',
    'tiránico*',
    'dictador*',
    'dictadura',
    'títere*',
    'estado terrorista',
    'fascista*',
    'canalla*',
    'lacayo*',
  ],
  fr: [
    'régime criminel',
    'régime assassin',
    'régime de tortionnaires',
    'barbarie*',
    'barbare*',
    'voyou*',
    'truand*',
    'gangster*',
    'tyran*',
    'tyrannique*',
    'dictateur*',
    'dictatorial*',
    'dictature',
    'fantoche*',
    'état terroriste',
    'fasciste*',
    'crapule*',
    'laquais',
  ],
  ar: [
    'نظام مجرم',
    'نظام إجرامي',
    'نظام الجلادين',
    'همجي*',
    'همجية',
    'بربري*',
    'بلطجي*',
    'بلطجية',
    'سفاح*',
    'طاغية',
    'طغاة',
    'ديكتاتور*',
    'دكتاتور*',
    'دمية',
    'دولة إرهابية',
    'فاشي*',
    'حثالة',
    'أذناب',
  ],
  ru: [
    'преступн* режим*',
    'кровав* режим*',
    'режим* палачей',
    'варвар*',
    'головорез*',
    'гангстер*',
    'тиран*',
    'диктатор*',
    'марионеточн*',
    'марионетк*',
    'террористическ* государств*',
    'фашист*',
    'подонк*',
    'холуй*',
    'прихвостн*',
  ],
};

export interface InsultFinding {
  /** The words as written in the text. */
  word: string;
  /** The list it was found by. */
  list: DossierLanguage;
}

interface Token {
  norm: string;
  start: number;
  end: number;
}

/** Lower case, no diacritics (accents, Arabic short vowels), ё as е, Arabic alef forms as one. */
function normalise(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ё/gu, 'е')
    .replace(/[أإآ]/gu, 'ا');
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => ({
    norm: normalise(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

const ARABIC = /\p{Script=Arabic}/u;
/** What may stand before an Arabic word: a conjunction or preposition, the article, or both. */
const PROCLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وال', 'فال', 'بال', 'كال', 'لل'];

function matchesWord(token: string, pattern: string): boolean {
  const stem = pattern.endsWith('*');
  const word = normalise(stem ? pattern.slice(0, -1) : pattern);
  const candidates = [token];
  if (ARABIC.test(token)) {
    for (const prefix of PROCLITICS)
      if (token.startsWith(prefix)) candidates.push(token.slice(prefix.length));
  }
  return candidates.some((c) =>
    stem ? c.startsWith(word) && c.length >= word.length : c === word,
  );
}

const TERMS = (Object.entries(INSULTING_WORDS) as [DossierLanguage, readonly string[]][]).flatMap(
  ([list, terms]) => terms.map((term) => ({ list, words: term.split(/\s+/u) })),
);

/**
 * Every listed term `text` holds, as written there (each occurrence once).
 * Arabic word order puts the adjective after the noun, as the list does.
 */
export function insultingWords(text: string): InsultFinding[] {
  const found: InsultFinding[] = [];
  const seen = new Set<string>();
  const toks = tokens(text);
  for (let i = 0; i < toks.length; i++)
    for (const term of TERMS) {
      const span = toks.slice(i, i + term.words.length);
      if (span.length < term.words.length) continue;
      if (!term.words.every((w, k) => matchesWord(span[k]!.norm, w))) continue;
      const word = text.slice(span[0]!.start, span[span.length - 1]!.end);
      const key = `${span[0]!.start}:${word}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ word, list: term.list });
    }
  return found;
}
