import { problem } from './issues';
import { z } from 'zod';
import { isoDaySchema } from './partialDate';
import { boundedList, lineText, longText, termId } from './text';

/**
 * A consent record: what a witness, victim or family agreed to, as data the
 * exporters obey rather than a note they may overlook. Testimonies carry one
 * each (what may be done with the statement); persons may carry one (whether
 * and how they may be named in outputs).
 *
 * Scopes, and the audiences each one covers (the rule is `consentDecision`):
 * - `internal-only`: nobody outside the organisation;
 * - `partners`: partner organisations only (trusted NGOs, never the state);
 * - `named-mechanisms`: the mechanisms listed, and partner organisations only
 *   when the list names them too (the `partner-ngos` term);
 * - `public`: everyone, partner organisations and every mechanism included.
 * Consent to a mechanism does not imply partners (they are other people, with
 * other risks), and consent to partners never implies a mechanism (which
 * forwards to the state). Only publication, which reaches everyone anyway,
 * implies the rest.
 */
export const CONSENT_SCOPES = ['internal-only', 'partners', 'named-mechanisms', 'public'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const CONSENT_NAMINGS = ['name', 'initials', 'pseudonym', 'none'] as const;
export type ConsentNaming = (typeof CONSENT_NAMINGS)[number];
export const CONSENT_GIVERS = ['self', 'family-member', 'legal-representative'] as const;
export const CONSENT_FORMS = ['oral', 'written', 'recorded'] as const;

export interface ConsentRecord {
  scope: ConsentScope;
  /** `mechanism` vocabulary terms; listed only (and at least one) when the scope is `named-mechanisms`. */
  mechanisms: string[];
  naming: ConsentNaming;
  /** The pseudonym to print when naming is `pseudonym` (else the person's own pseudonym is used). */
  pseudonym: string;
  /** Whether the person knows the government will be contacted; null when not asked. */
  knowsGovernmentContacted: boolean | null;
  givenBy: (typeof CONSENT_GIVERS)[number] | null;
  form: (typeof CONSENT_FORMS)[number] | null;
  /** The day consent was given (YYYY-MM-DD). */
  givenOn: string | null;
  withdrawn: boolean;
  withdrawnOn: string | null;
  notes: string;
}

/** What applies when nobody recorded consent: nothing leaves the vault, nobody is named. */
export const DEFAULT_CONSENT: Readonly<ConsentRecord> = Object.freeze({
  scope: 'internal-only',
  mechanisms: [],
  naming: 'none',
  pseudonym: '',
  knowsGovernmentContacted: null,
  givenBy: null,
  form: null,
  givenOn: null,
  withdrawn: false,
  withdrawnOn: null,
  notes: '',
});

export const consentSchema: z.ZodType<ConsentRecord, unknown> = z
  .object({
    scope: z.enum(CONSENT_SCOPES).default('internal-only'),
    mechanisms: boundedList(termId, 50).default([]),
    naming: z.enum(CONSENT_NAMINGS).default('none'),
    pseudonym: lineText.default(''),
    knowsGovernmentContacted: z.boolean().nullable().default(null),
    givenBy: z.enum(CONSENT_GIVERS).nullable().default(null),
    form: z.enum(CONSENT_FORMS).nullable().default(null),
    givenOn: isoDaySchema.nullable().default(null),
    withdrawn: z.boolean().default(false),
    withdrawnOn: isoDaySchema.nullable().default(null),
    notes: longText.default(''),
  })
  .strict()
  .superRefine((consent, ctx) => {
    if (consent.scope === 'named-mechanisms' && consent.mechanisms.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['mechanisms'],
        message: 'must name at least one mechanism when the scope is named-mechanisms',
        params: problem('mechanisms-required'),
      });
    }
    if (consent.scope !== 'named-mechanisms' && consent.mechanisms.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['mechanisms'],
        message: `are listed only when the scope is named-mechanisms (it is ${consent.scope})`,
        params: problem('mechanisms-not-for-scope'),
      });
    }
    if (consent.withdrawnOn !== null && !consent.withdrawn) {
      ctx.addIssue({
        code: 'custom',
        path: ['withdrawnOn'],
        message: 'is set but the consent is not marked withdrawn',
        params: problem('withdrawn-on-without-withdrawal'),
      });
    }
    if (
      consent.withdrawnOn !== null &&
      consent.givenOn !== null &&
      consent.withdrawnOn < consent.givenOn
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['withdrawnOn'],
        message: `(${consent.withdrawnOn}) is before the consent was given (${consent.givenOn})`,
        params: problem('withdrawn-before-given'),
      });
    }
  });

