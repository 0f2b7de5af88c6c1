import { createHash } from 'node:crypto';
import { detectLanguage, type PersonReplacement, type TextLanguage } from './describe';
import { findMentions, type Mention } from './mentions';
import { buildNameIndex, type NameIndex, type NameSubject } from './names';
import {
  applyChanges,
  changeKey,
  proposeChanges,
  type Decision,
  type ProposedChange,
} from './propose';

/**
 * Release versions of every free text of a case that goes to one audience.
 * For each text field of each record leaving the vault it finds the
 * mentions of people who may not be named, proposes changes, applies what a
 * person decided and approved (stored in the vault per field, with the hash
 * of the source it was approved for), and tells what still needs a decision
 * before the text may leave.
 */

export const RELEASE_RECORD_KINDS = [
  'case',
  'person',
  'event',
  'testimony',
  'intervention',
  'submission',
] as const;
export type ReleaseRecordKind = (typeof RELEASE_RECORD_KINDS)[number];

/** The record id under which the WGAD submission's arguments are reviewed. */
export const SUBMISSION_RECORD_ID = 'wgad-submission';
/** The record id under which an urgent appeal's requests and addressees are reviewed. */
export const APPEAL_RECORD_ID = 'urgent-appeal';
/** The record id under which the case's mechanism facts (their free texts) are reviewed. */
export const FACTS_RECORD_ID = 'mechanism-facts';

export interface StoredField {
  sourceSha256: string;
  /** Decisions by change key (start:end in the source). */
  decisions: Record<string, Decision>;
  /** The whole text as the user wrote it, when they edited it. */
  text: string | null;
  /** Folded forms the user kept in an edited text (ordinary words). */
  kept: string[];
  version: number;
  actor: string;
  at: string;
}

export const storedKey = (kind: string, id: string, path: string) =>
  `${kind}\u0000${id}\u0000${path}`;
export type StoredReleases = ReadonlyMap<string, StoredField>;

export interface ReleaseChange extends ProposedChange {
  /** Number of the change in its record (1-based, over the record's fields in order). */
  n: number;
  field: string;
  /** The person's record id. */
  person: string;
  decision: Decision | null;
}

export type FieldStatus =
  /** Certain changes only, not reviewed: the proposal goes out as it is. */
  | 'proposed'
  /** Ambiguous changes wait for a decision: the text cannot leave. */
  | 'undecided'
  | 'approved'
  | 'edited'
  /** Approved for another version of the text, or the approved text now names someone who may not be named. */
  | 'stale';

export interface FieldRelease {
  path: string;
  language: TextLanguage;
  source: string;
  sourceSha256: string;
  /** The text that leaves. */
  release: string;
  status: FieldStatus;
  /** Whether this field leaves with the export (private fields only when asked). */
  leaves: boolean;
  approval: { version: number; actor: string; at: string } | null;
  /** Why a stale approval no longer holds. */
  problem: string | null;
}

export interface RecordRelease {
  kind: ReleaseRecordKind;
  id: string;
  fields: FieldRelease[];
  changes: ReleaseChange[];
}

export interface ReleaseSubject {
  subject: NameSubject;
  replacement: PersonReplacement;
}

export interface FieldOptions {
  /** Keys whose values are never free text (ids, vocabulary terms). */
  structural: ReadonlySet<string>;
  /** Paths to leave untouched in this record (a named person's own name). */
  skip?: (path: string) => boolean;
  /** The recorded language of a field, when there is one. */
  languageOf?: (path: string) => string | null | undefined;
  /** Whether the field leaves with this export. */
  leaves?: (path: string) => boolean;
}

export const sha256Text = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

export class Releaser {
  readonly index: NameIndex;
  readonly named: NameIndex;
  readonly records: RecordRelease[] = [];

  constructor(
    private readonly withheld: readonly ReleaseSubject[],
    named: readonly NameSubject[],
    private readonly stored: StoredReleases = new Map(),
  ) {
    this.index = buildNameIndex(withheld.map((w) => w.subject));
    this.named = buildNameIndex(named);
  }

