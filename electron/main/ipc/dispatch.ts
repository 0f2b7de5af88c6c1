import type { z } from 'zod';
import { isErrorCode } from '../../../shared/errors';
import {
  contract,
  type Channel,
  type IpcError,
  type Out,
  type Parsed,
  type Result,
} from '../../../shared/ipc/contract';
import { isVigilError } from '../../core/errors';
import { InvalidInput } from '../../core/records/validate';
import { issuesFromZod, type FieldIssue } from '../../../shared/domain/issues';

/** One implementation per channel: a channel without a handler does not compile. */
export type Handlers = { [C in Channel]: (input: Parsed<C>) => Promise<Out<C>> };

const MAX_MESSAGE = 400;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** The problems by field, as codes (at most 50), for the renderer to word and place. */
function issuesOf(issues: readonly FieldIssue[]): IpcError['issues'] {
  return issues.slice(0, 50).map((issue) => ({
    path: issue.path.slice(0, 300),
    problem: issue.problem ?? 'invalid',
  }));
}

function describeInvalid(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the request';
  return `Invalid request: ${where}: ${issue?.message ?? 'not accepted'}`.slice(0, MAX_MESSAGE);
}

/**
 * Maps anything thrown to a stable code and a plain message. Only VigilErrors
 * carry their message through (they are written for users); anything else
 * becomes INTERNAL without detail, so no stack, path or key can leak.
 */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof InvalidInput) {
    return {
      code: 'INVALID_INPUT',
      message: error.message.slice(0, MAX_MESSAGE),
      issues: issuesOf(error.issues),
    };
  }
  if (isVigilError(error) && isErrorCode(error.code)) {
    return { code: error.code, message: error.message.slice(0, MAX_MESSAGE) };
  }
  return {
    code: 'INTERNAL',
    message: 'Something went wrong inside Vigil; the operation was not completed.',
  };
}

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * The single entry for every request, whatever the transport: checks the
 * channel, parses the input with the contract (unknown fields refused), calls
 * the handler, and parses the output (undeclared fields dropped).
 */
export function createDispatcher(
  handlers: Handlers,
  onInternalError?: (channel: string, error: unknown) => void,
): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel))
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'Unknown request.' } };
    const spec = contract[channel];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success)
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: describeInvalid(parsed.error),
          issues: issuesOf(issuesFromZod(parsed.error)),
        },
      };
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      const output = spec.output.safeParse(value);
      if (!output.success)
        throw new Error(
          `output of ${channel} does not match the contract: ${describeInvalid(output.error)}`,
        );
      return { ok: true, value: output.data };
    } catch (error) {
      if (!isVigilError(error)) onInternalError?.(channel, error);
      return { ok: false, error: toIpcError(error) };
    }
  };
}
