import { z } from 'zod';
import { INTEGRITY_PROBLEMS } from '../../evidence';
import { ERROR_CODES } from '../../errors';
import {
  custodyEntry,
  empty,
  evidenceItem,
  id,
  keptField,
  metadataField,
  opaqueId,
  operationId,
  shortText,
} from '../schemas';

/** Files the user picked: an opaque id for each (the page never holds a path), its name and size. */
const chosenFiles = z.array(z.object({ fileId: opaqueId, name: z.string(), size: z.number() }));

/** A selection in a case's evidence list: distinct originals of that case, a bounded number. */
const selection = z
  .array(id)
  .min(1)
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, 'the same file is chosen twice');

/** What a batch strip did to each file it reached. */
const batchOutcome = z.discriminatedUnion('status', [
  z.object({
    id: z.string(),
    name: z.string(),
    status: z.literal('stripped'),
    copyId: z.string(),
    removed: z.number(),
  }),
  z.object({ id: z.string(), name: z.string(), status: z.literal('already'), copyId: z.string() }),
  z.object({
    id: z.string(),
    name: z.string(),
    status: z.literal('unsupported'),
    reason: z.string(),
  }),
  z.object({
    id: z.string(),
    name: z.string(),
    status: z.literal('refused'),
    code: z.enum(ERROR_CODES),
    reason: z.string(),
  }),
]);

/** Channels of the evidence. */
export const evidenceChannels = {
  'evidence.chooseFiles': { input: empty, output: chosenFiles },
  /**
   * Files dropped on the window. Reached only through `window.vigil.dropFiles`,
   * whose paths the preload takes from the dropped File objects themselves
   * (a page cannot make a File with a path); `invoke` refuses this channel.
   */
  'evidence.droppedFiles': {
    input: z.strictObject({
      paths: z.array(z.string().min(1).max(4096)).min(1).max(1000),
    }),
    output: chosenFiles,
  },
  'evidence.intake': {
    input: z.strictObject({
      caseId: id,
      fileIds: z.array(opaqueId).min(1).max(1000),
      source: shortText(2000).optional(),
      operationId,
    }),
    output: z.array(
      z.object({
        id: z.string(),
        sha256: z.string(),
        size: z.number(),
        type: z.string(),
        duplicate: z.boolean(),
      }),
    ),
  },
  'evidence.list': { input: z.strictObject({ caseId: id }), output: z.array(evidenceItem) },
  'evidence.get': {
    input: z.strictObject({ id }),
    output: z.object({ item: evidenceItem, custody: z.array(custodyEntry) }),
  },
  'evidence.preview': {
    input: z.strictObject({ id }),
    output: z.object({ mime: z.string(), bytes: z.instanceof(Uint8Array) }),
  },
  'evidence.strip': {
    /** `acceptChanges`: the user chose to accept a document's tracked changes in the working copy. */
    input: z.strictObject({ id, acceptChanges: z.boolean().optional() }),
    output: z.object({
      item: evidenceItem,
      removed: z.array(metadataField),
      kept: z.array(keptField),
    }),
  },
  /**
   * Strips the chosen originals of one case, one by one, as one cancellable
   * operation (progress per file; a cancel stops after the current file).
   */
  'evidence.stripMany': {
    input: z.strictObject({ caseId: id, ids: selection, operationId }),
    output: z.object({ outcomes: z.array(batchOutcome), cancelled: z.boolean() }),
  },
  /** Moves the chosen originals of one case to the trash: all of them, or none. */
  'evidence.deleteMany': {
    input: z.strictObject({ caseId: id, ids: selection }),
    output: z.object({ trash: z.array(z.string()) }),
  },
  'evidence.export': {
    input: z.strictObject({ id, original: z.boolean() }),
    output: z.object({
      saved: z.boolean(),
      label: z.string().nullable(),
      sha256: z.string().nullable(),
    }),
  },
  'evidence.verify': {
    input: z.strictObject({ id }),
    output: z.object({
      id: z.string(),
      ok: z.boolean(),
      problem: z.string().nullable(),
      code: z.enum(INTEGRITY_PROBLEMS).nullable(),
    }),
  },
} as const;
