export { removeTrackedSync, trackedLabels } from '../core/fs/tempRegistry';

/** The one line an interrupted command prints: what was stopped, and what was removed. */
export function interruptionLine(
  signal: NodeJS.Signals,
  removed: string[],
  failed: string[],
): string {
  const unique = [...new Set(removed)];
  const what = unique.length > 0 ? `removed ${unique.join(', ')}` : 'nothing half-written was left';
  const left =
    failed.length > 0
      ? `; COULD NOT REMOVE ${failed.join(', ')}: delete it by hand, it may hold plaintext`
      : '';
  return `vigil: interrupted by ${signal}; ${what}${left}.`;
}
