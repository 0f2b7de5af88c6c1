import {
  caseTimeline,
  createCase,
  createEvent,
  createIntervention,
  createPerson,
  createTestimony,
  deleteEvent,
  deleteIntervention,
  deleteTestimony,
  findPersonChoices,
  getCase,
  getTestimony,
  linkPerson,
  listCasePersons,
  listCases,
  listEvents,
  listInterventions,
  listTestimonies,
  listVocabularies,
  search,
  unlinkPerson,
  updateCase,
  updateEvent,
  updateIntervention,
  updatePerson,
  updateTestimony,
  withdrawTestimonyConsent,
  caseAuditLog,
} from '../../core/records';
import type { Handlers } from '../ipc/dispatch';
import type { AppContext } from './context';

type RecordsChannels =
  | 'cases.list'
  | 'cases.get'
  | 'cases.create'
  | 'cases.update'
  | 'cases.audit'
  | 'persons.list'
  | 'persons.create'
  | 'persons.update'
  | 'persons.link'
  | 'persons.unlink'
  | 'persons.find'
  | 'events.list'
  | 'events.create'
  | 'events.update'
  | 'events.delete'
  | 'testimonies.list'
  | 'testimonies.get'
  | 'testimonies.create'
  | 'testimonies.update'
  | 'testimonies.withdrawConsent'
  | 'testimonies.delete'
  | 'interventions.list'
  | 'interventions.create'
  | 'interventions.update'
  | 'interventions.delete'
  | 'search.query'
  | 'timeline.case'
  | 'vocabularies.list';

/** Case records: each handler takes the validated input to the core and returns what it gives. */
export function recordsHandlers(ctx: AppContext): Pick<Handlers, RecordsChannels> {
  const vault = () => ctx.session.requireVault();
  return {
    'cases.list': async (query) => listCases(vault(), query),
    'cases.get': async ({ id }) => getCase(vault(), id),
    'cases.create': async (input) => createCase(vault(), input),
    'cases.update': async ({ id, patch }) => updateCase(vault(), id, patch),
    'cases.audit': async ({ caseId, limit }) => caseAuditLog(vault(), caseId, limit),

    'persons.list': async ({ caseId }) => listCasePersons(vault(), caseId),
    'persons.create': async ({ caseId, role, person }) =>
      createPerson(vault(), person, { caseId, role }),
    'persons.update': async ({ id, patch }) => updatePerson(vault(), id, patch),
    'persons.link': async (link) => linkPerson(vault(), link),
    'persons.unlink': async (link) => unlinkPerson(vault(), link),
    'persons.find': async (query) => findPersonChoices(vault(), query),

    'events.list': async ({ caseId }) => listEvents(vault(), { caseId }),
    'events.create': async ({ caseId, event }) => createEvent(vault(), caseId, event),
    'events.update': async ({ id, patch }) => updateEvent(vault(), id, patch),
    'events.delete': async ({ id }) => {
      await deleteEvent(vault(), id);
      return {};
    },

    'testimonies.list': async ({ caseId }) => listTestimonies(vault(), { caseId }),
    'testimonies.get': async ({ id }) => getTestimony(vault(), id),
    'testimonies.create': async ({ caseId, testimony }) =>
      createTestimony(vault(), caseId, testimony),
    'testimonies.update': async ({ id, patch }) => updateTestimony(vault(), id, patch),
    'testimonies.withdrawConsent': async ({ id }) => withdrawTestimonyConsent(vault(), id),
    'testimonies.delete': async ({ id }) => {
      await deleteTestimony(vault(), id);
      return {};
    },

    'interventions.list': async ({ caseId }) => listInterventions(vault(), { caseId }),
    'interventions.create': async ({ caseId, intervention }) =>
      createIntervention(vault(), caseId, intervention),
    'interventions.update': async ({ id, patch }) => updateIntervention(vault(), id, patch),
    'interventions.delete': async ({ id }) => {
      await deleteIntervention(vault(), id);
      return {};
    },

    'search.query': async (query) => search(vault(), query),
    'timeline.case': async ({ caseId, lang }) => caseTimeline(vault(), caseId, { lang }),
    'vocabularies.list': async () => listVocabularies(vault()),
  };
}
