import { createHash } from 'node:crypto';
import { VigilError } from '../errors';
import { invalid, unsupported } from './bytes';
import { Collector } from './collector';
import { TYPE_NAMES, unsupportedKind } from './detect';
import { ambiguity } from './inspect';
import {
  BufferSource,
  detectSource,
  headAndTail,
  inspectMedia,
  isMedia,
  planMedia,
  planToBuffer,
  verifyMedia,
  verifySamples,
  type CopyExtent,
  type MediaPlan,
  type Source,
} from './media';
import type { DetectedType, InspectReport, StripReport } from './types';

// The streaming side of inspect and strip, for audio and video: the file is
// read through a Source (a buffer, an open file, an encrypted blob), never
// whole, and the stripped output is checked by reading it back the same way.

const HASH_BLOCK = 4 * 1024 * 1024;

export async function hashSource(src: Source, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < src.size; at += HASH_BLOCK) {
    if (signal?.aborted) throw new VigilError('CANCELLED', 'Cancelled; nothing was kept.');
    hash.update(await src.read(at, Math.min(HASH_BLOCK, src.size - at)));
  }
  return hash.digest('hex');
}

/** Lists the metadata of an audio or video file without reading it whole. */
export async function inspectMediaSource(
  src: Source,
  options: { sha256?: string; detected?: DetectedType } = {},
): Promise<InspectReport> {
  const { type, mime } = options.detected ?? (await detectSource(src));
  const c = new Collector();
  const twoInOne = ambiguity(await headAndTail(src), type);
  if (twoInOne) c.warn(`This file is ambiguous: ${twoInOne}.`);
  await inspectMedia(c, type, src);
  c.finish();
  return {
    type,
    mime,
    size: src.size,
    sha256: options.sha256 ?? (await hashSource(src)),
    readable: c.unreadable === undefined,
    ...(c.unreadable === undefined ? {} : { unreadableReason: c.unreadable }),
    fields: c.fields,
    risky: c.fields.filter((f) => f.risky).length,
    warnings: c.warnings,
    capture: c.capture,
  };
}

export interface PreparedStrip {
  detected: DetectedType;
  before: InspectReport;
  plan: MediaPlan;
}

/** Everything before the output is written: the type, the refusals, the report of the input, the plan. */
export async function prepareMediaStrip(
  src: Source,
  options: { sha256?: string } = {},
): Promise<PreparedStrip> {
  const detected = await detectSource(src);
  const { type } = detected;
  if (type === 'unknown') {
    const kind = unsupportedKind(await src.read(0, Math.min(4096, src.size)));
    throw unsupported(
      kind
        ? `Vigil cannot strip this kind of file (${kind}).`
        : 'Vigil does not recognise the type of this file, so it cannot strip it.',
    );
  }
  if (!isMedia(type))
    throw unsupported(`This file is a ${TYPE_NAMES[type]}, not an audio or video file.`);
  const twoInOne = ambiguity(await headAndTail(src), type);
  if (twoInOne)
    throw invalid(
      `This file is ambiguous: it is a ${TYPE_NAMES[type]}, but ${twoInOne}. Vigil refuses to guess which one you mean.`,
    );
  const before = await inspectMediaSource(src, { ...options, detected });
  const plan = await planMedia(type, src);
  return { detected, before, plan };
}

/** How the output was made: the input it was made from, and where the writer copied each run of its bytes. */
export interface CopyRecord {
  input: Source;
  copies: CopyExtent[];
}

/**
 * The independent check of a written output: the format's strict walker,
 * the samples proven to be the input's, the type unchanged, and Vigil's
 * reader finding nothing but what is kept. Returns the report of the
 * input's stripping.
 */
export async function checkMediaOutput(
  prepared: PreparedStrip,
  out: Source,
  outSha256: string,
  made: CopyRecord,
): Promise<StripReport> {
  const { type, mime } = prepared.detected;
  await verifyMedia(type, out);
  await verifySamples(type, made.input, out, made.copies);
  const again = await detectSource(out);
  if (again.type !== type || ambiguity(await headAndTail(out), type))
    throw invalid(
      `Vigil's check of the stripped ${TYPE_NAMES[type]} failed: its type changed. No output was written.`,
    );
  const keptKeys = new Set(prepared.plan.kept.map((k) => k.key));
  const after = await inspectMediaSource(out, { sha256: outSha256, detected: again });
  const left = after.fields.filter((f) => f.group !== 'structure' && !keptKeys.has(f.key));
  const fail = `Vigil's check of the stripped ${TYPE_NAMES[type]} failed:`;
  if (left.length > 0)
    throw invalid(`${fail} ${left[0]!.label} is still present. No output was written.`);
  if (!after.readable || after.warnings.length > 0)
    throw invalid(`${fail} ${after.warnings[0]} No output was written.`);
  return {
    type,
    mime,
    inputSha256: prepared.before.sha256,
    outputSha256: outSha256,
    inputSize: prepared.before.size,
    outputSize: out.size,
    removed: prepared.before.fields.filter((f) => f.group !== 'structure' && !keptKeys.has(f.key)),
    kept: prepared.plan.kept,
  };
}

/** The whole strip in memory (the buffer API; small files). `sha256`: the input's, when the caller takes it. */
export async function stripMediaBuffer(
  buf: Buffer,
  options: { sha256?: string } = {},
): Promise<{ output: Buffer; report: StripReport }> {
  const src = new BufferSource(buf);
  const prepared = await prepareMediaStrip(src, options);
  const copies: CopyExtent[] = [];
  const output = await planToBuffer(prepared.plan, src, copies);
  const report = await checkMediaOutput(
    prepared,
    new BufferSource(output),
    createHash('sha256').update(output).digest('hex'),
    { input: src, copies },
  );
  return { output, report };
}
