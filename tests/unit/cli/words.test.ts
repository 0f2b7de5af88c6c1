import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../../electron/cli/words';

describe('splitCommandLine: a batch line read as a shell would quote it, with nothing expanded', () => {
  it.each([
    ['case list', ['case', 'list']],
    ['  case   list\t--json  ', ['case', 'list', '--json']],
    [`person add --name "Ana 'Lupe' Pérez"`, ['person', 'add', '--name', "Ana 'Lupe' Pérez"]],
    [
      `person add --name 'Said "the lawyer" Ali'`,
      ['person', 'add', '--name', 'Said "the lawyer" Ali'],
    ],
    ["person add --name O\\'Brien", ['person', 'add', '--name', "O'Brien"]],
    ['--title "a \\"quoted\\" word \\\\ here"', ['--title', 'a "quoted" word \\ here']],
    ['--title "keeps \\n and \\t as typed"', ['--title', 'keeps \\n and \\t as typed']],
    ['--name "$HOME" --tag * ~', ['--name', '$HOME', '--tag', '*', '~']],
    ['--name "سلمى يوسف" --title 李英俊', ['--name', 'سلمى يوسف', '--title', '李英俊']],
    ['--title ""', ['--title', '']],
    ["--title ''", ['--title', '']],
    ['--a"b c"d', ['--ab cd']],
    ['# a comment', []],
    ['case list # the cases', ['case', 'list']],
    ['--tag a#b', ['--tag', 'a#b']],
    ['', []],
    ['case list\r', ['case', 'list']],
  ])('%s', (line, words) => {
    expect(splitCommandLine(line)).toEqual(words);
  });

  it.each([
    ['--name "unclosed', 'a double quote (") is not closed'],
    ["--name 'unclosed", "a single quote (') is not closed"],
    ['--name trailing\\', 'the line ends with a backslash (\\)'],
  ])('refuses %s', (line, error) => {
    expect(splitCommandLine(line)).toEqual({ error });
  });
});
