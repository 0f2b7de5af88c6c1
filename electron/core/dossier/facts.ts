import type { MechanismFacts } from '../../../shared/mechanismFacts';
import type { Vault } from '../vault/vault';
import { getSubmission, hasSubmission, saveSubmission } from './submissions';

/**
 * A case's mechanism facts (shared/mechanismFacts.ts): the State responsible,
 * the final domestic decision, domestic remedies, other procedures, the
 * beneficiaries of protection measures, the Special Procedures mandates and
 * the consent and risk answers the bodies ask for. Stored with the case's
 * other submission data (`submissions`, kind `facts`): validated by the
 * schema and against the vault (beneficiaries are persons of the case),
 * audited (which fields were filled, never their text), carried to partners
 * in case.json and released before they leave.
 *
 * Templates read them released for their audience from the prepared export
 * (`prepared.redacted.facts`); these functions are for the front-ends.
 */

/** The case's facts; every field empty or null when nothing was recorded. */
export const getMechanismFacts = (vault: Vault, caseId: string): Promise<MechanismFacts> =>
  getSubmission(vault, caseId, 'facts');

/** Whether facts were ever saved for the case. */
export const hasMechanismFacts = (vault: Vault, caseId: string): Promise<boolean> =>
  hasSubmission(vault, caseId, 'facts');

/**
 * Replaces the case's facts with `input` (a whole document: absent fields
 * become empty). Throws INVALID_INPUT naming the first bad field, and then
 * nothing is changed.
 */
export const saveMechanismFacts = (
  vault: Vault,
  caseId: string,
  input: unknown,
): Promise<MechanismFacts> => saveSubmission(vault, caseId, 'facts', input);
