/**
 * The recovery key as the user sees it (groups of four, Crockford base32),
 * and the check that they wrote it down: they type one group back.
 */
export function recoveryGroups(key: string): string[] {
  return key.split('-').filter(Boolean);
}

/** Reads a group the way people write it: any case, spaces, O for 0, I or L for 1. */
export function normaliseGroup(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function groupMatches(key: string, index: number, typed: string): boolean {
  const group = recoveryGroups(key)[index];
  return group !== undefined && normaliseGroup(typed) === group;
}

/** Which group to ask for: never the first (the one people remember from a glance). */
export function confirmationIndex(groups: number, random: number): number {
  if (groups <= 1) return 0;
  return 1 + Math.floor(random * (groups - 1));
}
