import { z } from 'zod';
import { lineText, termId } from '../domain/text';
import { caseStatus, confidentiality } from './cases';
import { consentForm, consentGivenBy, consentNaming, consentScope, mechanism } from './consent';
import {
  detentionPlaceType,
  eventRelation,
  eventType,
  involvementDegree,
  sourceReliability,
} from './events';
import { interventionStatus, interventionType } from './interventions';
import { spMandate } from './mandates';
import { hrdWork, identityDocumentType, personRole, personType, sexGender } from './persons';
import { testimonyMethod } from './testimonies';
import { LANGUAGES, type Labels, type Language, type Vocabulary } from './types';

export {
  LANGUAGES,
  type Labels,
  type Language,
  type Vocabulary,
  type VocabularyTerm,
} from './types';

/**
 * Every built-in controlled vocabulary. Records store term ids; labels are
 * looked up here (and in the vault's own terms) in the reader's language.
 */
export const VOCABULARIES = {
  'case-status': caseStatus,
  confidentiality,
  'person-type': personType,
  'person-role': personRole,
  'sex-gender': sexGender,
  'hrd-work': hrdWork,
  'identity-document-type': identityDocumentType,
  'event-type': eventType,
  'event-relation': eventRelation,
  'involvement-degree': involvementDegree,
  'source-reliability': sourceReliability,
  'detention-place-type': detentionPlaceType,
  'testimony-method': testimonyMethod,
  'consent-scope': consentScope,
  'consent-naming': consentNaming,
  'consent-given-by': consentGivenBy,
  'consent-form': consentForm,
  mechanism,
  'intervention-type': interventionType,
  'intervention-status': interventionStatus,
  'sp-mandate': spMandate,
} as const satisfies Record<string, Vocabulary>;

export type VocabularyName = keyof typeof VOCABULARIES;
export const VOCABULARY_NAMES = Object.keys(VOCABULARIES) as VocabularyName[];

export function isVocabularyName(name: string): name is VocabularyName {
  return Object.hasOwn(VOCABULARIES, name);
}

/** A term an organisation added to an extensible vocabulary; stored in its vault. */
export interface CustomTerm {
  vocabulary: VocabularyName;
  id: string;
  /** At least one language; missing ones fall back to English, then to any label. */
  labels: Partial<Labels>;
}

const label = lineText
  .refine((value) => value.length > 0, { message: 'must not be empty' })
  .pipe(z.string().max(200, { message: 'is too long for a label (at most 200 characters)' }));

export const customTermSchema: z.ZodType<CustomTerm, unknown> = z
  .object({
    vocabulary: z.string().refine(isVocabularyName, { message: 'is not a vocabulary name' }),
    id: termId,
    labels: z
      .object(
        Object.fromEntries(LANGUAGES.map((lang) => [lang, label.optional()])) as Record<
          Language,
          z.ZodOptional<typeof label>
        >,
      )
      .strict()
      .refine((value) => Object.values(value).some((v) => v !== undefined), {
        message: 'needs a label in at least one language',
      }),
  })
  .strict()
  .transform((value) => ({
    vocabulary: value.vocabulary,
    id: value.id,
    labels: Object.fromEntries(Object.entries(value.labels).filter(([, v]) => v !== undefined)),
  }));

export interface ResolvedTerm {
  id: string;
  labels: Partial<Labels>;
  tags: readonly string[];
  builtIn: boolean;
}

/**
 * The built-in vocabularies plus an organisation's own terms: what validation,
 * labels and pickers use. Build one per vault (the core loads the custom terms).
 */
export class VocabularySet {
  private readonly custom = new Map<VocabularyName, Map<string, CustomTerm>>();

  constructor(customTerms: readonly CustomTerm[] = []) {
    for (const entry of customTerms) {
      let terms = this.custom.get(entry.vocabulary);
      if (!terms) this.custom.set(entry.vocabulary, (terms = new Map<string, CustomTerm>()));
      terms.set(entry.id, entry);
    }
  }

  vocabulary(name: VocabularyName): Vocabulary {
    return VOCABULARIES[name];
  }

  version(name: VocabularyName): number {
    return VOCABULARIES[name].version;
  }

  builtIn(name: VocabularyName, id: string): boolean {
    return VOCABULARIES[name].terms.some((t) => t.id === id);
  }

  has(name: VocabularyName, id: string): boolean {
    return this.builtIn(name, id) || (this.custom.get(name)?.has(id) ?? false);
  }

  terms(name: VocabularyName): ResolvedTerm[] {
    const builtIn = VOCABULARIES[name].terms.map((t) => ({
      id: t.id,
      labels: t.labels,
      tags: t.tags ?? [],
      builtIn: true,
    }));
    const custom = [...(this.custom.get(name)?.values() ?? [])].map((t) => ({
      id: t.id,
      labels: t.labels,
      tags: [],
      builtIn: false,
    }));
    return [...builtIn, ...custom];
  }

  customTerms(): CustomTerm[] {
    return [...this.custom.values()].flatMap((terms) => [...terms.values()]);
  }

  termHasTag(name: VocabularyName, id: string, tag: string): boolean {
    return VOCABULARIES[name].terms.some((t) => t.id === id && (t.tags ?? []).includes(tag));
  }

  /** The label in `lang`, else English, else any language, else the id itself. */
  label(name: VocabularyName, id: string, lang: Language = 'en'): string {
    const labels: Partial<Labels> | undefined =
      VOCABULARIES[name].terms.find((t) => t.id === id)?.labels ??
      this.custom.get(name)?.get(id)?.labels;
    if (!labels) return id;
    return labels[lang] ?? labels.en ?? Object.values(labels).find((v) => v) ?? id;
  }
}

/** The built-in vocabularies alone (no vault open). */
export const BUILT_IN_VOCABULARIES = new VocabularySet();
