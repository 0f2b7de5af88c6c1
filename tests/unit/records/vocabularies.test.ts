import { describe, expect, it } from 'vitest';
import {
  CONSENT_NAMINGS,
  CONSENT_SCOPES,
  CONSENT_GIVERS,
  CONSENT_FORMS,
} from '../../../shared/domain/consent';
import { closestTerm } from '../../../shared/domain/vocabCheck';
import { TERM_ID_PATTERN } from '../../../shared/domain/text';
import {
  BUILT_IN_VOCABULARIES,
  customTermSchema,
  LANGUAGES,
  VOCABULARIES,
  VOCABULARY_NAMES,
  VocabularySet,
} from '../../../shared/vocabularies';

describe('controlled vocabularies', () => {
  it('are versioned, with unique kebab-case term ids and a label in every language', () => {
    expect(VOCABULARY_NAMES.length).toBeGreaterThanOrEqual(18);
    for (const name of VOCABULARY_NAMES) {
      const v = VOCABULARIES[name];
      expect(v.name).toBe(name);
      expect(v.version).toBeGreaterThanOrEqual(1);
      const ids = v.terms.map((t) => t.id);
      expect(new Set(ids).size, name).toBe(ids.length);
      for (const term of v.terms) {
        expect(term.id, name).toMatch(TERM_ID_PATTERN);
        for (const lang of LANGUAGES)
          expect(term.labels[lang]?.trim(), `${name}/${term.id}/${lang}`).toBeTruthy();
        // Real translations: each label is in its own script.
        expect(term.labels.ar, `${name}/${term.id}`).toMatch(/[\u0600-\u06ff]/);
        expect(term.labels.ru, `${name}/${term.id}`).toMatch(/[\u0400-\u04ff]/);
      }
      for (const lang of LANGUAGES) expect(v.title[lang], `${name} title ${lang}`).toBeTruthy();
    }
  });

  it('cover what the issue names', () => {
    const ids = (name: keyof typeof VOCABULARIES) => VOCABULARIES[name].terms.map((t) => t.id);
    expect(ids('event-type')).toEqual(
      expect.arrayContaining([
        'arbitrary-arrest',
        'arbitrary-detention',
        'incommunicado-detention',
        'enforced-disappearance',
        'torture',
        'ill-treatment',
        'killing',
        'attempted-killing',
        'judicial-harassment',
        'threats',
        'physical-attack',
        'surveillance',
        'raid',
        'travel-ban',
        'defamation-campaign',
      ]),
    );
    expect(ids('person-role')).toEqual(
      expect.arrayContaining([
        'victim',
        'witness',
        'perpetrator',
        'source',
        'intervening-party',
        'submitter',
        'legal-representative',
      ]),
    );
    expect(ids('hrd-work')).toEqual(
      expect.arrayContaining([
        'journalist',
        'lawyer',
        'environmental-defender',
        'land-defender',
        'womens-rights-defender',
        'lgbti-rights-defender',
        'trade-unionist',
      ]),
    );
    expect(ids('testimony-method')).toEqual(
      expect.arrayContaining(['in-person', 'phone', 'secure-messaging']),
    );
    expect(ids('intervention-type')).toEqual(
      expect.arrayContaining(['urgent-appeal', 'letter-to-authorities']),
    );
    expect(BUILT_IN_VOCABULARIES.termHasTag('event-type', 'arbitrary-detention', 'detention')).toBe(
      true,
    );
    expect(BUILT_IN_VOCABULARIES.termHasTag('event-type', 'torture', 'detention')).toBe(false);
  });

  it('keep the consent vocabularies closed and identical to the consent schema', () => {
    expect(ids('consent-scope')).toEqual([...CONSENT_SCOPES]);
    expect(ids('consent-naming')).toEqual([...CONSENT_NAMINGS]);
    expect(ids('consent-given-by')).toEqual([...CONSENT_GIVERS]);
    expect(ids('consent-form')).toEqual([...CONSENT_FORMS]);
    for (const name of [
      'consent-scope',
      'consent-naming',
      'consent-given-by',
      'consent-form',
      'confidentiality',
    ] as const) {
      expect(VOCABULARIES[name].extensible, name).toBe(false);
    }
    function ids(name: keyof typeof VOCABULARIES) {
      return VOCABULARIES[name].terms.map((t) => t.id);
    }
  });

  it('take an organisation’s own terms, with label fallbacks', () => {
    const set = new VocabularySet([
      { vocabulary: 'event-type', id: 'forced-confession', labels: { es: 'Confesión forzada' } },
    ]);
    expect(set.has('event-type', 'forced-confession')).toBe(true);
    expect(set.has('event-type', 'torture')).toBe(true);
    expect(set.has('hrd-work', 'forced-confession')).toBe(false);
    expect(set.builtIn('event-type', 'forced-confession')).toBe(false);
    expect(set.label('event-type', 'forced-confession', 'es')).toBe('Confesión forzada');
    expect(set.label('event-type', 'forced-confession', 'ar')).toBe('Confesión forzada');
    expect(set.label('event-type', 'torture', 'ar')).toBe('التعذيب');
    expect(set.label('event-type', 'nonexistent', 'fr')).toBe('nonexistent');
    expect(set.terms('event-type').at(-1)).toMatchObject({
      id: 'forced-confession',
      builtIn: false,
    });
    expect(closestTerm(set, 'event-type', 'arbitary-detention')).toBe('arbitrary-detention');
    expect(closestTerm(set, 'event-type', 'completely-different')).toBeNull();
  });

  it('validate custom terms', () => {
    expect(
      customTermSchema.safeParse({ vocabulary: 'event-type', id: 'x-y', labels: { en: 'X' } })
        .success,
    ).toBe(true);
    expect(
      customTermSchema.safeParse({ vocabulary: 'no-such', id: 'x', labels: { en: 'X' } }).success,
    ).toBe(false);
    expect(
      customTermSchema.safeParse({ vocabulary: 'event-type', id: 'Bad Id', labels: { en: 'X' } })
        .success,
    ).toBe(false);
    expect(
      customTermSchema.safeParse({ vocabulary: 'event-type', id: 'x', labels: {} }).success,
    ).toBe(false);
    expect(
      customTermSchema.safeParse({ vocabulary: 'event-type', id: 'x', labels: { de: 'X' } })
        .success,
    ).toBe(false);
    expect(
      customTermSchema.safeParse({ vocabulary: 'event-type', id: 'x', labels: { en: '' } }).success,
    ).toBe(false);
  });
});
