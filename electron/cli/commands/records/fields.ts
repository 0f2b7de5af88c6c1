import type { z } from 'zod';
import { UsageError, type CommandContext, type OptionSpec } from '../../command';
import { describeIssues, issuesFromZod, type FieldIssue } from '../../../../shared/domain/issues';
import { VigilError } from '../../../core';
import { InvalidInput, readTextFile } from '../../../core/records';

// The one input contract between the record commands and the core: each
// command declares which option fills which field of the shared schema, the
// schema validates, and its complaints come back naming the options the user
// typed. No command checks a value itself, casts its options, or works out
// what changed: the schema and the core do.

type Convert = (raw: string) => unknown;

/** One option and the field of the schema's input it fills. */
export interface FieldOption {
  spec: OptionSpec;
  /** The field's path in the schema's input: `title`, `location.country`, `detention.places`. */
  to: string;
  /** What a flag puts there (default true): `--anonymous` sets the witness to null. */
  set?: unknown;
  /** Turns one value into the schema's input; a malformed value is a UsageError. */
  value?: Convert;
  /** The file an option names is read as the field's text, within this many bytes. */
  file?: { maxBytes: number; what: string };
  /** Repeatable values are also split at commas (`--country EG,SD`). */
  commas?: boolean;
  /** Other fields this option fills unless an option fills them itself. */
  implies?: Record<string, unknown>;
  /** Offered only when adding, or only when editing (the flags that clear a field). */
  only?: 'add' | 'edit';
  /** When editing, an empty value means "none" (null). */
  nullable?: boolean;
  /** Required when adding. */
  required?: boolean;
}

export type FieldOptions = Record<string, FieldOption>;

const spec = (
  type: OptionSpec['type'],
  valueName: string | undefined,
  description: string,
  multiple = false,
): OptionSpec => ({
  type,
  ...(valueName ? { valueName } : {}),
  description,
  ...(multiple ? { multiple } : {}),
});

/** `--NAME VALUE`: one value for the field `to`. */
export const text = (
  to: string,
  valueName: string,
  description: string,
  extra: Partial<FieldOption> = {},
): FieldOption => ({ spec: spec('string', valueName, description), to, ...extra });

/** `--NAME VALUE`, repeatable: the values make the list `to` (several options may add to one list). */
export const list = (
  to: string,
  valueName: string,
  description: string,
  extra: Partial<FieldOption> = {},
): FieldOption => ({ spec: spec('string', valueName, description, true), to, ...extra });

/** `--NAME`: puts `set` (default true) into the field `to`. */
export const flag = (
  to: string,
  description: string,
  set: unknown = true,
  extra: Partial<FieldOption> = {},
): FieldOption => ({ spec: spec('boolean', undefined, description), to, set, ...extra });

/** `--NAME FILE`: the field's text, read from a UTF-8 file. */
export const fromFile = (
  to: string,
  description: string,
  maxBytes: number,
  what: string,
  extra: Partial<FieldOption> = {},
): FieldOption => ({
  spec: spec('string', 'FILE', description),
  to,
  file: { maxBytes, what },
  ...extra,
});

/** A number (`--lat 30.04`). */
export function numberValue(option: string): Convert {
  return (raw) => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value))
      throw new UsageError(`--${option} takes a number, not "${raw}".`);
    return value;
  };
}

/** A whole number (`--age 34`). */
export function wholeNumber(option: string): Convert {
  return (raw) => {
    if (!/^\d+$/.test(raw)) throw new UsageError(`--${option} takes a whole number, not "${raw}".`);
    return Number(raw);
  };
}

/** `ID` or `ID:TERM` as `{[id]: ID, [term]: TERM}` (`--perpetrator PERSON_ID:direct-perpetrator`). */
export function idWithTerm(id: string, term: string): Convert {
  return (raw) => {
    const at = raw.indexOf(':');
    return at < 0 ? { [id]: raw } : { [id]: raw.slice(0, at), [term]: raw.slice(at + 1) };
  };
}

/** The options a command offers: add's, or edit's (nothing required there; the clearing flags added). */
export function optionsOf(fields: FieldOptions, mode: 'add' | 'edit'): Record<string, OptionSpec> {
  const out: Record<string, OptionSpec> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.only && field.only !== mode) continue;
    if (mode === 'add') out[name] = field.required ? { ...field.spec, required: true } : field.spec;
    else
      out[name] =
        field.spec.multiple && !field.spec.description.includes('replaces')
          ? { ...field.spec, description: `${field.spec.description} (replaces the list)` }
          : field.spec;
  }
  return out;
}

