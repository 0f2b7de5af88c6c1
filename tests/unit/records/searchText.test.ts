import { describe, expect, it } from 'vitest';
import {
  buildSnippet,
  foldSearchText,
  hasCjk,
  leadSnippet,
  matchKey,
  parseSearchQuery,
  toFtsMatch,
} from '../../../shared/domain/searchText';

const render = (s: ReturnType<typeof buildSnippet>) =>
  s
    ? `${s.truncatedStart ? '…' : ''}${s.segments.map((x) => (x.match ? `[${x.text}]` : x.text)).join('')}${s.truncatedEnd ? '…' : ''}`
    : null;

describe('search text', () => {
  it('folds Arabic diacritics and letter variants, and ё, and leaves everything else alone', () => {
    expect(foldSearchText('مُحَمَّد')).toBe('محمد');
    expect(foldSearchText('أحمد إبراهيم آمنة ٱلقاهرة')).toBe(
      'احمد ابراهيم امنة القاهره'.replace('امنة', 'امنه'),
    );
    expect(foldSearchText('مصطفى کریمی')).toBe('مصطفي كريمي');
    expect(foldSearchText('ـــقتـــل')).toBe('قتل');
    expect(foldSearchText('Фёдор Ёлкин')).toBe('Федор Елкин');
    const latin = 'José Müller';
    expect(foldSearchText(latin)).toBe(latin);
  });

  it('compares words without case, accents or folds when highlighting', () => {
    expect(matchKey('JOSÉ')).toBe('jose');
    expect(matchKey('Фёдор')).toBe('федор');
    expect(matchKey('أَحْمَد')).toBe('احمد');
  });

  it('reads queries as plain words, phrases and prefixes: nothing else is syntax', () => {
    expect(parseSearchQuery('torture  lawyer')).toEqual([
      { text: 'torture', prefix: false, phrase: false },
      { text: 'lawyer', prefix: false, phrase: false },
    ]);
    expect(parseSearchQuery('"national security" court*')).toEqual([
      { text: 'national security', prefix: false, phrase: true },
      { text: 'court', prefix: true, phrase: false },
    ]);
    expect(parseSearchQuery('"unbalanced phrase')).toEqual([
      { text: 'unbalanced phrase', prefix: false, phrase: true },
    ]);
    expect(parseSearchQuery('AND OR NOT')).toHaveLength(3);
    expect(parseSearchQuery('* " ( ) -')).toEqual([]);
    expect(parseSearchQuery('مُحَمَّد')).toEqual([{ text: 'محمد', prefix: false, phrase: false }]);
    expect(parseSearchQuery('a '.repeat(100))).toHaveLength(32);
  });

  it('quotes every term for FTS5, doubling quotes inside', () => {
    expect(toFtsMatch(parseSearchQuery('AND title:x a"b court*'))).toBe(
      '"AND" AND "title:x" AND "a b" AND "court" *',
    );
    expect(toFtsMatch([])).toBeNull();
  });

  it('cuts a passage around the best match, as segments', () => {
    const text = `${'filler '.repeat(40)}They took my brother to the National Security building. ${'more '.repeat(40)}`;
    const snippet = buildSnippet(text, parseSearchQuery('national security'));
    expect(snippet?.matches).toBe(2);
    expect(render(snippet)).toBe(
      `…my brother to the [National] [Security] building. ${'more '.repeat(17).trim()}…`,
    );
    expect(snippet?.segments.filter((s) => s.match).map((s) => s.text)).toEqual([
      'National',
      'Security',
    ]);
    // Prefers the window with more distinct words.
    const two = buildSnippet(
      `court ${'x '.repeat(60)} court lawyer`,
      parseSearchQuery('court lawyer'),
    );
    expect(render(two)).toMatch(/\[court\] \[lawyer\]$/);
    expect(buildSnippet('nothing here', parseSearchQuery('absent'))).toBeNull();
    // Original text is kept (diacritics, case) while matching folds.
    expect(render(buildSnippet('قال مُحَمَّد إنهم جاؤوا', parseSearchQuery('محمد')))).toBe(
      'قال [مُحَمَّد] إنهم جاؤوا',
    );
    expect(render(buildSnippet('JOSÉ and Фёдор', parseSearchQuery('jose федор')))).toBe(
      '[JOSÉ] and [Фёдор]',
    );
    expect(render(buildSnippet('courthouse and court', parseSearchQuery('court*')))).toBe(
      '[courthouse] and [court]',
    );
    expect(leadSnippet('one two three', 2)).toEqual({
      segments: [{ text: 'one two', match: false }],
      truncatedStart: false,
      truncatedEnd: true,
      matches: 0,
    });
  });
});

describe('hasCjk', () => {
  it('agrees with the script properties on every code point, alone and inside text', () => {
    const scripts = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}]/u;
    let found = 0;
    for (let code = 0; code <= 0x10ffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      const expected = scripts.test(char);
      if (expected) found += 1;
      if (hasCjk(char) !== expected || hasCjk(`témoin ${char} شاهد`) !== expected)
        expect({ code: code.toString(16), hasCjk: hasCjk(char) }).toEqual({
          code: code.toString(16),
          hasCjk: expected,
        });
    }
    // Han alone has over 90,000 characters: the loop saw the scripts.
    expect(found).toBeGreaterThan(90_000);
    expect(hasCjk('ˊ')).toBe(false);
    expect(hasCjk('˪')).toBe(true);
    expect(hasCjk('Задержан — “сказал” ё')).toBe(false);
  });
});
