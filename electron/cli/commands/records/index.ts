import type { Command } from '../../command';
import { caseCommands } from './cases';
import { caseFacts } from './facts';
import { personCommands } from './persons';
import { eventCommands } from './events';
import { testimonyCommands } from './testimonies';
import { interventionCommands } from './interventions';
import { searchCommands } from './search';
import { vocabCommands } from './vocab';
import { versionCommands } from './versions';

// `vigil case|person|event|testimony|intervention|search|timeline|vocab`, one
// file per record type. Each command declares which option fills which field
// of the shared schema (./fields.ts); the schema and the core do the rest.

export const recordsCommands: Command[] = [
  ...caseCommands,
  caseFacts,
  ...personCommands,
  ...eventCommands,
  ...testimonyCommands,
  ...versionCommands,
  ...interventionCommands,
  ...searchCommands,
  ...vocabCommands,
];
