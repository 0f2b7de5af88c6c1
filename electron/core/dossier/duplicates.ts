import { casesWithOrigin } from '../records';
import { VigilError } from '../errors';
import type { Queryable } from '../vault/database';

/**
 * Recognising a dossier whose case is already in the vault: same origin (the
 * case's id where it was begun, carried in case.json). Used by `vigil
 * verify` (to say so) and by `vigil import` (to stop, unless the user chose
 * to update the case or to keep a separate copy).
 */

/** The case already in the vault that a dossier is a version of (same origin). */
export interface DuplicateInfo {
  caseId: string;
  reference: string;
  title: string;
  /** The case was begun in this vault, and the dossier is a partner's copy of it. */
  begunHere: boolean;
  /** The organisation key that began the case, when known. */
  organisation: string | null;
  /** How many other cases in the vault have the same origin (copies kept apart). */
  others: number;
}

/** What to do with a dossier whose case is already in the vault. */
export type DuplicateChoice = 'update' | 'as-new';

/** The case is already in the vault and the user has not said what to do: nothing was changed. */
export class DuplicateCaseError extends VigilError {
  constructor(readonly duplicateOf: DuplicateInfo) {
    super(
      'CONFLICT',
      `This case is already in the vault as ${duplicateOf.reference} (${duplicateOf.begunHere ? 'begun here' : 'imported before'}). Import it again with --update to merge the partner's changes into it, or with --as-new to keep a separate copy. Nothing was changed.`,
    );
  }
}

/** The case already in the vault that has the document's origin, if any (the most recently changed). */
export async function duplicateOf(
  q: Queryable,
  document: { origin?: { id: string } | undefined; case: { id: string } },
): Promise<DuplicateInfo | null> {
  const matches = await casesWithOrigin(q, document.origin?.id ?? document.case.id);
  const first = matches[0];
  if (!first) return null;
  return {
    caseId: first.caseId,
    reference: first.reference,
    title: first.title,
    begunHere: first.begunHere,
    organisation: first.organisation,
    others: matches.length - 1,
  };
}