/** Where one part of the input came from: `sources[2]` from `--source-text "a report"`. */
export interface Origin {
  path: string;
  option: string;
}

export interface Input {
  /** The schema's input, holding only what the options gave. */
  value: Record<string, unknown>;
  /** Which option gave which part, to name it in messages. */
  origins: Origin[];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function getPath(target: Record<string, unknown>, path: string): unknown {
  let node: unknown = target;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function isGiven(context: CommandContext, name: string, field: FieldOption): boolean {
  if (field.spec.type === 'boolean') return context.flag(name);
  return field.spec.multiple
    ? context.strings(name).length > 0
    : context.string(name) !== undefined;
}

const shown = (raw: string) => (raw.length > 40 ? `${raw.slice(0, 39)}…` : raw);

/**
 * The schema's input from the options given (the others are left out, so an
 * edit changes only what was given). Two options that fill the same field are
 * refused, except repeatable ones, which add to one list in order.
 */
export async function inputFrom(
  context: CommandContext,
  fields: FieldOptions,
  mode: 'add' | 'edit',
): Promise<Input> {
  const given = Object.entries(fields).filter(
    ([name, field]) => (!field.only || field.only === mode) && isGiven(context, name, field),
  );
  for (const [index, [name, field]] of given.entries()) {
    const clash = given
      .slice(index + 1)
      .find(
        ([, other]) =>
          (other.to === field.to && !(other.spec.multiple && field.spec.multiple)) ||
          other.to.startsWith(`${field.to}.`) ||
          field.to.startsWith(`${other.to}.`),
      );
    if (clash) throw new UsageError(`give --${name} or --${clash[0]}, not both.`);
  }
  const value: Record<string, unknown> = {};
  const origins: Origin[] = [];
  const filled = new Set<string>();
  for (const [name, field] of given) {
    filled.add(field.to);
    if (field.spec.type === 'boolean') {
      setPath(value, field.to, field.set ?? true);
      origins.push({ path: field.to, option: `--${name}` });
    } else if (field.spec.multiple) {
      const raws = context
        .strings(name)
        .flatMap((v) => (field.commas ? v.split(',').map((part) => part.trim()) : [v]))
        .filter((v) => v !== '' || !field.commas);
      const items = (getPath(value, field.to) as unknown[] | undefined) ?? [];
      for (const raw of raws) {
        origins.push({ path: `${field.to}[${items.length}]`, option: `--${name} "${shown(raw)}"` });
        items.push(field.value ? field.value(raw) : raw);
      }
      setPath(value, field.to, items);
    } else {
      const raw = context.string(name)!;
      const converted =
        mode === 'edit' && field.nullable && raw === ''
          ? null
          : field.file
            ? await readTextFile(raw, field.file.maxBytes, field.file.what)
            : field.value
              ? field.value(raw)
              : raw;
      setPath(value, field.to, converted);
      origins.push({ path: field.to, option: `--${name}` });
    }
  }
  for (const [name, field] of given) {
    for (const [path, implied] of Object.entries(field.implies ?? {})) {
      if (filled.has(path)) continue;
      setPath(value, path, implied);
      origins.push({ path, option: `--${name}` });
    }
  }
  // A field left out (a required one) is named by its option too, when one option alone gives it.
  const optionsByPath = new Map<string, string[]>();
  for (const [name, field] of Object.entries(fields))
    if (!field.only || field.only === mode)
      optionsByPath.set(field.to, [...(optionsByPath.get(field.to) ?? []), name]);
  for (const [path, names] of optionsByPath)
    if (names.length === 1 && !origins.some((o) => o.path === path))
      origins.push({ path, option: `--${names[0]}` });
  return { value, origins };
}

// ---------------------------------------------------------------- naming options in messages

/** The option that gave the part of the input an issue is about, if an option did. */
function originOf(path: string, origins: readonly Origin[]): Origin | undefined {
  let best: Origin | undefined;
  for (const origin of origins) {
    const covers =
      path === origin.path ||
      path.startsWith(`${origin.path}.`) ||
      path.startsWith(`${origin.path}[`);
    if (covers && (!best || origin.path.length > best.path.length)) best = origin;
  }
  return best;
}

/** `--date: 2024-02-30 is not a date…`, `--end-date: end (2024-03-01) is before…`, `--title must not be empty`. */
export function namedIssues(
  issues: readonly FieldIssue[],
  origins: readonly Origin[],
): FieldIssue[] {
  return issues.map((issue) => {
    const origin = originOf(issue.path, origins);
    if (!origin) return issue;
    const rest = issue.path.slice(origin.path.length).replace(/^\./, '');
    const field = origin.path
      .split('.')
      .pop()!
      .replace(/\[\d+\]$/, '');
    let message: string;
    if (rest) message = `${origin.option}: ${rest} ${issue.message}`;
    else if (issue.message.startsWith('(')) message = `${origin.option}: ${field} ${issue.message}`;
    else if (/^[a-z]/.test(issue.message)) message = `${origin.option} ${issue.message}`;
    else message = `${origin.option}: ${issue.message}`;
    return { path: '', message };
  });
}

/** The refusal of a record's fields, naming the options: the vault is unchanged (exit 1). */
function invalidRecord(what: string, issues: readonly FieldIssue[], origins: readonly Origin[]) {
  return new VigilError(
    'INVALID_INPUT',
    `The ${what} is not valid: ${describeIssues(namedIssues(issues, origins))}. Nothing was changed.`,
  );
}

/**
 * Checks a record's input against its shared schema before the vault is even
 * opened, so that a mistake costs no passphrase; the core checks it again.
 */
export function checkRecord<S extends z.ZodType>(
  schema: S,
  input: Input,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input.value);
  if (!result.success) throw invalidRecord(what, issuesFromZod(result.error), input.origins);
  return result.data;
}

/** Runs a core call, naming the options in any refusal of the input it makes. */
export async function naming<T>(input: Input | Origin[], work: () => Promise<T>): Promise<T> {
  const origins = Array.isArray(input) ? input : input.origins;
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidInput && !error.worded)
      throw invalidRecord(error.what, error.issues, origins);
    throw error;
  }
}

