import type { Command } from '../command';
import { vaultCommands } from './vault';
import { metadataCommands } from './metadata';
import { keyCommands } from './keys';
import { evidenceCommands } from './evidence';
import { dossierCommands } from './dossier';
import { recordsCommands } from './records';
import { organisationCommands } from './organisation';
import { releaseCommands } from './release';
import { backupCommands } from './backup';
import { dueCommands } from './due';
import { trashCommands } from './trash';
import { sessionCommands } from './session';

/** Every command, in the order `vigil --help` lists them. */
export const COMMANDS: readonly Command[] = [
  ...vaultCommands,
  ...sessionCommands,
  ...backupCommands,
  ...recordsCommands,
  ...dueCommands,
  ...trashCommands,
  ...metadataCommands,
  ...evidenceCommands,
  ...dossierCommands,
  ...organisationCommands,
  ...releaseCommands,
  ...keyCommands,
];
