import type { Audience } from '../../../shared/dossier';
import type { Releaser } from './releaser';

/**
 * What stops an export before anything is written: texts whose ambiguous
 * mentions nobody decided on, and approvals that no longer hold. The message
 * names each record and field, the words, and the commands that settle them.
 */

/** The audience as `--for` spells it: a mechanism term, "public" (or "partners"). */
export function audienceKey(audience: Audience): string {
  return audience.kind === 'mechanism' ? audience.mechanism : audience.kind;
}

export interface ReleaseIssue {
  recordKind: string;
  recordId: string;
  field: string;
  status: 'undecided' | 'stale';
  /** The words in question, as written. */
  words: string[];
  /** The numbers of the changes in question (as `vigil release show` numbers them). */
  changes: number[];
  /** Why an approval no longer holds. */
  problem: string | null;
  /** The commands that settle it. */
  commands: string[];
}

export function releaseIssues(
  releaser: Releaser,
  caseId: string,
  audience: string,
): ReleaseIssue[] {
  return releaser.issues().map(({ record, field, changes }) => {
    const base = `vigil release approve --case ${caseId} --for ${audience} --record ${record.id}`;
    const numbers = changes.map((c) => c.n);
    const commands =
      field.status === 'undecided'
        ? [
            `${base} ${numbers.map((n) => `--reject ${n}`).join(' ')}`,
            `${base} ${numbers.map((n) => `--accept ${n}`).join(' ')}`,
          ]
        : [`vigil release show --case ${caseId} --for ${audience} --record ${record.id}`, base];
    return {
      recordKind: record.kind,
      recordId: record.id,
      field: field.path,
      status: field.status as 'undecided' | 'stale',
      words: changes.map((c) => c.original),
      changes: numbers,
      problem: field.problem,
      commands,
    };
  });
}

export function describeIssues(issues: readonly ReleaseIssue[], audience: string): string {
  const parts = issues.map((issue) => {
    const where = `${issue.recordKind} ${issue.recordId} (${issue.field})`;
    if (issue.status === 'undecided') {
      const words = issue.words.map((w, i) => `"${w}" (change ${issue.changes[i]})`).join(', ');
      return `${where}: ${words} may be ordinary words or a name of a person who may not be named; keep them as written: ${issue.commands[0]}; or replace them: ${issue.commands[1]}`;
    }
    return `${where}: ${issue.problem ?? 'its approval no longer holds'}; review it again: ${issue.commands[0]}, then ${issue.commands[1]}`;
  });
  const count = issues.length === 1 ? '1 text needs' : `${issues.length} texts need`;
  return `The export was stopped: ${count} a decision before going to ${audience}. ${parts.join('. ')}. Nothing was written.`;
}