/** A query's options checked against its shared schema: a refusal is a usage error (exit 2). */
export function parseQuery<S extends z.ZodType>(schema: S, input: Input): z.output<S> {
  const result = schema.safeParse(input.value);
  if (!result.success) {
    const issues = namedIssues(issuesFromZod(result.error), input.origins);
    throw new UsageError(`${describeIssues(issues)}.`);
  }
  return result.data;
}

// ---------------------------------------------------------------- fields the schema adds

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** What a field's schema takes at heart, under its defaults, nullability and checks. */
function kindOf(schema: z.ZodType): { kind: string; nullable: boolean; description?: string } {
  let node: z.ZodType | undefined = schema;
  let nullable = false;
  let description: string | undefined = schema.description;
  while (node) {
    const def = defOf(node);
    description ??= node.description;
    if (def.type === 'nullable') nullable = true;
    if (def.innerType) node = def.innerType;
    else if (def.type === 'pipe') node = def.in;
    else return { kind: def.type, nullable, description };
  }
  return { kind: 'unknown', nullable, description };
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The declared options, and one more for each plain field of the schema that
 * none of them fills: a field added to the shared schema reaches the command
 * line as `--its-name` (its `.describe()` text as help), with nothing to
 * write here. Fields that are objects need a declaration (the record
 * commands' tests fail until they have one).
 */
export function withSchemaFields(
  shape: Record<string, z.ZodType>,
  declared: FieldOptions,
): FieldOptions {
  const covered = new Set(Object.values(declared).map((f) => f.to.split('.')[0]!));
  const out: FieldOptions = { ...declared };
  for (const [field, schema] of Object.entries(shape)) {
    if (covered.has(field)) continue;
    const name = kebab(field);
    if (name in out) continue;
    const { kind, nullable, description = `the ${name.replace(/-/g, ' ')}` } = kindOf(schema);
    if (kind === 'boolean') {
      out[name] = flag(field, description);
      out[`no-${name}`] = flag(field, `not ${description}`, false, { only: 'edit' });
    } else if (kind === 'array') {
      out[name] = list(field, 'VALUE', description, { commas: true });
      out[`clear-${name}`] = flag(field, `remove every ${name.replace(/-/g, ' ')}`, [], {
        only: 'edit',
      });
    } else if (kind === 'number') {
      out[name] = text(field, 'N', description, { value: numberValue(name), nullable });
    } else if (kind !== 'object') {
      out[name] = text(field, 'VALUE', description, { nullable });
    }
  }
  return out;
}

/** The top-level fields of `shape` that no option fills (for the tests, and for a developer adding one). */
export function unmappedFields(shape: Record<string, z.ZodType>, fields: FieldOptions): string[] {
  const covered = new Set(Object.values(fields).map((f) => f.to.split('.')[0]!));
  return Object.keys(shape).filter((field) => !covered.has(field));
}
