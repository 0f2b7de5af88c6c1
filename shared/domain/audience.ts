import { z } from 'zod';
import {
  consentDecision,
  PARTNER_MECHANISM_TERM,
  type ConsentDecision,
  type ConsentRecord,
} from './consent';
import { INTERNAL_FIELDS, PRIVATE_FIELDS, type PrivateField } from './privateFields';
import type { RecordKind } from './vocabCheck';

/**
 * Who an export is for. Every export is made for exactly one audience:
 * - a named mechanism (a UN or regional body), which forwards what it gets to
 *   the state concerned;
 * - partner organisations: trusted, never the state, and able to go on with
 *   the work (they may import the case);
 * - the public.
 * What each audience may receive follows from consent (each person's and each
 * testimony's) and from the kind of each field; `audienceRule` below is the
 * only place that decides it, and the CLI, the desktop app and the exporter
 * all ask it.
 */
export const AUDIENCE_KINDS = ['mechanism', 'partners', 'public'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

const mechanismTerm = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
  .refine((term) => term !== PARTNER_MECHANISM_TERM, {
    message: `is the partner organisations' term: make the export for partners instead`,
  });

export const audienceSchema = z.union([
  z.strictObject({ kind: z.literal('mechanism'), mechanism: mechanismTerm }),
  z.strictObject({ kind: z.literal('partners') }),
  z.strictObject({ kind: z.literal('public') }),
]);
export type Audience = z.infer<typeof audienceSchema>;

/**
 * The audience a `--for` value names: `public`, `partners`, or a mechanism
 * term. Returns a message instead when the value cannot name one.
 */
export function parseAudience(value: string): Audience | { error: string } {
  const text = value.trim();
  if (text === 'public') return { kind: 'public' };
  if (text === 'partners') return { kind: 'partners' };
  if (text === PARTNER_MECHANISM_TERM)
    return {
      error: `"${PARTNER_MECHANISM_TERM}" names partner organisations: use "partners" to export for them.`,
    };
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(text))
    return {
      error: `takes "partners", "public" or a mechanism term (e.g. wgad, iachr), not "${value}".`,
    };
  return { kind: 'mechanism', mechanism: text };
}

/** The audience in a few plain words, for messages and reports (English; the UI has its own labels). */
export function describeAudience(audience: Audience): string {
  switch (audience.kind) {
    case 'public':
      return 'the public';
    case 'partners':
      return 'partner organisations';
    default:
      return `the mechanism ${audience.mechanism}`;
  }
}

/** What one audience receives, apart from what consent decides record by record. */
export interface AudienceRule {
  audience: Audience;
  /** Whether the record under `consent` may go to this audience, with the reasons when not. */
  covers(consent: ConsentRecord | null): ConsentDecision;
  /**
   * Internal working data (notes, tags, statuses, reliability, consent
   * terms, drafts, record ids): partners only.
   */
  internal: boolean;
  /** Private fields: only when the user asks, and never for the public. */
  private: boolean;
  /**
   * The case data written as case.json: the whole case document (ids and all,
   * so that a partner can import it), or the release form, which holds only
   * what the documents say, without ids.
   */
  caseData: 'full' | 'release';
  /** The fields of a record of `kind` that this export leaves out (emptied or removed). */
  withheldFields(kind: RecordKind): readonly PrivateField[];
}

/**
 * The one rule of what an audience receives. Consent decides which persons
 * and testimonies go, and how people are named (elsewhere: ./consent.ts);
 * this adds, per audience, which kinds of fields go:
 *
 * | audience   | facts | private fields        | internal data | case.json |
 * |------------|-------|-----------------------|---------------|-----------|
 * | mechanism  | yes   | only if asked         | never         | release   |
 * | partners   | yes   | only if asked         | yes           | full      |
 * | public     | yes   | never (asking fails)  | never         | release   |
 *
 * Throws (as a plain Error with a precise message) when private fields are
 * asked for the public: nothing is published with addresses and contacts.
 */
export function audienceRule(audience: Audience, includePrivate: boolean): AudienceRule {
  if (includePrivate && audience.kind === 'public')
    throw new AudienceError(
      'Private fields (contacts, addresses, document numbers, exact coordinates, interviewers) are never published: include them only in an export for a mechanism or for partners.',
    );
  const internal = audience.kind === 'partners';
  return {
    audience,
    covers: (consent) => consentDecision(consent, audience),
    internal,
    private: includePrivate,
    caseData: internal ? 'full' : 'release',
    withheldFields: (kind) => [
      ...(includePrivate ? [] : PRIVATE_FIELDS[kind]),
      ...(internal ? [] : INTERNAL_FIELDS[kind]),
    ],
  };
}

/** A request that no audience rule can satisfy (the front-ends turn it into invalid input). */
export class AudienceError extends Error {
  override name = 'AudienceError';
}
