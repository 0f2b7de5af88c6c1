import { createHash } from 'node:crypto';
import type { Manifest } from '../../../shared/dossier';
import type { Vault } from '../vault/vault';
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
  warnings: string[];
}

/** Plans, writes and records one export: a signed dossier folder or an encrypted partner bundle. */
export async function exportDossier(
  vault: Vault,
  request: ExportRequest,
  target: ExportTarget,
  options: WriteOptions = {},
): Promise<ExportResult> {
  const plan = await planDossier(vault, {
    ...request,
    audience: request.audience ?? defaultAudience(request.template, target.kind === 'bundle'),
  });
  const written =
    target.kind === 'directory'
      ? {
          ...(await writeDossierDirectory(vault, plan, target.path, options)),
          recipients: [] as string[],
        }
      : await writeBundle(vault, plan, target.path, target.recipients, options);
  const manifestFile = plan.files.find((f) => f.path === 'manifest.json')!;
  await vault.db.transaction((tx) =>
    vault.record(tx, {
      action: 'dossier.export',
      entityType: 'case',
      entityId: request.caseId,
      detail: {
        kind: target.kind,
        template: request.template,
        audience: plan.manifest.audience,
        files: plan.manifest.files.length,
        withheld: plan.manifest.withheld.length,
        signer: plan.signer.fingerprint,
        recipients: written.recipients,
        manifestSha256: manifestFile.sha256,
        includePrivate: request.includePrivate,
        includeOriginals: request.includeOriginals,
      },
    }),
  );
  return {
    out: written.out,
    kind: target.kind,
    bytes: written.bytes,
    manifest: plan.manifest,
    manifestSha256: createHash('sha256')
      .update(manifestFile.content as Buffer)
      .digest('hex'),
    recipients: written.recipients,
    warnings: plan.warnings,
  };
}
