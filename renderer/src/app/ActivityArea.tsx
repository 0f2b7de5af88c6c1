import { useTranslation } from 'react-i18next';
import { ActionButton } from '../components/ActionButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { ShowInFolder } from '../components/ShowInFolder';
import { cancelActivity, dismissActivity, useActivities, type Activity } from '../lib/activity';
import { formatNumber } from '../logic/format';
import { useNavigation } from './routes';
import { useIsolatedT } from '../i18n/isolate';
import { StripBatchResult } from '../features/evidence/EvidenceSelection';

function percentOf(activity: Activity): number {
  const size = activity.files.reduce((sum, f) => sum + f.size, 0);
  const done = activity.files.reduce((sum, f) => sum + Math.min(f.done, f.size), 0);
  return size > 0 ? Math.round((done / size) * 100) : 0;
}

function ActivityItem({ activity }: { activity: Activity }) {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const locale = i18n.resolvedLanguage ?? 'en';
  const { navigate } = useNavigation();
  const title = t(`activity.kinds.${activity.kind}`);
  const outcome = activity.outcome;
  const current = activity.files.find((f) => f.state === 'working')?.name;
  const filesDone = activity.files.filter((f) => f.state === 'done').length;
  return (
    <li className="activity-item" data-state={activity.state}>
      <div className="activity-line">
        <strong>{title}</strong>
        {activity.state === 'running' ? (
          <span className="muted">
            {activity.files.length > 1
              ? t('activity.filesDone', {
                  done: formatNumber(filesDone, locale),
                  total: formatNumber(activity.files.length, locale),
                })
              : t('activity.running')}
            {current ? (
              <>
                {' · '}
                <span dir="auto">{current}</span>
              </>
            ) : null}
          </span>
        ) : null}
      </div>
      {activity.state === 'running' ? (
        <progress max={100} value={percentOf(activity)} aria-label={title} />
      ) : null}
      {activity.state === 'done' && outcome?.strip ? (
        <StripBatchResult result={outcome.strip} />
      ) : null}
      {activity.state === 'done' && outcome && !outcome.strip ? (
        <p className="activity-result">
          {activity.kind === 'intake'
            ? `${t('evidence.added', { count: outcome.added ?? 0 })}${
                outcome.duplicates
                  ? ` ${t('evidence.duplicates', { count: outcome.duplicates })}`
                  : ''
              }`
            : activity.kind === 'import'
              ? ti('activity.imported', { reference: outcome.label ?? '' })
              : ti('activity.saved', { name: outcome.label ?? '' })}
        </p>
      ) : null}
      {activity.state === 'cancelled' ? (
        <p className="activity-result">{t('activity.cancelled')}</p>
      ) : null}
      {activity.state === 'failed' ? <ErrorNotice error={activity.error} /> : null}
      <div className="actions">
        {activity.state === 'running' ? (
          <ActionButton
            label={t('common.cancel')}
            context={title}
            className="btn btn-small btn-danger"
            onClick={() => cancelActivity(activity.id)}
          />
        ) : (
          <>
            {outcome?.outputId ? (
              <ShowInFolder outputId={outcome.outputId} context={title} />
            ) : null}
            {activity.kind === 'import' && outcome?.caseId ? (
              <ActionButton
                label={t('activity.openCase')}
                context={outcome.label ?? title}
                onClick={() => navigate({ name: 'case', caseId: outcome.caseId!, tab: 'overview' })}
              />
            ) : null}
            <ActionButton
              label={t('common.dismiss')}
              context={title}
              className="btn btn-small btn-ghost"
              onClick={() => dismissActivity(activity.id)}
            />
          </>
        )}
      </div>
    </li>
  );
}

/**
 * The session's long operations, above every page: they keep running and
 * reporting whichever screen is shown, with cancel while they run and their
 * result after (show in folder, open the imported case).
 */
export function ActivityArea() {
  const { t } = useTranslation();
  const activities = useActivities();
  if (activities.length === 0) return null;
  return (
    <section className="activity-area" aria-label={t('activity.title')} data-testid="activity-area">
      <ul className="activity-list" aria-live="polite">
        {activities.map((activity) => (
          <ActivityItem key={activity.id} activity={activity} />
        ))}
      </ul>
    </section>
  );
}
