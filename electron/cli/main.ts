import { parseArgs } from 'node:util';
import type { Vault } from '../core';
import { isVigilError } from '../core/errors';
import {
  EXIT,
  UsageError,
  type Command,
  type CommandContext,
  type OptionSpec,
  type OptionValue,
} from './command';
import { readFirstLine, readFirstLineOfFile, secretSourceProblem, type CliIo } from './io';
import { commandHelp, groupHelp, mainHelp } from './help';
import { allCommands, commandsStartingWith } from './commands/registry';
import type { UnlockedVault } from './session';
import { EarlyUnlock } from './earlyUnlock';

/** How a command line is run: alone (`vigil …`), or as one of many in `vigil batch`/`vigil shell`. */
export interface RunOptions {
  signal?: AbortSignal;
  /** The vault unlocked once for a batch or a shell: commands open it with its key, never ask for a passphrase. */
  session?: UnlockedVault;
  /** Each JSON document on one line (JSON Lines), for a batch's many documents. */
  jsonLines?: boolean;
}

export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  vault: {
    type: 'string',
    valueName: 'DIR',
    description: 'the vault directory (default: $VIGIL_VAULT)',
  },
  'passphrase-file': {
    type: 'string',
    valueName: 'FILE',
    description:
      "read the vault passphrase from FILE's first line (else stdin's first line when piped, else a prompt)",
  },
  json: { type: 'boolean', description: 'print one JSON document on stdout' },
  wait: {
    type: 'string',
    valueName: 'SECONDS',
    description:
      'how long to wait while another Vigil process (or the app) is writing to the vault (default: $VIGIL_WAIT or 5)',
  },
  actor: {
    type: 'string',
    valueName: 'NAME',
    description: 'the name recorded in the audit log (default: $VIGIL_ACTOR or your user name)',
  },
  help: { type: 'boolean', short: 'h', description: 'show help' },
  version: { type: 'boolean', description: 'show the version' },
};

const VERSION = '0.1.0';

function globalTakesValue(token: string): boolean {
  const name = token.replace(/^--/, '');
  return GLOBAL_OPTIONS[name]?.type === 'string';
}

/** The first argument that is not a global option: the command's first word. */
function firstWord(argv: string[]): { at: number; word?: string } {
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-')) {
    if (!argv[i]!.includes('=') && globalTakesValue(argv[i]!)) i += 1;
    i += 1;
  }
  return { at: i, word: argv[i] };
}

/** Finds the command words (`case add`) among the arguments; global options may come before them. */
function locateCommand(
  argv: string[],
  commands: readonly Command[],
): { command?: Command; group?: string; rest: string[] } {
  const { at: i, word: first } = firstWord(argv);
  if (first === undefined) return { rest: argv };
  const second = argv[i + 1];
  const two =
    second !== undefined ? commands.find((c) => c.name === `${first} ${second}`) : undefined;
  if (two) return { command: two, rest: [...argv.slice(0, i), ...argv.slice(i + 2)] };
  const one = commands.find((c) => c.name === first);
  if (one) return { command: one, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  if (commands.some((c) => c.name.startsWith(`${first} `))) {
    // `vigil case` alone shows the group's help; a word after it that is no subcommand is a mistake.
    if (second !== undefined && !second.startsWith('-'))
      throw new UsageError(
        `unknown command "${first} ${second.slice(0, 40)}". Run "vigil ${first} --help" for its subcommands.`,
      );
    return { group: first, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  throw new UsageError(`unknown command "${first}". Run "vigil --help" for the list of commands.`);
}

function toParseArgsOptions(specs: Record<string, OptionSpec>) {
  return Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      {
        type: spec.type,
        multiple: spec.multiple ?? false,
        ...(spec.short ? { short: spec.short } : {}),
      },
    ]),
  );
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (isVigilError(error)) {
    switch (error.code) {
      case 'WRONG_PASSPHRASE':
      case 'WRONG_RECOVERY_KEY':
      case 'HEADER_DAMAGED':
      case 'VAULT_LOCKED':
        return EXIT.locked;
      case 'INTEGRITY_FAILED':
      case 'VERIFICATION_FAILED':
      case 'VAULT_DAMAGED':
      case 'REVIEW_NEEDED':
        return EXIT.integrity;
      default:
        return EXIT.error;
    }
  }
  return EXIT.error;
}

function errorLine(error: unknown, env: CliIo['env']): string {
  if (error instanceof UsageError) {
    const hint = error.command ? ` Run "vigil ${error.command.name} --help".` : '';
    return `vigil: ${error.message}${hint}`;
  }
  if (isVigilError(error)) {
    const cause =
      env.VIGIL_DEBUG && error.cause instanceof Error
        ? `\n${error.cause.stack ?? error.cause.message}`
        : '';
    return `vigil: ${error.message}${cause}`;
  }
  if ((error as { cancelled?: boolean } | null)?.cancelled) return 'vigil: cancelled.';
  const detail = env.VIGIL_DEBUG && error instanceof Error ? `\n${error.stack ?? ''}` : '';
  return `vigil: internal error: ${error instanceof Error ? error.message : String(error)}${detail}`;
}

