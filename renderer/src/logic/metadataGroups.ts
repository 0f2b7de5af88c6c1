/**
 * Metadata found in a file, grouped by what it can reveal, most dangerous
 * first: where the file was made, on what device, about whom, when, and
 * what hides inside it. Pure.
 */
export const RISK_ORDER = [
  'location',
  'device',
  'people',
  'time',
  'hidden',
  'document',
  'software',
  'structure',
  'other',
] as const;
export type RiskGroup = (typeof RISK_ORDER)[number];

export interface FieldLike {
  group: string;
  key: string;
  label: string;
  value: string;
  risky: boolean;
  /** The value is binary data of this many bytes (worded by the UI, not the core's English). */
  binaryBytes?: number;
}

export interface GroupedFields<F extends FieldLike> {
  group: RiskGroup;
  fields: F[];
  risky: number;
}

const known = new Set<string>(RISK_ORDER);

export function groupByRisk<F extends FieldLike>(fields: readonly F[]): GroupedFields<F>[] {
  const groups = new Map<RiskGroup, F[]>();
  for (const field of fields) {
    const group = (known.has(field.group) ? field.group : 'other') as RiskGroup;
    groups.set(group, [...(groups.get(group) ?? []), field]);
  }
  return RISK_ORDER.filter((g) => groups.has(g)).map((group) => {
    const list = [...groups.get(group)!].sort((a, b) => Number(b.risky) - Number(a.risky));
    return { group, fields: list, risky: list.filter((f) => f.risky).length };
  });
}

/** The fields a working copy no longer carries, by key (what "strip" took away). */
export function removedKeys(
  before: readonly FieldLike[],
  after: readonly FieldLike[],
): Set<string> {
  const kept = new Set(after.map((f) => `${f.group}/${f.key}`));
  return new Set(
    before.filter((f) => !kept.has(`${f.group}/${f.key}`)).map((f) => `${f.group}/${f.key}`),
  );
}

/** Fields that are tracked changes of an office document (Word, Excel, OpenDocument). */
export function isTrackedChange(key: string): boolean {
  return /^(office\.change|office\.revisions|odf\.change)/.test(key);
}