  /** Mentions of people who may not be named in one text. */
  mentions(text: string): Mention[] {
    return this.withheld.length === 0 ? [] : findMentions(this.index, text, this.named);
  }

  /**
   * The record with every free text replaced by its release version; what
   * was found and decided is kept in `records`.
   */
  release<T>(kind: ReleaseRecordKind, id: string, record: T, options: FieldOptions): T {
    const entry: RecordRelease = { kind, id, fields: [], changes: [] };
    const released = this.walk(record, '', options, (path, text) =>
      this.releaseField(entry, path, text, options),
    );
    if (entry.fields.length > 0) this.records.push(entry);
    return released;
  }

  private walk<T>(
    value: T,
    path: string,
    options: FieldOptions,
    visit: (path: string, text: string) => string,
  ): T {
    if (typeof value === 'string') {
      if (!value || options.skip?.(path)) return value;
      return visit(path, value) as T;
    }
    if (Array.isArray(value))
      return (value as unknown[]).map((item, i) =>
        this.walk(item, `${path}[${i}]`, options, visit),
      ) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, item]) => [
          key,
          options.structural.has(key)
            ? item
            : this.walk(item, path ? `${path}.${key}` : key, options, visit),
        ]),
      ) as T;
    }
    return value;
  }

  private releaseField(
    entry: RecordRelease,
    path: string,
    source: string,
    options: FieldOptions,
  ): string {
    const stored = this.stored.get(storedKey(entry.kind, entry.id, path)) ?? null;
    const mentions = this.mentions(source);
    if (mentions.length === 0 && !stored) return source;
    const language = detectLanguage(source, options.languageOf?.(path));
    const sourceSha256 = sha256Text(source);
    const current = stored && stored.sourceSha256 === sourceSha256 ? stored : null;
    const decide = (key: string) => current?.decisions[key];
    const replacementFor = (subject: number) => this.withheld[subject]!.replacement;
    const proposed = proposeChanges(source, mentions, replacementFor, language, decide);
    const first = entry.changes.length;
    proposed.forEach((change, i) =>
      entry.changes.push({
        ...change,
        n: first + i + 1,
        field: path,
        person: this.withheld[change.subject]!.subject.id,
        decision: decide(changeKey(change)) ?? null,
      }),
    );
    const leaves = options.leaves?.(path) ?? true;
    const field: FieldRelease = {
      path,
      language,
      source,
      sourceSha256,
      release: source,
      status: 'proposed',
      leaves,
      approval: stored ? { version: stored.version, actor: stored.actor, at: stored.at } : null,
      problem: null,
    };
    entry.fields.push(field);

    if (stored && !current) {
      if (mentions.length === 0) return source;
      field.status = 'stale';
      field.problem = 'the text changed after its release version was approved';
    } else if (current?.text != null) {
      // An edited text: nothing certain may remain, and only the words the user kept.
      const left = this.mentions(current.text).filter(
        (m) => m.certain || !current.kept.includes(m.form),
      );
      field.release = current.text;
      field.status = left.length === 0 ? 'edited' : 'stale';
      if (left.length > 0)
        field.problem = `the approved text now holds ${left.map((m) => `"${m.text}"`).join(', ')}, which may name a person who may not be named`;
      return field.status === 'edited' ? current.text : source;
    }
    const applied = applyChanges(source, proposed, decide);
    field.release = applied.text;
    if (field.status !== 'stale')
      field.status = applied.undecided.length > 0 ? 'undecided' : current ? 'approved' : 'proposed';
    return applied.text;
  }

  /** Texts that may not leave as they are: ambiguous mentions undecided, or an approval that no longer holds. */
  issues(): { record: RecordRelease; field: FieldRelease; changes: ReleaseChange[] }[] {
    const issues: { record: RecordRelease; field: FieldRelease; changes: ReleaseChange[] }[] = [];
    for (const record of this.records)
      for (const field of record.fields) {
        if (!field.leaves || (field.status !== 'undecided' && field.status !== 'stale')) continue;
        const changes = record.changes.filter(
          (c) =>
            c.field === field.path &&
            (field.status === 'stale' ? true : !c.certain && c.decision === null),
        );
        issues.push({ record, field, changes });
      }
    return issues;
  }
}
