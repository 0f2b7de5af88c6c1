import {
  deleteCase,
  deletePerson,
  getCase,
  getPerson,
  getPersonCases,
  getTestimony,
  getVersion,
  listCases,
  listInterventionSteps,
  listTrash,
  listVersions,
  moveIntervention,
  getIntervention,
  restorePersonVersion,
  restoreTestimonyVersion,
  restoreTrashEntry,
  sealTestimony,
  type VersionedKind,
} from '../../core/records';
import { deleteEvidence, emptyTrash, updateEvidence } from '../../core/evidence';
import { VigilError } from '../../core/errors';
import { nextSteps } from '../../../shared/domain/interventionState';
import type { PersonRecord } from '../../../shared/domain/person';
import type { TestimonyRecord } from '../../../shared/domain/testimony';
import type { Vault } from '../../core/vault/vault';
import type { Handlers } from '../ipc/dispatch';
import type { AppContext } from './context';

type HistoryChannels =
  | 'cases.delete'
  | 'persons.cases'
  | 'persons.delete'
  | 'persons.versions'
  | 'persons.version'
  | 'persons.restoreVersion'
  | 'testimonies.versions'
  | 'testimonies.version'
  | 'testimonies.restoreVersion'
  | 'testimonies.seal'
  | 'interventions.steps'
  | 'interventions.move'
  | 'evidence.update'
  | 'evidence.delete'
  | 'trash.list'
  | 'trash.restore'
  | 'trash.empty';

/** The cases a person appears in, with their reference and title. */
async function namedCasesOf(vault: Vault, personId: string) {
  const cases = await getPersonCases(vault, personId);
  return Promise.all(
    cases.map(async (c) => {
      const found = await getCase(vault, c.caseId);
      return { caseId: c.caseId, reference: found.reference, title: found.title, roles: c.roles };
    }),
  );
}

/** The versions of a record; none is an answer only for a record that exists. */
async function versionsOf(vault: Vault, kind: VersionedKind, id: string) {
  const versions = await listVersions(vault, kind, id);
  if (versions.length === 0)
    await (kind === 'person' ? getPerson(vault, id) : getTestimony(vault, id));
  return versions;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Deleting, the trash, versions and seals, intervention states: each handler
 * calls the core function the CLI calls, so the checks, the writer lock and
 * the audit entries are the same.
 */
export function historyHandlers(ctx: AppContext): Pick<Handlers, HistoryChannels> {
  const vault = () => ctx.session.requireVault();
  return {
    'cases.delete': async ({ id }) => {
      const { persons: _persons, ...result } = await deleteCase(vault(), id);
      return result;
    },
    'persons.cases': async ({ id }) => namedCasesOf(vault(), id),
    'persons.delete': async ({ id, fromCases }) => {
      const v = vault();
      const cases = await namedCasesOf(v, id);
      // As `vigil person delete` without --force: a person in several cases is
      // only deleted once the user saw which cases they leave.
      if (
        cases.length > 1 &&
        !sameSet(
          fromCases ?? [],
          cases.map((c) => c.caseId),
        )
      )
        throw new VigilError(
          'CONFLICT',
          `This person appears in ${cases.length} cases (${cases.map((c) => c.reference).join(', ')}) and would leave all of them; confirm with those cases. Nothing was changed.`,
        );
      const entry = await deletePerson(v, id);
      return { trash: entry.id };
    },
    'persons.versions': async ({ id }) => versionsOf(vault(), 'person', id),
    'persons.version': async ({ id, version }) =>
      getVersion<PersonRecord>(vault(), 'person', id, version),

    'persons.restoreVersion': async ({ id, version }) => restorePersonVersion(vault(), id, version),

    'testimonies.versions': async ({ id }) => versionsOf(vault(), 'testimony', id),
    'testimonies.version': async ({ id, version }) =>
      getVersion<TestimonyRecord>(vault(), 'testimony', id, version),
    'testimonies.restoreVersion': async ({ id, version }) =>
      restoreTestimonyVersion(vault(), id, version),
    'testimonies.seal': async ({ id }) => sealTestimony(vault(), id),

    'interventions.steps': async ({ id }) => {
      const v = vault();
      const steps = await listInterventionSteps(v, id);
      const { status } = await getIntervention(v, id);
      return { status, steps, next: nextSteps(status) };
    },
    'interventions.move': async ({ id, step }) => moveIntervention(vault(), id, step),

    'evidence.update': async ({ id, patch }) => updateEvidence(vault(), id, patch),
    'evidence.delete': async ({ id }) => deleteEvidence(vault(), id),

    'trash.list': async (query) => {
      const v = vault();
      const entries = await listTrash(v, query);
      const cases = new Map((await listCases(v)).map((c) => [c.id, `${c.reference} ${c.title}`]));
      return entries.map((e) => ({
        ...e,
        caseLabel: e.caseId && e.kind !== 'case' ? (cases.get(e.caseId) ?? null) : null,
      }));
    },
    'trash.restore': async ({ id }) => {
      const result = await restoreTrashEntry(vault(), id);
      return {
        kind: result.entry.kind,
        recordId: result.entry.recordId,
        caseId: result.entry.caseId,
        dropped: result.dropped,
        waiting: result.waiting.map((w) => ({ kind: w.kind, label: w.label })),
        referenceChanged: result.referenceChanged ?? null,
      };
    },
    'trash.empty': async ({ olderThanDays, ids }) => {
      const result = await emptyTrash(vault(), {
        ...(olderThanDays === undefined ? {} : { olderThanDays }),
        ...(ids === undefined ? {} : { ids }),
      });
      return { emptied: result.entries.length, blobs: result.blobs };
    },
  };
}
