import type { DossierLanguage } from '../../../../shared/dossier';
import type { PartialDate } from '../../../../shared/domain';
import type { VocabularySet, VocabularyName } from '../../../../shared/vocabularies';
import { fill, type Words } from './words';

/** Formats facts for a dossier in its language: dates, countries, vocabulary terms, answers. */
export class Formatter {
  private readonly regions: Intl.DisplayNames;
  /** International English writes "23 November 2026", as the UN does. */
  private readonly locale: string;

  constructor(
    readonly language: DossierLanguage,
    readonly words: Words,
    private readonly vocabulary: VocabularySet,
  ) {
    this.locale = language === 'en' ? 'en-GB' : language;
    this.regions = new Intl.DisplayNames([this.locale], { type: 'region' });
  }

  term(name: VocabularyName, id: string | null | undefined): string {
    return id ? this.vocabulary.label(name, id, this.language) : '';
  }

  terms(name: VocabularyName, ids: readonly string[]): string {
    return ids.map((id) => this.term(name, id)).join(', ');
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
    return codes.map((c) => this.country(c)).join(', ');
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
    const text = new Intl.DateTimeFormat(this.locale, options).format(at);
    switch (date.qualifier) {
      case 'approximate':
        return fill(this.words.approximately, { date: text });
      case 'before':
        return fill(this.words.before, { date: text });
      case 'after':
        return fill(this.words.after, { date: text });
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
    return [location.place, location.region, this.country(location.country)]
      .filter(Boolean)
      .join(', ');
  }
}
