import { createHash } from 'node:crypto';
import type { Manifest, OriginalReveal, WithheldItem } from '../../../shared/dossier';
import type { CoreWarning } from '../../../shared/warnings';
import type { Vault } from '../vault/vault';
import type { AuditEvent } from '../vault/audit';
import { parseFingerprint } from '../pgp';
import { recordSentToPartners } from '../records';
import { defaultAudience, planDossier, type ExportRequest } from './plan';
import { writeBundle, writeDossierDirectory, type WriteOptions } from './write';

export type ExportTarget =
  { kind: 'directory'; path: string } | { kind: 'bundle'; path: string; recipients: string[] };

export interface ExportResult {
  out: string;
  kind: ExportTarget['kind'];
  bytes: number;
  manifest: Manifest;
  manifestSha256: string;
  recipients: string[];
  /** The withholding report (the sender's; stored with the audit entry, never in the dossier). */
  withheld: WithheldItem[];
  /** The originals that went as they are, and what each reveals. */
  originals: OriginalReveal[];
  /** The CLI's English sentences (`notices[i].text`). */
  warnings: string[];
  /** The same warnings as codes with their values, for the UI to word. */
  notices: CoreWarning[];
}

/** Plans, writes and records one export: a signed dossier folder or an encrypted partner bundle. */
export async function exportDossier(
  vault: Vault,
  request: ExportRequest,
  target: ExportTarget,
  options: WriteOptions = {},
): Promise<ExportResult> {
  // Held from the plan to the audit entry: the export describes one state of the case.
  await vault.ensureWriter();
  const plan = await planDossier(vault, {
    ...request,
    audience: request.audience ?? defaultAudience(request.template, target.kind === 'bundle'),
  });
  const manifestFile = plan.files.find((f) => f.path === 'manifest.json')!;
  const recipients =
    target.kind === 'bundle' ? [...new Set(target.recipients.map(parseFingerprint))] : [];
  // Recorded by the writer in the transaction that marks the output complete.
  const audit: AuditEvent = {
    action: 'dossier.export',
    entityType: 'case',
    entityId: request.caseId,
    detail: {
      kind: target.kind,
      template: request.template,
      language: request.language,
      audience: plan.manifest.audience,
      files: plan.manifest.files.length,
      signer: plan.signer.fingerprint,
      recipients,
      manifestSha256: manifestFile.sha256,
      includePrivate: request.includePrivate,
      originals: plan.originals.map((o) => ({ id: o.id, forbiddenName: o.forbidden })),
      // The withholding report, by record id, field and reason: the audit log holds no case content,
      // so the sender's wording (which may name people) is left out.
      withheld: plan.withheld.map(({ kind, record, field, reason, why }) => ({
        kind,
        record,
        field,
        reason,
        ...(why ? { why: why.map((w) => ({ code: w.code })) } : {}),
      })),
    },
  };
  const written =
    target.kind === 'directory'
      ? {
          ...(await writeDossierDirectory(vault, plan, target.path, options, audit)),
          recipients: [] as string[],
        }
      : await writeBundle(vault, plan, target.path, target.recipients, options, audit);
  // After the output is complete: a missing baseline only makes a later update more cautious.
  if (plan.partnerCase) await recordSentToPartners(vault, request.caseId, plan.partnerCase);
  return {
    out: written.out,
    kind: target.kind,
    bytes: written.bytes,
    manifest: plan.manifest,
    manifestSha256: createHash('sha256')
      .update(manifestFile.content as Buffer)
      .digest('hex'),
    recipients: written.recipients,
    withheld: plan.withheld,
    originals: plan.originals,
    warnings: plan.warnings.map((w) => w.text),
    notices: plan.warnings,
  };
}
