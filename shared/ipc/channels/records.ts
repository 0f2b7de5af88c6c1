import { z } from 'zod';
import { caseCreateSchema, caseListQuerySchema, caseUpdateSchema } from '../../domain/case';
import { eventCreateSchema, eventUpdateSchema } from '../../domain/event';
import { interventionCreateSchema, interventionUpdateSchema } from '../../domain/intervention';
import {
  casePersonLinkSchema,
  personCreateSchema,
  personFindSchema,
  personUpdateSchema,
} from '../../domain/person';
import { searchQuerySchema } from '../../domain/search';
import { testimonyCreateSchema, testimonyUpdateSchema } from '../../domain/testimony';
import { recordId, termId } from '../../domain/text';
import { empty, language } from '../schemas';
import {
  auditEntryOut,
  caseListItemOut,
  caseOut,
  casePersonOut,
  eventOut,
  interventionOut,
  personChoicesOut,
  personOut,
  searchResultsOut,
  testimonyOut,
  testimonySummaryOut,
  timelineEntryOut,
  vocabularyOut,
} from './recordOutputs';

const byId = z.strictObject({ id: recordId });
const byCase = z.strictObject({ caseId: recordId });
const patchOf = <T extends z.ZodType>(patch: T) => z.strictObject({ id: recordId, patch });
const done = z.object({});

/**
 * Channels of the case records: cases, persons with their roles, events,
 * testimonies with their consent, interventions, search, the timeline, the
 * vocabularies and a case's audit log. Inputs reuse the domain schemas the
 * core validates with (strict, every text and list bounded).
 */
export const recordsChannels = {
  'cases.list': {
    input: caseListQuerySchema,
    output: z.array(caseListItemOut),
  },
  'cases.get': { input: byId, output: caseOut },
  'cases.create': { input: caseCreateSchema, output: caseOut },
  'cases.update': { input: patchOf(caseUpdateSchema), output: caseOut },
  'cases.audit': {
    input: z.strictObject({
      caseId: recordId,
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    output: z.array(auditEntryOut),
  },

  'persons.list': { input: byCase, output: z.array(casePersonOut) },
  'persons.create': {
    input: z.strictObject({ caseId: recordId, role: termId, person: personCreateSchema }),
    output: personOut,
  },
  'persons.update': { input: patchOf(personUpdateSchema), output: personOut },
  'persons.link': { input: casePersonLinkSchema, output: z.object({ linked: z.boolean() }) },
  'persons.unlink': {
    input: z.strictObject({ caseId: recordId, personId: recordId, role: termId.optional() }),
    output: z.object({ removed: z.number() }),
  },
  'persons.find': { input: personFindSchema, output: personChoicesOut },

  'events.list': { input: byCase, output: z.array(eventOut) },
  'events.create': {
    input: z.strictObject({ caseId: recordId, event: eventCreateSchema }),
    output: eventOut,
  },
  'events.update': { input: patchOf(eventUpdateSchema), output: eventOut },
  'events.delete': { input: byId, output: done },

  'testimonies.list': { input: byCase, output: z.array(testimonySummaryOut) },
  'testimonies.get': { input: byId, output: testimonyOut },
  'testimonies.create': {
    input: z.strictObject({ caseId: recordId, testimony: testimonyCreateSchema }),
    output: testimonyOut,
  },
  'testimonies.update': { input: patchOf(testimonyUpdateSchema), output: testimonyOut },
  'testimonies.withdrawConsent': { input: byId, output: testimonyOut },
  'testimonies.delete': { input: byId, output: done },

  'interventions.list': { input: byCase, output: z.array(interventionOut) },
  'interventions.create': {
    input: z.strictObject({ caseId: recordId, intervention: interventionCreateSchema }),
    output: interventionOut,
  },
  'interventions.update': { input: patchOf(interventionUpdateSchema), output: interventionOut },
  'interventions.delete': { input: byId, output: done },

  'search.query': { input: searchQuerySchema, output: searchResultsOut },
  'timeline.case': {
    input: z.strictObject({ caseId: recordId, lang: language }),
    output: z.array(timelineEntryOut),
  },
  'vocabularies.list': { input: empty, output: z.array(vocabularyOut) },
} as const;
