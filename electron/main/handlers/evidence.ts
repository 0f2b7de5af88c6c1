import { stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, normalize } from 'node:path';
import {
  custodyLog,
  deleteEvidenceBatch,
  stripEvidenceBatch,
  exportEvidence,
  getEvidence,
  intakeFiles,
  listEvidence,
  stripEvidence,
  verifyEvidence,
  viewEvidence,
} from '../../core/evidence';
import { VigilError } from '../../core/errors';
import type { Handlers } from '../ipc/dispatch';
import type { AppContext } from './context';

/** Previews travel over IPC into renderer memory (never to disk); bigger files are not previewed. */
const PREVIEW_MAX = 64 * 1024 * 1024;

/**
 * A dropped file, checked before it is remembered: an absolute, normalised
 * path to a regular file that exists. Anything else is refused with the
 * reason, and nothing is read.
 */
async function droppedFile(path: string): Promise<{
  path: string;
  shown: { name: string; size: number };
}> {
  if (path.includes('\0') || !isAbsolute(path) || normalize(path) !== path) {
    throw new VigilError('INVALID_INPUT', 'A dropped file did not come with a usable location.');
  }
  const info = await stat(path).catch(() => null);
  if (!info) {
    throw new VigilError('NOT_FOUND', `${basename(path)} cannot be found or read any more.`);
  }
  if (!info.isFile()) {
    throw new VigilError(
      'INVALID_INPUT',
      `${basename(path)} is not a file; drop files, not folders.`,
    );
  }
  return { path, shown: { name: basename(path), size: info.size } };
}

type EvidenceChannels =
  | 'evidence.chooseFiles'
  | 'evidence.droppedFiles'
  | 'evidence.intake'
  | 'evidence.list'
  | 'evidence.get'
  | 'evidence.preview'
  | 'evidence.strip'
  | 'evidence.stripMany'
  | 'evidence.deleteMany'
  | 'evidence.export'
  | 'evidence.verify';

export function evidenceHandlers(ctx: AppContext): Pick<Handlers, EvidenceChannels> {
  return {
    async 'evidence.chooseFiles'() {
      ctx.session.requireVault();
      const paths = await ctx.dialogs.chooseEvidenceFiles();
      return Promise.all(
        paths.map(async (path) => ({
          fileId: ctx.session.remember('file', path),
          name: basename(path),
          size: (await stat(path)).size,
        })),
      );
    },
    async 'evidence.droppedFiles'({ paths }) {
      ctx.session.requireVault();
      return Promise.all(
        paths.map(async (path) => {
          const file = await droppedFile(path);
          return { fileId: ctx.session.remember('file', file.path), ...file.shown };
        }),
      );
    },
    async 'evidence.intake'({ caseId, fileIds, source, operationId }) {
      const vault = ctx.session.requireVault();
      const paths = fileIds.map((fileId) => ctx.session.resolve('file', fileId));
      return ctx.operations.run(operationId, (signal, progress) =>
        intakeFiles(
          vault,
          { caseId, paths, source },
          {
            signal,
            onProgress: (file, done, total) =>
              progress({ phase: 'intake', done, total, item: basename(paths[file] ?? '') }),
          },
        ),
      );
    },
    async 'evidence.list'({ caseId }) {
      return listEvidence(ctx.session.requireVault(), caseId);
    },
    async 'evidence.get'({ id }) {
      const vault = ctx.session.requireVault();
      return { item: await getEvidence(vault, id), custody: await custodyLog(vault, id) };
    },
    async 'evidence.preview'({ id }) {
      const { item, bytes } = await viewEvidence(ctx.session.requireVault(), id, PREVIEW_MAX);
      return { mime: item.mime, bytes: new Uint8Array(bytes) };
    },
    async 'evidence.strip'({ id, acceptChanges }) {
      const item = await stripEvidence(ctx.session.requireVault(), id, { acceptChanges });
      return { item, removed: item.stripReport?.removed ?? [], kept: item.stripReport?.kept ?? [] };
    },
    async 'evidence.stripMany'({ caseId, ids, operationId }) {
      const vault = ctx.session.requireVault();
      return ctx.operations.run(operationId, (signal, progress) =>
        stripEvidenceBatch(vault, caseId, ids, {
          signal,
          onProgress: (index, name, finished) =>
            progress({ phase: 'strip', done: finished ? 1 : 0, total: 1, item: name }),
        }),
      );
    },
    async 'evidence.deleteMany'({ caseId, ids }) {
      return deleteEvidenceBatch(ctx.session.requireVault(), caseId, ids);
    },
    async 'evidence.export'({ id, original }) {
      const vault = ctx.session.requireVault();
      const item = await getEvidence(vault, id);
      const name = item.originalName ?? `evidence-${item.id}`;
      const suggested = original
        ? name
        : `${basename(name, extname(name))}-stripped${extname(name)}`;
      const out = await ctx.dialogs.chooseSaveFile(suggested);
      if (!out) return { saved: false, label: null, sha256: null };
      // The native save dialog already asked about overwriting an existing file.
      const result = await exportEvidence(vault, id, { out, original, force: true });
      return { saved: true, label: basename(result.out), sha256: result.sha256 };
    },
    async 'evidence.verify'({ id }) {
      return verifyEvidence(ctx.session.requireVault(), id);
    },
  };
}
