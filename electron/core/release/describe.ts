import { initialsOf } from '../../../shared/domain';
import { attachPrefix } from './arabic';
import { scriptOfWord } from './fold';
import { cyrillicForms, type GrammaticalCase } from './inflect';
import type { Mention } from './mentions';

/**
 * What a mention is replaced by, in the language of the text around it: the
 * initials or the pseudonym that consent allows, or a neutral description of
 * the person's role ("a witness", "свидетельницу", "أحد الشهود"). Never a
 * number: "Person 3" would tell the reader that a third person exists.
 *
 * Grammar it takes care of: the first mention of a person in a text is
 * indefinite and later ones definite ("a witness", then "the witness"); a
 * second person described in the same text is "another witness"; Russian and
 * Ukrainian descriptions (and Cyrillic pseudonyms) take the case of the name
 * they replace; Arabic attached prefixes stay (و + أحد الشهود, ل + الشاهد =
 * للشاهد); Spanish and French contractions (de + el = del, de + le = du, à +
 * le = au); a capital at the start of a sentence; capitals when the name was
 * in capitals. What it does not: agreement of the rest of the sentence
 * (verbs and adjectives keep the gender of the name), possessives in
 * languages other than English, and the choice between two people both
 * described as "the witness". A lawyer reads the release version.
 */

export type TextLanguage = 'en' | 'es' | 'fr' | 'ar' | 'ru' | 'uk' | 'zh' | 'ja';
export const TEXT_LANGUAGES: readonly TextLanguage[] = [
  'en',
  'es',
  'fr',
  'ar',
  'ru',
  'uk',
  'zh',
  'ja',
];
export type DescriptionRole = 'witness' | 'victim' | 'relative' | 'person';
export type Sex = 'female' | 'male' | null;

export type PersonReplacement =
  | { kind: 'initials'; initials: string; role: DescriptionRole; sex: Sex }
  | { kind: 'pseudonym'; pseudonym: string; role: DescriptionRole; sex: Sex }
  | { kind: 'description'; role: DescriptionRole; sex: Sex };

/** The role a person is described by: the first of their roles that has a description. */
export function descriptionRole(roles: readonly string[]): DescriptionRole {
  if (roles.includes('witness') || roles.includes('source')) return 'witness';
  if (roles.includes('victim')) return 'victim';
  if (roles.includes('family-member')) return 'relative';
  return 'person';
}

type Phrases = { first: string; later: string; another: string; anotherLater: string };
type ByGender = { m: Phrases; f: Phrases };

const ph = (first: string, later: string, another: string, anotherLater: string): Phrases => ({
  first,
  later,
  another,
  anotherLater,
});

const PHRASES: Record<
  'en' | 'es' | 'fr' | 'ar' | 'zh' | 'ja',
  Record<DescriptionRole, ByGender>
