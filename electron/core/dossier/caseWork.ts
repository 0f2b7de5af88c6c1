import {
  mechanismArgumentsSchema,
  REGIONAL_TEMPLATES,
  urgentAppealSchema,
  wgadSubmissionSchema,
  type RegionalTemplate,
} from '../../../shared/dossier';
import { mechanismFactsSchema } from '../../../shared/mechanismFacts';
import type { CaseDocument } from '../../../shared/domain';
import { importCaseDocuments, type ImportOptions, type ImportResult } from '../records';
import { invalidInput } from '../records/validate';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { casePersonIds } from './submissions';

/**
 * The work written for a case that a case document carries (`submissions`:
 * the WGAD arguments, the urgent appeal, the mechanism facts, the regional
 * bodies' arguments) and the sender's details, kept when the case comes in:
 * by a partner's bundle (import.ts) and by `vigil case import`, in the
 * transaction that writes the records, one path for both.
 */

/** What became of one kind of work: stored, equal to the vault's, or the vault's own kept. */
export type KeptWork = 'added' | 'kept-local' | 'same';

export interface CaseWorkReport {
  wgad: KeptWork | null;
  urgentAppeal: KeptWork | null;
  facts: KeptWork | null;
  /** Each regional template's arguments the document carried. */
  arguments: Partial<Record<RegionalTemplate, KeptWork>>;
}

/** One template's data that came with the case, stored only when the case has none here. */
async function keepSubmissionTx(
  tx: Queryable,
  caseId: string,
  template: 'wgad' | 'urgent-appeal' | 'facts' | RegionalTemplate,
  theirs: unknown,
  schema: { parse(value: unknown): unknown },
  now: string,
): Promise<KeptWork | null> {
  if (!theirs) return null;
  const local = await tx.get<{ data: string }>(
    'SELECT data FROM submissions WHERE case_id = ? AND template = ?',
    [caseId, template],
  );
  if (local) {
    const same = JSON.stringify(schema.parse(JSON.parse(local.data))) === JSON.stringify(theirs);
    return same ? 'same' : 'kept-local';
  }
  await tx.run(
    'INSERT INTO submissions (case_id, template, data, updated_at) VALUES (?, ?, ?, ?)',
    [caseId, template, JSON.stringify(theirs), now],
  );
  return 'added';
}

/**
 * The facts' beneficiaries must be persons of the case, as when the facts
 * are saved (submissions.ts): the document's check found each among its
 * persons; here each must also hold a role in the case once the records are
 * written. Throws INVALID_INPUT naming the document's path, and the
 * transaction, so the whole import, is undone.
 */
async function assertBeneficiariesTx(
  tx: Queryable,
  caseId: string,
  beneficiaries: readonly string[],
  ids: Readonly<Record<string, string>>,
): Promise<void> {
  if (beneficiaries.length === 0) return;
  const linked = await casePersonIds(tx, caseId);
  const issues = beneficiaries.flatMap((id, i) =>
    linked.has(ids[id] ?? id)
      ? []
      : [
          {
            path: `submissions.facts.beneficiaries[${i}]`,
            message: `names ${id}, who has no role in the case (a beneficiary must be a person of the case)`,
          },
        ],
  );
  if (issues.length > 0) throw invalidInput('case document', issues);
}

/**
 * Keeps the work that came with the case (never over the vault's own) and the
 * sender's details. The document's ids are mapped to the vault's through
 * `ids` (the facts' beneficiaries are persons of the document).
 */
export async function keepCaseWorkTx(
  tx: Queryable,
  caseId: string,
  document: CaseDocument,
  ids: Readonly<Record<string, string>>,
  now: string,
): Promise<CaseWorkReport> {
  const work = document.submissions;
  if (work?.facts) await assertBeneficiariesTx(tx, caseId, work.facts.beneficiaries, ids);
  if (document.submitter)
    await tx.run('UPDATE cases SET origin_submitter = ? WHERE id = ?', [
      JSON.stringify(document.submitter),
      caseId,
    ]);
  const args: CaseWorkReport['arguments'] = {};
  for (const template of REGIONAL_TEMPLATES) {
    const kept = await keepSubmissionTx(
      tx,
      caseId,
      template,
      work?.arguments?.[template],
      mechanismArgumentsSchema,
      now,
    );
    if (kept) args[template] = kept;
  }
  return {
    wgad: await keepSubmissionTx(tx, caseId, 'wgad', work?.wgad, wgadSubmissionSchema, now),
    urgentAppeal: await keepSubmissionTx(
      tx,
      caseId,
      'urgent-appeal',
      work?.urgentAppeal,
      urgentAppealSchema,
      now,
    ),
    facts: await keepSubmissionTx(
      tx,
      caseId,
      'facts',
      work?.facts && {
        ...work.facts,
        beneficiaries: work.facts.beneficiaries.map((id) => ids[id] ?? id),
      },
      mechanismFactsSchema,
      now,
    ),
    arguments: args,
  };
}

/**
 * `vigil case import`: the case documents' records and the work written for
 * each case, in one transaction (all of it, or nothing). The submissions are
 * validated by the same schemas as the facts and arguments the CLI and the
 * UI save (the document's check), their beneficiaries against the case.
 * Results come in the order of `inputs`.
 */
export async function importCasesWithWork(
  vault: Vault,
  inputs: readonly unknown[],
  options: Omit<ImportOptions, 'more'>,
): Promise<(ImportResult & { submissions: CaseWorkReport })[]> {
  // `more` runs once per document, in their order (a merge may name one case twice).
  const kept: CaseWorkReport[] = [];
  const results = await importCaseDocuments(vault, inputs, {
    ...options,
    more: async (tx, caseId, ids, doc) => {
      const work = await keepCaseWorkTx(tx, caseId, doc, ids, vault.now().toISOString());
      kept.push(work);
      // The audit entry says what was kept, never the text.
      return { submissions: work };
    },
  });
  return results.map((result, i) => ({ ...result, submissions: kept[i]! }));
}

/** `importCasesWithWork` for one document. */
export async function importCaseWithWork(
  vault: Vault,
  input: unknown,
  options: Omit<ImportOptions, 'more'>,
): Promise<ImportResult & { submissions: CaseWorkReport }> {
  return (await importCasesWithWork(vault, [input], options))[0]!;
}
