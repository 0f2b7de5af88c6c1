import {
  link,
  lstat,
  open,
  readFile,
  rename,
  stat,
  unlink,
  type FileHandle,
} from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fsError, VigilError } from '../errors';
import { fsyncDir, tempPathFor, writeFileAtomic } from '../fs/atomic';
import { trackTemp } from '../fs/tempRegistry';
import { WriteBehind } from '../fs/writeBehind';
import { unsupported } from './bytes';
import { inspectBuffer } from './inspect';
import { stripBuffer, type StripOptions } from './strip';
import { copyPlanToFile, detectSource, FileSource, isMedia } from './media';
import type { RunOptions } from './media/plan';
import { checkMediaOutput, inspectMediaSource, prepareMediaStrip } from './mediaStrip';
import type { InspectReport, StripReport } from './types';

/** Images and documents are processed in memory; beyond this, refuse rather than exhaust it. Audio and video stream, whatever their size. */
export const MAX_FILE_SIZE = 1024 * 1024 * 1024;

async function readInput(path: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fsError(error, `Cannot read ${basename(path)}`);
  }
  if (!info.isFile())
    throw new VigilError('INVALID_INPUT', `${basename(path)} is not a regular file.`);
  if (info.size > MAX_FILE_SIZE)
    throw unsupported(`${basename(path)} is larger than 1 GiB, which Vigil cannot process.`);
  try {
    return await readFile(path);
  } catch (error) {
    throw fsError(error, `Cannot read ${basename(path)}`);
  }
}

/** Opens a file for positioned reads, or fails with a message that names it. */
async function openInput(path: string): Promise<{ handle: FileHandle; src: FileSource }> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fsError(error, `Cannot read ${basename(path)}`);
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw new VigilError('INVALID_INPUT', `${basename(path)} is not a regular file.`);
  }
  return { handle, src: new FileSource(handle, info.size) };
}

export async function inspectFile(path: string): Promise<InspectReport> {
  const { handle, src } = await openInput(path);
  try {
    const detected = await detectSource(src);
    if (isMedia(detected.type)) return await inspectMediaSource(src, { detected });
  } finally {
    await handle.close();
  }
  return inspectBuffer(await readInput(path));
}

/**
 * Refuses an output that is the input (the same file, by whatever path or
 * link it is named), or that exists when it may not be replaced. An output
 * that does not exist yet cannot be the input: one look, the usual case.
 */
export async function checkTarget(input: string, output: string, force?: boolean): Promise<void> {
  const there = await lstat(output).catch(() => null);
  if (!there) return;
  const [source, target] = await Promise.all([
    stat(input).catch(() => null),
    stat(output).catch(() => null),
  ]);
  if (source && target && source.dev === target.dev && source.ino === target.ino) {
    throw new VigilError(
      'INVALID_INPUT',
      'The output file must not be the input file: the original is kept untouched.',
    );
  }
  if (!force) {
    throw new VigilError(
      'CONFLICT',
      `${basename(output)} already exists; use --force to replace it.`,
    );
  }
}

/**
 * Strips `input` into `output`. The output is written atomically (temp file
 * beside it, fsync, rename) and only once it has passed re-inspection; on any
 * failure no output file exists. An existing output is replaced only with `force`.
 */
export async function stripFile(
  input: string,
  output: string,
  options: { force?: boolean } & RunOptions & StripOptions = {},
): Promise<StripReport> {
  await checkTarget(input, output, options.force);
  const opened = await openInput(input);
  try {
    if (isMedia((await detectSource(opened.src)).type))
      return await stripMediaFile(opened.src, output, options);
  } finally {
    await opened.handle.close();
  }
  const bytes = await readInput(input);
  const { output: stripped, report } = await stripBuffer(bytes, {
    keepAnnotationText: options.keepAnnotationText,
    keepAnnotationAuthors: options.keepAnnotationAuthors,
    acceptChanges: options.acceptChanges,
  });
  await writeFileAtomic(output, stripped, { overwrite: Boolean(options.force) });
  return report;
}

/**
 * Audio and video, streamed: the input is read by seeking (structures) and
 * in blocks (samples), the output written to a temp file beside the target,
 * read back and checked, and only then renamed into place. Cancellation or
 * any failure removes the temp file: there is a checked output or none.
 */
async function stripMediaFile(
  src: FileSource,
  output: string,
  options: { force?: boolean } & RunOptions,
): Promise<StripReport> {
  const prepared = await prepareMediaStrip(src, { sha256: 'pending' });
  const tmp = tempPathFor(output);
  const tracked = trackTemp(tmp, `the unfinished file ${output}`);
  let handle: FileHandle | undefined;
  let behind: WriteBehind | undefined;
  try {
    handle = await open(tmp, 'wx+', 0o600);
    behind = new WriteBehind(handle);
    const flusher = behind;
    // One pass: the input's digest and the output's are taken while the samples are copied.
    const copied = await copyPlanToFile(prepared.plan, src, handle, {
      ...options,
      onWrite: (bytes) => flusher.wrote(bytes),
    });
    await behind.settle();
    await handle.sync();
    prepared.before.sha256 = copied.inputSha256;
    const report = await checkMediaOutput(
      prepared,
      new FileSource(handle, copied.size),
      copied.sha256,
      { input: src, copies: copied.copies },
    );
    await handle.close();
    handle = undefined;
    if (options.force) await rename(tmp, output);
    else {
      await link(tmp, output);
      await unlink(tmp);
    }
    await fsyncDir(dirname(resolve(output)));
    return report;
  } catch (error) {
    await behind?.drain();
    await handle?.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    if (error instanceof VigilError) throw error;
    throw fsError(error, `Cannot write ${basename(output)}`);
  } finally {
    tracked.done();
  }
}
