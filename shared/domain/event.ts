import { problem as named } from './issues';
import { z } from 'zod';
import { countryCode } from './countries';
import {
  endBeforeStartProblem,
  partialDateSchema,
  UNKNOWN_DATE,
  type PartialDate,
} from './partialDate';
import {
  boundedList,
  lineText,
  longText,
  pageShape,
  recordId,
  requiredLine,
  termId,
  timestamp,
} from './text';

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];
const answer = z.enum(ANSWERS);

export const locationSchema = z
  .object({
    country: countryCode.nullable().default(null),
    region: lineText.default(''),
    /** The place as precisely as known: a street, a checkpoint, a courthouse. */
    place: lineText.default(''),
    /** Exact coordinates are private: exports withhold them unless asked. */
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
  })
  .strict()
  .superRefine((location, ctx) => {
    if ((location.latitude === null) !== (location.longitude === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['latitude'],
        message: 'and longitude must be given together',
      });
    }
  });

export const EMPTY_LOCATION = Object.freeze({
  country: null,
  region: '',
  place: '',
  latitude: null,
  longitude: null,
});

export const detentionPlaceSchema = z
  .object({
    name: requiredLine,
    /** `detention-place-type` term. */
    placeType: termId.nullable().default(null),
    country: countryCode.nullable().default(null),
    from: partialDateSchema.nullable().default(null),
    to: partialDateSchema.nullable().default(null),
    notes: lineText.default(''),
    /**
     * Which of the event's victims were held here, when not all of them were
     * (four defenders arrested together, one transferred alone); empty: all.
     */
    detainees: boundedList(recordId, 500).default([]),
  })
  .strict()
  .superRefine((place, ctx) => {
    if (place.from && place.to) {
      const problem = endBeforeStartProblem(place.from, place.to, 'from');
      if (problem)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: problem,
          params: named('end-before-start'),
        });
    }
  });

/** What the WGAD model questionnaire asks about an arrest or a detention (sections II and III). */
export const detentionSchema = z
  .object({
    /** Forces who carried out the arrest, or who hold the detainee. */
    forces: lineText.default(''),
    warrantShown: answer.default('unknown'),
    /** The authority that issued the warrant or ordered the detention. */
    authority: lineText.default(''),
    reasonsImputed: longText.default(''),
    /** Legal basis invoked, including the legislation applied. */
    legalBasis: longText.default(''),
    legalCounsel: answer.default('unknown'),
    familyInformed: answer.default('unknown'),
    broughtBeforeJudge: answer.default('unknown'),
    /** Every place of detention in order: transfers and the present place. */
    places: boundedList(detentionPlaceSchema, 100).default([]),
  })
  .strict();

export const perpetratorSchema = z
  .object({
    personId: recordId,
    /** `involvement-degree` term. */
    involvement: termId.default('suspected'),
    notes: lineText.default(''),
  })
  .strict();

/** Information linking a source to the event, with its reliability. */
export const eventSourceSchema = z
  .object({
    personId: recordId.nullable().default(null),
    testimonyId: recordId.nullable().default(null),
    /** A document, a media report, a call: what the information came from. */
    description: lineText.default(''),
    /** `source-reliability` term. */
    reliability: termId.default('unknown'),
  })
  .strict()
  .superRefine((source, ctx) => {
    if (!source.personId && !source.testimonyId && !source.description) {
      ctx.addIssue({ code: 'custom', message: 'needs a person, a testimony or a description' });
    }
  });

export const eventLinkSchema = z
  .object({
    eventId: recordId,
    /** `event-relation` term. */
    relation: termId.default('related-to'),
  })
  .strict();

export const eventFields = {
  /** `event-type` term. */
  eventType: termId,
  title: lineText,
  description: longText,
  start: partialDateSchema,
  /** null when the event has no distinct end (a single act) or it is not known. */
  end: partialDateSchema.nullable(),
  /** Still going on (a detention, a travel ban). */
  ongoing: z.boolean(),
  /** How the date is known, e.g. "some time before the trial". */
  dateNote: lineText,
  location: locationSchema,
  victims: boundedList(recordId, 500),
  perpetrators: boundedList(perpetratorSchema, 200),
  sources: boundedList(eventSourceSchema, 200),
  /** Chain of events: links to other events of the same case. */
  links: boundedList(eventLinkSchema, 200),
  detention: detentionSchema.nullable(),
};

