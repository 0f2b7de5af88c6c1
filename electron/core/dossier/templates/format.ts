import type { DossierLanguage } from '../../../../shared/dossier';
import type { PartialDate } from '../../../../shared/domain';
import type { VocabularySet, VocabularyName } from '../../../../shared/vocabularies';
import { fill } from '../../../../shared/i18n/fill';
import type { Words } from './words';

/** Whether a text field holds something (not empty, not only spaces): what every template asks of a value. */
export const present = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
const LTR_LETTER =
  /(?![\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}])\p{L}/u;

/**
 * A name or phrase set inside text of the other direction ("(م. ا. ب. س.)" in
 * English, "Li Yingjun" in Arabic) between Unicode isolates (FSI … PDI), so
 * the bidirectional algorithm lays it out as one unit: its own punctuation
 * stays with it and the surrounding brackets stay around it. Text with no
 * letter of the other direction is returned as it is.
 */
export function isolate(text: string, direction: 'ltr' | 'rtl'): string {
  const foreign = direction === 'ltr' ? RTL_LETTER : LTR_LETTER;
  return foreign.test(text) ? `\u2068${text}\u2069` : text;
}

const RU_GENITIVE: Record<string, string> = {
  январь: 'января',
  февраль: 'февраля',
  март: 'марта',
  апрель: 'апреля',
  май: 'мая',
  июнь: 'июня',
  июль: 'июля',
  август: 'августа',
  сентябрь: 'сентября',
  октябрь: 'октября',
  ноябрь: 'ноября',
  декабрь: 'декабря',
};

/**
 * The direction a paragraph of free text reads in: the direction most of its
 * letters are written in. An English sentence that opens with an Arabic
 * name stays left to right (the first strong character alone would turn it
 * round); text without letters keeps `fallback`.
 */
export function paragraphDirection(text: string, fallback: 'ltr' | 'rtl'): 'ltr' | 'rtl' {
  let rtl = 0;
  let ltr = 0;
  for (const char of text) {
    if (RTL_LETTER.test(char)) rtl += 1;
    else if (LTR_LETTER.test(char)) ltr += 1;
  }
  return rtl === ltr ? fallback : rtl > ltr ? 'rtl' : 'ltr';
}

/** Formats facts for a dossier in its language: dates, countries, vocabulary terms, answers. */
export class Formatter {
  private readonly regions: Intl.DisplayNames;
  private readonly languages: Intl.DisplayNames;
  /** International English writes "23 November 2026", as the UN does. */
  private readonly locale: string;

  constructor(
    readonly language: DossierLanguage,
    readonly words: Words,
    private readonly vocabulary: VocabularySet,
  ) {
    this.locale = language === 'en' ? 'en-GB' : language;
    this.regions = new Intl.DisplayNames([this.locale], { type: 'region' });
    this.languages = new Intl.DisplayNames([this.locale], { type: 'language' });
  }

  /** The dossier's writing direction. */
  get direction(): 'ltr' | 'rtl' {
    return this.language === 'ar' ? 'rtl' : 'ltr';
  }

  /** `text` isolated when it is written the other way round from the dossier (see `isolate`). */
  iso(text: string): string {
    return text ? isolate(text, this.direction) : text;
  }

  /**
   * Numbers that must read left to right whatever the dossier's direction (a
   * telephone number, a document number): in an Arabic dossier the groups of
   * "+41 22 917 90 00" would otherwise be laid out from right to left.
   */
  ltr(text: string): string {
    return this.direction === 'rtl' && /\d/u.test(text) ? `\u2066${text}\u2069` : text;
  }

  /** The direction of a paragraph of free text in this dossier (see `paragraphDirection`). */
  textDirection(text: string): 'ltr' | 'rtl' {
    return paragraphDirection(text, this.direction);
  }

  /** The list separators of the dossier's language (Arabic has its own comma and semicolon). */
  get comma(): string {
    return this.language === 'ar' ? '، ' : ', ';
  }

  /** ": " (French puts a narrow no-break space before it). */
  get colon(): string {
    return this.language === 'fr' ? '\u202f: ' : ': ';
  }

