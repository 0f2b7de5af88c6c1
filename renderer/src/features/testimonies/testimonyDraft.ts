import { DEFAULT_CONSENT, type ConsentRecord } from '../../../../shared/domain/consent';
import type { PartialDate } from '../../../../shared/domain/partialDate';
import { dateDraftOf, EMPTY_DATE_DRAFT, type DateDraft } from '../../logic/partialDateText';
import type { TestimonyRecord } from '../../lib/types';

/** A testimony while being written or edited. */
export interface TestimonyDraft {
  witnessId: string | null;
  witnessDescription: string;
  interviewer: string;
  takenOn: DateDraft;
  place: string;
  country: string | null;
  language: string;
  method: string | null;
  statement: string;
  translation: string;
  translationLanguage: string;
  consent: ConsentRecord;
}

export const NEW_TESTIMONY: TestimonyDraft = {
  witnessId: null,
  witnessDescription: '',
  interviewer: '',
  takenOn: EMPTY_DATE_DRAFT,
  place: '',
  country: null,
  language: '',
  method: null,
  statement: '',
  translation: '',
  translationLanguage: '',
  consent: { ...DEFAULT_CONSENT, mechanisms: [] },
};

export function testimonyDraftOf(record: TestimonyRecord, locale: string): TestimonyDraft {
  return {
    witnessId: record.witnessId,
    witnessDescription: record.witnessDescription,
    interviewer: record.interviewer,
    takenOn: dateDraftOf(record.takenOn, locale),
    place: record.place,
    country: record.country,
    language: record.language ?? '',
    method: record.method,
    statement: record.statement,
    translation: record.translation,
    translationLanguage: record.translationLanguage ?? '',
    consent: record.consent,
  };
}

export function testimonyFields(draft: TestimonyDraft, takenOn: PartialDate | null) {
  return {
    witnessId: draft.witnessId,
    witnessDescription: draft.witnessId ? '' : draft.witnessDescription,
    interviewer: draft.interviewer,
    takenOn: takenOn ?? { value: null, qualifier: 'unknown' as const },
    place: draft.place,
    country: draft.country,
    language: draft.language.trim() || null,
    method: draft.method,
    statement: draft.statement,
    translation: draft.translation,
    translationLanguage: draft.translation.trim() ? draft.translationLanguage.trim() || null : null,
    consent: draft.consent,
  };
}
