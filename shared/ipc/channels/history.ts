import { z } from 'zod';
import { evidenceEditSchema } from '../../domain/evidenceEdit';
import { INTERVENTION_STATES, interventionStepSchema } from '../../domain/interventionState';
import { recordId } from '../../domain/text';
import { TRASH_KINDS } from '../../domain/trash';
import { evidenceItem } from '../schemas';
import { interventionOut, personOut, testimonyOut } from './recordOutputs';

const byId = z.strictObject({ id: recordId });
const versionNumber = z.number().int().min(1).max(999_999_999);

/** One entry of the trash, as listed: what it was, from which case, when and by whom it went. */
const trashEntryOut = z.object({
  id: z.string(),
  kind: z.enum(TRASH_KINDS),
  recordId: z.string(),
  caseId: z.string().nullable(),
  /** The reference and title of its case, while that case exists (not in the trash). */
  caseLabel: z.string().nullable(),
  label: z.string(),
  deletedAt: z.string(),
  deletedBy: z.string(),
  rows: z.number(),
  blobs: z.number(),
});

/** Who made a version, when, which fields it changed, and its seal (the digest, never content). */
const versionSummaryOut = z.object({
  version: z.number(),
  fields: z.array(z.string()),
  actor: z.string(),
  createdAt: z.string(),
  sealed: z.object({ sha256: z.string(), at: z.string(), by: z.string() }).nullable(),
});

const stepOut = z.object({
  position: z.number(),
  state: z.string(),
  on: z.string().nullable(),
  number: z.string(),
  via: z.enum(['create', 'step', 'edit']),
  actor: z.string(),
  recordedAt: z.string(),
});

/**
 * Channels of deleting, the trash, versions and seals, and the dated states
 * of an intervention: the UI side of `vigil … delete`, `vigil trash …`,
 * `vigil testimony versions|version|restore-version|seal`, `vigil person
 * versions|version` and `vigil intervention state|states`.
 */
export const historyChannels = {
  'cases.delete': {
    input: byId,
    output: z.object({
      trash: z.string(),
      events: z.number(),
      testimonies: z.number(),
      interventions: z.number(),
      evidence: z.number(),
    }),
  },
  /** The cases a person appears in, named, so that deleting them can say which they leave. */
  'persons.cases': {
    input: byId,
    output: z.array(
      z.object({
        caseId: z.string(),
        reference: z.string(),
        title: z.string(),
        roles: z.array(z.string()),
      }),
    ),
  },
  /**
   * A person in several cases leaves all of them: refused (CONFLICT) unless
   * `fromCases` names exactly those cases, as the confirmation showed them.
   */
  'persons.delete': {
    input: z.strictObject({
      id: recordId,
      fromCases: z.array(recordId).max(10_000).optional(),
    }),
    output: z.object({ trash: z.string() }),
  },
  'persons.versions': { input: byId, output: z.array(versionSummaryOut) },
  'persons.version': {
    input: z.strictObject({ id: recordId, version: versionNumber }),
    output: versionSummaryOut.extend({ record: personOut }),
  },

  'persons.restoreVersion': {
    input: z.strictObject({ id: recordId, version: versionNumber }),
    output: personOut,
  },

  'testimonies.versions': { input: byId, output: z.array(versionSummaryOut) },
  'testimonies.version': {
    input: z.strictObject({ id: recordId, version: versionNumber }),
    output: versionSummaryOut.extend({ record: testimonyOut }),
  },
  'testimonies.restoreVersion': {
    input: z.strictObject({ id: recordId, version: versionNumber }),
    output: testimonyOut,
  },
  'testimonies.seal': { input: byId, output: versionSummaryOut },

  'interventions.steps': {
    input: byId,
    output: z.object({
      status: z.string(),
      steps: z.array(stepOut),
      /** The states it may move to next, in order (none once closed). */
      next: z.array(z.enum(INTERVENTION_STATES)),
    }),
  },
  'interventions.move': {
    input: z.strictObject({ id: recordId, step: interventionStepSchema }),
    output: z.object({ intervention: interventionOut, step: stepOut }),
  },

  'evidence.update': {
    input: z.strictObject({ id: recordId, patch: evidenceEditSchema }),
    output: evidenceItem,
  },
  'evidence.delete': {
    input: byId,
    output: z.object({ deleted: z.array(z.string()), trash: z.string() }),
  },

  'trash.list': {
    input: z.strictObject({ kind: z.enum(TRASH_KINDS).optional(), caseId: recordId.optional() }),
    output: z.array(trashEntryOut),
  },
  'trash.restore': {
    input: byId,
    output: z.object({
      kind: z.enum(TRASH_KINDS),
      recordId: z.string(),
      caseId: z.string().nullable(),
      /** Links to records destroyed meanwhile, left out. */
      dropped: z.array(z.string()),
      /** Records still in the trash whose links to this one wait there, to come back with them. */
      waiting: z.array(z.object({ kind: z.enum(TRASH_KINDS), label: z.string() })),
      /** A case restored under a new reference, its own being taken meanwhile. */
      referenceChanged: z.object({ from: z.string(), to: z.string() }).nullable(),
    }),
  },
  /** Destroys what is in the trash (or what went more than `olderThanDays` ago), evidence keys with it. */
  'trash.empty': {
    input: z.strictObject({
      olderThanDays: z.number().int().min(0).max(36_500).optional(),
      /** Only these entries (a selection in the Trash): all destroyed, or none if one is gone. */
      ids: z.array(recordId).min(1).max(10_000).optional(),
    }),
    output: z.object({ emptied: z.number(), blobs: z.number() }),
  },
} as const;
