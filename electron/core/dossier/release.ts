import {
  releaseApproveSchema,
  releaseEditSchema,
  type ReleaseRecordView,
  type ReleaseReview,
  type ReleaseSettled,
} from '../../../shared/release';
import type { Audience } from '../../../shared/dossier';
import { parseAudience, type CaseDocument } from '../../../shared/domain';
import { VigilError } from '../errors';
import {
  applyChanges,
  changeKey,
  releaseIssues,
  storedKey,
  SUBMISSION_RECORD_ID,
  APPEAL_RECORD_ID,
  FACTS_RECORD_ID,
  type Decision,
  type RecordRelease,
  type Releaser,
  type StoredReleases,
} from '../release';
import type { Vault } from '../vault/vault';
import { prepareRedaction } from './plan';
import { writeVersion } from './releaseStore';

/**
 * The release review of one case for one audience (`vigil release show`,
 * the export wizard's review step), and the decisions that settle it
 * (`vigil release approve` / `edit`), stored in the vault, versioned and
 * audited. The review sees exactly the texts an export to that audience
 * would carry, because it runs the same redaction.
 */

export function audienceFromKey(key: string): Audience {
  const audience = parseAudience(key);
  if ('error' in audience) throw new VigilError('INVALID_INPUT', `The audience ${audience.error}`);
  return audience;
}

interface Computed {
  releaser: Releaser;
  document: CaseDocument;
  stored: StoredReleases;
}

async function compute(vault: Vault, caseId: string, audienceKey: string): Promise<Computed> {
  const audience = audienceFromKey(audienceKey);
  const prepared = await prepareRedaction(
    vault,
    {
      caseId,
      template: 'wgad',
      language: 'en',
      audience,
      includePrivate: false,
    },
    true,
  );
  return {
    releaser: prepared.redacted.releaser,
    document: prepared.original,
    stored: prepared.stored,
  };
}

function titleOf(document: CaseDocument, record: RecordRelease): string {
  const person = (id: string | null) => document.persons.find((p) => p.id === id)?.name ?? '';
  switch (record.kind) {
    case 'case':
      return document.case.title;
    case 'person':
      return person(record.id);
    case 'event': {
      const event = document.events.find((e) => e.id === record.id);
      return event ? event.title || `${event.eventType} ${event.start.value ?? ''}`.trim() : '';
    }
    case 'testimony': {
      const t = document.testimonies.find((x) => x.id === record.id);
      return t
        ? [person(t.witnessId) || t.witnessDescription, t.takenOn.value].filter(Boolean).join(', ')
        : '';
    }
    case 'intervention': {
      const v = document.interventions.find((x) => x.id === record.id);
      return v ? [v.interventionType, v.recipient].filter(Boolean).join(', ') : '';
    }
    default:
      return record.id === APPEAL_RECORD_ID
        ? 'Urgent appeal'
        : record.id === FACTS_RECORD_ID
          ? 'Mechanism facts'
          : record.id === SUBMISSION_RECORD_ID
            ? 'WGAD submission'
            : `Arguments (${record.id})`;
  }
}

function view(document: CaseDocument, record: RecordRelease): ReleaseRecordView {
  const name = (id: string) => document.persons.find((p) => p.id === id)?.name ?? '';
  return {
    kind: record.kind,
    id: record.id,
    title: titleOf(document, record),
    fields: record.fields.map((f) => ({
      path: f.path,
      language: f.language,
      source: f.source,
      release: f.release,
      status: f.status,
      leaves: f.leaves,
      approval: f.approval,
      problem: f.problem,
    })),
    changes: record.changes.map((c) => ({
      n: c.n,
      field: c.field,
      start: c.start,
      end: c.end,
      original: c.original,
      replacement: c.replacement,
      certain: c.certain,
      reasons: c.reasons,
      person: { id: c.person, name: name(c.person) },
      decision: c.decision,
    })),
  };
}

/** Every text of a case going to `audience` that mentions someone who may not be named, with its proposed changes. */
export async function reviewRelease(
  vault: Vault,
  caseId: string,
  audience: string,
  recordId?: string,
): Promise<ReleaseReview> {
  const { releaser, document } = await compute(vault, caseId, audience);
  const records = releaser.records.filter((r) => !recordId || r.id === recordId);
  if (recordId && records.length === 0) throw noRecord(recordId, audience);
  return {
    caseId,
    audience,
    records: records.map((r) => view(document, r)),
    issues: releaseIssues(releaser, caseId, audience).filter(
      (i) => !recordId || i.recordId === recordId,
    ),
  };
}

const noRecord = (recordId: string, audience: string) =>
  new VigilError(
    'NOT_FOUND',
    `No text of the record ${recordId} going to ${audience} mentions a person who may not be named: there is nothing to review (vigil release show lists the texts that have).`,
  );

function invalid(message: string): VigilError {
  return new VigilError('INVALID_INPUT', message);
}

function parse<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  input: unknown,
  what: string,
): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(
      `The ${what} is invalid: ${issue?.path.join('.') || 'input'} ${issue?.message ?? ''}`.trim(),
    );
  }
  return parsed.data;
}

/**
 * Records decisions on a record's proposed changes and approves its release
 * version: certain changes are always made (a name that is certainly a name
 * cannot be kept: edit the text instead); each ambiguous change is accepted
 * (replaced), rejected (kept as an ordinary word) or edited (replaced by the
 * user's words). Once no ambiguous change is left open, every text of the
 * record has an approved release version, used by every export to this
 * audience until the source text changes.
 */
