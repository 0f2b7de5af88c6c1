import type { Migration } from './types';
import { initial } from './0001-initial';
import { caseRecords } from './0002-case-records';
import { keys } from './0003-keys';
import { evidence } from './0004-evidence';
import { submissions } from './0005-submissions';
import { evidenceReadable } from './0006-evidence-readable';
import { cjkSearch } from './0007-cjk-search';
import { releases } from './0008-releases';
import { organisationLatinNames } from './0009-organisation-latin-names';
import { trash } from './0010-trash';
import { interruptedWrites } from './0011-interrupted-writes';
import { recordVersions } from './0012-record-versions';
import { interventionStates } from './0013-intervention-states';
import { caseOrigins } from './0014-case-origins';
import { caseLastChange } from './0015-case-last-change';
import { recordOriginsUnindexed } from './0016-record-origins-unindexed';

export type { Migration };

/** Every migration, in order. The last one's version is the schema this build writes. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  caseRecords,
  keys,
  evidence,
  submissions,
  evidenceReadable,
  cjkSearch,
  releases,
  organisationLatinNames,
  trash,
  interruptedWrites,
  recordVersions,
  interventionStates,
  caseOrigins,
  caseLastChange,
  recordOriginsUnindexed,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