> = {
  en: {
    witness: same(ph('a witness', 'the witness', 'another witness', 'the other witness')),
    victim: same(ph('a victim', 'the victim', 'another victim', 'the other victim')),
    relative: same(ph('a relative', 'the relative', 'another relative', 'the other relative')),
    person: same(ph('a person', 'the person', 'another person', 'the other person')),
  },
  es: {
    witness: {
      m: ph('un testigo', 'el testigo', 'otro testigo', 'el otro testigo'),
      f: ph('una testigo', 'la testigo', 'otra testigo', 'la otra testigo'),
    },
    victim: same(ph('una víctima', 'la víctima', 'otra víctima', 'la otra víctima')),
    relative: {
      m: ph('un familiar', 'el familiar', 'otro familiar', 'el otro familiar'),
      f: ph('una familiar', 'la familiar', 'otra familiar', 'la otra familiar'),
    },
    person: same(ph('una persona', 'la persona', 'otra persona', 'la otra persona')),
  },
  fr: {
    witness: same(ph('un témoin', 'le témoin', 'un autre témoin', "l'autre témoin")),
    victim: same(ph('une victime', 'la victime', 'une autre victime', "l'autre victime")),
    relative: {
      m: ph('un proche', 'le proche', 'un autre proche', "l'autre proche"),
      f: ph('une proche', 'la proche', 'une autre proche', "l'autre proche"),
    },
    person: same(ph('une personne', 'la personne', 'une autre personne', "l'autre personne")),
  },
  ar: {
    witness: {
      m: ph('أحد الشهود', 'الشاهد', 'شاهد آخر', 'الشاهد الآخر'),
      f: ph('إحدى الشاهدات', 'الشاهدة', 'شاهدة أخرى', 'الشاهدة الأخرى'),
    },
    victim: {
      m: ph('أحد الضحايا', 'الضحية', 'ضحية أخرى', 'الضحية الأخرى'),
      f: ph('إحدى الضحايا', 'الضحية', 'ضحية أخرى', 'الضحية الأخرى'),
    },
    relative: {
      m: ph('أحد الأقارب', 'القريب', 'قريب آخر', 'القريب الآخر'),
      f: ph('إحدى القريبات', 'القريبة', 'قريبة أخرى', 'القريبة الأخرى'),
    },
    person: same(ph('شخص', 'الشخص', 'شخص آخر', 'الشخص الآخر')),
  },
  zh: {
    witness: same(ph('一名证人', '该证人', '另一名证人', '另一证人')),
    victim: same(ph('一名受害者', '该受害者', '另一名受害者', '另一受害者')),
    relative: same(ph('一名亲属', '该亲属', '另一名亲属', '另一亲属')),
    person: same(ph('一人', '此人', '另一人', '另一人')),
  },
  ja: {
    witness: same(ph('ある証人', 'その証人', '別の証人', 'もう一人の証人')),
    victim: same(ph('ある被害者', 'その被害者', '別の被害者', 'もう一人の被害者')),
    relative: same(ph('ある親族', 'その親族', '別の親族', 'もう一人の親族')),
    person: same(ph('ある人物', 'その人物', '別の人物', 'もう一人の人物')),
  },
};

function same(p: Phrases): ByGender {
  return { m: p, f: p };
}

type CaseTable = Record<Exclude<GrammaticalCase, 'voc'>, string>;
const cases = (nom: string, gen: string, dat: string, acc: string, ins: string, loc: string) => ({
  nom,
  gen,
  dat,
  acc,
  ins,
  loc,
});

/** Russian and Ukrainian descriptions by case (no articles; the same word for a second person). */
const DECLINED: Record<'ru' | 'uk', Record<DescriptionRole, { m: CaseTable; f: CaseTable }>> = {
  ru: {
    witness: {
      m: cases('свидетель', 'свидетеля', 'свидетелю', 'свидетеля', 'свидетелем', 'свидетеле'),
      f: cases(
        'свидетельница',
        'свидетельницы',
        'свидетельнице',
        'свидетельницу',
        'свидетельницей',
        'свидетельнице',
      ),
    },
    victim: {
      m: cases(
        'пострадавший',
        'пострадавшего',
        'пострадавшему',
        'пострадавшего',
        'пострадавшим',
        'пострадавшем',
      ),
      f: cases(
        'пострадавшая',
        'пострадавшей',
        'пострадавшей',
        'пострадавшую',
        'пострадавшей',
        'пострадавшей',
      ),
    },
    relative: {
      m: cases(
        'родственник',
        'родственника',
        'родственнику',
        'родственника',
        'родственником',
        'родственнике',
      ),
      f: cases(
        'родственница',
        'родственницы',
        'родственнице',
        'родственницу',
        'родственницей',
        'родственнице',
      ),
    },
    person: {
      m: cases('человек', 'человека', 'человеку', 'человека', 'человеком', 'человеке'),
      f: cases('женщина', 'женщины', 'женщине', 'женщину', 'женщиной', 'женщине'),
    },
  },
  uk: {
    witness: {
      m: cases('свідок', 'свідка', 'свідкові', 'свідка', 'свідком', 'свідкові'),
      f: cases('свідка', 'свідки', 'свідці', 'свідку', 'свідкою', 'свідці'),
    },
    victim: {
      m: cases(
        'потерпілий',
        'потерпілого',
        'потерпілому',
        'потерпілого',
        'потерпілим',
        'потерпілому',
      ),
      f: cases('потерпіла', 'потерпілої', 'потерпілій', 'потерпілу', 'потерпілою', 'потерпілій'),
    },
    relative: {
      m: cases('родич', 'родича', 'родичеві', 'родича', 'родичем', 'родичеві'),
      f: cases('родичка', 'родички', 'родичці', 'родичку', 'родичкою', 'родичці'),
    },
    person: {
      m: cases('особа', 'особи', 'особі', 'особу', 'особою', 'особі'),
      f: cases('особа', 'особи', 'особі', 'особу', 'особою', 'особі'),
    },
  },
};

