import { UsageError, type CommandContext, type OptionSpec } from '../command';
import { integerOption } from '../parse';
import type { Vault } from '../../core';
import { findCase, readTextFile } from '../../core/records';
import { TEXT_LIMITS } from '../../../shared/domain/text';
import type { ConsentRecord } from '../../../shared/domain/consent';

export type Options = Record<string, OptionSpec>;

export const str = (
  valueName: string,
  description: string,
  extra: Partial<OptionSpec> = {},
): OptionSpec => ({
  type: 'string',
  valueName,
  description,
  ...extra,
});
export const many = (valueName: string, description: string): OptionSpec => ({
  type: 'string',
  valueName,
  description,
  multiple: true,
});
export const flag = (description: string): OptionSpec => ({ type: 'boolean', description });

/** A case given by id or by reference (`VIG-2026-0001`). */
export async function caseIdFrom(
  vault: Vault,
  context: CommandContext,
  option = 'case',
): Promise<string> {
  const value = context.requireString(option);
  return (await findCase(vault, value)).id;
}

/** Text from `--NAME` or `--NAME-file` (UTF-8, size-checked), or undefined when neither is given. */
export async function textOrFile(
  context: CommandContext,
  name: string,
  maxBytes: number = TEXT_LIMITS.text,
): Promise<string | undefined> {
  const inline = context.string(name);
  const file = context.string(`${name}-file`);
  if (inline !== undefined && file !== undefined)
    throw new UsageError(`give --${name} or --${name}-file, not both.`);
  if (file !== undefined) return readTextFile(file, maxBytes, `the ${name.replace(/-/g, ' ')}`);
  return inline;
}

