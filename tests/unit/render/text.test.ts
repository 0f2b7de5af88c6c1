import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../../electron/core/render';
import { bold, labelsFor, missing, withheld } from '../../../electron/core/render';
import { fill } from '../../../shared/i18n/fill';
import {
  directionalRuns,
  firstStrongDirection,
  isBlank,
  plainText,
  resolveDirection,
  toSpans,
} from '../../../electron/core/render/text';

const doc = (
  language: DocumentModel['language'],
  labels?: DocumentModel['labels'],
): DocumentModel => ({
  title: '',
  language,
  blocks: [],
  ...(labels ? { labels } : {}),
});

describe('rich text to spans', () => {
  it('renders missing and withheld facts as visible markers', () => {
    const labels = labelsFor(doc('en'));
    const spans = toSpans(
      ['Basis: ', missing('legal basis'), ' / ', withheld('consent'), missing()],
      labels,
    );
    expect(plainText(spans)).toBe('Basis: [missing: legal basis] / [withheld: consent][missing]');
    expect(spans.map((s) => s.kind)).toEqual(['text', 'missing', 'text', 'withheld', 'missing']);
  });

  it('uses the document language for markers, and the caller’s labels first', () => {
    expect(plainText(toSpans(missing('дата'), labelsFor(doc('ru'))))).toBe('[нет данных: дата]');
    expect(plainText(toSpans(withheld('الموافقة'), labelsFor(doc('ar'))))).toBe(
      '[محجوب: الموافقة]',
    );
    expect(plainText(toSpans(missing('date'), labelsFor(doc('fr'))))).toBe(
      '[manquant\u00a0: date]',
    );
    const custom = labelsFor(doc('en', { missing: '<<{what} unknown>>' }));
    expect(plainText(toSpans(missing('date'), custom))).toBe('<<date unknown>>');
    expect(custom.withheld).toBe('[withheld: {what}]');
  });

  it('carries bold and italic, and bold for a whole label', () => {
    const labels = labelsFor(doc('en'));
    expect(
      toSpans([bold('a'), { text: 'b', italic: true }], labels).map((s) => [s.bold, s.italic]),
    ).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(toSpans('label', labels, true)[0]!.bold).toBe(true);
  });

  it('knows a blank value', () => {
    const labels = labelsFor(doc('en'));
    expect(isBlank(toSpans('  ', labels))).toBe(true);
    expect(isBlank(toSpans([], labels))).toBe(true);
    expect(isBlank(toSpans(missing(''), labels))).toBe(false);
  });

  it('fills label templates', () => {
    expect(fill('Page {page} of {pages}', { page: 2, pages: 9 })).toBe('Page 2 of 9');
    expect(fill('{unknown}', {})).toBe('{unknown}');
  });
});

describe('direction', () => {
  it('detects the first strong character', () => {
    expect(firstStrongDirection('عبد الله')).toBe('rtl');
    expect(firstStrongDirection('2024 — عبد الله')).toBe('rtl');
    expect(firstStrongDirection('Ольга')).toBe('ltr');
    expect(firstStrongDirection('(12) UN عبد')).toBe('ltr');
    expect(firstStrongDirection('12:30 - ')).toBeNull();
  });

  it('resolves a block direction: explicit, auto, or the document’s', () => {
    expect(resolveDirection('rtl', 'English', 'ltr')).toBe('rtl');
    expect(resolveDirection('auto', 'عبد', 'ltr')).toBe('rtl');
    expect(resolveDirection('auto', '2024', 'rtl')).toBe('rtl');
    expect(resolveDirection(undefined, 'عبد', 'ltr')).toBe('ltr');
  });

  it('cuts runs where the text changes direction', () => {
    const labels = labelsFor(doc('en'));
    const runs = directionalRuns(toSpans(['Mr ', bold('عبد الله'), ' was held'], labels), 'ltr');
    expect(runs.map((r) => [r.text, r.rtl, r.bold])).toEqual([
      ['Mr ', false, false],
      ['عبد الله', true, true],
      [' was held', false, false],
    ]);
    const arabic = directionalRuns(toSpans('تقرير Human Rights Watch اليوم', labels), 'rtl');
    expect(arabic.map((r) => [r.text, r.rtl])).toEqual([
      ['تقرير ', true],
      ['Human Rights Watch', false],
      [' اليوم', true],
    ]);
  });
});
