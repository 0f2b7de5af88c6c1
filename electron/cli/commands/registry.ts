import type { Command } from '../command';

/**
 * Which module holds the commands that start with each word. Running one
 * command loads only its own module and what that imports: `vigil strip`
 * and `vigil inspect` never load the vault, PGP or dossier code (with
 * pdfkit, fontkit, docx and openpgp, compiling those took most of a second
 * of every start). A word missing here still works: every module is loaded
 * to look for it. tests/unit/cli-registry.test.ts keeps this list true.
 */
export const COMMAND_GROUPS: readonly {
  words: readonly string[];
  load: () => Promise<readonly Command[]>;
}[] = [
  { words: ['strip', 'inspect'], load: async () => (await import('./metadata')).metadataCommands },
  {
    words: ['init', 'info', 'check', 'export-sqlcipher', 'new-recovery-key', 'passwd', 'recover'],
    load: async () => (await import('./vault')).vaultCommands,
  },
  { words: ['backup', 'restore'], load: async () => (await import('./backup')).backupCommands },
  {
    words: ['case', 'person', 'event', 'testimony', 'intervention', 'search', 'timeline', 'vocab'],
    load: async () => (await import('./records')).recordsCommands,
  },
  { words: ['due'], load: async () => (await import('./due')).dueCommands },
  { words: ['trash'], load: async () => (await import('./trash')).trashCommands },
  { words: ['evidence'], load: async () => (await import('./evidence')).evidenceCommands },
  {
    words: ['export', 'import', 'submission', 'verify'],
    load: async () => (await import('./dossier')).dossierCommands,
  },
  { words: ['org'], load: async () => (await import('./organisation')).organisationCommands },
  { words: ['release'], load: async () => (await import('./release')).releaseCommands },
  { words: ['keys'], load: async () => (await import('./keys')).keyCommands },
  { words: ['batch', 'shell'], load: async () => (await import('./session')).sessionCommands },
];

/** Every command, in the order `vigil --help` lists them (for help and unknown words). */
export async function allCommands(): Promise<readonly Command[]> {
  return (await import('./index')).COMMANDS;
}

/**
 * Starts loading the modules of the commands that start with these words,
 * without waiting: a batch does it while the key is derived. Words not listed
 * are left to the command itself (loading everything would cost more than it
 * saves). A failure here is met again, and reported, when the command runs.
 */
export function loadAhead(words: Iterable<string>): void {
  const groups = new Set<(typeof COMMAND_GROUPS)[number]>();
  for (const word of words) {
    const group = COMMAND_GROUPS.find((g) => g.words.includes(word));
    if (group) groups.add(group);
  }
  for (const group of groups) void group.load().catch(() => undefined);
}

/** The commands that may start with `word`: its own module's, or all of them when the word is not listed. */
export async function commandsStartingWith(word: string | undefined): Promise<readonly Command[]> {
  const group = word === undefined ? undefined : COMMAND_GROUPS.find((g) => g.words.includes(word));
  return group ? group.load() : allCommands();
}
