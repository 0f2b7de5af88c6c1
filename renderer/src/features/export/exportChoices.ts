import type { Language } from '../../lib/types';

export const STEPS = [
  'template',
  'checklist',
  'redaction',
  'release',
  'evidence',
  'signing',
  'export',
] as const;
export type Step = (typeof STEPS)[number];

/** What the user chose in the wizard; kept in memory (a draft) until the export is done. */
export interface ExportChoices {
  template: 'generic' | 'wgad';
  language: Language;
  includePrivate: boolean;
  includeOriginals: boolean;
  /** Evidence originals to include; null means every one. */
  evidence: string[] | null;
  target: 'directory' | 'bundle';
  recipients: string[];
}

export function exportRequest(caseId: string, choices: ExportChoices) {
  return {
    caseId,
    template: choices.template,
    language: choices.language,
    includePrivate: choices.includePrivate,
    includeOriginals: choices.includeOriginals,
    ...(choices.evidence ? { evidence: choices.evidence } : {}),
  };
}
