import { z } from 'zod';
import { UsageError, type CommandContext, type OptionSpec } from '../../command';
import type { Vault } from '../../../core';
import { caseIdOf } from '../../caseOption';
import type { ConsentRecord } from '../../../../shared/domain/consent';
import { LANGUAGES, type Language } from '../../../../shared/vocabularies';
import {
  checkRecord,
  flag,
  inputFrom,
  list,
  naming,
  parseQuery,
  text,
  wholeNumber,
  type FieldOptions,
  type Input,
} from './fields';

export const DATE_HELP = `Dates may be partial: 2024, 2024-03 or 2024-03-15, optionally with ~ in front
(approximate), "before " or "after " in front (quote them: --date "before 2024-06"), or
the word unknown.`;

/** `--limit N --offset N`, for list queries. */
export const PAGE_FIELDS: FieldOptions = {
  limit: text('limit', 'N', 'show at most N', { value: wholeNumber('limit') }),
  offset: text('offset', 'N', 'skip the first N', { value: wholeNumber('offset') }),
};

export const LANG_FIELDS: FieldOptions = {
  lang: text('lang', 'LANG', `language of labels: ${LANGUAGES.join(', ')} (default en)`),
};

const langQuery = z.strictObject({ lang: z.enum(LANGUAGES).default('en') });

/**
 * A list query from its options, checked against its shared schema before
 * the vault is opened; its --case (id or reference) is resolved after.
 */
export async function queryOf<S extends z.ZodType>(
  context: CommandContext,
  fields: FieldOptions,
  schema: S,
  extra: Record<string, unknown> = {},
): Promise<(vault: Vault) => Promise<z.output<S>>> {
  const input = await inputFrom(context, fields, 'add');
  const { caseId: given, ...rest } = { ...extra, ...input.value };
  parseQuery(schema, { ...input, value: rest });
  return async (vault) =>
    parseQuery(schema, {
      ...input,
      value: typeof given === 'string' ? { ...rest, caseId: await caseIdOf(vault, given) } : rest,
    });
}

/** The --lang option, checked. */
export async function langOf(context: CommandContext): Promise<Language> {
  return parseQuery(langQuery, await inputFrom(context, LANG_FIELDS, 'add')).lang;
}

export function specs(fields: FieldOptions): Record<string, OptionSpec> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.spec]));
}

// ---------------------------------------------------------------- consent

/** The consent record's options, shared by persons and testimonies. */
export const CONSENT_FIELDS: FieldOptions = {
  'consent-scope': text(
    'consent.scope',
    'SCOPE',
    'where it may go: internal-only (default), partners, named-mechanisms or public',
  ),
  'consent-mechanisms': list(
    'consent.mechanisms',
    'LIST',
    'with named-mechanisms: mechanism terms, comma-separated (e.g. wgad,sr-hrd; partner-ngos adds partner organisations)',
    { commas: true, implies: { 'consent.scope': 'named-mechanisms' } },
  ),
  'consent-naming': text(
    'consent.naming',
    'HOW',
    'name in outputs: name, initials, pseudonym or none (default)',
  ),
  'consent-pseudonym': text(
    'consent.pseudonym',
    'NAME',
    'the pseudonym to print when naming is pseudonym',
    { implies: { 'consent.naming': 'pseudonym' } },
  ),
  'consent-date': text('consent.givenOn', 'YYYY-MM-DD', 'the day consent was given', {
    nullable: true,
  }),
  'consent-given-by': text(
    'consent.givenBy',
    'WHO',
    'self, family-member or legal-representative',
    { nullable: true },
  ),
  'consent-form': text('consent.form', 'FORM', 'oral, written or recorded', { nullable: true }),
  'consent-knows-government-contacted': flag(
    'consent.knowsGovernmentContacted',
    'the person knows the government will be contacted',
  ),
  'consent-government-not-informed': flag(
    'consent.knowsGovernmentContacted',
    'the person does NOT know the government will be contacted',
    false,
  ),
  'consent-withdrawn-on': text(
    'consent.withdrawnOn',
    'YYYY-MM-DD',
    'consent was withdrawn on this day',
    { implies: { 'consent.withdrawn': true } },
  ),
  'consent-notes': text('consent.notes', 'TEXT', 'notes on how consent was obtained'),
  'consent-given-again': flag(
    'consent.withdrawn',
    'consent given again after a withdrawal (clears it; give --consent-date too)',
    false,
    { implies: { 'consent.withdrawnOn': null }, only: 'edit' },
  ),
};