/** The `mechanism` term that, listed in a named-mechanisms consent, also allows partner organisations. */
export const PARTNER_MECHANISM_TERM = 'partner-ngos';

export type ConsentTarget =
  | { kind: 'internal' }
  | { kind: 'mechanism'; mechanism: string }
  | { kind: 'partners' }
  | { kind: 'public' };

/**
 * Why a consent does not cover a use, as a stable code (the UI words it in
 * the user's language) with what the words need: the date of a withdrawal,
 * the mechanism that is not named.
 */
export const CONSENT_REFUSALS = [
  'consent-missing',
  'consent-withdrawn',
  'consent-internal-only',
  'consent-partners-not-public',
  'consent-mechanisms-not-public',
  'consent-mechanisms-not-partners',
  'consent-partners-not-mechanisms',
  'consent-other-mechanism',
] as const;
export type ConsentRefusal = (typeof CONSENT_REFUSALS)[number];

export interface ConsentRefusalReason {
  code: ConsentRefusal;
  /** The day consent was withdrawn (consent-withdrawn), when recorded. */
  on?: string;
  /** The mechanism the consent does not name (consent-other-mechanism). */
  mechanism?: string;
}

export interface ConsentDecision {
  allowed: boolean;
  /** Plain reasons (English), for the CLI and the exporter's list of what it withheld and why. */
  reasons: string[];
  /** The same reasons as codes, one for one, for front-ends that speak other languages. */
  why: ConsentRefusalReason[];
}

const REFUSAL_WORDS: Record<ConsentRefusal, (r: ConsentRefusalReason) => string> = {
  'consent-missing': () => 'no consent was recorded',
  'consent-withdrawn': (r) => `consent was withdrawn${r.on ? ` on ${r.on}` : ''}`,
  'consent-internal-only': () => 'consent covers internal use only',
  'consent-partners-not-public': () => 'consent covers partner organisations, not publication',
  'consent-mechanisms-not-public': () => 'consent covers the named mechanisms, not publication',
  'consent-mechanisms-not-partners': () => 'consent names mechanisms, not partner organisations',
  'consent-partners-not-mechanisms': () => 'consent covers partner organisations, not mechanisms',
  'consent-other-mechanism': (r) => `consent does not name the mechanism ${r.mechanism ?? ''}`,
};

/**
 * Whether a record under `consent` may go to `target`. Internal use (inside
 * the vault) is always allowed; everything else needs a consent that covers
 * it and was not withdrawn. A missing consent allows nothing outside. See the
 * scopes above for which audiences each scope covers, and why.
 */
export function consentDecision(
  consent: ConsentRecord | null,
  target: ConsentTarget,
): ConsentDecision {
  if (target.kind === 'internal') return { allowed: true, reasons: [], why: [] };
  const why: ConsentRefusalReason[] = [];
  if (!consent) why.push({ code: 'consent-missing' });
  else {
    if (consent.withdrawn)
      why.push(
        consent.withdrawnOn
          ? { code: 'consent-withdrawn', on: consent.withdrawnOn }
          : { code: 'consent-withdrawn' },
      );
    const scope = consent.scope;
    if (scope === 'internal-only') why.push({ code: 'consent-internal-only' });
    else if (target.kind === 'public' && scope !== 'public')
      why.push({
        code:
          scope === 'partners' ? 'consent-partners-not-public' : 'consent-mechanisms-not-public',
      });
    else if (target.kind === 'partners') {
      if (scope === 'named-mechanisms' && !consent.mechanisms.includes(PARTNER_MECHANISM_TERM))
        why.push({ code: 'consent-mechanisms-not-partners' });
    } else if (target.kind === 'mechanism') {
      if (scope === 'partners') why.push({ code: 'consent-partners-not-mechanisms' });
      else if (scope === 'named-mechanisms' && !consent.mechanisms.includes(target.mechanism))
        why.push({ code: 'consent-other-mechanism', mechanism: target.mechanism });
    }
  }
  return {
    allowed: why.length === 0,
    reasons: why.map((r) => REFUSAL_WORDS[r.code](r)),
    why,
  };
}