type EventShape = {
  start?: PartialDate;
  end?: PartialDate | null;
  ongoing?: boolean;
  victims?: string[];
  perpetrators?: { personId: string }[];
  links?: { eventId: string }[];
  detention?: { places: { detainees?: string[] }[] } | null;
};

export function checkEvent(event: EventShape, ctx: z.RefinementCtx): void {
  if (event.end && event.start) {
    const problem = endBeforeStartProblem(event.start, event.end);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: problem,
        params: named('end-before-start'),
      });
  }
  if (event.ongoing && event.end && event.end.qualifier !== 'unknown') {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: 'is set but the event is marked ongoing',
    });
  }
  const perpetrators = new Set<string>();
  event.perpetrators?.forEach((p, i) => {
    if (perpetrators.has(p.personId))
      ctx.addIssue({
        code: 'custom',
        path: ['perpetrators', i],
        message: 'lists the same person twice',
        params: named('duplicate'),
      });
    perpetrators.add(p.personId);
  });
  if (event.victims && event.detention) {
    const victims = new Set(event.victims);
    event.detention.places.forEach((place, i) => {
      const stranger = place.detainees?.find((id) => !victims.has(id));
      if (stranger)
        ctx.addIssue({
          code: 'custom',
          path: ['detention', 'places', i, 'detainees'],
          message: `lists ${stranger}, who is not a victim of this event`,
        });
    });
  }
  const links = new Set<string>();
  event.links?.forEach((l, i) => {
    if (links.has(l.eventId))
      ctx.addIssue({
        code: 'custom',
        path: ['links', i],
        message: 'links the same event twice',
        params: named('duplicate'),
      });
    links.add(l.eventId);
  });
}

export const eventCreateShape = {
  eventType: eventFields.eventType,
  title: eventFields.title.default(''),
  description: eventFields.description.default(''),
  start: eventFields.start.default({ ...UNKNOWN_DATE }),
  end: eventFields.end.default(null),
  ongoing: eventFields.ongoing.default(false),
  dateNote: eventFields.dateNote.default(''),
  location: eventFields.location.default({ ...EMPTY_LOCATION }),
  victims: eventFields.victims.default([]),
  perpetrators: eventFields.perpetrators.default([]),
  sources: eventFields.sources.default([]),
  links: eventFields.links.default([]),
  detention: eventFields.detention.default(null),
};

export const eventCreateSchema = z.object(eventCreateShape).strict().superRefine(checkEvent);

/** Only the fields given change; lists (victims, perpetrators, sources, links) are replaced whole. */
export const eventUpdateSchema = z.object(eventFields).partial().strict().superRefine(checkEvent);

export const eventRecordSchema = z
  .object({
    id: recordId,
    caseId: recordId,
    ...eventFields,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict()
  .superRefine(checkEvent);

/** Events (of one case, of one type, or where a person is a victim or a perpetrator). */
export const eventListQuerySchema = z
  .object({
    caseId: recordId.optional(),
    eventType: termId.optional(),
    personId: recordId.optional(),
    ...pageShape,
  })
  .strict();
export type EventListQuery = z.input<typeof eventListQuerySchema>;

export type EventCreate = z.input<typeof eventCreateSchema>;
export type EventUpdate = z.input<typeof eventUpdateSchema>;
export type EventRecord = z.output<typeof eventRecordSchema>;
export type Detention = z.output<typeof detentionSchema>;
export type DetentionPlace = z.output<typeof detentionPlaceSchema>;
export type EventLocation = z.output<typeof locationSchema>;
export type Perpetrator = z.output<typeof perpetratorSchema>;
export type EventSource = z.output<typeof eventSourceSchema>;
export type EventLink = z.output<typeof eventLinkSchema>;
