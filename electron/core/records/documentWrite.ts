import type {
  CaseDocument,
  DocumentEvent,
  DocumentIntervention,
  DocumentPerson,
  DocumentTestimony,
} from '../../../shared/domain/caseDocument';
import type { CaseRecord } from '../../../shared/domain/case';
import type { EventRecord } from '../../../shared/domain/event';
import type { InterventionRecord } from '../../../shared/domain/intervention';
import type { PersonRecord } from '../../../shared/domain/person';
import type { TestimonyRecord } from '../../../shared/domain/testimony';
import { insertCaseTx, writeCaseTx, type CaseOrigin } from './cases';
import type { WriteContext } from './context';
import { insertEventRowTx, updateEventRowTx, writeEventLinksTx, writeEventPartsTx } from './events';
import { insertInterventionTx, writeInterventionTx } from './interventions';
import { mergeStepsTx } from './interventionStates';
import { insertPersonTx, writePersonTx } from './persons';
import { insertTestimonyTx, writeTestimonyTx } from './testimonies';

/**
 * Writing a case document's records into the vault, shared by every import
 * (a new case, a merge by id, a partner's update): the document's ids are
 * mapped to the vault's, records that exist are overwritten, records the
 * plan leaves alone are not touched, and references follow the mapping.
 */

export type DocumentKind = 'case' | 'person' | 'event' | 'testimony' | 'intervention';

export interface KindCounts {
  cases: number;
  persons: number;
  events: number;
  testimonies: number;
  interventions: number;
}

export const zeroCounts = (): KindCounts => ({
  cases: 0,
  persons: 0,
  events: 0,
  testimonies: 0,
  interventions: 0,
});

const COUNT_OF: Record<DocumentKind, keyof KindCounts> = {
  case: 'cases',
  person: 'persons',
  event: 'events',
  testimony: 'testimonies',
  intervention: 'interventions',
};

type Stamps = { createdAt?: string; updatedAt?: string };
type IdMap = (docId: string) => string;

/** A document record's own fields: the import gives it its id in this vault and its times. */
export const ownFields = <T extends { id: string } & Stamps>({
  id: _id,
  createdAt: _c,
  updatedAt: _u,
  ...rest
}: T): Omit<T, 'id' | 'createdAt' | 'updatedAt'> => rest;

/**
 * The vault records a document's records become, with every reference to
 * another record passed through `map` (to the vault's ids, or to the ids at
 * the case's origin when hashing a partner's version).
 */
export function documentRecords(
  map: IdMap,
  caseId: string,
  stamp: (r: Stamps) => Required<Stamps>,
) {
  const mapNullable = (docId: string | null) => (docId === null ? null : map(docId));
  return {
    case(c: CaseDocument['case'], reference: string): CaseRecord {
      const { id: _id, reference: _r, createdAt: _c, updatedAt: _u, ...fields } = c;
      return { id: caseId, ...fields, reference, ...stamp(c) };
    },
    person(p: DocumentPerson): PersonRecord {
      const { roles: _roles, ...fields } = ownFields(p);
      return { id: map(p.id), ...fields, ...stamp(p) };
    },
    testimony(t: DocumentTestimony): TestimonyRecord {
      return {
        id: map(t.id),
        caseId,
        ...ownFields(t),
        witnessId: mapNullable(t.witnessId),
        ...stamp(t),
      };
    },
    event(e: DocumentEvent): EventRecord {
      return {
        id: map(e.id),
        caseId,
        ...ownFields(e),
        victims: e.victims.map(map),
        perpetrators: e.perpetrators.map((p) => ({ ...p, personId: map(p.personId) })),
        sources: e.sources.map((s) => ({
          ...s,
          personId: mapNullable(s.personId),
          testimonyId: mapNullable(s.testimonyId),
        })),
        links: e.links.map((l) => ({ ...l, eventId: map(l.eventId) })),
        detention: e.detention && {
          ...e.detention,
          places: e.detention.places.map((place) => ({
            ...place,
            detainees: place.detainees.map(map),
          })),
        },
        ...stamp(e),
      };
    },
    intervention(v: DocumentIntervention): InterventionRecord {
      // Its steps are kept beside the record (mergeStepsTx), not in it.
      const { states: _states, ...fields } = ownFields(v);
      return { id: map(v.id), caseId, ...fields, ...stamp(v) };
    },
  };
}

