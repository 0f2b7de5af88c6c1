import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../components/ActionButton';
import { ConsentBadges } from '../../components/ConsentForm';
import { ConfirmDialog } from '../../components/Dialog';
import { EditDeleteActions, RecordTab } from '../../components/RecordTab';
import { useLocale } from '../../i18n/useLocale';
import { formatBytes, formatPartialDate } from '../../logic/format';
import type { TestimonyRecord, TestimonySummary } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { useRecordTab } from '../../lib/useRecordTab';
import { vigil } from '../../lib/vigil';
import { TestimonyEditor } from './TestimonyEditor';
import { useIsolatedT } from '../../i18n/isolate';

type Mode =
  | { name: 'edit'; testimony: TestimonyRecord | null }
  | { name: 'withdraw'; testimony: TestimonySummary }
  | { name: 'delete'; testimony: TestimonySummary };

export function TestimoniesTab({ caseId, recordId }: { caseId: string; recordId?: string }) {
  const { t } = useTranslation();
  const ti = useIsolatedT();
  const { language, dateWords } = useLocale();
  const list = useLoad(() => vigil.testimonies.list({ caseId }), caseId);
  const persons = useLoad(() => vigil.persons.list({ caseId }), `persons:${caseId}`);
  const { mode, setMode, error, setError, toList, back, act } = useRecordTab<Mode>(list.reload);

  const open = async (id: string) => {
    setError(null);
    try {
      setMode({ name: 'edit', testimony: await vigil.testimonies.get({ id }) });
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    if (!recordId) return;
    let live = true;
    vigil.testimonies.get({ id: recordId }).then(
      (testimony) => live && setMode({ name: 'edit', testimony }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [recordId, setMode, setError]);

  if (mode.name === 'edit')
    return (
      <TestimonyEditor
        caseId={caseId}
        testimony={mode.testimony}
        persons={persons.data ?? []}
        onDone={back}
      />
    );

  const witnessOf = (item: TestimonySummary) =>
    item.witnessId
      ? (persons.data?.find((p) => p.id === item.witnessId)?.name ?? '')
      : item.witnessDescription || t('testimonies.anonymous');

  return (
    <RecordTab
      headingId="testimonies-heading"
      title={t('testimonies.title')}
      actions={
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => setMode({ name: 'edit', testimony: null })}
        >
          {t('testimonies.add')}
        </button>
      }
      list={list}
      error={error}
      emptyText={t('testimonies.empty')}
    >
      <ul className="record-list">
        {list.data?.map((item) => {
          const witness = witnessOf(item);
          return (
            <li key={item.id} className="card">
              <div className="card-head">
                <div>
                  <h3 dir="auto">{ti('testimonies.by', { witness })}</h3>
                  <div className="muted">
                    {formatPartialDate(item.takenOn, language, dateWords)} ·{' '}
                    {formatBytes(item.statementBytes, language)}
                    {item.hasTranslation ? ` · ${t('testimonies.translated')}` : ''}
                  </div>
                  <ConsentBadges consent={item.consent} />
                </div>
                <EditDeleteActions
                  context={witness}
                  editLabel={t('common.open')}
                  deleteLabel={t('common.delete')}
                  onEdit={() => void open(item.id)}
                  onDelete={() => setMode({ name: 'delete', testimony: item })}
                >
                  {item.consent.withdrawn ? null : (
                    <ActionButton
                      label={t('testimonies.withdraw')}
                      context={witness}
                      onClick={() => setMode({ name: 'withdraw', testimony: item })}
                    />
                  )}
                </EditDeleteActions>
              </div>
            </li>
          );
        })}
      </ul>
      {mode.name === 'withdraw' ? (
        <ConfirmDialog
          title={t('testimonies.withdrawTitle')}
          message={t('testimonies.withdrawMessage')}
          confirmLabel={t('testimonies.withdraw')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() =>
            void act(() => vigil.testimonies.withdrawConsent({ id: mode.testimony.id }))
          }
          onCancel={toList}
        />
      ) : null}
      {mode.name === 'delete' ? (
        <ConfirmDialog
          title={t('testimonies.deleteTitle')}
          message={t('testimonies.deleteMessage')}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void act(() => vigil.testimonies.remove({ id: mode.testimony.id }))}
          onCancel={toList}
        />
      ) : null}
    </RecordTab>
  );
}