/**
 * node:util's refusal of a command line, as one line: a value that starts
 * with a dash (`--offset -1`) is taken for an option, so say how to give it.
 */
function parseArgsProblem(error: Error, args: readonly string[]): string {
  const ambiguous = /^Option '(-[^' ]+)(?: <value>)?' argument is ambiguous/.exec(error.message);
  if (ambiguous) {
    const option = ambiguous[1]!;
    const value = args[args.indexOf(option) + 1] ?? '';
    return `${option} needs a value, and "${value.slice(0, 40)}" looks like an option; a value that starts with "-" is written ${option}=${value.slice(0, 40)}.`;
  }
  return error.message.replace(/\. To specify a positional.*$/s, '.').replace(/\s*\n\s*/g, ' ');
}

/** Seconds from --wait or VIGIL_WAIT, as milliseconds. */
function waitMs(value: string | undefined, command: Command): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(seconds) || seconds > 86_400)
    throw new UsageError(
      `--wait (or VIGIL_WAIT) takes a number of seconds from 0 to 86400, not "${value}".`,
      command,
    );
  return Math.round(seconds * 1000);
}

/** Runs one command line and returns the exit code. Never calls process.exit. */
export async function runCli(argv: string[], io: CliIo, options: RunOptions = {}): Promise<number> {
  const opened: Vault[] = [];
  let early: EarlyUnlock | null = null;
  // Each command gets a signal of its own that follows the caller's: a batch or a
  // shell shares one signal across every command, and the listeners a command
  // adds (an open vault's interrupt) must go with the command.
  const commandAbort = new AbortController();
  const forward = () => commandAbort.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  else options.signal?.addEventListener('abort', forward, { once: true });
  try {
    // Only the module of the command being run is loaded (see commands/registry.ts),
    // while the key is derived if the command is sure to need it.
    const { word } = firstWord(argv);
    if (!options.session) early = await EarlyUnlock.start(argv, io.env, word);
    const commands = word === undefined ? [] : await commandsStartingWith(word);
    const { command, group, rest } = locateCommand(argv, commands);
    if (!command) {
      const parsed = parseArgs({
        args: rest,
        options: toParseArgsOptions(GLOBAL_OPTIONS),
        strict: false,
        allowPositionals: true,
      });
      if (parsed.values.version) {
        io.stdout.write(`vigil ${VERSION}\n`);
        return EXIT.ok;
      }
      io.stdout.write(
        group ? groupHelp(group, commands) : mainHelp(await allCommands(), GLOBAL_OPTIONS),
      );
      return group || parsed.values.help || rest.length === 0 ? EXIT.ok : EXIT.usage;
    }
    const specs = { ...GLOBAL_OPTIONS, ...(command.options ?? {}) };
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: toParseArgsOptions(specs),
        strict: true,
        allowPositionals: true,
      });
    } catch (error) {
      throw new UsageError(parseArgsProblem(error as Error, rest), command);
    }
    const values = parsed.values as Record<string, OptionValue>;
    if (values.help) {
      io.stdout.write(commandHelp(command, GLOBAL_OPTIONS));
      return EXIT.ok;
    }
    for (const [name, spec] of Object.entries(command.options ?? {})) {
      if (spec.required && values[name] === undefined)
        throw new UsageError(`--${name} is required.`, command);
    }
    const positionalSpecs = command.positionals ?? [];
    const required = positionalSpecs.filter((p) => p.required).length;
    const variadic = positionalSpecs.some((p) => p.variadic);
    if (parsed.positionals.length < required) {
      throw new UsageError(
        `missing ${positionalSpecs[parsed.positionals.length]?.name ?? 'argument'}.`,
        command,
      );
    }
    if (!variadic && parsed.positionals.length > positionalSpecs.length) {
      throw new UsageError(
        `unexpected argument "${parsed.positionals[positionalSpecs.length]}".`,
        command,
      );
    }
    const context = makeContext(command, io, values, parsed.positionals, opened, early, {
      ...options,
      signal: commandAbort.signal,
    });
    const code = await command.run(context);
    return code ?? EXIT.ok;
  } catch (error) {
    // Interrupted: the caller prints the one line that says what was stopped.
    if (options.signal?.aborted) return EXIT.error;
    io.stderr.write(`${errorLine(error, io.env)}\n`);
    return exitCodeFor(error);
  } finally {
    options.signal?.removeEventListener('abort', forward);
    await Promise.all(opened.map((vault) => vault.lock().catch(() => undefined)));
    // Never in place of the command's own exit code; the key it wipes dies with the process anyway.
    await early?.discard().catch(() => undefined);
  }
}

