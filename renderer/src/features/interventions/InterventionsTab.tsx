import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/Dialog';
import { EditDeleteActions, RecordTab } from '../../components/RecordTab';
import { useLocale } from '../../i18n/useLocale';
import { daysUntil, deadlineState, todayIso } from '../../logic/deadlines';
import { formatDay, formatNumber, formatPartialDate } from '../../logic/format';
import type { InterventionRecord } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { useOpenLinked, useRecordTab } from '../../lib/useRecordTab';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil } from '../../lib/vigil';
import { InterventionEditor } from './InterventionEditor';
import { InterventionStates } from './InterventionStates';

type Mode =
  | { name: 'edit'; intervention: InterventionRecord | null }
  | { name: 'delete'; intervention: InterventionRecord }
  | { name: 'states'; intervention: InterventionRecord };

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
  const { mode, setMode, error, toList, back, act } = useRecordTab<Mode>(list.reload);
  const today = todayIso();

  useOpenLinked(recordId, list.data, (intervention) => setMode({ name: 'edit', intervention }));
  if (mode.name === 'edit')
    return <InterventionEditor caseId={caseId} intervention={mode.intervention} onDone={back} />;
  if (mode.name === 'states')
    return (
      <InterventionStates
        interventionId={mode.intervention.id}
        title={label('intervention-type', mode.intervention.interventionType)}
        onBack={back}
      />
    );

  return (
    <RecordTab
      headingId="interventions-heading"
      title={t('interventions.title')}
      actions={
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => setMode({ name: 'edit', intervention: null })}
        >
          {t('interventions.add')}
        </button>
      }
      list={list}
      error={error}
      emptyText={t('interventions.empty')}
    >
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
                <EditDeleteActions
                  context={title}
                  editLabel={t('common.edit')}
                  deleteLabel={t('common.delete')}
                  onEdit={() => setMode({ name: 'edit', intervention: item })}
                  onDelete={() => setMode({ name: 'delete', intervention: item })}
                >
                  <ActionButton
                    label={t('interventionStates.open')}
                    context={title}
                    onClick={() => setMode({ name: 'states', intervention: item })}
                  />
                </EditDeleteActions>
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
          onConfirm={() => void act(() => vigil.interventions.remove({ id: mode.intervention.id }))}
          onCancel={toList}
        />
      ) : null}
    </RecordTab>
  );
}
