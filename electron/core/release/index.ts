// Release versions of free texts: the mention search (names in every form and
// script), the proposed replacements, and what a person approved.
export { fold, foldText } from './fold';
export { cyrillicForms, type GrammaticalCase } from './inflect';
export { buildNameIndex, type NameIndex, type NameSubject } from './names';
export { findMentions, type Mention, type MentionReason } from './mentions';
export {
  descriptionRole,
  detectLanguage,
  replacementText,
  type PersonReplacement,
  type TextLanguage,
} from './describe';
export {
  applyChanges,
  changeKey,
  proposeChanges,
  type Decision,
  type ProposedChange,
} from './propose';
export {
  Releaser,
  RELEASE_RECORD_KINDS,
  SUBMISSION_RECORD_ID,
  APPEAL_RECORD_ID,
  FACTS_RECORD_ID,
  sha256Text,
  storedKey,
  type FieldRelease,
  type RecordRelease,
  type ReleaseChange,
  type ReleaseRecordKind,
  type ReleaseSubject,
  type StoredField,
  type StoredReleases,
} from './releaser';
export { audienceKey, describeIssues, releaseIssues, type ReleaseIssue } from './gate';
export {
  describeFindings,
  jsonTexts,
  scanOutputs,
  type ScanFinding,
  type ScanTarget,
} from './scan';
