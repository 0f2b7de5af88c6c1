import { useTranslation } from 'react-i18next';
import { useCountryNames } from '../../components/CountrySelect';
import { ConfirmDialog } from '../../components/Dialog';
import { EditDeleteActions, RecordTab } from '../../components/RecordTab';
import { useLocale } from '../../i18n/useLocale';
import { formatPartialDate } from '../../logic/format';
import type { EventRecord } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { useOpenLinked, useRecordTab } from '../../lib/useRecordTab';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil } from '../../lib/vigil';
import { EventEditor } from './EventEditor';

type Mode = { name: 'edit'; event: EventRecord | null } | { name: 'delete'; event: EventRecord };

/** The span of an event in words: "about March 2024 – 12 May 2024", "since 2023 (ongoing)". */
export function useEventWhen(): (event: EventRecord) => string {
  const { t } = useTranslation();
  const { language, dateWords } = useLocale();
  return (event) => {
    const start = formatPartialDate(event.start, language, dateWords);
    if (event.ongoing) return t('events.ongoingSince', { start });
    if (event.end)
      return t('events.range', { start, end: formatPartialDate(event.end, language, dateWords) });
    return start;
  };
}

export function EventsTab({ caseId, recordId }: { caseId: string; recordId?: string }) {
  const { t } = useTranslation();
  const { label } = useVocabularies();
  const countries = useCountryNames();
  const when = useEventWhen();
  const events = useLoad(() => vigil.events.list({ caseId }), caseId);
  const persons = useLoad(() => vigil.persons.list({ caseId }), `persons:${caseId}`);
  const { mode, setMode, error, toList, back, act } = useRecordTab<Mode>(events.reload);
  useOpenLinked(recordId, events.data, (event) => setMode({ name: 'edit', event }));

  if (mode.name === 'edit')
    return (
      <EventEditor caseId={caseId} event={mode.event} persons={persons.data ?? []} onDone={back} />
    );

  const nameOf = (id: string) => persons.data?.find((p) => p.id === id)?.name ?? '';

  return (
    <RecordTab
      headingId="events-heading"
      title={t('events.title')}
      actions={
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => setMode({ name: 'edit', event: null })}
        >
          {t('events.add')}
        </button>
      }
      list={events}
      error={error}
      emptyText={t('events.empty')}
    >
      <ol className="record-list">
        {events.data?.map((event) => {
          const title = event.title || label('event-type', event.eventType);
          return (
            <li key={event.id} className="card">
              <div className="card-head">
                <div>
                  <div className="muted">{when(event)}</div>
                  <h3 dir="auto">{title}</h3>
                  <span className="badge">{label('event-type', event.eventType)}</span>
                </div>
                <EditDeleteActions
                  context={title}
                  editLabel={t('common.edit')}
                  deleteLabel={t('common.delete')}
                  onEdit={() => setMode({ name: 'edit', event })}
                  onDelete={() => setMode({ name: 'delete', event })}
                />
              </div>
              <dl className="facts">
                {event.location.place || event.location.country ? (
                  <>
                    <dt>{t('events.where')}</dt>
                    <dd dir="auto">
                      {[
                        event.location.place,
                        event.location.region,
                        event.location.country ? countries.name(event.location.country) : '',
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    </dd>
                  </>
                ) : null}
                {event.victims.length > 0 ? (
                  <>
                    <dt>{t('events.victims')}</dt>
                    <dd dir="auto">{event.victims.map(nameOf).join(', ')}</dd>
                  </>
                ) : null}
                {event.dateNote ? (
                  <>
                    <dt>{t('events.dateNote')}</dt>
                    <dd dir="auto">{event.dateNote}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          );
        })}
      </ol>
      {mode.name === 'delete' ? (
        <ConfirmDialog
          title={t('events.deleteTitle')}
          message={t('events.deleteMessage')}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void act(() => vigil.events.remove({ id: mode.event.id }))}
          onCancel={toList}
        />
      ) : null}
    </RecordTab>
  );
}
