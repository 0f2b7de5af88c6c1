import { describe, expect, it } from 'vitest';
import { trashLabelParts } from '../../../shared/domain/trash';
import { VOCABULARIES } from '../../../shared/vocabularies';

const isTerm = (vocabulary: 'event-type' | 'intervention-type', id: string) =>
  VOCABULARIES[vocabulary].terms.some((term) => term.id === id);

/** Issue 14: the Trash names a record's type and day in the user's language, from the stored label. */
describe('trash labels in their parts', () => {
  it('finds the type term and the day that labelOf puts first, and keeps the rest as recorded', () => {
    for (const term of VOCABULARIES['intervention-type'].terms)
      expect(
        trashLabelParts('intervention', `${term.id} 2024-03-01 Relatoría Especial`, isTerm),
      ).toEqual({
        term: { vocabulary: 'intervention-type', id: term.id },
        date: '2024-03-01',
        text: 'Relatoría Especial',
      });
    for (const term of VOCABULARIES['event-type'].terms.slice(0, 10))
      expect(trashLabelParts('event', `${term.id} 2024-03 قراقرة فجرًا`, isTerm)).toEqual({
        term: { vocabulary: 'event-type', id: term.id },
        date: '2024-03',
        text: 'قراقرة فجرًا',
      });
    expect(trashLabelParts('intervention', 'urgent-appeal', isTerm)).toEqual({
      term: { vocabulary: 'intervention-type', id: 'urgent-appeal' },
      date: null,
      text: '',
    });
  });

  it('takes nothing for a type that is not a term, a title, or another kind of record', () => {
    // An untyped event starts with its day or its title; a lower-case title is not a term.
    expect(trashLabelParts('event', '2024 protest march', isTerm)).toEqual({
      term: null,
      date: '2024',
      text: 'protest march',
    });
    expect(trashLabelParts('event', 'protest march', isTerm).term).toBeNull();
    expect(
      trashLabelParts('testimony', '2023-11-05 a neighbour They came at night', isTerm),
    ).toEqual({
      term: null,
      date: '2023-11-05',
      text: 'a neighbour They came at night',
    });
    // A person or a case is never split, whatever its name looks like.
    expect(trashLabelParts('person', 'urgent-appeal 2024', isTerm)).toEqual({
      term: null,
      date: null,
      text: 'urgent-appeal 2024',
    });
    expect(trashLabelParts('case', 'CASE-7 2024-01-01 title', isTerm).date).toBeNull();
  });
});
