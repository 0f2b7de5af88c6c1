import type { Command } from '../command';
import { vaultCommands } from './vault';
import { metadataCommands } from './metadata';

/** Every command, in the order `vigil --help` lists them. */
export const COMMANDS: readonly Command[] = [...vaultCommands, ...metadataCommands];
