import type { Command } from '../command';
import { vaultCommands } from './vault';
import { recordsCommands } from './records';
import { metadataCommands } from './metadata';
import { evidenceCommands } from './evidence';

/** Every command, in the order `vigil --help` lists them. */
export const COMMANDS: readonly Command[] = [
  ...vaultCommands,
  ...recordsCommands,
  ...metadataCommands,
  ...evidenceCommands,
];
