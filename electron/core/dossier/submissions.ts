import type { CaseDocument } from '../../../shared/domain';
import {
  REGIONAL_TEMPLATES,
  type RegionalTemplate,
  mechanismArgumentsSchema,
  type MechanismArguments,
  urgentAppealSchema,
  wgadSubmissionSchema,
  type UrgentAppeal,
  type WgadSubmission,
} from '../../../shared/dossier';
import { mechanismFactsSchema, type MechanismFacts } from '../../../shared/mechanismFacts';
import { VigilError } from '../errors';
import { partnerSubmissions } from './caseData';
import { InvalidInput } from '../records/validate';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';

/**
 * What templates need beyond the case's records, one record per case and
 * kind in the `submissions` table: the WGAD arguments (`wgad`), an urgent
 * appeal's requests and addressees (`urgent-appeal`), the case-wide
 * mechanism facts every template reads (`facts`, see ./facts.ts), and the
 * arguments of a regional body's template (`echr`…).
 */
const KINDS = {
  wgad: { schema: wgadSubmissionSchema, what: 'WGAD submission' },
  'urgent-appeal': { schema: urgentAppealSchema, what: 'urgent appeal' },
  facts: { schema: mechanismFactsSchema, what: 'mechanism facts' },
  echr: { schema: mechanismArgumentsSchema, what: 'European Court application arguments' },
  'iachr-petition': { schema: mechanismArgumentsSchema, what: 'Inter-American petition arguments' },
  'iachr-precautionary': {
    schema: mechanismArgumentsSchema,
    what: 'precautionary measures request',
  },
  achpr: { schema: mechanismArgumentsSchema, what: 'African Commission communication arguments' },
} as const;
export type SubmissionKind = keyof typeof KINDS;
type DataOf<K extends SubmissionKind> = K extends 'wgad'
  ? WgadSubmission
  : K extends 'urgent-appeal'
    ? UrgentAppeal
    : K extends 'facts'
      ? MechanismFacts
      : MechanismArguments;

/** The persons of a case: those who hold a role in it (a beneficiary must be one). */
export async function casePersonIds(q: Queryable, caseId: string): Promise<Set<string>> {
  const rows = await q.all<{ person_id: string }>(
    'SELECT person_id FROM case_persons WHERE case_id = ?',
    [caseId],
  );
  return new Set(rows.map((r) => r.person_id));
}

/**
 * What a schema cannot see: the facts' beneficiaries must be persons of the
 * case (linked to it), named by their ids. Throws INVALID_INPUT naming the
 * first one that is not.
 */
async function checkAgainstVault(
  vault: Vault,
  caseId: string,
  kind: SubmissionKind,
  data: unknown,
): Promise<void> {
  if (kind !== 'facts') return;
  const { beneficiaries } = data as MechanismFacts;
  if (beneficiaries.length === 0) return;
  const linked = await casePersonIds(vault.db, caseId);
  const index = beneficiaries.findIndex((id) => !linked.has(id));
  if (index >= 0)
    // With the field's path, so that the case screen shows it next to the beneficiaries.
    throw new InvalidInput(
      'mechanism facts',
      [
        {
          path: `beneficiaries[${index}]`,
          message: 'is not a person of this case',
          problem: 'not-in-case',
        },
      ],
      `The mechanism facts are invalid: beneficiaries.${index} ${beneficiaries[index]} is not a person of this case (vigil person list --case …).`,
    );
}

async function assertCase(vault: Vault, caseId: string): Promise<void> {
  if (!(await vault.db.get('SELECT 1 FROM cases WHERE id = ?', [caseId]))) {
    throw new VigilError('NOT_FOUND', `No case with id ${caseId}.`);
  }
}

/** A case's saved data for `kind` (empty when none was written yet). */
export async function getSubmission<K extends SubmissionKind>(
  vault: Vault,
  caseId: string,
  kind: K,
): Promise<DataOf<K>> {
  await assertCase(vault, caseId);
  const row = await vault.db.get<{ data: string }>(
    'SELECT data FROM submissions WHERE case_id = ? AND template = ?',
    [caseId, kind],
  );
  const data: unknown = KINDS[kind].schema.parse(row ? JSON.parse(row.data) : {});
  return (
    kind === 'facts' ? await withCaseBeneficiaries(vault, caseId, data as MechanismFacts) : data
  ) as DataOf<K>;
}

