import { describe, expect, it } from 'vitest';
import {
  boundedList,
  languageTag,
  lineText,
  longText,
  recordId,
  statementText,
  termId,
  textProblem,
  TEXT_LIMITS,
  utf8ByteLength,
} from '../../../shared/domain/text';
import { describeIssues, issueText, pathToString } from '../../../shared/domain/issues';

describe('text limits and checks', () => {
  it('count UTF-8 bytes like Node does, surrogate pairs included', () => {
    for (const s of ['', 'abc', 'é', 'Ёлка', 'مُحَمَّد', '😀 emoji', 'a\ud800b'])
      expect(utf8ByteLength(s), s).toBe(Buffer.byteLength(s));
  });

  it('refuse oversized text with a precise message, without scanning a 50 MB string', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    expect(textProblem(huge, TEXT_LIMITS.statement, true)).toBe(
      'is too long: at least 50 MiB, and at most 1 MiB is allowed',
    );
    expect(textProblem('é'.repeat(1500), TEXT_LIMITS.line, false)).toBe(
      'is too long: 2.9 KiB, and at most 2 KiB is allowed',
    );
    expect(textProblem('é'.repeat(1024), TEXT_LIMITS.line, false)).toBeNull();
    expect(statementText.safeParse('a'.repeat(TEXT_LIMITS.statement)).success).toBe(true);
    expect(statementText.safeParse('a'.repeat(TEXT_LIMITS.statement + 1)).success).toBe(false);
  });

  it('refuse control characters and lone surrogates, keep tabs and newlines in multi-line text', () => {
    expect(textProblem('tab\tand\nnewline\r\n', 100, true)).toBeNull();
    expect(textProblem('nul\u0000', 100, true)).toBe('contains a control character');
    expect(textProblem('two\nlines', 100, false)).toBe(
      'must be one line without control characters',
    );
    expect(textProblem('bad \ud800 surrogate', 100, true)).toBe(
      'contains an invalid character (a lone UTF-16 surrogate)',
    );
    expect(textProblem('fine 😀', 100, true)).toBeNull();
  });

  it('normalise: NFC, trimmed lines, \\n line endings', () => {
    expect(lineText.parse('  Jose\u0301  ')).toBe('José');
    expect(longText.parse('a\r\nb\rc')).toBe('a\nb\nc');
    expect(boundedList(termId).parse(['a', 'b', 'a'])).toEqual(['a', 'b']);
    expect(boundedList(termId, 2).safeParse(['a', 'b', 'c']).success).toBe(false);
  });

  it('validate ids, terms and language tags', () => {
    expect(recordId.parse('0B7C2F1E-1111-4111-8111-111111111111')).toBe(
      '0b7c2f1e-1111-4111-8111-111111111111',
    );
    expect(recordId.safeParse('42').success).toBe(false);
    expect(termId.safeParse('arbitrary-detention').success).toBe(true);
    for (const bad of ['Arbitrary', 'a_b', '-a', 'a--b', ''])
      expect(termId.safeParse(bad).success, bad).toBe(false);
    for (const good of ['ar', 'en', 'es-419', 'fr-CA', 'zh-Hant', 'sr-Latn-RS'])
      expect(languageTag.safeParse(good).success, good).toBe(true);
    for (const bad of ['arabic', 'e', 'en_US'])
      expect(languageTag.safeParse(bad).success, bad).toBe(false);
  });

  it('word issues as plain sentences with their paths', () => {
    expect(pathToString(['events', 3, 'start'])).toBe('events[3].start');
    expect(pathToString([])).toBe('');
    expect(issueText({ path: 'title', message: 'must not be empty' })).toBe(
      'title must not be empty',
    );
    expect(issueText({ path: 'start', message: '2024-02-30 is not a date' })).toBe(
      'start: 2024-02-30 is not a date',
    );
    expect(issueText({ path: 'end', message: '(2024) is before the start (2025)' })).toBe(
      'end (2024) is before the start (2025)',
    );
    const many = Array.from({ length: 7 }, (_, i) => ({ path: `f${i}`, message: 'is required' }));
    expect(describeIssues(many)).toBe(
      'f0 is required; f1 is required; f2 is required; f3 is required; f4 is required; and 2 more problems',
    );
  });
});
