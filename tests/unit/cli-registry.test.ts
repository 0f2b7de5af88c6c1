import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../electron/cli/commands';
import {
  COMMAND_GROUPS,
  allCommands,
  commandsStartingWith,
} from '../../electron/cli/commands/registry';

// The CLI loads only the module of the command it runs; the registry says
// which module holds which first word. If it drifted, a command would still
// run (an unlisted word loads every module) but a listed word would hide
// commands of another module: these checks keep it exact.

const firstWord = (name: string): string => name.split(' ')[0]!;

describe('the lazy command registry', () => {
  it('lists each first word in exactly one module, and each module holds exactly its words', async () => {
    const seen = new Map<string, number>();
    for (const [i, group] of COMMAND_GROUPS.entries()) {
      const words = new Set((await group.load()).map((c) => firstWord(c.name)));
      expect([...words].sort()).toEqual([...group.words].sort());
      for (const w of group.words) {
        expect(seen.get(w), `"${w}" is listed twice`).toBeUndefined();
        seen.set(w, i);
      }
    }
  });

  it('covers every command exactly once, in the modules it names', async () => {
    const loaded = (await Promise.all(COMMAND_GROUPS.map((g) => g.load()))).flat();
    expect(loaded.map((c) => c.name).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
    expect(await allCommands()).toBe(COMMANDS);
  });

  it('finds each command through its first word, and falls back to all for an unknown word', async () => {
    for (const command of COMMANDS)
      expect(await commandsStartingWith(firstWord(command.name))).toContain(command);
    expect(await commandsStartingWith('no-such-word')).toBe(COMMANDS);
    expect(await commandsStartingWith(undefined)).toBe(COMMANDS);
  });
});
