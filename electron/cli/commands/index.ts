import type { Command } from '../command';
import { vaultCommands } from './vault';

/** Every command, in the order `vigil --help` lists them. */
export const COMMANDS: readonly Command[] = [...vaultCommands];
