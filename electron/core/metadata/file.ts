import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fsError, VigilError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { unsupported } from './bytes';
import { inspectBuffer } from './inspect';
import { stripBuffer } from './strip';
import type { InspectReport, StripReport } from './types';

/** Files are processed in memory; beyond this, refuse rather than exhaust it. */
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

export async function inspectFile(path: string): Promise<InspectReport> {
  return inspectBuffer(await readInput(path));
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** The real path of a file that may not exist yet (its directory must). */
async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
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
  options: { force?: boolean } = {},
): Promise<StripReport> {
  if ((await canonical(input)) === (await canonical(output))) {
    throw new VigilError(
      'INVALID_INPUT',
      'The output file must not be the input file: the original is kept untouched.',
    );
  }
  if (!options.force && (await exists(output))) {
    throw new VigilError(
      'CONFLICT',
      `${basename(output)} already exists; use --force to replace it.`,
    );
  }
  const bytes = await readInput(input);
  const { output: stripped, report } = await stripBuffer(bytes);
  await writeFileAtomic(output, stripped, { overwrite: Boolean(options.force) });
  return report;
}