function makeContext(
  command: Command,
  io: CliIo,
  values: Record<string, OptionValue>,
  positionals: string[],
  opened: Vault[],
  early: EarlyUnlock | null,
  run: RunOptions & { signal: AbortSignal },
): CommandContext {
  const { signal, session } = run;
  let stdinUsed = false;
  const json = values.json === true;
  const wait = waitMs((values.wait as string | undefined) ?? io.env.VIGIL_WAIT, command);
  let vaultPassphrase: Promise<string> | undefined;
  const context: CommandContext = {
    io,
    options: values,
    positionals,
    json,
    signal,
    lockOptions: () => ({ holder: `vigil ${command.name}`, waitMs: wait, signal }),
    vaultDir() {
      const dir = (values.vault as string | undefined) ?? io.env.VIGIL_VAULT;
      if (!dir)
        throw new UsageError('no vault given: use --vault DIR or set VIGIL_VAULT.', command);
      return dir;
    },
    hasVault() {
      return Boolean((values.vault as string | undefined) ?? io.env.VIGIL_VAULT);
    },
    async passphrase(question = 'Vault passphrase: ', confirm = false) {
      // In a batch or a shell the vault is already unlocked: a command that asks for a
      // passphrase of its own (a new one, an export's, the vault's for its own use) runs alone.
      if (session)
        throw new UsageError(
          'this command asks for a passphrase of its own: run it alone, outside vigil batch and vigil shell.',
          command,
        );
      const file = values['passphrase-file'] as string | undefined;
      let passphrase: string;
      if (file !== undefined) {
        passphrase = await readFirstLineOfFile(file).catch((error: unknown) => {
          throw new UsageError(secretSourceProblem(error, `the passphrase file ${file}`), command);
        });
      } else if (!io.stdinIsTTY) {
        if (stdinUsed)
          throw new UsageError(
            'stdin gives only one passphrase; put the others in files.',
            command,
          );
        stdinUsed = true;
        passphrase = await readFirstLine(io.stdin).catch((error: unknown) => {
          throw new UsageError(secretSourceProblem(error, 'the passphrase on stdin'), command);
        });
      } else if (io.promptHidden) {
        passphrase = await io.promptHidden(question);
        if (confirm && (await io.promptHidden('Repeat it: ')) !== passphrase) {
          throw new UsageError('the two passphrases differ; nothing was done.', command);
        }
      } else {
        throw new UsageError(
          'no passphrase: use --passphrase-file FILE or pipe it on stdin.',
          command,
        );
      }
      if (passphrase.length === 0) throw new UsageError('the passphrase is empty.', command);
      return passphrase;
    },
    async vaultPassphrase() {
      vaultPassphrase ??= context.passphrase();
      return vaultPassphrase;
    },
    async openVault() {
      const dir = context.vaultDir();
      const sessionOptions = {
        actor: (values.actor as string | undefined) ?? io.env.VIGIL_ACTOR,
        access: command.access ?? 'write',
        ...context.lockOptions(),
      };
      // Loaded here, not at start: commands that need no vault never compile SQLCipher and its kin.
      const [{ openVault }, { describeRecovery }] = await Promise.all([
        import('../core/vault/vault'),
        import('../core/vault/outgoing'),
      ]);
      let vault: Vault;
      if (session) vault = await session.open(dir, sessionOptions);
      else {
        const passphrase = await context.vaultPassphrase();
        vault =
          (await early?.open(dir, passphrase, sessionOptions)) ??
          (await openVault({ dir, passphrase, ...sessionOptions }));
      }
      opened.push(vault);
      // An interruption also stops a long statement (a bulk import) at once; its transaction rolls back.
      signal.addEventListener('abort', () => vault.db.interrupt(), { once: true });
      for (const note of vault.recovered) context.warn(`${describeRecovery(note)}.`);
      return vault;
    },
    output(result, human) {
      const document = run.jsonLines ? JSON.stringify(result) : JSON.stringify(result, null, 2);
      io.stdout.write(json ? `${document}\n` : `${human()}\n`);
    },
    progress(message) {
      if (io.stderrIsTTY) io.stderr.write(`\r\x1b[K${message}`);
    },
    warn(message) {
      io.stderr.write(`vigil: ${message}\n`);
    },
    string(name) {
      const value = values[name];
      return typeof value === 'string' ? value : undefined;
    },
    requireString(name) {
      const value = context.string(name);
      if (value === undefined || value === '')
        throw new UsageError(`--${name} is required.`, command);
      return value;
    },
    strings(name) {
      const value = values[name];
      if (Array.isArray(value)) return value;
      return typeof value === 'string' ? [value] : [];
    },
    flag(name) {
      return values[name] === true;
    },
  };
  return context;
}
