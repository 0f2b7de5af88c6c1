/**
 * Arabic attaches some words to the next one: و (and), ف (then), ب (with),
 * ل (for), ك (like), the article ال, and their combinations (وال، بال، لل،
 * وب، ول…). A name is therefore often written inside a longer written word:
 * "ولأحمد", "بالحسيني". These are the written forms of a name part (already
 * folded: hamza seats, tā' marbūṭa and alif maqṣūra are one letter each),
 * each with the prefix it carries, so that the prefix is kept and only the
 * name is replaced.
 */

export interface ArabicForm {
  form: string;
  /** The letters written before the name ('' for the name alone). */
  prefix: string;
  /** Whether the prefix adds the article ال that the name does not have ("الأمل" for أمل). */
  addsArticle: boolean;
}

/** Conjunctions and prepositions written attached, alone and combined (folded). */
const PREFIXES = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'] as const;
const ARTICLE = 'ال';

/** Whether a folded word is written in Arabic letters. */
export const isArabicWord = (word: string): boolean => /^[\p{Script=Arabic}]+$/u.test(word);

/**
 * The attached forms of one folded Arabic name word. Words of fewer than three
 * letters get no prefixed forms: "و" + a two-letter name is too often another
 * word.
 */
export function arabicForms(word: string): ArabicForm[] {
  const forms: ArabicForm[] = [{ form: word, prefix: '', addsArticle: false }];
  if (!isArabicWord(word)) return forms;
  const hasArticle = word.startsWith(ARTICLE) && word.length > 3;
  const core = hasArticle ? word.slice(ARTICLE.length) : word;
  if (core.length < 3) return forms;
  for (const prefix of PREFIXES) {
    // ل before the article drops its alif: ل + الحسيني = للحسيني.
    if (hasArticle && prefix.endsWith('ل'))
      forms.push({ form: `${prefix}${word.slice(1)}`, prefix, addsArticle: false });
    else forms.push({ form: `${prefix}${word}`, prefix, addsArticle: false });
  }
  if (!hasArticle) {
    forms.push({ form: `${ARTICLE}${word}`, prefix: ARTICLE, addsArticle: true });
    for (const prefix of PREFIXES) {
      if (prefix.endsWith('ل'))
        forms.push({ form: `${prefix}ل${word}`, prefix: `${prefix}${ARTICLE}`, addsArticle: true });
      else
        forms.push({
          form: `${prefix}${ARTICLE}${word}`,
          prefix: `${prefix}${ARTICLE}`,
          addsArticle: true,
        });
    }
  }
  return forms;
}

/**
 * Writes `prefix` before a replacement: "ل" + "الشاهد" = "للشاهد"; an added
 * article is dropped (the replacement brings its own words).
 */
export function attachPrefix(prefix: string, replacement: string): string {
  const plain = prefix.endsWith(ARTICLE) ? prefix.slice(0, -ARTICLE.length) : prefix;
  if (!plain) return replacement;
  if (plain.endsWith('ل') && replacement.startsWith(ARTICLE))
    return `${plain}${replacement.slice(1)}`;
  return `${plain}${replacement}`;
}
