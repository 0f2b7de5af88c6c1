import { useTranslation } from 'react-i18next';
import type { RiskGroup } from '../../logic/metadataGroups';

/** A metadata group's name, and how many of its fields are risky when any are. */
export function GroupTitle({ group, risky }: { group: RiskGroup; risky: number }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`metadata.groups.${group}.title`)}{' '}
      {risky > 0 ? (
        <span className="badge badge-risk">{t('metadata.riskyCount', { count: risky })}</span>
      ) : null}
    </>
  );
}
