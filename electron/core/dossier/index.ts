// Dossiers: signed exports for UN and regional bodies, encrypted bundles for
// partners, their verification, and the import of partners' bundles.
export {
  previewExport,
  planDossier,
  defaultAudience,
  URGENT_APPEAL_PUBLIC,
  templateAudienceError,
  type ExportRequest,
  type DossierPlan,
} from './plan';
export { exportDossier, type ExportResult, type ExportTarget } from './export';
export { verifyDossier, type VerifyReport, type VerifyOptions } from './verify';
export { importDossier, type ImportReport, type ImportOptions } from './import';
export { DuplicateCaseError, type DuplicateChoice, type DuplicateInfo } from './duplicates';
export {
  caseSubmissions,
  getSubmission,
  getWgadSubmission,
  saveSubmission,
  saveWgadSubmission,
  type SubmissionKind,
} from './submissions';
export { getMechanismFacts, hasMechanismFacts, saveMechanismFacts } from './facts';
export {
  approveRelease,
  audienceFromKey,
  editRelease,
  reviewRelease,
  SUBMISSION_RECORD_ID,
} from './release';