export async function approveRelease(vault: Vault, input: unknown): Promise<ReleaseSettled> {
  const request = parse(releaseApproveSchema, input, 'release approval');
  const { caseId, audience, recordId } = request;
  const { releaser, stored } = await compute(vault, caseId, audience);
  const record = releaser.records.find((r) => r.id === recordId);
  if (!record) throw noRecord(recordId, audience);
  const byNumber = new Map(record.changes.map((c) => [c.n, c]));
  const given = new Map<number, Decision>();
  for (const { change, decision } of request.decisions) {
    const target = byNumber.get(change);
    if (!target)
      throw invalid(
        `The record ${recordId} has no change ${change} (it has ${record.changes.length}: vigil release show --case ${caseId} --for ${audience} --record ${recordId}).`,
      );
    if (given.has(change)) throw invalid(`Change ${change} is decided twice.`);
    if (target.certain && decision.decision === 'reject')
      throw invalid(
        `Change ${change} ("${target.original}") is certainly the name of a person who may not be named in this export, so it cannot be kept. Replace it by other words with vigil release edit --case ${caseId} --for ${audience} --record ${recordId} --change ${change} --replacement TEXT, or edit the whole text.`,
      );
    if (decision.decision === 'edit') {
      const left = releaser.mentions(decision.text).filter((m) => m.certain);
      if (left.length > 0)
        throw invalid(
          `The replacement for change ${change} still names a person who may not be named: "${left[0]!.text}".`,
        );
    }
    given.set(change, decision);
  }
  let approved = true;
  const undecided: number[] = [];
  await vault.db.transaction(async (tx) => {
    const versions: Record<string, number> = {};
    for (const field of record.fields) {
      const changes = record.changes.filter((c) => c.field === field.path);
      if (changes.length === 0) continue;
      const previous = stored.get(storedKey(record.kind, record.id, field.path));
      const current = previous && previous.sourceSha256 === field.sourceSha256 ? previous : null;
      const decisions: Record<string, Decision> = {};
      for (const c of changes) {
        const decision =
          given.get(c.n) ?? (current?.text == null ? current?.decisions[changeKey(c)] : undefined);
        if (decision) decisions[changeKey(c)] = decision;
      }
      const applied = applyChanges(field.source, changes, (key) => decisions[key]);
      if (applied.undecided.length > 0) {
        approved = false;
        undecided.push(
          ...changes
            .filter((c) => applied.undecided.some((u) => changeKey(u) === changeKey(c)))
            .map((c) => c.n),
        );
      }
      versions[field.path] = await writeVersion(
        tx,
        vault,
        { caseId, audience, kind: record.kind, id: record.id, field: field.path },
        {
          sourceSha256: field.sourceSha256,
          decisions,
          text: null,
          kept: applied.kept,
          release: applied.text,
        },
      );
    }
    const count = (what: Decision['decision']) =>
      [...given.values()].filter((d) => d.decision === what).length;
    await vault.record(tx, {
      action: 'release.approve',
      entityType: record.kind === 'submission' ? 'case' : record.kind,
      entityId: record.kind === 'submission' ? caseId : record.id,
      detail: {
        caseId,
        audience,
        record: record.id,
        versions,
        changes: record.changes.length,
        accepted: count('accept'),
        rejected: count('reject'),
        edited: count('edit'),
        approved,
      },
    });
  });
  const after = await reviewRelease(vault, caseId, audience, recordId);
  return { record: after.records[0]!, approved, undecided, kept: [] };
}

/**
 * Stores a whole text the user wrote as the release version of one field.
 * It may not hold a certain mention of a person who may not be named; the
 * ambiguous words it holds are the user's choice and are kept.
 */
export async function editRelease(vault: Vault, input: unknown): Promise<ReleaseSettled> {
  const request = parse(releaseEditSchema, input, 'release text');
  const { caseId, audience, recordId, field: path, text } = request;
  const { releaser } = await compute(vault, caseId, audience);
  const record = releaser.records.find((r) => r.id === recordId);
  if (!record) throw noRecord(recordId, audience);
  const field = record.fields.find((f) => f.path === path);
  if (!field)
    throw invalid(
      `The record ${recordId} has no text "${path}" to review; its texts are: ${record.fields.map((f) => f.path).join(', ')}.`,
    );
  const mentions = releaser.mentions(text);
  const certain = mentions.filter((m) => m.certain);
  if (certain.length > 0)
    throw invalid(
      `The text still names a person who may not be named in this export: ${certain
        .map((m) => `"${m.text}" at character ${m.start + 1}`)
        .join(', ')}. Nothing was saved.`,
    );
  const kept = mentions.map((m) => m.form);
  await vault.db.transaction(async (tx) => {
    const version = await writeVersion(
      tx,
      vault,
      { caseId, audience, kind: record.kind, id: record.id, field: path },
      { sourceSha256: field.sourceSha256, decisions: {}, text, kept, release: text },
    );
    await vault.record(tx, {
      action: 'release.edit',
      entityType: record.kind === 'submission' ? 'case' : record.kind,
      entityId: record.kind === 'submission' ? caseId : record.id,
      detail: { caseId, audience, record: record.id, field: path, version, kept: kept.length },
    });
  });
  const after = await reviewRelease(vault, caseId, audience, recordId);
  const undecided = after.records[0]!.changes.filter(
    (c) =>
      !c.certain &&
      c.decision === null &&
      after.records[0]!.fields.some((f) => f.path === c.field && f.status === 'undecided'),
  );
  return {
    record: after.records[0]!,
    approved: after.records[0]!.fields.every(
      (f) => f.status === 'approved' || f.status === 'edited',
    ),
    undecided: undecided.map((c) => c.n),
    kept: mentions.map((m) => m.text),
  };
}

export { SUBMISSION_RECORD_ID };