/** How a document's records land in the vault. */
export interface WritePlan {
  caseId: string;
  reference: string;
  /** Where the case was begun, when it is inserted and was begun elsewhere. */
  caseOrigin?: CaseOrigin;
  /** Document id → vault id, for every record. */
  ids: Record<string, string>;
  /** Vault ids of records that exist and are overwritten (the others are inserted). */
  exists: Set<string>;
  /** Document ids of records left as they are in the vault (nothing written). */
  skip: Set<string>;
  /** Called after each record is written, with the time it now carries. */
  onWritten?: (
    kind: DocumentKind,
    docId: string,
    vaultId: string,
    updatedAt: string,
  ) => Promise<void>;
  /** Called once per record of the document, written or not (progress). */
  tick?: () => void;
}

export interface WriteCounts {
  created: KindCounts;
  updated: KindCounts;
}

/**
 * Writes a document's records as `plan` says, in the caller's transaction.
 * Persons' roles in the case are only ever added, even for a person left
 * alone. Testimonies come before events (an event's sources cite them), and
 * event links once every event exists.
 */
export async function writeDocumentTx(
  ctx: WriteContext,
  doc: CaseDocument,
  plan: WritePlan,
): Promise<WriteCounts> {
  const map = (docId: string) => plan.ids[docId] ?? docId;
  const stamp = (r: Stamps) => ({
    createdAt: r.createdAt ?? ctx.now,
    updatedAt: r.updatedAt ?? r.createdAt ?? ctx.now,
  });
  const build = documentRecords(map, plan.caseId, stamp);
  const counts: WriteCounts = { created: zeroCounts(), updated: zeroCounts() };
  const write = async (
    kind: DocumentKind,
    docId: string,
    record: { id: string; updatedAt: string },
    insert: () => Promise<void>,
    update: () => Promise<void>,
  ): Promise<boolean> => {
    if (plan.skip.has(docId)) {
      plan.tick?.();
      return false;
    }
    const existed = plan.exists.has(record.id);
    await (existed ? update() : insert());
    counts[existed ? 'updated' : 'created'][COUNT_OF[kind]] += 1;
    await plan.onWritten?.(kind, docId, record.id, record.updatedAt);
    plan.tick?.();
    return true;
  };

  const caseRecord = build.case(doc.case, plan.reference);
  await write(
    'case',
    doc.case.id,
    caseRecord,
    () => insertCaseTx(ctx, caseRecord, plan.caseOrigin),
    () => writeCaseTx(ctx, caseRecord),
  );

  for (const p of doc.persons) {
    const record = build.person(p);
    await write(
      'person',
      p.id,
      record,
      () => insertPersonTx(ctx, record),
      () => writePersonTx(ctx, record),
    );
    for (const role of p.roles) {
      await ctx.sql.run(
        'INSERT OR IGNORE INTO case_persons (case_id, person_id, role, created_at) VALUES (?, ?, ?, ?)',
        [plan.caseId, record.id, role, record.createdAt],
      );
    }
  }

  for (const t of doc.testimonies) {
    const record = build.testimony(t);
    await write(
      'testimony',
      t.id,
      record,
      () => insertTestimonyTx(ctx, record),
      () => writeTestimonyTx(ctx, record),
    );
  }

  const writtenEvents: [EventRecord, boolean][] = [];
  for (const e of doc.events) {
    const record = build.event(e);
    const existed = plan.exists.has(record.id);
    const wrote = await write(
      'event',
      e.id,
      record,
      async () => {
        await insertEventRowTx(ctx, record);
        await writeEventPartsTx(ctx, record, { links: false, replace: false });
      },
      async () => {
        await updateEventRowTx(ctx, record);
        await writeEventPartsTx(ctx, record, { links: false, replace: true });
      },
    );
    if (wrote) writtenEvents.push([record, existed]);
  }
  for (const [record, existed] of writtenEvents) {
    if (existed) await ctx.sql.run('DELETE FROM event_links WHERE event_id = ?', [record.id]);
    await writeEventLinksTx(ctx, record);
  }

  for (const v of doc.interventions) {
    const record = build.intervention(v);
    const wrote = await write(
      'intervention',
      v.id,
      record,
      () => insertInterventionTx(ctx, record),
      () => writeInterventionTx(ctx, record),
    );
    // A record left as it is here keeps its own story; one written gains the steps it lacks.
    if (wrote) await mergeStepsTx(ctx, record.id, v.states);
  }
  return counts;
}
