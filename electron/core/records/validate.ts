import type { z } from 'zod';
import { describeIssues, issuesFromZod, type FieldIssue } from '../../../shared/domain/issues';
import { vocabularyIssues, type RecordKind } from '../../../shared/domain/vocabCheck';
import type { VocabularySet } from '../../../shared/vocabularies';
import { VigilError } from '../errors';

/**
 * An INVALID_INPUT error naming every problem (the first few in full), with
 * the problems by field, so that a front-end can name its own inputs (the
 * CLI its options). Nothing has been written.
 */
export class InvalidInput extends VigilError {
  /** Whether the message is the check's own sentence (front-ends keep it), not the issues listed. */
  readonly worded: boolean;
  constructor(
    readonly what: string,
    readonly issues: readonly FieldIssue[],
    /** A sentence of the check's own, where the list of issues would say less. */
    message?: string,
  ) {
    super(
      'INVALID_INPUT',
      message ?? `The ${what} is not valid: ${describeIssues(issues)}. Nothing was changed.`,
    );
    this.worded = message !== undefined;
  }
}

export function invalidInput(what: string, issues: readonly FieldIssue[]): InvalidInput {
  return new InvalidInput(what, issues);
}

/** Parses `value` with a shared schema, or throws INVALID_INPUT with every problem by field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(what, issuesFromZod(result.error));
  return result.data;
}

/** Refuses terms that neither the built-in vocabularies nor the vault's own terms know. */
export function assertTerms(
  kind: RecordKind,
  record: object,
  vocab: VocabularySet,
  what: string,
): void {
  const issues = vocabularyIssues(kind, record as Record<string, unknown>, vocab);
  if (issues.length > 0) throw invalidInput(what, issues);
}

export function notFound(what: string, id: string): VigilError {
  return new VigilError('NOT_FOUND', `There is no ${what} with the id ${id} in this vault.`);
}

/** Record ids are UUIDs; anything else cannot name a record (and is not echoed at length). */
export function checkId(id: string, what: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new VigilError(
      'INVALID_INPUT',
      `"${id.slice(0, 60)}" is not ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what} id (ids look like 0b7c2f1e-…).`,
    );
  }
  return id.toLowerCase();
}

/** Names of the fields that differ between two versions of a record (for the audit log: names, never values). */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): string[] {
  return fields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** Fields of a new record that hold something (for the audit log). */
export function filledFields(record: Record<string, unknown>): string[] {
  return Object.entries(record)
    .filter(([, value]) => {
      if (value === null || value === undefined || value === '' || value === false) return false;
      if (Array.isArray(value)) return value.length > 0;
      return true;
    })
    .map(([field]) => field);
}
