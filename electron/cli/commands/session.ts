import { readFile } from 'node:fs/promises';
import { createInterface, type Interface } from 'node:readline';
import { Readable } from 'node:stream';
import { EXIT, UsageError, type Command, type CommandContext } from '../command';
import type { CliIo } from '../io';
import { runCli } from '../main';
import { loadAhead } from './registry';
import { UnlockedVault, idleMinutes } from '../session';
import { splitCommandLine } from '../words';

// `vigil batch FILE|-` and `vigil shell`: many commands, one unlock.

const LOCK_AFTER = {
  type: 'string',
  valueName: 'MINUTES',
  description:
    'wipe the key after this many minutes without a command (default 5, as the app); the next command asks again',
} as const;

/** Commands that cannot run inside a batch or a shell. */
const NOT_NESTED = new Set(['batch', 'shell']);

/** The words of one line, without a leading "vigil"; a message when the line cannot be run. */
function lineWords(line: string): string[] | { error: string } {
  const words = splitCommandLine(line);
  if ('error' in words) return words;
  if (words[0] === 'vigil') words.shift();
  if (words[0] && NOT_NESTED.has(words[0]))
    return { error: `"${words[0]}" cannot run inside a batch or a shell` };
  if (words.some((w) => w === '--passphrase-file' || w.startsWith('--passphrase-file=')))
    return {
      error:
        'the vault is unlocked once for every command: give --passphrase-file to the batch or the shell, not to a command',
    };
  return words;
}

/** What each command sees: the session's vault and global options, no stdin of its own. */
function commandIo(context: CommandContext, session: UnlockedVault | undefined): CliIo {
  const { io } = context;
  const env = { ...io.env };
  if (session) env.VIGIL_VAULT = session.dir;
  const actor = context.string('actor');
  if (actor !== undefined) env.VIGIL_ACTOR = actor;
  const wait = context.string('wait');
  if (wait !== undefined) env.VIGIL_WAIT = wait;
  return {
    ...io,
    env,
    stdin: Readable.from([]),
    stdinIsTTY: false,
    promptHidden: undefined,
  };
}

function openSession(
  context: CommandContext,
  ask: () => Promise<string>,
  tell: (note: string) => void = (note) => context.warn(note),
): UnlockedVault {
  const minutes = idleMinutes(context.string('lock-after'));
  return new UnlockedVault(context.vaultDir(), ask, minutes * 60_000, () =>
    tell(
      `the key was wiped after ${minutes} minute(s) without a command; the next command that needs the vault asks for the passphrase again.`,
    ),
  );
}

