// Case records: the public surface used by the CLI and the Electron main process.
export {
  createCase,
  deleteCase,
  findCase,
  getCase,
  listCases,
  nextReference,
  updateCase,
} from './cases';
export {
  createPerson,
  deletePerson,
  getPerson,
  getPersonCases,
  linkPerson,
  listCasePersons,
  listPersons,
  unlinkPerson,
  updatePerson,
  restorePersonVersion,
  type PersonListQuery,
} from './persons';
export { findPersonChoices } from './personChoices';
export {
  createEvent,
  deleteEvent,
  getEvent,
  listEvents,
  updateEvent,
  type EventListQuery,
} from './events';
export {
  createTestimony,
  deleteTestimony,
  getTestimony,
  listTestimonies,
  updateTestimony,
  withdrawTestimonyConsent,
  type TestimonyListQuery,
} from './testimonies';
export {
  createIntervention,
  deleteIntervention,
  getIntervention,
  listInterventions,
  listInterventionSteps,
  moveIntervention,
  updateIntervention,
  type InterventionListQuery,
} from './interventions';
export type { InterventionStepEntry } from './interventionStates';
export {
  addVocabularyTerm,
  getVocabulary,
  importVocabularyTerms,
  listVocabularies,
  loadVocabularies,
  VOCABULARY_FILE_FORMAT,
  type VocabularyListing,
} from './vocabularies';
export { search } from './search';
export {
  caseTimeline,
  compareTimelineEntries,
  personTimeline,
  timelineEntry,
  timelineProviders,
  type TimelineEntry,
  type TimelineOptions,
  type TimelineProvider,
  type TimelineScope,
} from './timeline';
export {
  exportCaseDocument,
  exportCaseDocumentFile,
  importCaseDocument,
  importCaseDocuments,
  importCaseDocumentTx,
  parseCaseDocument,
  type CaseDocument,
  type ImportCounts,
  type ImportMode,
  type ImportOptions,
  type ImportResult,
} from './caseDocument';
export { updateCaseFromDocument, type UpdateConflict, type UpdateResult } from './caseUpdate';
export { casesWithOrigin, pruneOrigin, recordSentToPartners, type OriginMatch } from './origins';
export { MAX_CASE_TERMS } from './vocabularies';
export { parseJsonText, readJsonFile, readJsonFiles, readTextFile } from './files';
export { checkCaseRecords } from './check';
export { caseAuditLog, type CaseAuditEntry } from './caseAudit';
export { getOrganisation, loadOrganisation, updateOrganisation } from './organisation';
export { listDue, type DueQuery } from './due';
export { InvalidInput } from './validate';
export type { UpdateOptions } from './crud';
export {
  TRASH_KINDS,
  blobInUse,
  listTrash,
  moveToTrashTx,
  purgeTrashTx,
  trashBlobIds,
  type RestoreResult,
  type TrashEntry,
  type TrashKind,
} from './trash';
export { restoreTrashEntry } from './restore';
export {
  VERSIONED_KINDS,
  consentHistory,
  getVersion,
  listVersions,
  sealDigest,
  type ConsentHistoryEntry,
  type Version,
  type VersionSummary,
  type VersionedKind,
} from './versions';
export { restoreTestimonyVersion, sealTestimony } from './testimonies';
