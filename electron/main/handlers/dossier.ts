import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  defaultAudience,
  exportDossier,
  getMechanismFacts,
  getSubmission,
  getWgadSubmission,
  importDossier,
  previewExport,
  saveMechanismFacts,
  saveSubmission,
  saveWgadSubmission,
  verifyDossier,
} from '../../core/dossier';
import { getCase, getOrganisation, updateOrganisation } from '../../core/records';
import type { Handlers } from '../ipc/dispatch';
import type { AppContext } from './context';

type DossierChannels =
  | 'dossier.preview'
  | 'dossier.getSubmission'
  | 'dossier.saveSubmission'
  | 'dossier.getFacts'
  | 'dossier.saveFacts'
  | 'dossier.getArguments'
  | 'dossier.saveArguments'
  | 'dossier.getAppeal'
  | 'dossier.saveAppeal'
  | 'organisation.get'
  | 'organisation.update'
  | 'dossier.export'
  | 'dossier.verify'
  | 'dossier.chooseBundle'
  | 'dossier.inspectBundle'
  | 'dossier.import';

export function dossierHandlers(ctx: AppContext): Pick<Handlers, DossierChannels> {
  return {
    async 'dossier.preview'(request) {
      return previewExport(ctx.session.requireVault(), request);
    },
    async 'dossier.getSubmission'({ caseId }) {
      return getWgadSubmission(ctx.session.requireVault(), caseId);
    },
    async 'dossier.saveSubmission'({ caseId, submission }) {
      return saveWgadSubmission(ctx.session.requireVault(), caseId, submission);
    },
    async 'dossier.getFacts'({ caseId }) {
      return getMechanismFacts(ctx.session.requireVault(), caseId);
    },
    async 'dossier.saveFacts'({ caseId, facts }) {
      return saveMechanismFacts(ctx.session.requireVault(), caseId, facts);
    },
    async 'dossier.getArguments'({ caseId, template }) {
      return getSubmission(ctx.session.requireVault(), caseId, template);
    },
    async 'dossier.saveArguments'({ caseId, template, arguments: args }) {
      return saveSubmission(ctx.session.requireVault(), caseId, template, args);
    },
    async 'dossier.getAppeal'({ caseId }) {
      return getSubmission(ctx.session.requireVault(), caseId, 'urgent-appeal');
    },
    async 'dossier.saveAppeal'({ caseId, appeal }) {
      return saveSubmission(ctx.session.requireVault(), caseId, 'urgent-appeal', appeal);
    },
    async 'organisation.get'() {
      return getOrganisation(ctx.session.requireVault());
    },
    async 'organisation.update'(patch) {
      return updateOrganisation(ctx.session.requireVault(), patch);
    },
    async 'dossier.export'({ request, target, recipients, operationId }) {
      const vault = ctx.session.requireVault();
      const reference = (await getCase(vault, request.caseId)).reference;
      const suggested =
        target === 'bundle' ? `${reference}.vigil.gpg` : `${reference}-${request.template}-dossier`;
      const path =
        target === 'bundle'
          ? await ctx.dialogs.chooseSaveFile(suggested)
          : await ctx.dialogs.chooseSaveFolder(suggested);
      if (!path)
        return {
          saved: false,
          label: null,
          outputId: null,
          kind: target,
          manifestSha256: null,
          signer: null,
          files: 0,
          withheld: [],
          originals: [],
          warnings: [],
          notices: [],
        };
      const result = await ctx.operations.run(operationId, (signal, progress) =>
        exportDossier(
          vault,
          {
            ...request,
            audience: request.audience ?? defaultAudience(request.template, target === 'bundle'),
          },
          target === 'bundle' ? { kind: 'bundle', path, recipients } : { kind: 'directory', path },
          {
            signal,
            onProgress: (done, total, file) =>
              progress({ phase: 'export', done, total, item: file }),
          },
        ),
      );
      return {
        saved: true,
        label: basename(result.out),
        outputId: ctx.session.remember('output', result.out),
        kind: result.kind,
        manifestSha256: result.manifestSha256,
        signer: result.manifest.signer.fingerprint,
        files: result.manifest.files.length,
        withheld: result.withheld,
        originals: result.originals,
        warnings: result.warnings,
        notices: result.notices,
      };
    },
    async 'dossier.verify'({ kind }) {
      const vault = ctx.session.requireVault();
      const path = await ctx.dialogs.chooseOpenFile(kind === 'folder' ? 'dossier' : 'bundle');
      if (!path) return null;
      return { label: basename(path), report: await verifyDossier(vault, path) };
    },
    async 'dossier.chooseBundle'() {
      ctx.session.requireVault();
      const path = await ctx.dialogs.chooseOpenFile('bundle');
      if (!path) return null;
      return {
        fileId: ctx.session.remember('file', path),
        name: basename(path),
        size: (await stat(path)).size,
      };
    },
    async 'dossier.inspectBundle'({ fileId }) {
      return verifyDossier(ctx.session.requireVault(), ctx.session.resolve('file', fileId));
    },
    async 'dossier.import'({ fileId, acceptSigner, duplicate, operationId }) {
      const vault = ctx.session.requireVault();
      const path = ctx.session.resolve('file', fileId);
      return ctx.operations.run(operationId, (signal, progress) =>
        importDossier(vault, path, {
          acceptSigner,
          ...(duplicate ? { duplicate } : {}),
          signal,
          onProgress: (done, total, item) => progress({ phase: 'import', done, total, item }),
        }),
      );
    },
  };
}
