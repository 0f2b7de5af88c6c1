// The kinds of record that deleting moves to the trash (electron/core/records/trash.ts).
export const TRASH_KINDS = [
  'case',
  'person',
  'event',
  'testimony',
  'intervention',
  'evidence',
] as const;
export type TrashKind = (typeof TRASH_KINDS)[number];

/** The vocabulary whose term starts the trash label of a kind (electron/core/records/trash.ts labelOf). */
const LABEL_TERMS: Partial<Record<TrashKind, 'event-type' | 'intervention-type'>> = {
  event: 'event-type',
  intervention: 'intervention-type',
};
const DAY = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

export interface TrashLabelParts {
  /** The record's type, a term id of that vocabulary, for the UI to name in its language. */
  term: { vocabulary: 'event-type' | 'intervention-type'; id: string } | null;
  /** A date in ISO form (the event's start, the testimony's or intervention's day). */
  date: string | null;
  /** The rest as recorded: a title, a recipient, a name, the first words. */
  text: string;
}

/**
 * A trash label in its parts, as `labelOf` wrote them ("urgent-appeal
 * 2024-03-01 Relatoría"): the stored label stays what the CLI prints, and
 * the UI names the type and the date in the user's language.
 */
export function trashLabelParts(
  kind: TrashKind,
  label: string,
  /** Whether the vocabulary has this term (an untyped event's label starts with its title). */
  isTerm: (vocabulary: 'event-type' | 'intervention-type', id: string) => boolean,
): TrashLabelParts {
  const words = label.split(' ');
  const vocabulary = LABEL_TERMS[kind];
  let term: TrashLabelParts['term'] = null;
  if (vocabulary && words[0] && !DAY.test(words[0]) && isTerm(vocabulary, words[0]))
    term = { vocabulary, id: words.shift()! };
  const date =
    (kind === 'event' || kind === 'intervention' || kind === 'testimony') &&
    DAY.test(words[0] ?? '')
      ? words.shift()!
      : null;
  return { term, date, text: words.join(' ') };
}
