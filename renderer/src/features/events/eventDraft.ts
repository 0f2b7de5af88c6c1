import type { PartialDate } from '../../../../shared/domain/partialDate';
import { dateDraftOf, EMPTY_DATE_DRAFT, type DateDraft } from '../../logic/partialDateText';
import type { EventRecord } from '../../lib/types';

type Answer = 'yes' | 'no' | 'unknown';

export interface DetentionDraft {
  forces: string;
  authority: string;
  warrantShown: Answer;
  legalCounsel: Answer;
  familyInformed: Answer;
  broughtBeforeJudge: Answer;
  reasonsImputed: string;
  legalBasis: string;
}

/** An event while being edited. */
export interface EventDraft {
  eventType: string;
  title: string;
  description: string;
  start: DateDraft;
  end: DateDraft;
  ongoing: boolean;
  dateNote: string;
  country: string | null;
  region: string;
  place: string;
  victims: string[];
  perpetrators: { personId: string; involvement: string }[];
  detention: DetentionDraft;
}

const EMPTY_DETENTION: DetentionDraft = {
  forces: '',
  authority: '',
  warrantShown: 'unknown',
  legalCounsel: 'unknown',
  familyInformed: 'unknown',
  broughtBeforeJudge: 'unknown',
  reasonsImputed: '',
  legalBasis: '',
};

export const NEW_EVENT: EventDraft = {
  eventType: 'arbitrary-arrest',
  title: '',
  description: '',
  start: EMPTY_DATE_DRAFT,
  end: EMPTY_DATE_DRAFT,
  ongoing: false,
  dateNote: '',
  country: null,
  region: '',
  place: '',
  victims: [],
  perpetrators: [],
  detention: EMPTY_DETENTION,
};

export function eventDraftOf(event: EventRecord, locale: string): EventDraft {
  const d = event.detention;
  return {
    eventType: event.eventType,
    title: event.title,
    description: event.description,
    start: dateDraftOf(event.start, locale),
    end: dateDraftOf(event.end, locale),
    ongoing: event.ongoing,
    dateNote: event.dateNote,
    country: event.location.country,
    region: event.location.region,
    place: event.location.place,
    victims: [...event.victims],
    perpetrators: event.perpetrators.map((p) => ({
      personId: p.personId,
      involvement: p.involvement,
    })),
    detention: d
      ? {
          forces: d.forces,
          authority: d.authority,
          warrantShown: d.warrantShown,
          legalCounsel: d.legalCounsel,
          familyInformed: d.familyInformed,
          broughtBeforeJudge: d.broughtBeforeJudge,
          reasonsImputed: d.reasonsImputed,
          legalBasis: d.legalBasis,
        }
      : EMPTY_DETENTION,
  };
}

/** The fields to send; `original` keeps what this form does not edit (coordinates, sources, links, places). */
export function eventFields(
  draft: EventDraft,
  dates: { start: PartialDate; end: PartialDate | null },
  isDetention: boolean,
  original: EventRecord | null,
) {
  return {
    eventType: draft.eventType,
    title: draft.title,
    description: draft.description,
    start: dates.start,
    end: draft.ongoing ? null : dates.end,
    ongoing: draft.ongoing,
    dateNote: draft.dateNote,
    location: {
      country: draft.country,
      region: draft.region,
      place: draft.place,
      latitude: original?.location.latitude ?? null,
      longitude: original?.location.longitude ?? null,
    },
    victims: draft.victims,
    perpetrators: draft.perpetrators.map((p) => ({
      ...p,
      notes: original?.perpetrators.find((o) => o.personId === p.personId)?.notes ?? '',
    })),
    detention: isDetention
      ? { ...draft.detention, places: original?.detention?.places ?? [] }
      : null,
  };
}