/**
 * The facts with only the beneficiaries who are still persons of the case: a
 * person unlinked from it (or trashed) after the facts were saved is no
 * longer one, and must not go on in its documents or its case.json (an
 * import would refuse a beneficiary with no role in the case).
 */
async function withCaseBeneficiaries(
  vault: Vault,
  caseId: string,
  facts: MechanismFacts,
): Promise<MechanismFacts> {
  if (facts.beneficiaries.length === 0) return facts;
  const linked = await casePersonIds(vault.db, caseId);
  return { ...facts, beneficiaries: facts.beneficiaries.filter((id) => linked.has(id)) };
}

/** Whether someone has written (saved) data for `kind` for this case. */
export async function hasSubmission(
  vault: Vault,
  caseId: string,
  kind: SubmissionKind,
): Promise<boolean> {
  const row = await vault.db.get('SELECT 1 FROM submissions WHERE case_id = ? AND template = ?', [
    caseId,
    kind,
  ]);
  return Boolean(row);
}

/** Replaces a case's data for `kind`; the audit log records which fields were filled, never their text. */
export async function saveSubmission<K extends SubmissionKind>(
  vault: Vault,
  caseId: string,
  kind: K,
  input: unknown,
): Promise<DataOf<K>> {
  const { schema, what } = KINDS[kind];
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VigilError(
      'INVALID_INPUT',
      `The ${what} is invalid: ${issue?.path.join('.') || 'document'} ${issue?.message ?? ''}`.trim(),
    );
  }
  await assertCase(vault, caseId);
  const data = parsed.data as DataOf<K>;
  await checkAgainstVault(vault, caseId, kind, data);
  await vault.db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO submissions (case_id, template, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (case_id, template) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      [caseId, kind, JSON.stringify(data), vault.now().toISOString()],
    );
    const filled = Object.entries(data)
      .filter(([, value]) =>
        typeof value === 'string' ? value !== '' : Array.isArray(value) ? value.length > 0 : true,
      )
      .map(([key]) => key);
    await vault.record(tx, {
      action: 'submission.save',
      entityType: 'case',
      entityId: caseId,
      detail: { template: kind, fields: filled },
    });
  });
  return data;
}

/** The WGAD arguments of a case (empty ones when none were written yet). */
export const getWgadSubmission = (vault: Vault, caseId: string): Promise<WgadSubmission> =>
  getSubmission(vault, caseId, 'wgad');

/** Whether the lawyer has written (saved) WGAD arguments for this case. */
export const hasWgadSubmission = (vault: Vault, caseId: string): Promise<boolean> =>
  hasSubmission(vault, caseId, 'wgad');

/** Replaces the WGAD arguments of a case. */
export const saveWgadSubmission = (
  vault: Vault,
  caseId: string,
  input: unknown,
): Promise<WgadSubmission> => saveSubmission(vault, caseId, 'wgad', input);

/**
 * The work written for a case as its document carries it (`submissions`):
 * the WGAD arguments, the urgent appeal, the mechanism facts and each
 * regional template's arguments, those saved only, as the vault holds them
 * (for the owner's own `vigil case export-json`; partners get them released).
 */
export async function caseSubmissions(
  vault: Vault,
  caseId: string,
): Promise<Pick<CaseDocument, 'submissions'>> {
  const saved = async <K extends SubmissionKind>(kind: K) =>
    (await hasSubmission(vault, caseId, kind)) ? await getSubmission(vault, caseId, kind) : null;
  const args: Partial<Record<RegionalTemplate, MechanismArguments>> = {};
  for (const template of REGIONAL_TEMPLATES) {
    const data = await saved(template);
    if (data) args[template] = data;
  }
  return partnerSubmissions({
    wgad: await saved('wgad'),
    appeal: await saved('urgent-appeal'),
    facts: await saved('facts'),
    arguments: args,
  });
}