/** A batch's lines, and the first words of its commands when they are all known in advance (a file). */
async function batchLines(
  context: CommandContext,
  source: string,
): Promise<{ lines: AsyncIterable<string>; firstWords: string[] }> {
  if (source !== '-') {
    let text: string;
    try {
      text = await readFile(source, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UsageError(`cannot read the batch file ${source} (${code}).`);
    }
    const lines = text.split('\n');
    const firstWords = new Set<string>();
    // A file is read whole, so a line that cannot run stops the batch before anything runs.
    lines.forEach((line, i) => {
      const words = lineWords(line);
      if ('error' in words)
        throw new UsageError(`line ${i + 1} of ${source}: ${words.error}; nothing was run.`);
      if (words[0] !== undefined) firstWords.add(words[0]);
    });
    return {
      lines: (async function* () {
        yield* lines;
      })(),
      firstWords: [...firstWords],
    };
  }
  // The iterator is made now: lines that arrive while the key is derived would otherwise be lost.
  const lines = createInterface({ input: context.io.stdin, crlfDelay: Infinity })[
    Symbol.asyncIterator
  ]();
  return { lines: { [Symbol.asyncIterator]: () => lines }, firstWords: [] };
}

const batch: Command = {
  name: 'batch',
  summary: 'Run many commands (one per line, from FILE or - for stdin) with one unlock.',
  positionals: [{ name: 'FILE', description: 'the commands, one per line; - reads stdin' }],
  options: {
    'keep-going': {
      type: 'boolean',
      description: 'run every line even after a command fails (default: stop at the first)',
    },
    'lock-after': LOCK_AFTER,
  },
  examples: [
    'vigil batch record-case.txt --vault ./vault --passphrase-file pass.txt',
    'generate-commands | vigil batch - --vault ./vault --passphrase-file pass.txt --json',
  ],
  details: `Each line is a vigil command as typed after "vigil" (a leading "vigil" is allowed), quoted
as in a shell ('…', "…", \\ ; nothing is expanded); blank lines and lines starting with # are
skipped. The passphrase is asked once (--passphrase-file, else stdin's first line, else a prompt;
with "-" the commands come on stdin, so --passphrase-file is needed) and Argon2id runs once. The
key stays in this process's guarded memory and is wiped at the end, or after --lock-after minutes
without a command. Each command takes the writer lock as if run alone. With --json, each command
prints its own JSON document on one line (JSON Lines). Stops at the first failure with its exit
code, naming the line; with --keep-going every line runs and the exit code is the first failure's.`,
  async run(context) {
    const source = context.positionals[0];
    if (source === undefined) throw new UsageError('missing FILE (or - for stdin).', batch);
    if (source === '-' && context.hasVault() && context.string('passphrase-file') === undefined)
      throw new UsageError(
        'with the commands on stdin (-), give the passphrase with --passphrase-file FILE.',
        batch,
      );
    const keepGoing = context.flag('keep-going');
    const { lines, firstWords } = await batchLines(context, source);
    const session = context.hasVault()
      ? openSession(context, () => context.passphrase())
      : undefined;
    try {
      // A wrong passphrase stops here, before any command runs.
      await session?.unlock(() => loadAhead(firstWords));
      const io = commandIo(context, session);
      const failures: { line: number; code: number }[] = [];
      let count = 0;
      let number = 0;
      for await (const line of lines) {
        number += 1;
        if (context.signal.aborted) break;
        const words = lineWords(line);
        let code: number;
        if ('error' in words) {
          context.warn(`line ${number}: ${words.error}.`);
          code = EXIT.usage;
        } else if (words.length === 0) {
          continue;
        } else {
          count += 1;
          if (context.json && !words.includes('--json')) words.push('--json');
          code = await runCli(words, io, {
            signal: context.signal,
            session,
            jsonLines: true,
          });
          session?.touch();
        }
        if (code === EXIT.ok) continue;
        failures.push({ line: number, code });
        if (!keepGoing) {
          context.warn(
            `the batch stopped at line ${number} (exit ${code}); the lines after it were not run.`,
          );
          return code;
        }
      }
      if (failures.length > 0) {
        context.warn(
          `${failures.length} of ${count} command(s) failed, at line(s) ${failures.map((f) => f.line).join(', ')}.`,
        );
        return failures[0]!.code;
      }
      return EXIT.ok;
    } finally {
      await session?.end();
    }
  },
};

/** A terminal line editor with history kept in memory only (never in a file: commands name people). */
function lineEditor(io: CliIo, history: string[]): Interface {
  return createInterface({
    input: io.stdin,
    output: io.stderr,
    prompt: 'vigil> ',
    terminal: true,
    history,
    historySize: 1000,
    removeHistoryDuplicates: true,
  });
}

const shell: Command = {
  name: 'shell',
  summary: 'An interactive session: type commands one after another, with one unlock.',
  options: { 'lock-after': LOCK_AFTER },
  examples: ['vigil shell --vault ./vault'],
  details: `Type any vigil command without "vigil" ("case list", "person add …"); "exit" or Ctrl-D
ends the session, "lock" wipes the key now. The passphrase is asked once (hidden), then the key
stays in this process's guarded memory only, and is wiped at the end, or after --lock-after minutes
without a command (the next command asks again). The history of commands lives in memory only.
Ctrl-C clears the line at the prompt; during a command it stops the command and ends the session.
For commands from a file or a pipe, use vigil batch.`,
  async run(context) {
    const { io } = context;
    const tty = io.stdin as Readable & { setRawMode?: (raw: boolean) => void };
    if (!io.stdinIsTTY || !io.promptHidden || typeof tty.setRawMode !== 'function')
      throw new UsageError(
        'vigil shell needs a terminal; for commands from a file or a pipe, use vigil batch.',
        shell,
      );
    let history: string[] = [];
    let editor: Interface | null = null;
    const promptHidden = io.promptHidden;
    const session = context.hasVault()
      ? openSession(
          context,
          async () => {
            // The line editor would echo and remember the passphrase: close it while asking.
            history = editor ? [...(editor as unknown as { history: string[] }).history] : history;
            editor?.close();
            editor = null;
            return promptHidden('Vault passphrase: ');
          },
          // The note comes while the prompt waits: below it, then a fresh prompt.
          (note) => {
            io.stderr.write('\n');
            context.warn(note);
            editor?.prompt();
          },
        )
      : undefined;
    try {
      await session?.unlock();
      const commandsIo = commandIo(context, session);
      for (;;) {
        editor ??= lineEditor(io, history);
        const line = await nextLine(editor, io);
        if (line === null) break;
        const words = lineWords(line);
        if ('error' in words) {
          context.warn(`${words.error}.`);
          continue;
        }
        if (words.length === 0) continue;
        if (words.length === 1 && (words[0] === 'exit' || words[0] === 'quit')) break;
        if (words.length === 1 && words[0] === 'lock') {
          await session?.lock();
          io.stderr.write('Locked: the key is wiped; the next command asks for the passphrase.\n');
          continue;
        }
        // While a command runs, Ctrl-C is the terminal's again: it stops the command.
        editor.pause();
        tty.setRawMode(false);
        await runCli(words, commandsIo, { signal: context.signal, session });
        session?.touch();
        if (context.signal.aborted) break;
        if (editor) {
          tty.setRawMode(true);
          editor.resume();
        }
      }
      return EXIT.ok;
    } finally {
      await session?.end();
      editor?.close();
    }
  },
};

/** The next line typed, or null at the end (Ctrl-D, "exit" handled by the caller). */
function nextLine(editor: Interface, io: CliIo): Promise<string | null> {
  return new Promise((resolve) => {
    const onLine = (line: string) => {
      cleanup();
      resolve(line);
    };
    const onClose = () => {
      cleanup();
      resolve(null);
    };
    const onInterrupt = () => {
      // As in a shell: Ctrl-C drops what was typed and shows a fresh prompt.
      editor.write(null, { ctrl: true, name: 'e' });
      editor.write(null, { ctrl: true, name: 'u' });
      io.stderr.write('^C\n');
      editor.prompt();
    };
    const cleanup = () => {
      editor.off('line', onLine);
      editor.off('close', onClose);
      editor.off('SIGINT', onInterrupt);
    };
    editor.on('line', onLine);
    editor.on('close', onClose);
    editor.on('SIGINT', onInterrupt);
    editor.prompt();
  });
}

export const sessionCommands: readonly Command[] = [batch, shell];
