import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/routes';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Checkbox } from '../../components/Field';
import { FilterText, VocabFilter } from '../../components/Filters';
import { Loading } from '../../components/Loading';
import { todayIso } from '../../logic/deadlines';
import { foldForFilter } from '../../logic/caseList';
import type { Language } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { useToggleSet } from '../../lib/useToggleSet';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil } from '../../lib/vigil';
import { TimelineView, type TimelineItem } from './TimelineView';

const KINDS = ['event', 'testimony', 'intervention'] as const;
type Kind = (typeof KINDS)[number];

/** The case's timeline, filterable by kind of record, event type and words. */
export function TimelineTab({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const { navigate } = useNavigation();
  const { label } = useVocabularies();
  const entries = useLoad(
    () => vigil.timeline.ofCase({ caseId, lang: language }),
    `${caseId}:${language}`,
  );
  const events = useLoad(() => vigil.events.list({ caseId }), `events:${caseId}`);
  const [kinds, toggleKind] = useToggleSet<Kind>(KINDS);
  const [eventType, setEventType] = useState('');
  const [text, setText] = useState('');

  const items = useMemo<TimelineItem[]>(() => {
    const byId = new Map((events.data ?? []).map((e) => [e.id, e]));
    const words = foldForFilter(text).split(/\s+/).filter(Boolean);
    return (entries.data ?? [])
      .filter((entry) => kinds.has(entry.recordType as Kind))
      .filter(
        (entry) =>
          !eventType ||
          (entry.recordType === 'event' && byId.get(entry.id)?.eventType === eventType),
      )
      .filter((entry) =>
        words.every((w) => foldForFilter(`${entry.title} ${entry.detail}`).includes(w)),
      )
      .map((entry) => {
        const event = entry.recordType === 'event' ? byId.get(entry.id) : undefined;
        return {
          ...entry,
          ongoing: event?.ongoing ?? false,
          kindLabel: event
            ? label('event-type', event.eventType)
            : t(`timeline.kinds.${entry.kind as 'testimony'}`, { defaultValue: entry.kind }),
        };
      });
  }, [entries.data, events.data, kinds, eventType, text, label, t]);

  const open = (item: TimelineItem) => {
    const tab =
      item.recordType === 'event'
        ? 'events'
        : item.recordType === 'testimony'
          ? 'testimonies'
          : item.recordType === 'intervention'
            ? 'interventions'
            : 'evidence';
    navigate({ name: 'case', caseId, tab, recordId: item.id });
  };

  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.title')}</h2>
      <div className="filters" role="group" aria-label={t('timeline.filters')}>
        <fieldset>
          <legend>{t('timeline.show')}</legend>
          {KINDS.map((kind) => (
            <Checkbox
              key={kind}
              label={t(`timeline.kindFilter.${kind}`)}
              checked={kinds.has(kind)}
              onChange={(on) => toggleKind(kind, on)}
            />
          ))}
        </fieldset>
        <VocabFilter
          id="timeline-event-type"
          label={t('cases.eventType')}
          vocabulary="event-type"
          value={eventType}
          onChange={setEventType}
        />
        <FilterText id="timeline-text" label={t('timeline.find')} value={text} onChange={setText} />
      </div>
      <ErrorNotice error={entries.error ?? events.error} />
      {entries.loading && !entries.data ? <Loading /> : null}
      {entries.data && items.length === 0 ? <p className="empty">{t('timeline.empty')}</p> : null}
      {items.length > 0 ? <TimelineView items={items} today={todayIso()} onOpen={open} /> : null}
    </section>
  );
}