  get semicolon(): string {
    return this.language === 'ar' ? '؛ ' : '; ';
  }

  term(name: VocabularyName, id: string | null | undefined): string {
    return id ? this.vocabulary.label(name, id, this.language) : '';
  }

  terms(name: VocabularyName, ids: readonly string[]): string {
    return ids.map((id) => this.term(name, id)).join(this.comma);
  }

  country(code: string | null | undefined): string {
    if (!code) return '';
    try {
      return this.regions.of(code) ?? code;
    } catch {
      return code;
    }
  }

  countries(codes: readonly string[]): string {
    return codes.map((c) => this.country(c)).join(this.comma);
  }

  answer(value: 'yes' | 'no' | 'unknown' | null | undefined): string {
    if (value === 'yes') return this.words.yes;
    if (value === 'no') return this.words.no;
    return '';
  }

  /** "March 2024", "approximately 5 March 2024", "before 2023"; empty when unknown. */
  date(date: PartialDate | null | undefined): string {
    if (!date || date.value === null || date.qualifier === 'unknown') return '';
    const [year, month, day] = date.value.split('-').map(Number) as [number, number?, number?];
    const at = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
    const options: Intl.DateTimeFormatOptions =
      day !== undefined
        ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
        : month !== undefined
          ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
          : { year: 'numeric', timeZone: 'UTC' };
    let text = new Intl.DateTimeFormat(this.locale, options).format(at);
    if (date.qualifier === 'exact') return text;
    // After "до" and "после" a Russian month is in the genitive ("до марта 2024 г.").
    if (
      this.language === 'ru' &&
      day === undefined &&
      month !== undefined &&
      (date.qualifier === 'before' || date.qualifier === 'after')
    )
      text = text.replace(/^\p{L}+/u, (name) => RU_GENITIVE[name.toLowerCase()] ?? name);
    // French says "avant le 15 mars" but "avant mars 2024".
    const coarse = this.language === 'fr' && day === undefined;
    switch (date.qualifier) {
      case 'approximate':
        return fill(this.words.approximately, { date: text });
      case 'before':
        return coarse ? `avant ${text}` : fill(this.words.before, { date: text });
      case 'after':
        return coarse ? `après ${text}` : fill(this.words.after, { date: text });
      default:
        return text;
    }
  }

  span(start: PartialDate | null, end: PartialDate | null, ongoing: boolean): string {
    const from = this.date(start) || this.words.dateUnknown;
    if (ongoing) return `${from} – ${this.words.ongoing}`;
    const to = this.date(end);
    return to ? `${from} – ${to}` : from;
  }

  day(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(iso));
  }

  place(
    location: { country: string | null; region: string; place: string } | null | undefined,
  ): string {
    if (!location) return '';
    return [this.iso(location.place), this.iso(location.region), this.country(location.country)]
      .filter(Boolean)
      .join(this.comma);
  }

  /** A language tag's name in the dossier's language ("ru" → "Russian", "russe", "الروسية"). */
  languageName(tag: string | null | undefined): string {
    if (!tag) return '';
    try {
      return this.languages.of(tag) ?? tag;
    } catch {
      return tag;
    }
  }

  /**
   * A length of time in words ("1 year and 3 months", "1 an et 3 mois",
   * "سنة واحدة و3 أشهر"), with `approximately` ("about {duration}") around it
   * when the dates are not exact.
   */
  duration(
    span: { years: number; months: number; days: number; approximate: boolean },
    approximately: string,
  ): string {
    const unit = (value: number, name: 'year' | 'month' | 'day') =>
      new Intl.NumberFormat(this.locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(
        value,
      );
    const parts = [
      span.years > 0 ? unit(span.years, 'year') : '',
      span.months > 0 ? unit(span.months, 'month') : '',
      span.days > 0 ? unit(span.days, 'day') : '',
    ].filter(Boolean);
    if (parts.length === 0) parts.push(unit(0, 'day'));
    const text = new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(parts);
    return span.approximate ? fill(approximately, { duration: text }) : text;
  }
}
