import type { Language } from '../../lib/types';
import { REGIONAL_MECHANISMS, type Template } from '../../../../shared/dossier';

/**
 * The wizard's steps, in order. Each is one screen of ExportWizard's `body`;
 * a new step is one entry here, one case there, and its label in the locales.
 */
export const STEPS = [
  'template',
  'audience',
  'checklist',
  'redaction',
  'release',
  'evidence',
  'signing',
  'export',
] as const;
export type Step = (typeof STEPS)[number];

export type AudienceKind = 'mechanism' | 'partners' | 'public';

/** What the user chose in the wizard; kept in memory (a draft) until the export is done. */
export interface ExportChoices {
  template: Template;
  language: Language;
  audience: AudienceKind;
  /** The mechanism term, when the audience is a mechanism. */
  mechanism: string;
  includePrivate: boolean;
  /** Evidence originals to include; null means every one. */
  evidence: string[] | null;
  /** Originals to send as they are, with their metadata (each must be confirmed). */
  originals: string[];
  /** Originals the user confirmed after seeing what they reveal. */
  confirmed: string[];
  target: 'directory' | 'bundle';
  recipients: string[];
}

/** The mechanism a regional body's template is made for, or null for the other templates. */
export function regionalMechanism(template: Template): string | null {
  return (REGIONAL_MECHANISMS as Partial<Record<Template, string>>)[template] ?? null;
}

export function audienceOf(choices: Pick<ExportChoices, 'audience' | 'mechanism'>) {
  return choices.audience === 'mechanism'
    ? { kind: 'mechanism' as const, mechanism: choices.mechanism }
    : { kind: choices.audience };
}

/** The request the core previews and exports: exactly what the user chose, nothing defaulted elsewhere. */
export function exportRequest(caseId: string, choices: ExportChoices) {
  const chosen = choices.evidence;
  const publicOnly = choices.template === 'urgent-appeal';
  const body = regionalMechanism(choices.template);
  return {
    caseId,
    template: choices.template,
    language: choices.language,
    // An urgent appeal is published: it is made for the public whatever audience was picked before;
    // a regional body's form goes to that body.
    audience: publicOnly
      ? { kind: 'public' as const }
      : body
        ? { kind: 'mechanism' as const, mechanism: body }
        : audienceOf(choices),
    // Private details are never published (the core refuses them for the public).
    includePrivate:
      !publicOnly && (body !== null || choices.audience !== 'public') && choices.includePrivate,
    originals: choices.originals.filter((id) => !chosen || chosen.includes(id)),
    ...(chosen ? { evidence: chosen } : {}),
  };
}

/** Originals chosen to go as they are that the user has not confirmed yet. */
export function unconfirmedOriginals(choices: ExportChoices): string[] {
  const chosen = choices.evidence;
  return choices.originals.filter(
    (id) => (!chosen || chosen.includes(id)) && !choices.confirmed.includes(id),
  );
}
