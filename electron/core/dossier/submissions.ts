import { wgadSubmissionSchema, type WgadSubmission } from '../../../shared/dossier';
import { VigilError } from '../errors';
import type { Vault } from '../vault/vault';

async function assertCase(vault: Vault, caseId: string): Promise<void> {
  if (!(await vault.db.get('SELECT 1 FROM cases WHERE id = ?', [caseId]))) {
    throw new VigilError('NOT_FOUND', `No case with id ${caseId}.`);
  }
}

/** The WGAD arguments of a case (empty ones when none were written yet). */
export async function getWgadSubmission(vault: Vault, caseId: string): Promise<WgadSubmission> {
  await assertCase(vault, caseId);
  const row = await vault.db.get<{ data: string }>(
    "SELECT data FROM submissions WHERE case_id = ? AND template = 'wgad'",
    [caseId],
  );
  return wgadSubmissionSchema.parse(row ? JSON.parse(row.data) : {});
}

/** Whether the lawyer has written (saved) WGAD arguments for this case. */
export async function hasWgadSubmission(vault: Vault, caseId: string): Promise<boolean> {
  const row = await vault.db.get(
    "SELECT 1 FROM submissions WHERE case_id = ? AND template = 'wgad'",
    [caseId],
  );
  return Boolean(row);
}

/** Replaces the WGAD arguments of a case; the audit log records which fields were filled, never their text. */
export async function saveWgadSubmission(
  vault: Vault,
  caseId: string,
  input: unknown,
): Promise<WgadSubmission> {
  const parsed = wgadSubmissionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VigilError(
      'INVALID_INPUT',
      `The WGAD submission is invalid: ${issue?.path.join('.') || 'document'} ${issue?.message ?? ''}`.trim(),
    );
  }
  await assertCase(vault, caseId);
  const data = parsed.data;
  await vault.db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO submissions (case_id, template, data, updated_at) VALUES (?, 'wgad', ?, ?)
       ON CONFLICT (case_id, template) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      [caseId, JSON.stringify(data), vault.now().toISOString()],
    );
    const filled = Object.entries(data)
      .filter(([, value]) => (typeof value === 'string' ? value !== '' : true))
      .map(([key]) => key);
    await vault.record(tx, {
      action: 'submission.save',
      entityType: 'case',
      entityId: caseId,
      detail: { template: 'wgad', fields: filled },
    });
  });
  return data;
}
