import { UsageError, type CommandContext } from './command';
import { argon2idParams, type Argon2idParams } from '../core/crypto/kdf';

export function integerOption(context: CommandContext, name: string): number | undefined {
  const raw = context.string(name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} takes a whole number, not "${raw}".`);
  return Number(raw);
}

export const KDF_OPTIONS = {
  'kdf-memory': {
    type: 'string',
    valueName: 'MIB',
    description: 'Argon2id memory in MiB (default 256, at least 64)',
  },
  'kdf-iterations': {
    type: 'string',
    valueName: 'N',
    description: 'Argon2id iterations (default 3)',
  },
} as const;

/** Argon2id parameters from --kdf-memory/--kdf-iterations, or undefined to keep the default/current ones. */
export function kdfFromOptions(context: CommandContext): Argon2idParams | undefined {
  const memoryMiB = integerOption(context, 'kdf-memory');
  const iterations = integerOption(context, 'kdf-iterations');
  if (memoryMiB === undefined && iterations === undefined) return undefined;
  return argon2idParams({ memoryMiB, iterations });
}