/** "Amal Hassan" → "A. H."; works for any script that separates words with spaces. */
export function initialsOf(name: string): string {
  return name
    .split(/[\s]+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => `${[...word.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? ''}.`)
    .join(' ');
}

/**
 * The name an output may print for a person under `consent`: the full name,
 * initials, a pseudonym, or null (do not name them). Without a consent record
 * nobody is named.
 */
export function nameForOutput(
  fullName: string,
  consent: ConsentRecord | null,
  personPseudonym = '',
): string | null {
  if (!consent || consent.withdrawn) return null;
  switch (consent.naming) {
    case 'name':
      return fullName;
    case 'initials':
      return initialsOf(fullName) || null;
    case 'pseudonym':
      return consent.pseudonym || personPseudonym || null;
    default:
      return null;
  }
}

/** How a consent record changed, for its history. */
export type ConsentChange = 'granted' | 'widened' | 'narrowed' | 'withdrawn' | 'changed';

const NAMING_REACH: Record<ConsentNaming, number> = { none: 0, pseudonym: 1, initials: 2, name: 3 };

/**
 * What a consent record lets out, as comparable facts: which audiences it
 * covers (partners, publication, each mechanism either record names, and any
 * other mechanism) and how revealing the naming is. Withdrawal is left aside.
 */
function reachOf(consent: ConsentRecord | null, mechanisms: readonly string[]): number[] {
  // A mechanism no record names stands for every other one (publication reaches it).
  const all = [...mechanisms, '\u0000any-other'];
  if (!consent) return [0, 0, 0, ...all.map(() => 0)];
  const c = { ...consent, withdrawn: false };
  const allowed = (target: ConsentTarget) => (consentDecision(c, target).allowed ? 1 : 0);
  return [
    NAMING_REACH[c.naming],
    allowed({ kind: 'partners' }),
    allowed({ kind: 'public' }),
    ...all.map((m) => allowed({ kind: 'mechanism', mechanism: m })),
  ];
}

/**
 * How `after` changed `before`: withdrawn, granted (first given, or given
 * again after a withdrawal), widened (reaches more and nothing less: more
 * audiences or a more revealing naming), narrowed (the reverse), or changed
 * (both ways, only its details: date, notes, form, or anything while it
 * stays withdrawn). Null when equal.
 */
export function consentChange(
  before: ConsentRecord | null,
  after: ConsentRecord | null,
): ConsentChange | null {
  if (JSON.stringify(before) === JSON.stringify(after)) return null;
  if (after?.withdrawn && !before?.withdrawn) return 'withdrawn';
  if (before?.withdrawn && after && !after.withdrawn) return 'granted';
  // Still withdrawn, it lets nothing out whatever else changed.
  if (before?.withdrawn && after?.withdrawn) return 'changed';
  const mechanisms = [...new Set([...(before?.mechanisms ?? []), ...(after?.mechanisms ?? [])])];
  const a = reachOf(before, mechanisms);
  const b = reachOf(after, mechanisms);
  const more = b.some((v, i) => v > a[i]!);
  const less = b.some((v, i) => v < a[i]!);
  if (more && !less) return a.every((v) => v === 0) ? 'granted' : 'widened';
  if (less && !more) return 'narrowed';
  return 'changed';
}
