import { replacementText, type PersonReplacement, type TextLanguage } from './describe';
import type { Mention, MentionReason } from './mentions';

/**
 * A release version of one text: the mentions found, each as a proposed
 * change (what to replace, by what), and the text that results from the
 * decisions taken on them.
 */

export interface ProposedChange {
  /** Where the change applies in the source text (UTF-16 offsets, a contracted article included). */
  start: number;
  end: number;
  original: string;
  replacement: string;
  /** A certain mention is always replaced; an ambiguous one waits for a decision. */
  certain: boolean;
  reasons: MentionReason[];
  /** Index of the person in the name index. */
  subject: number;
  /** The folded form found. */
  form: string;
}

export type Decision =
  { decision: 'accept' } | { decision: 'reject' } | { decision: 'edit'; text: string };

/** Identifies a change in its source text, for decisions stored across sessions. */
export const changeKey = (change: { start: number; end: number }): string =>
  `${change.start}:${change.end}`;

/**
 * Turns mentions into changes. `decide` tells, for each change so far, what
 * was decided (undecided counts as accepted here), so that the first
 * replaced mention of a person reads "a witness" and later ones "the
 * witness".
 */
export function proposeChanges(
  text: string,
  mentions: readonly Mention[],
  replacementFor: (subject: number) => PersonReplacement,
  language: TextLanguage,
  decide: (key: string) => Decision | undefined = () => undefined,
): ProposedChange[] {
  const introduced = new Set<number>();
  const described = new Set<number>();
  const changes: ProposedChange[] = [];
  let previousEnd = 0;
  for (const mention of mentions) {
    const replacement = replacementFor(mention.subject);
    const before = text.slice(Math.max(0, mention.start - 40), mention.start);
    const result = replacementText(replacement, mention, {
      language,
      introduced: introduced.has(mention.subject),
      another: [...described].some((s) => s !== mention.subject),
      before,
      // A contraction never reaches into the previous change.
      maxConsume: mention.start - previousEnd,
    });
    const start = mention.start - result.consumeBefore;
    const change: ProposedChange = {
      start,
      end: mention.end,
      original: text.slice(start, mention.end),
      replacement: result.text,
      certain: mention.certain,
      reasons: mention.reasons,
      subject: mention.subject,
      form: mention.form,
    };
    changes.push(change);
    const decision = decide(changeKey(change));
    if (mention.certain || decision?.decision !== 'reject') {
      introduced.add(mention.subject);
      if (replacement.kind === 'description') described.add(mention.subject);
    }
    previousEnd = mention.end;
  }
  return changes;
}

export interface AppliedRelease {
  text: string;
  /** Ambiguous changes still waiting for a decision. */
  undecided: ProposedChange[];
  /** Folded forms the user kept as ordinary words. */
  kept: string[];
}

/** The release text: certain changes applied, ambiguous ones as decided. */
export function applyChanges(
  source: string,
  changes: readonly ProposedChange[],
  decide: (key: string) => Decision | undefined,
): AppliedRelease {
  let text = '';
  let at = 0;
  const undecided: ProposedChange[] = [];
  const kept: string[] = [];
  for (const change of changes) {
    const decision = decide(changeKey(change));
    text += source.slice(at, change.start);
    at = change.end;
    if (decision?.decision === 'edit') text += decision.text;
    else if (change.certain || decision?.decision === 'accept') text += change.replacement;
    else {
      text += change.original;
      if (decision?.decision === 'reject') kept.push(change.form);
      else undecided.push(change);
    }
  }
  text += source.slice(at);
  return { text, undecided, kept };
}
