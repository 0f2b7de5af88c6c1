import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/routes';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDay } from '../../logic/format';
import { useLoad } from '../../lib/useLoad';
import { vigil } from '../../lib/vigil';
import { deadlineRule, type DueItem } from '../../../../shared/deadlines';
import type { Language } from '../../../../shared/vocabularies';

function what(item: DueItem, language: Language, followUp: string): string {
  if (item.kind !== 'rule') return followUp;
  return deadlineRule(item.rule ?? '')?.labels[language] ?? item.rule ?? '';
}

/** The start screen: every follow-up and procedural deadline across cases, overdue first. */
export function DueScreen() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const language = (['en', 'es', 'fr', 'ar', 'ru'].includes(locale) ? locale : 'en') as Language;
  const { navigate } = useNavigation();
  const due = useLoad(() => vigil.due.list({}), 'due');
  const backup = useLoad(() => vigil.backup.status(), 'backup-status');
  const items = due.data ?? [];
  const overdue = items.filter((i) => i.overdue);
  const coming = items.filter((i) => !i.overdue);

  const list = (rows: DueItem[], label: string) => (
    <ul className="due-list" aria-label={label}>
      {rows.map((item) => (
        <li key={`${item.source.id}:${item.rule ?? 'follow-up'}`} className="due-item">
          <span className={item.overdue ? 'badge badge-risk' : 'badge'}>
            {item.overdue
              ? t('due.overdueBy', { count: -item.daysLeft })
              : item.daysLeft === 0
                ? t('due.today')
                : t('due.inDays', { count: item.daysLeft })}
          </span>{' '}
          <strong>{formatDay(item.dueOn, locale)}</strong>
          {item.approximate ? <span className="muted"> {t('due.approximate')}</span> : null}{' '}
          <button
            type="button"
            className="link-button"
            dir="auto"
            onClick={() =>
              navigate({
                name: 'case',
                caseId: item.caseId,
                tab: item.source.type === 'event' ? 'events' : 'interventions',
                recordId: item.source.id,
              })
            }
          >
            <span className="mono">{item.caseReference}</span> <bdi>{item.caseTitle}</bdi>
          </button>
          <div className="muted small">
            {what(item, language, t('due.followUp'))}
            {item.from ? ` — ${t('due.from', { date: formatDay(item.from, locale) })}` : null}
          </div>
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('due.title')}</h1>
      </div>
      <ErrorNotice error={due.error} />
      {backup.data?.reminder ? (
        <div className="notice notice-warn" role="note">
          {backup.data.lastAt
            ? t('backup.reminderOld', { days: backup.data.remindAfterDays })
            : t('backup.reminderNever')}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => navigate({ name: 'settings' })}
          >
            {t('backup.goToSettings')}
          </button>
        </div>
      ) : null}
      {due.loading && !due.data ? <Loading /> : null}
      {due.data && items.length === 0 ? <p>{t('due.nothing')}</p> : null}
      {overdue.length > 0 ? (
        <section className="card" aria-labelledby="overdue-heading">
          <h2 id="overdue-heading">{t('due.overdue', { count: overdue.length })}</h2>
          {list(overdue, t('due.overdue', { count: overdue.length }))}
        </section>
      ) : null}
      {coming.length > 0 ? (
        <section className="card" aria-labelledby="coming-heading">
          <h2 id="coming-heading">{t('due.coming')}</h2>
          {list(coming, t('due.coming'))}
        </section>
      ) : null}
    </>
  );
}