// Short function words only, to tell English, Spanish and French apart.
const FUNCTION_WORDS: Record<'en' | 'es' | 'fr', Set<string>> = {
  en: new Set([
    'the',
    'and',
    'of',
    'to',
    'was',
    'were',
    'he',
    'she',
    'they',
    'his',
    'her',
    'with',
    'that',
    'in',
    'on',
    'at',
    'is',
    'by',
    'from',
    'a',
    'an',
  ]),
  es: new Set([
    'el',
    'los',
    'las',
    'y',
    'que',
    'del',
    'en',
    'por',
    'con',
    'fue',
    'su',
    'sus',
    'una',
    'un',
    'al',
    'se',
    'lo',
    'para',
    'es',
  ]),
  fr: new Set([
    'le',
    'les',
    'et',
    'du',
    'des',
    'que',
    'qui',
    'dans',
    'par',
    'avec',
    'il',
    'elle',
    'ils',
    'une',
    'un',
    'est',
    'été',
    'au',
    'aux',
    'sur',
    'pour',
  ]),
};

/**
 * The language a text is written in: the recorded language when there is one
 * we write descriptions in, else by its letters (and, for Latin letters, its
 * commonest short words).
 */
export function detectLanguage(text: string, hint?: string | null): TextLanguage {
  const primary = hint?.toLowerCase().split(/[-_]/u)[0];
  if (primary && (TEXT_LANGUAGES as readonly string[]).includes(primary))
    return primary as TextLanguage;
  const counts = { latin: 0, cyrillic: 0, arabic: 0, han: 0, kana: 0 };
  for (const char of text) {
    if (/\p{Script=Latin}/u.test(char)) counts.latin++;
    else if (/\p{Script=Cyrillic}/u.test(char)) counts.cyrillic++;
    else if (/\p{Script=Arabic}/u.test(char)) counts.arabic++;
    else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(char)) counts.kana++;
    else if (/\p{Script=Han}/u.test(char)) counts.han++;
  }
  const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  if (top[1] === 0) return 'en';
  switch (top[0]) {
    case 'cyrillic':
      return /[іїєґІЇЄҐ]/u.test(text) ? 'uk' : 'ru';
    case 'arabic':
      return 'ar';
    case 'kana':
      return 'ja';
    case 'han':
      return counts.kana > 0 ? 'ja' : 'zh';
    default: {
      const words = text.toLowerCase().split(/[^\p{L}]+/u);
      const score = (l: 'en' | 'es' | 'fr') => words.filter((w) => FUNCTION_WORDS[l].has(w)).length;
      const ranked = (['en', 'es', 'fr'] as const).map((l) => [l, score(l)] as const);
      ranked.sort((a, b) => b[1] - a[1]);
      return ranked[0]![1] > 0 ? ranked[0]![0] : 'en';
    }
  }
}

export interface ReplacementContext {
  language: TextLanguage;
  /** The person was already mentioned (and replaced) earlier in this text. */
  introduced: boolean;
  /** Another person was already described earlier in this text. */
  another: boolean;
  /** The text before the mention (for capitals and contractions). */
  before: string;
  /** How much of `before` a contraction may take (it never reaches into another change). */
  maxConsume?: number;
}

export interface ReplacementText {
  text: string;
  /** How many characters before the mention the replacement also takes (a contracted article). */
  consumeBefore: number;
}

