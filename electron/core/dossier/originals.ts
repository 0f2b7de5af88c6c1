import type { OriginalReveal } from '../../../shared/dossier';
import type { EvidenceItem } from '../../../shared/evidence';
import type { Releaser } from '../release';

/** Metadata groups shown as such; anything else is shown only when it was flagged as risky. */
const SHOWN_GROUPS = new Set(['location', 'device', 'people', 'time']);

/**
 * What an original reveals when it goes as it is: its location, the device
 * and its serial numbers, owner and author names, times, and any other field
 * flagged as risky at intake, each value searched (as every free text is)
 * for the names of people this audience may not see, in every form. A file whose metadata Vigil
 * could not read is reported as such: nothing is known to be safe in it.
 */
export function revealOriginal(item: EvidenceItem, releaser: Releaser): OriginalReveal {
  const reveals: OriginalReveal['reveals'] = [];
  for (const field of item.metadata) {
    // Any mention, certain or ambiguous: the sender decides, so the sender is told.
    const forbiddenName = releaser.mentions(field.value)[0]?.text ?? null;
    if (!SHOWN_GROUPS.has(field.group) && !field.risky && forbiddenName === null) continue;
    reveals.push({
      group: SHOWN_GROUPS.has(field.group)
        ? (field.group as OriginalReveal['reveals'][number]['group'])
        : 'other',
      key: field.key,
      label: field.label,
      value: field.value,
      forbiddenName,
    });
  }
  return {
    id: item.id,
    name: item.originalName ?? item.id,
    type: item.type,
    readable: item.metadataReadable,
    unreadableReason: item.metadataProblem,
    reveals,
    forbidden: reveals.some((r) => r.forbiddenName !== null),
  };
}
