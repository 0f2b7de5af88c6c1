import type { Vault } from '../core';
import type { CliIo } from './io';

export type OptionValue = string | boolean | string[] | undefined;

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Shown in help: `--out FILE`. */
  valueName?: string;
  description: string;
  required?: boolean;
}

export interface PositionalSpec {
  name: string;
  description: string;
  required?: boolean;
  variadic?: boolean;
}

export interface CommandContext {
  io: CliIo;
  options: Record<string, OptionValue>;
  positionals: string[];
  json: boolean;
  /** The vault directory from --vault or VIGIL_VAULT. */
  vaultDir(): string;
  /** Whether a vault was given (--vault or VIGIL_VAULT), for commands that also work without one. */
  hasVault(): boolean;
  /** The passphrase from --passphrase-file, else stdin's first line, else a hidden prompt. */
  passphrase(question?: string, confirm?: boolean): Promise<string>;
  /** The vault's passphrase, asked once per command (openVault uses it too). */
  vaultPassphrase(): Promise<string>;
  /**
   * Opens the vault with the passphrase; it is locked when the command ends.
   * A command that writes holds the vault's writer lock from here on (see
   * `Command.access`); what the opening cleaned up after an interrupted
   * process is reported on stderr.
   */
  openVault(): Promise<Vault>;
  /** How this command appears to other processes and how long it waits for the writer lock. */
  lockOptions(): { holder: string; waitMs?: number; signal: AbortSignal };
  /** Aborted when the user interrupts the command (Ctrl-C, SIGTERM): pass it to long work. */
  signal: AbortSignal;
  /** Writes the command's result: `json` with --json, else `human()`. */
  output(json: unknown, human: () => string): void;
  /** A progress line on stderr, only when stderr is a terminal. */
  progress(message: string): void;
  /** A note on stderr (always shown, never on stdout). */
  warn(message: string): void;
  string(name: string): string | undefined;
  requireString(name: string): string;
  strings(name: string): string[];
  flag(name: string): boolean;
}

export interface Command {
  /** One or two words: `init`, `case add`. */
  name: string;
  summary: string;
  options?: Record<string, OptionSpec>;
  positionals?: PositionalSpec[];
  examples?: string[];
  /** Extra help text after the options. */
  details?: string;
  /**
   * 'read' for a command that only reads: it runs beside a writer (the app,
   * a long import). Anything else holds the vault's writer lock, one process
   * at a time. A reader that writes after all takes the lock then.
   */
  access?: 'read' | 'write';
  run(context: CommandContext): Promise<number | void>;
}

/** A mistake in the command line itself: exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: Command,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, error: 1, usage: 2, integrity: 3, locked: 4 } as const;
