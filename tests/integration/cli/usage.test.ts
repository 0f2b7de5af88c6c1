import { describe, expect, it } from 'vitest';
import { runVigilInProcess, type CliResult } from '../../helpers/cli';

// Mistakes in the command line itself: one line on stderr, exit 2, before any vault is opened.

function usage(result: CliResult, message: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^vigil: /);
  expect(lines[0]).toMatch(message);
}

describe('usage errors', () => {
  it('an unknown subcommand of a group names it and its help', async () => {
    for (const [group, word] of [
      ['case', 'frobnicate'],
      ['testimony', 'versoins'],
      ['intervention', 'close'],
      ['evidence', 'rm'],
      ['trash', 'purge'],
    ])
      usage(
        await runVigilInProcess([group!, word!, '--vault', '/nonexistent']),
        new RegExp(`unknown command "${group} ${word}"\\. Run "vigil ${group} --help"`),
      );
    // Global options may come first.
    usage(
      await runVigilInProcess(['--vault', '/nonexistent', 'person', 'remove', 'x']),
      /unknown command "person remove"/,
    );
  });

  it('a group alone, or with --help, shows its subcommands (exit 0)', async () => {
    for (const args of [['case'], ['case', '--help'], ['intervention', '--json']]) {
      const result = await runVigilInProcess(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`Usage: vigil ${args[0]} SUBCOMMAND`));
    }
  });

  it('a value that starts with a dash says how to give it, in one line', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['case', 'list', '--offset', '-1'],
        /--offset needs a value, and "-1" looks like an option; .* --offset=-1\./,
      ],
      [
        ['person', 'list', '--limit', '-20'],
        /--limit needs a value, and "-20" looks like an option/,
      ],
      [['case', 'list', '--offset=-1'], /--offset/],
      [['case', 'list', '--limit', 'ten'], /--limit/],
      [['case', 'list', '--offset'], /--offset/],
      [['case', 'list', '--bogus'], /--bogus/],
    ];
    for (const [args, message] of cases)
      usage(await runVigilInProcess([...args, '--vault', '/nonexistent']), message);
  });
});