/** Values of a repeatable option, each possibly a comma-separated list. */
export function list(context: CommandContext, name: string): string[] {
  return context
    .strings(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** `ID` or `ID:TERM`, for options like --perpetrator PERSON_ID:direct-perpetrator. */
export function idWithTerm(value: string): { id: string; term?: string } {
  const at = value.indexOf(':');
  return at < 0 ? { id: value } : { id: value.slice(0, at), term: value.slice(at + 1) };
}

export function number(context: CommandContext, name: string): number | undefined {
  const raw = context.string(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${name} takes a number, not "${raw}".`);
  return value;
}

export const pageOptions: Options = {
  limit: str('N', 'show at most N'),
  offset: str('N', 'skip the first N'),
};

export function page(context: CommandContext): { limit?: number; offset?: number } {
  const limit = integerOption(context, 'limit');
  if (limit === 0) throw new UsageError('--limit must be at least 1.');
  return { limit, offset: integerOption(context, 'offset') };
}

export const consentOptions: Options = {
  'consent-scope': str(
    'SCOPE',
    'where it may go: internal-only (default), partners, named-mechanisms or public',
  ),
  'consent-mechanisms': many(
    'LIST',
    'with named-mechanisms: mechanism terms, comma-separated (e.g. wgad,sr-hrd; partner-ngos adds partner organisations)',
  ),
  'consent-naming': str('HOW', 'name in outputs: name, initials, pseudonym or none (default)'),
  'consent-pseudonym': str('NAME', 'the pseudonym to print when naming is pseudonym'),
  'consent-date': str('YYYY-MM-DD', 'the day consent was given'),
  'consent-given-by': str('WHO', 'self, family-member or legal-representative'),
  'consent-form': str('FORM', 'oral, written or recorded'),
  'consent-knows-government-contacted': flag('the person knows the government will be contacted'),
  'consent-government-not-informed': flag(
    'the person does NOT know the government will be contacted',
  ),
  'consent-withdrawn-on': str('YYYY-MM-DD', 'consent was withdrawn on this day'),
  'consent-notes': str('TEXT', 'notes on how consent was obtained'),
};

/** A consent record from the --consent-* options, or undefined when none is given (the default applies). */
export function consentFrom(context: CommandContext): Partial<ConsentRecord> | undefined {
  const given = Object.keys(consentOptions).some(
    (name) => context.options[name] !== undefined && context.options[name] !== false,
  );
  if (!given) return undefined;
  if (
    context.flag('consent-knows-government-contacted') &&
    context.flag('consent-government-not-informed')
  ) {
    throw new UsageError(
      'give --consent-knows-government-contacted or --consent-government-not-informed, not both.',
    );
  }
  const consent: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) consent[key] = value;
  };
  set('scope', context.string('consent-scope'));
  const mechanisms = list(context, 'consent-mechanisms');
  if (mechanisms.length > 0) {
    consent.mechanisms = mechanisms;
    if (context.string('consent-scope') === undefined) consent.scope = 'named-mechanisms';
  }
  set('naming', context.string('consent-naming'));
  set('pseudonym', context.string('consent-pseudonym'));
  if (
    context.string('consent-pseudonym') !== undefined &&
    context.string('consent-naming') === undefined
  )
    consent.naming = 'pseudonym';
  set('givenOn', context.string('consent-date'));
  set('givenBy', context.string('consent-given-by'));
  set('form', context.string('consent-form'));
  if (context.flag('consent-knows-government-contacted')) consent.knowsGovernmentContacted = true;
  if (context.flag('consent-government-not-informed')) consent.knowsGovernmentContacted = false;
  const withdrawnOn = context.string('consent-withdrawn-on');
  if (withdrawnOn !== undefined) {
    consent.withdrawn = true;
    consent.withdrawnOn = withdrawnOn;
  }
  set('notes', context.string('consent-notes'));
  return consent;
}

/** Drops undefined values, so that only the options given reach an update. */
export function defined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

const ID_DOCUMENT_KEYS: Record<string, string> = {
  number: 'number',
  'issued-by': 'issuedBy',
  'issued-on': 'issuedOn',
  country: 'country',
};

/**
 * `--id-document "passport; number=A1234567; issued-by=Ministry of Interior; issued-on=2019-05-02; country=EG"`:
 * the document type (an `identity-document-type` term) first, then `key=value` parts separated by `;`.
 */
export function identityDocumentOf(value: string): Record<string, string> {
  const [type, ...parts] = value.split(';').map((part) => part.trim());
  if (!type || type.includes('='))
    throw new UsageError(
      `--id-document starts with the document type (e.g. passport, national-id-card), not "${value}".`,
    );
  const document: Record<string, string> = { type };
  for (const part of parts) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const key = at < 0 ? '' : part.slice(0, at).trim();
    if (!(key in ID_DOCUMENT_KEYS))
      throw new UsageError(
        `--id-document: "${part}" is not one of number=, issued-by=, issued-on=, country=.`,
      );
    const field = ID_DOCUMENT_KEYS[key]!;
    if (field in document) throw new UsageError(`--id-document gives ${key}= twice.`);
    document[field] = part.slice(at + 1).trim();
  }
  return document;
}

const PLACE_KEYS: Record<string, string> = {
  type: 'placeType',
  country: 'country',
  from: 'from',
  to: 'to',
  notes: 'notes',
  detainees: 'detainees',
};

/**
 * `--detention-place "Tora prison; type=prison; from=2024-04; to=2024-06; country=EG; detainees=ID,ID"`:
 * the place's name first, then `key=value` parts separated by `;` (detainees: when not every victim was held there).
 */
export function detentionPlaceOf(value: string): Record<string, unknown> {
  const [name, ...parts] = value.split(';').map((part) => part.trim());
  if (!name || /^(type|country|from|to|notes|detainees)=/.test(name))
    throw new UsageError(`--detention-place starts with the name of the place, not "${value}".`);
  const place: Record<string, unknown> = { name };
  for (const part of parts) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const key = at < 0 ? '' : part.slice(0, at).trim();
    if (!(key in PLACE_KEYS))
      throw new UsageError(
        `--detention-place: "${part}" is not one of type=, country=, from=, to=, notes=, detainees=.`,
      );
    const field = PLACE_KEYS[key]!;
    if (field in place) throw new UsageError(`--detention-place gives ${key}= twice.`);
    const text = part.slice(at + 1).trim();
    place[field] =
      field === 'detainees'
        ? text
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean)
        : text;
  }
  return place;
}