/**
 * A consent record with the parts the options gave changed, the rest kept. A
 * new scope other than named-mechanisms drops the old list of mechanisms.
 */
export function mergeConsent(
  before: ConsentRecord | null,
  given: Partial<ConsentRecord>,
): Partial<ConsentRecord> {
  const merged: Partial<ConsentRecord> = { ...(before ?? {}), ...given };
  if (given.scope !== undefined && given.scope !== 'named-mechanisms' && !given.mechanisms)
    merged.mechanisms = [];
  return merged;
}

// ---------------------------------------------------------------- add and edit

/** Adds the options given to a record's fields one level down (`location`, `detention`), keeping the rest. */
export function mergeObjects(
  before: object,
  patch: Record<string, unknown>,
  keys: readonly string[],
): Record<string, unknown> {
  const out = { ...patch };
  for (const key of keys) {
    const given = patch[key];
    const old = (before as Record<string, unknown>)[key];
    if (
      given &&
      typeof given === 'object' &&
      !Array.isArray(given) &&
      old &&
      typeof old === 'object'
    )
      out[key] =
        key === 'consent' ? mergeConsent(old as ConsentRecord, given) : { ...old, ...given };
  }
  return out;
}

export interface UpdateOptions {
  onChange?: (fields: readonly string[]) => void;
}

/** How `… edit ID` works for one kind of record. */
export interface EditSpec<R extends { id: string }, S extends z.ZodType> {
  fields: FieldOptions;
  /** The patch schema: a bad value is refused before the vault is opened. */
  patchSchema: S;
  /** Names the record in messages. */
  what: string;
  /** Fields that are objects whose parts the options change one by one. */
  nested?: readonly string[];
  /** The id of the record the positional names. */
  id?: (vault: Vault, raw: string) => Promise<string>;
  load(vault: Vault, id: string): Promise<R>;
  update(vault: Vault, id: string, patch: z.output<S>, options: UpdateOptions): Promise<R>;
}

/** `Changed: status, countries.` or `Nothing changed.`, after the id. */
export function changedLine(id: string, changed: readonly string[]): string {
  return changed.length ? `${id}\nChanged: ${changed.join(', ')}.` : `${id}\nNothing changed.`;
}

/**
 * Runs an edit: only the options given change (a list given replaces the
 * list; `--clear-…` empties it; an empty value clears a text). The core checks
 * the record as a whole, as it does a new one, and says what changed.
 */
export async function runEdit<R extends { id: string }, S extends z.ZodType>(
  context: CommandContext,
  edit: EditSpec<R, S>,
): Promise<{ vault: Vault; before: R; record: R; changed: readonly string[]; input: Input }> {
  const input = await inputFrom(context, edit.fields, 'edit');
  if (Object.keys(input.value).length === 0)
    throw new UsageError('nothing to change: give at least one field option.');
  const nested = edit.nested ?? [];
  const flat = Object.fromEntries(
    Object.entries(input.value).filter(([key]) => !nested.includes(key)),
  );
  checkRecord(edit.patchSchema, { ...input, value: flat }, `${edit.what} update`);
  const vault = await context.openVault();
  const raw = context.positionals[0]!;
  const id = edit.id ? await edit.id(vault, raw) : raw;
  const before = await edit.load(vault, id);
  const merged = { ...input, value: mergeObjects(before, input.value, nested) };
  const patch = checkRecord(edit.patchSchema, merged, `${edit.what} update`);
  let changed: readonly string[] = [];
  const record = await naming(input, () =>
    edit.update(vault, before.id, patch, { onChange: (fields) => (changed = fields) }),
  );
  return { vault, before, record, changed, input };
}

// ---------------------------------------------------------------- delete

/** `Moved to the trash (entry …); vigil trash restore … brings it back.` */
export function trashedLine(what: string, recordId: string, trashId: string): string {
  return `${recordId}\nMoved ${what} to the trash; \`vigil trash restore ${trashId}\` brings it back.`;
}
