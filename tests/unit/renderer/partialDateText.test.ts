import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dateDraftOf,
  parseDateText,
  readDateDraft,
  readDay,
  typedDateDraft,
  type DateDraft,
  type QualifierWordLists,
} from '../../../renderer/src/logic/partialDateText';

const LANGUAGES = ['en', 'es', 'fr', 'ar', 'ru'] as const;
/** What each locale file says about dates: its examples and its qualifier words. */
function localeDates(language: string) {
  const file = resolve(import.meta.dirname, '../../../shared/i18n/locales', language, 'ui.json');
  const dates = (
    JSON.parse(readFileSync(file, 'utf8')) as {
      dates: { input: Record<string, string>; words: Record<string, string> };
    }
  ).dates;
  const words = Object.fromEntries(
    Object.entries(dates.words).map(([q, list]) => [q, list.split('|').map((w) => w.trim())]),
  ) as unknown as QualifierWordLists;
  return { input: dates.input, words };
}
/** The examples a hint shows: after its lead-in ("e.g.", "مثال:"), between commas, "or" and quotes. */
function examples(text: string): string[] {
  const quoted = [...text.matchAll(/[“«]\s*([^”»]+?)\s*[”»]/g)].map((m) => m[1]!);
  if (quoted.length > 0) return quoted;
  return text
    .replace(/^[^\d\p{L}]*(e\.g\.|p\. ?ej\.|p\. ?ex\.|مثال:|например:)/u, '')
    .split(/[,،]|\s(?:or|o|ou|أو|или)\s/u)
    .map((part) => part.trim())
    .filter(Boolean);
}

const ok = (
  text: string,
  locales: string[] = ['en'],
  words?: Parameters<typeof parseDateText>[2],
) => {
  const result = parseDateText(text, locales, words);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result;
};

