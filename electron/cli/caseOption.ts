import type { Vault } from '../core';
import { findCase } from '../core/records';
import type { CommandContext, OptionSpec } from './command';

// The one place where a case named on the command line becomes a case id:
// every command that takes --case accepts the id or the reference
// (VIG-2026-0001, or a reference of the user's own such as "UA EGY 4/2024").

/** The `--case` option: the case by id or reference. */
export function caseOption(
  description = 'the case (id or reference)',
  required = true,
): OptionSpec {
  return { type: 'string', valueName: 'CASE', description, ...(required ? { required } : {}) };
}

/** The id of the case `value` names (its id, or its reference, case-insensitive). */
export async function caseIdOf(vault: Vault, value: string): Promise<string> {
  return (await findCase(vault, value)).id;
}

/** The id of the case given by `--case` (or another option naming a case). */
export async function caseIdFrom(
  vault: Vault,
  context: CommandContext,
  option = 'case',
): Promise<string> {
  return caseIdOf(vault, context.requireString(option));
}

/** Like caseIdFrom, or undefined when the option was not given (a filter). */
export async function optionalCaseId(
  vault: Vault,
  context: CommandContext,
  option = 'case',
): Promise<string | undefined> {
  const value = context.string(option);
  return value === undefined ? undefined : caseIdOf(vault, value);
}
