import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useLocale } from '../../i18n/useLocale';
import { daysUntil, deadlineState, todayIso } from '../../logic/deadlines';
import { formatDay, formatNumber, formatPartialDate } from '../../logic/format';
import type { InterventionRecord } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil } from '../../lib/vigil';
import { InterventionEditor } from './InterventionEditor';

type Mode =
  | { name: 'list' }
  | { name: 'edit'; intervention: InterventionRecord | null }
  | { name: 'delete'; intervention: InterventionRecord };

const BADGE = {
  overdue: 'badge-risk',
  today: 'badge-risk',
  soon: 'badge-warn',
  later: '',
} as const;

/** Urgent appeals, communications and what came back, with their follow-up deadlines. */
export function InterventionsTab({ caseId, recordId }: { caseId: string; recordId?: string }) {
  const { t } = useTranslation();
  const { language, dateWords } = useLocale();
  const { label } = useVocabularies();
  const list = useLoad(() => vigil.interventions.list({ caseId }), caseId);
  const [mode, setMode] = useState<Mode>({ name: 'list' });
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const today = todayIso();

  if (!opened && recordId && list.data) {
    const found = list.data.find((i) => i.id === recordId);
    setOpened(true);
    if (found) setMode({ name: 'edit', intervention: found });
  }
  const back = () => {
    setMode({ name: 'list' });
    list.reload();
  };
  if (mode.name === 'edit')
    return <InterventionEditor caseId={caseId} intervention={mode.intervention} onDone={back} />;

  const remove = async (intervention: InterventionRecord) => {
    setMode({ name: 'list' });
    try {
      await vigil.interventions.remove({ id: intervention.id });
      list.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="interventions-heading">
      <div className="tab-head">
        <h2 id="interventions-heading">{t('interventions.title')}</h2>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => setMode({ name: 'edit', intervention: null })}
        >
          {t('interventions.add')}
        </button>
      </div>
      <ErrorNotice error={list.error ?? error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data?.length === 0 ? <p className="empty">{t('interventions.empty')}</p> : null}
      <ul className="record-list">
        {list.data?.map((item) => {
          const title = label('intervention-type', item.interventionType);
          const state = item.followUpOn ? deadlineState(item.followUpOn, today) : null;
          const days = item.followUpOn ? daysUntil(item.followUpOn, today) : 0;
          return (
            <li key={item.id} className="card">
              <div className="card-head">
                <div>
                  <h3>
                    {title}
                    {item.recipient ? <span dir="auto"> — {item.recipient}</span> : null}
                  </h3>
                  <span className="badge">{label('intervention-status', item.status)}</span>{' '}
                  {item.mechanism ? (
                    <span className="badge">{label('mechanism', item.mechanism)}</span>
                  ) : null}
                </div>
                <div className="actions">
                  <ActionButton
                    label={t('common.edit')}
                    context={title}
                    onClick={() => setMode({ name: 'edit', intervention: item })}
                  />
                  <ActionButton
                    label={t('common.delete')}
                    context={title}
                    className="btn btn-small btn-danger"
                    onClick={() => setMode({ name: 'delete', intervention: item })}
                  />
                </div>
              </div>
              <dl className="facts">
                <dt>{t('interventions.sentOn')}</dt>
                <dd>{item.sentOn ? formatPartialDate(item.sentOn, language, dateWords) : '—'}</dd>
                {item.reference ? (
                  <>
                    <dt>{t('interventions.reference')}</dt>
                    <dd dir="auto">{item.reference}</dd>
                  </>
                ) : null}
                {item.followUpOn && state ? (
                  <>
                    <dt>{t('interventions.followUpOn')}</dt>
                    <dd>
                      {formatDay(item.followUpOn, language)}{' '}
                      <span className={`badge ${BADGE[state]}`}>
                        {t(`interventions.deadline.${state}`, {
                          count: Math.abs(days),
                          days: formatNumber(Math.abs(days), language),
                        })}
                      </span>
                    </dd>
                  </>
                ) : null}
                {item.outcome ? (
                  <>
                    <dt>{t('interventions.outcome')}</dt>
                    <dd dir="auto">{item.outcome}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          );
        })}
      </ul>
      {mode.name === 'delete' ? (
        <ConfirmDialog
          title={t('interventions.deleteTitle')}
          message={t('interventions.deleteMessage')}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void remove(mode.intervention)}
          onCancel={() => setMode({ name: 'list' })}
        />
      ) : null}
    </section>
  );
}
