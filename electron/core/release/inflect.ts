/**
 * Case forms of names written in Cyrillic, for Russian and Ukrainian text: a
 * name recorded as "Ольга Кузнецова" is written "Ольгу Кузнецову",
 * "Ользі", "Кузнецовой" in a sentence. The forms are generated from the
 * ending of the recorded (nominative) form, by the declension patterns of
 * given names and surnames, masculine and feminine, in both languages.
 *
 * This over-generates on purpose (a form of the wrong gender or language is
 * harmless: it does not occur as an ordinary word by chance, and if it does,
 * the common-word check marks it for review). It does not know irregular
 * names beyond a short list, diminutives (Оля, Ваня: record them as aliases),
 * or plural forms other than the family's ("Кузнецовы").
 */

export type GrammaticalCase = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'loc' | 'voc';

export interface WordForm {
  form: string;
  /** The cases this form may be, most likely first. */
  cases: GrammaticalCase[];
}

/** Names whose stem changes (fleeting or alternating vowels). */
const IRREGULAR_STEMS: Readonly<Record<string, string>> = {
  павел: 'павл',
  лев: 'льв',
  пётр: 'петр',
  петр: 'петр',
  любовь: 'любв',
  лёв: 'льв',
};

const SIBILANT_OR_VELAR = /[гкхжшщч]$/u;
const SIBILANT = /[жшщчц]$/u;
/** Ukrainian consonant alternation before the dative/locative -і: Ольга → Ользі. */
const UK_ALTERNATION: Readonly<Record<string, string>> = { г: 'з', к: 'ц', х: 'с' };

/**
 * Every form of one word of a name (lower case, as recorded), the recorded
 * form first. Words that are not Cyrillic come back unchanged.
 */
