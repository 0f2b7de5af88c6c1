import type { z } from 'zod';

/** One problem with one field of an input, for forms (by path) and for messages (as text). */
export interface FieldIssue {
  /** `events[3].start`, `consent.mechanisms[0]`; empty for the whole input. */
  path: string;
  message: string;
  /** What is wrong, as a stable code that a front-end words in its own language. */
  problem?: FieldProblem;
}

/**
 * What can be wrong with a field, as stable codes: the generic ones follow
 * from the schema (zod's issue kinds), the others are named by the domain's
 * own checks (`params: { problem }` on a custom issue).
 */
export const FIELD_PROBLEMS = [
  'required',
  'too-long',
  'too-short',
  'too-many',
  'too-small',
  'too-large',
  'not-a-choice',
  'wrong-format',
  'unknown-field',
  'not-a-date',
  'end-before-start',
  'mechanisms-required',
  'mechanisms-not-for-scope',
  'withdrawn-on-without-withdrawal',
  'withdrawn-before-given',
  'unknown-term',
  'duplicate',
  /** An intervention's step: out of closed, or not forward in the order of its states. */
  'step-closed',
  'step-not-forward',
  /** A step's day: in the future, or before the day of the step before. */
  'day-in-future',
  'day-before-last-step',
  /** A mechanism fact: the day the decision was notified is before the decision. */
  'before-decision',
  /** A person named (a beneficiary) who is not a person of the case. */
  'not-in-case',
  'invalid',
] as const;
export type FieldProblem = (typeof FIELD_PROBLEMS)[number];

export function isFieldProblem(value: unknown): value is FieldProblem {
  return typeof value === 'string' && (FIELD_PROBLEMS as readonly string[]).includes(value);
}

/** The params a domain check puts on a custom issue so that its problem has a code. */
export const problem = (code: FieldProblem) => ({ problem: code });

/** The stable code of one zod issue. */
export function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'required' : 'invalid';
    case 'unrecognized_keys':
      return 'unknown-field';
    case 'invalid_value':
    case 'invalid_union':
      return 'not-a-choice';
    case 'invalid_format':
      return 'wrong-format';
    case 'too_big':
      return issue.origin === 'string'
        ? 'too-long'
        : issue.origin === 'array' || issue.origin === 'set'
          ? 'too-many'
          : 'too-large';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'required' : 'too-short';
      if (issue.origin === 'array' || issue.origin === 'set')
        return Number(issue.minimum) <= 1 ? 'required' : 'too-small';
      return 'too-small';
    case 'custom': {
      const named = (issue.params as { problem?: unknown } | undefined)?.problem;
      return isFieldProblem(named) ? named : 'invalid';
    }
    default:
      return 'invalid';
  }
}

export function pathToString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Turns zod's own wording into plain sentences; our custom messages pass through. */
function plainMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'is required'
        : `has the wrong type (expected ${issue.expected})`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_big':
      return issue.origin === 'number' ? `must be at most ${String(issue.maximum)}` : issue.message;
    case 'too_small':
      return issue.origin === 'number'
        ? `must be at least ${String(issue.minimum)}`
        : issue.message;
    default:
      return issue.message;
  }
}

export function issuesFromZod(
  error: z.ZodError,
  prefix: readonly PropertyKey[] = [],
): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: pathToString([...prefix, ...issue.path]),
    message: plainMessage(issue),
    problem: problemOf(issue),
  }));
}

/** `title must not be empty`, `start: 2024-02-30 is not a date…`. */
export function issueText(issue: FieldIssue): string {
  if (!issue.path) return issue.message;
  return /^[a-z(]/.test(issue.message)
    ? `${issue.path} ${issue.message}`
    : `${issue.path}: ${issue.message}`;
}

/** Several issues as one sentence body, the first few in full. */
export function describeIssues(issues: readonly FieldIssue[], max = 5): string {
  const shown = issues.slice(0, max).map(issueText).join('; ');
  const more =
    issues.length > max
      ? `; and ${issues.length - max} more problem${issues.length - max > 1 ? 's' : ''}`
      : '';
  return `${shown}${more}`;
}