describe('partial dates as people type them', () => {
  it('reads ISO forms, month names, day-month-year and qualifiers in English', () => {
    expect(ok('2024').date).toEqual({ value: '2024', qualifier: 'exact' });
    expect(ok('2024-03').date).toEqual({ value: '2024-03', qualifier: 'exact' });
    expect(ok('March 2024').date).toEqual({ value: '2024-03', qualifier: 'exact' });
    expect(ok('mar 2024').date.value).toBe('2024-03');
    expect(ok('15 March 2024').date.value).toBe('2024-03-15');
    expect(ok('March 15th, 2024').date.value).toBe('2024-03-15');
    expect(ok('03/2024').date.value).toBe('2024-03');
    expect(ok('March 2024, approximate')).toMatchObject({
      date: { value: '2024-03', qualifier: 'approximate' },
      qualifierInText: 'approximate',
    });
    expect(ok('about March 2024').date.qualifier).toBe('approximate');
    expect(ok('~2024-03').date.qualifier).toBe('approximate');
    expect(ok('2024-03~').date.qualifier).toBe('approximate');
    expect(ok('before June 2024').date).toEqual({ value: '2024-06', qualifier: 'before' });
    expect(ok('after 2023').date).toEqual({ value: '2023', qualifier: 'after' });
    expect(ok('unknown').date).toEqual({ value: null, qualifier: 'unknown' });
  });

  it('follows the locale for numeric day and month order', () => {
    expect(ok('03/04/2024', ['en-US']).date.value).toBe('2024-03-04');
    expect(ok('03/04/2024', ['fr']).date.value).toBe('2024-04-03');
    expect(ok('15.03.2024', ['ru']).date.value).toBe('2024-03-15');
  });

  it('reads month names and qualifiers in Spanish, French, Russian and Arabic (with Arabic-Indic digits)', () => {
    expect(ok('marzo de 2024', ['es']).date.value).toBe('2024-03');
    expect(ok('15 de marzo de 2024', ['es']).date.value).toBe('2024-03-15');
    expect(ok('hacia marzo de 2024', ['es'], { approximate: ['hacia'] }).date.qualifier).toBe(
      'approximate',
    );
    expect(ok('février 2024', ['fr']).date.value).toBe('2024-02');
    expect(ok('fevrier 2024', ['fr']).date.value).toBe('2024-02');
    expect(ok('1er mars 2024', ['fr']).date.value).toBe('2024-03-01');
    expect(ok('март 2024', ['ru']).date.value).toBe('2024-03');
    expect(ok('15 марта 2024 г.', ['ru']).date.value).toBe('2024-03-15');
    expect(ok('около марта 2024', ['ru'], { approximate: ['около'] }).date.qualifier).toBe(
      'approximate',
    );
    expect(ok('مارس 2024', ['ar']).date.value).toBe('2024-03');
    expect(ok('مارس ٢٠٢٤', ['ar']).date.value).toBe('2024-03');
    expect(ok('١٥ مارس ٢٠٢٤', ['ar']).date.value).toBe('2024-03-15');
    expect(ok('ابريل 2024', ['ar']).date.value).toBe('2024-04');
    expect(ok('حوالي مارس 2024', ['ar'], { approximate: ['حوالي'] }).date.qualifier).toBe(
      'approximate',
    );
    expect(ok('قبل 2024', ['ar'], { before: ['قبل'] }).date).toEqual({
      value: '2024',
      qualifier: 'before',
    });
  });

  it('refuses what is not a date, and days that do not exist', () => {
    expect(parseDateText('', ['en'])).toEqual({ ok: false, reason: 'empty' });
    expect(parseDateText('soon', ['en'])).toMatchObject({ ok: false, reason: 'unrecognised' });
    expect(parseDateText('March', ['en'])).toMatchObject({ ok: false, reason: 'unrecognised' });
    expect(parseDateText('March 2024 Tuesday', ['en'])).toMatchObject({
      ok: false,
      reason: 'unrecognised',
    });
    expect(parseDateText('31 February 2024', ['en'])).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(parseDateText('2023-02-29', ['en'])).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('reads back what it shows: a stored date, formatted in each language, parses to itself', () => {
    for (const locale of ['en', 'es', 'fr', 'ar', 'ru']) {
      for (const value of ['2024', '2024-03', '2024-03-15', '1999-12-01']) {
        const draft = dateDraftOf({ value, qualifier: 'approximate' }, locale);
        expect(readDateDraft(draft, [locale], undefined, true), `${locale} ${draft.text}`).toEqual({
          ok: true,
          date: { value, qualifier: 'approximate' },
        });
      }
    }
  });

  it('lets a qualifier typed in the text win over the menu, and treats an empty optional date as none', () => {
    expect(
      readDateDraft({ text: 'before 2020', qualifier: 'exact' }, ['en'], undefined, false),
    ).toEqual({ ok: true, date: { value: '2020', qualifier: 'before' } });
    expect(
      readDateDraft({ text: 'March 2024', qualifier: 'approximate' }, ['en'], undefined, true),
    ).toEqual({ ok: true, date: { value: '2024-03', qualifier: 'approximate' } });
    expect(readDateDraft({ text: '', qualifier: 'exact' }, ['en'], undefined, false)).toEqual({
      ok: true,
      date: null,
    });
    expect(readDateDraft({ text: '', qualifier: 'exact' }, ['en'], undefined, true)).toEqual({
      ok: false,
      reason: 'empty',
    });
    expect(
      readDateDraft({ text: 'whatever', qualifier: 'unknown' }, ['en'], undefined, true),
    ).toEqual({ ok: true, date: { value: null, qualifier: 'unknown' } });
  });

  it('accepts, in every language, the examples its own hints show (day first, as they are written)', () => {
    for (const language of LANGUAGES) {
      const { input, words } = localeDates(language);
      const shown = [...examples(input.placeholder!), ...examples(input.unrecognised!)];
      expect(shown.length, language).toBeGreaterThanOrEqual(5);
      for (const example of shown) {
        const result = parseDateText(example, [language], words);
        expect(result.ok, `${language}: “${example}”`).toBe(true);
      }
      // The numeric example is 15 March, never month 15.
      const numeric = shown.find((e) => /^\d{2}[./]\d{2}[./]\d{4}$/.test(e))!;
      expect(ok(numeric, [language], words).date.value, language).toBe('2024-03-15');
      const days = examples(input.dayPlaceholder!);
      expect(days.length, language).toBe(2);
      for (const example of days)
        expect(readDay(example, [language], words), `${language}: “${example}”`).toEqual({
          ok: true,
          day: '2024-03-15',
        });
    }
  });

  it('reads 03/04/2024 as 3 April in every UI language, English included; en-US keeps its order', () => {
    for (const language of LANGUAGES)
      expect(ok('03/04/2024', [language]).date.value, language).toBe('2024-04-03');
    expect(ok('03/04/2024', ['en-US']).date.value).toBe('2024-03-04');
  });

  it('never carries a qualifier typed for one date over to the next', () => {
    const { words } = localeDates('ru');
    let draft: DateDraft = { text: '', qualifier: 'exact' };
    const type = (text: string, language = 'en', w?: QualifierWordLists) =>
      (draft = typedDateDraft(draft, text, [language], w));
    type('before 2020');
    expect(draft).toMatchObject({ qualifier: 'before', qualifierFromText: true });
    // Deleting the word, letter by letter or at once: the qualifier goes with it.
    type('efore 2020');
    expect(draft.qualifier).toBe('exact');
    type('2021');
    expect(readDateDraft(draft, ['en'], undefined, true)).toEqual({
      ok: true,
      date: { value: '2021', qualifier: 'exact' },
    });
    type('до 2020', 'ru', words);
    expect(draft.qualifier).toBe('before');
    type('15.03.2024', 'ru', words);
    expect(draft.qualifier).toBe('exact');
    // A choice made in the menu stays while the date is edited, and ends with the field emptied.
    draft = { text: '2024', qualifier: 'approximate', qualifierFromText: false };
    type('March 2024');
    expect(draft.qualifier).toBe('approximate');
    type('');
    expect(draft.qualifier).toBe('exact');
    type('2019');
    expect(draft.qualifier).toBe('exact');
  });

  it('reads a full day, and nothing less, for the fields that need one', () => {
    expect(readDay('', ['en'], undefined)).toEqual({ ok: true, day: null });
    expect(readDay('15/03/2024', ['fr'], undefined)).toEqual({ ok: true, day: '2024-03-15' });
    expect(readDay('2024-03-15', ['ar'], undefined)).toEqual({ ok: true, day: '2024-03-15' });
    expect(readDay('March 2024', ['en'], undefined)).toEqual({ ok: false, reason: 'not-a-day' });
    expect(readDay('about 15 March 2024', ['en'], undefined)).toEqual({
      ok: false,
      reason: 'not-a-day',
    });
    expect(readDay('31/02/2024', ['ru'], undefined)).toEqual({ ok: false, reason: 'invalid' });
    expect(readDay('tomorrow', ['en'], undefined)).toEqual({ ok: false, reason: 'unrecognised' });
  });
});