export function cyrillicForms(word: string): WordForm[] {
  const w = word.toLowerCase().normalize('NFC');
  const forms = new Map<string, GrammaticalCase[]>();
  const add = (form: string, ...cases: GrammaticalCase[]) => {
    if (form.length < 2) return;
    const known = forms.get(form) ?? [];
    for (const c of cases) if (!known.includes(c)) known.push(c);
    forms.set(form, known);
  };
  add(w, 'nom');
  if (!/^[\p{Script=Cyrillic}'-]+$/u.test(w) || w.length < 2) return toList(forms);

  const irregular = IRREGULAR_STEMS[w];
  const stem1 = w.slice(0, -1);
  const stem2 = w.slice(0, -2);

  if (/(ий|ый|ой)$/u.test(w)) {
    // Adjectival surnames (Достоевский, Толстой, Зеленський) and given names in -ий (Юрий, Дмитрий).
    add(`${stem2}ого`, 'gen', 'acc');
    add(`${stem2}ому`, 'dat', 'loc');
    add(`${stem2}ым`, 'ins');
    add(`${stem2}им`, 'ins');
    add(`${stem2}ом`, 'loc');
    add(`${stem2}ім`, 'loc');
    if (w.endsWith('ий')) {
      add(`${stem1}я`, 'gen', 'acc');
      add(`${stem1}ю`, 'dat');
      add(`${stem1}ем`, 'ins');
      add(`${stem1}и`, 'loc');
    }
  } else if (/ій$/u.test(w)) {
    // Ukrainian given names in -ій: Андрій, Олексій, Юрій.
    add(`${stem1}я`, 'gen', 'acc');
    add(`${stem1}єві`, 'dat', 'loc');
    add(`${stem1}ю`, 'dat', 'loc', 'voc');
    add(`${stem1}єм`, 'ins');
    add(`${stem1}ї`, 'loc');
  } else if (/й$/u.test(w)) {
    // Андрей, Сергей, Николай; Ukrainian Миколай.
    add(`${stem1}я`, 'gen', 'acc');
    add(`${stem1}ю`, 'dat', 'voc');
    add(`${stem1}ем`, 'ins');
    add(`${stem1}єм`, 'ins');
    add(`${stem1}е`, 'loc');
    add(`${stem1}еві`, 'dat', 'loc');
    add(`${stem1}єві`, 'dat', 'loc');
  } else if (/(ая|яя)$/u.test(w)) {
    // Feminine adjectival surnames: Толстая, Достоевская.
    add(`${stem2}ой`, 'gen', 'dat', 'ins', 'loc');
    add(`${stem2}ей`, 'gen', 'dat', 'ins', 'loc');
    add(`${stem2}ую`, 'acc');
    add(`${stem2}юю`, 'acc');
    add(`${stem2}ою`, 'ins');
  } else if (/[сц]ька$/u.test(w)) {
    // Ukrainian feminine adjectival surnames: Зеленська, Потоцька.
    add(`${stem1}ої`, 'gen');
    add(`${stem1}ій`, 'dat', 'loc');
    add(`${stem1}у`, 'acc');
    add(`${stem1}ою`, 'ins');
  } else if (/а$/u.test(w)) {
    // Given names and nouns in -а (Ольга, Олена, Никита) and feminine surnames (Кузнецова, Петрова, Ильина).
    add(`${stem1}ы`, 'gen');
    add(`${stem1}и`, 'gen');
    add(`${stem1}е`, 'dat', 'loc');
    add(`${stem1}у`, 'acc');
    add(`${stem1}ой`, 'ins');
    add(`${stem1}ою`, 'ins');
    if (SIBILANT.test(stem1)) {
      add(`${stem1}ей`, 'ins');
      add(`${stem1}ею`, 'ins');
    }
    add(`${stem1}о`, 'voc');
    // Ukrainian dative and locative, with the alternation of г, к, х.
    const last = stem1.slice(-1);
    add(`${stem1}і`, 'dat', 'loc');
    if (UK_ALTERNATION[last]) add(`${stem1.slice(0, -1)}${UK_ALTERNATION[last]}і`, 'dat', 'loc');
    if (/(ов|ев|ёв|ин|ын|ів)а$/u.test(w)) {
      // Possessive feminine surnames decline like adjectives in the oblique cases.
      add(`${stem1}ой`, 'gen', 'dat', 'ins', 'loc');
      add(`${stem1}ої`, 'gen');
      add(`${stem1}ій`, 'dat', 'loc');
      // The family: Кузнецовы, Кузнецовых.
      add(`${stem1}ы`, 'nom');
      add(`${stem1}ых`, 'gen');
    }
    if (SIBILANT_OR_VELAR.test(stem1)) add(`${stem1}и`, 'gen');
  } else if (/я$/u.test(w)) {
    // Мария, Наталья, Таня, Илья; Ukrainian Марія, Надія.
    const ia = /[иі]я$/u.test(w);
    add(`${stem1}и`, 'gen', 'dat', 'loc');
    add(`${stem1}е`, 'dat', 'loc');
    add(`${stem1}ю`, 'acc');
    add(`${stem1}ей`, 'ins');
    add(`${stem1}ею`, 'ins');
    add(`${stem1}і`, 'gen', 'dat', 'loc');
    if (ia) {
      add(`${stem1}ї`, 'gen', 'dat', 'loc');
      add(`${stem1}єю`, 'ins');
      add(`${stem1}є`, 'voc');
    }
  } else if (/ь$/u.test(w)) {
    // Masculine (Игорь, Василь) and feminine (Любовь) soft stems.
    const stem = irregular ?? stem1;
    add(`${stem1}я`, 'gen', 'acc');
    add(`${stem1}ю`, 'dat', 'voc');
    add(`${stem1}ем`, 'ins');
    add(`${stem1}е`, 'loc');
    add(`${stem1}еві`, 'dat', 'loc');
    add(`${stem1}і`, 'loc');
    add(`${stem}и`, 'gen', 'dat', 'loc');
    add(`${stem1}ью`, 'ins');
  } else if (/о$/u.test(w)) {
    // Russian: invariant (Шевченко, Дурново). Ukrainian: Петро, Павло, and masculine -ко surnames decline.
    add(`${stem1}а`, 'gen', 'acc');
    add(`${stem1}ові`, 'dat', 'loc');
    add(`${stem1}у`, 'dat', 'loc', 'voc');
    add(`${stem1}ом`, 'ins');
    add(`${stem1}е`, 'voc');
  } else if (/[бвгджзклмнпрстфхцчшщ]$/u.test(w)) {
    // Masculine consonant stems: given names (Иван, Тарас, Халед) and surnames in -ов, -ин, -ук, -ич.
    const stem = irregular ?? w;
    add(`${stem}а`, 'gen', 'acc');
    add(`${stem}у`, 'dat', 'loc');
    add(`${stem}ом`, 'ins');
    add(`${stem}ем`, 'ins');
    add(`${stem}е`, 'loc', 'voc');
    add(`${stem}ові`, 'dat', 'loc');
    add(`${stem}еві`, 'dat', 'loc');
    add(`${stem}і`, 'loc');
    if (SIBILANT.test(w)) add(`${stem}у`, 'voc');
    if (/(ов|ев|ёв|ин|ын|ів)$/u.test(w)) {
      add(`${w}ым`, 'ins');
      add(`${w}им`, 'ins');
      add(`${w}ы`, 'nom');
      add(`${w}ых`, 'gen');
    }
    if (irregular) {
      // The regular forms may exist too (Пётр → Петра keeps its stem in writing without ё).
      add(`${w}а`, 'gen', 'acc');
    }
  }
  return toList(forms);
}

function toList(forms: Map<string, GrammaticalCase[]>): WordForm[] {
  return [...forms].map(([form, cases]) => ({ form, cases }));
}
