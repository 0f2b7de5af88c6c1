import type { ErrorCode } from '../../shared/errors';

export type { ErrorCode };

/**
 * The one error type the core throws on purpose. `message` is a complete,
 * user-facing sentence and never contains key material or case content.
 */
export class VigilError extends Error {
  override readonly name = 'VigilError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isVigilError(error: unknown, code?: ErrorCode): error is VigilError {
  return error instanceof VigilError && (code === undefined || error.code === code);
}

/** Turns a Node file-system error into a VigilError with a plain message. */
export function fsError(error: unknown, what: string): VigilError {
  if (error instanceof VigilError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new VigilError('DISK_FULL', `${what}: the disk is full.`, { cause: error });
    case 'ENOENT':
      return new VigilError('NOT_FOUND', `${what}: no such file or directory.`, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new VigilError('IO_ERROR', `${what}: permission denied.`, { cause: error });
    case 'EEXIST':
      return new VigilError('CONFLICT', `${what}: it already exists.`, { cause: error });
    case 'EISDIR':
      return new VigilError('INVALID_INPUT', `${what}: it is a directory.`, { cause: error });
    case 'ENOTDIR':
      return new VigilError('INVALID_INPUT', `${what}: a part of the path is not a directory.`, {
        cause: error,
      });
    default:
      return new VigilError('IO_ERROR', `${what}: ${code ?? 'input/output error'}.`, {
        cause: error,
      });
  }
}
