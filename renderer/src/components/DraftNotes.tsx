import { useTranslation } from 'react-i18next';
import type { DraftCounts, DraftKind } from '../../../shared/drafts';
import { DRAFT_KINDS } from '../../../shared/drafts';
import { formatNumber } from '../logic/format';

/** Drafts by kind as the user reads them: "Testimony (2), Person (1)", in the UI's language. */
export function useDraftList(): (counts: DraftCounts) => string {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return (counts) =>
    new Intl.ListFormat(locale, { type: 'conjunction' }).format(
      DRAFT_KINDS.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) =>
        t('drafts.item', {
          kind: t(`drafts.kinds.${kind}`),
          n: formatNumber(counts[kind]!, locale),
        }),
      ),
    );
}

export function countDrafts(drafts: readonly { kind: DraftKind }[]): DraftCounts {
  const counts: DraftCounts = {};
  for (const { kind } of drafts) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}