const SENTENCE_START = /(^|[.!?…]\s*["«“„'‘(]?|\n\s*["«“„'‘(-]?)\s*$/u;

function capitalise(text: string): string {
  const [first, ...rest] = [...text];
  return first ? first.toUpperCase() + rest.join('') : text;
}

function pickCase(mentionCases: readonly GrammaticalCase[]): Exclude<GrammaticalCase, 'voc'> {
  for (const c of mentionCases) if (c !== 'voc') return c;
  return 'nom';
}

/** A pseudonym in the case of the name it replaces (Cyrillic pseudonyms only). */
function declinedPseudonym(pseudonym: string, mention: Mention): string {
  if (mention.script !== 'cyrillic' || mention.cases.length === 0) return pseudonym;
  const wanted = pickCase(mention.cases);
  if (wanted === 'nom') return pseudonym;
  const words = pseudonym.split(/\s+/u);
  return words
    .map((word) => {
      const form = cyrillicForms(word).find((f) => f.cases.includes(wanted));
      if (!form) return word;
      return /^\p{Lu}/u.test(word) ? capitalise(form.form) : form.form;
    })
    .join(' ');
}

function description(
  replacement: PersonReplacement,
  mention: Mention,
  context: ReplacementContext,
): string {
  const gender = replacement.sex === 'female' ? 'f' : 'm';
  const language = context.language;
  if (language === 'ru' || language === 'uk')
    return DECLINED[language][replacement.role][gender][pickCase(mention.cases)];
  const phrases = PHRASES[language][replacement.role][gender];
  if (context.introduced) return context.another ? phrases.anotherLater : phrases.later;
  return context.another ? phrases.another : phrases.first;
}

/** The text that replaces one mention. */
export function replacementText(
  replacement: PersonReplacement,
  mention: Mention,
  context: ReplacementContext,
): ReplacementText {
  let text: string;
  let described = false;
  if (replacement.kind === 'initials' && mention.script !== 'unspaced') {
    // Initials in the script the name is written in: "О. К." in Russian text, "O. K." in English.
    const own =
      scriptOfWord(mention.fullName) === mention.script ? initialsOf(mention.fullName) : '';
    text = own || replacement.initials;
  } else if (replacement.kind === 'pseudonym') {
    text = declinedPseudonym(replacement.pseudonym, mention);
  } else {
    text = description(replacement, mention, context);
    described = true;
  }
  let consumeBefore = 0;
  if (described) {
    const joined = contract(context.language, context.before, text);
    if (joined.consumeBefore <= (context.maxConsume ?? Infinity)) {
      text = joined.text;
      consumeBefore = joined.consumeBefore;
    }
    const before = context.before.slice(0, context.before.length - consumeBefore);
    if (SENTENCE_START.test(before)) text = capitalise(text);
  }
  if (mention.prefix) text = attachPrefix(mention.prefix, text);
  if (mention.allCaps) text = text.toUpperCase();
  return { text, consumeBefore };
}

/** Spanish and French articles merge with the preposition before them. */
function contract(
  language: TextLanguage,
  before: string,
  text: string,
): { text: string; consumeBefore: number } {
  const keepCase = (written: string, replacement: string) =>
    /^\p{Lu}/u.test(written) ? capitalise(replacement) : replacement;
  if (language === 'es' && text.startsWith('el ')) {
    const m = /(?<![\p{L}])(de|a)\s+$/iu.exec(before);
    if (m) {
      const merged = m[1]!.toLowerCase() === 'de' ? 'del' : 'al';
      return { text: `${keepCase(m[1]!, merged)} ${text.slice(3)}`, consumeBefore: m[0].length };
    }
  }
  if (language === 'ru') {
    // Prepositions that change with the next word: "с Ольгой" → "со свидетельницей", "об Иване" → "о свидетеле".
    const m = /(?<![\p{L}])(с|со|о|об|обо)(\s+)$/iu.exec(before);
    if (m) {
      const written = m[1]!;
      const lower = written.toLowerCase();
      const wanted =
        lower === 'с' || lower === 'со'
          ? /^[сзшж][^аеёиоуыэюя]/iu.test(text)
            ? 'со'
            : 'с'
          : /^[аеиоуэ]/iu.test(text)
            ? 'об'
            : 'о';
      if (wanted !== lower)
        return { text: `${keepCase(written, wanted)}${m[2]}${text}`, consumeBefore: m[0].length };
    }
  }
  if (language === 'fr') {
    const elided = /(?<![\p{L}])(d|qu|lorsqu|puisqu|jusqu|j|m|t|s|n|c)['’]$/iu.exec(before);
    const plain = /(?<![\p{L}])(de|à)\s+$/iu.exec(before);
    if (text.startsWith('le ') && (plain || elided?.[1]!.toLowerCase() === 'd')) {
      const m = (plain ?? elided)!;
      const merged = m[1]!.toLowerCase().startsWith('d') ? 'du' : 'au';
      return { text: `${keepCase(m[1]!, merged)} ${text.slice(3)}`, consumeBefore: m[0].length };
    }
    // "qu'Olga" → "que la victime": the elided e comes back before a consonant.
    if (elided && !/^[aeiouyéèêàâîôûh]/iu.test(text))
      return { text: `e ${text}`, consumeBefore: 1 };
  }
  return { text, consumeBefore: 0 };
}
