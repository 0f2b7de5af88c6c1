import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../../components/CountrySelect';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/Field';
import { PartialDateField } from '../../components/PartialDateField';
import { RecordEditor } from '../../components/RecordEditor';
import { VocabSelect } from '../../components/VocabSelect';
import { useLocale } from '../../i18n/useLocale';
import { endsBeforeStart, readDateDraft } from '../../logic/partialDateText';
import type { CasePerson, EventRecord } from '../../lib/types';
import { useRecordEditor } from '../../lib/useRecordEditor';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil } from '../../lib/vigil';
import {
  eventDraftOf,
  eventFields,
  NEW_EVENT,
  type DetentionDraft,
  type EventDraft,
} from './eventDraft';
import { useIsolatedT } from '../../i18n/isolate';

const ANSWERS = ['unknown', 'yes', 'no'] as const;

export function EventEditor({
  caseId,
  event,
  persons,
  onDone,
}: {
  caseId: string;
  event: EventRecord | null;
  persons: readonly CasePerson[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const ti = useIsolatedT();
  const { language, dateInputWords } = useLocale();
  const { terms, label } = useVocabularies();
  const editor = useRecordEditor<EventDraft>(
    `event:${caseId}:${event?.id ?? 'new'}`,
    () => (event ? eventDraftOf(event, language) : NEW_EVENT),
    onDone,
  );
  const { draft, setDraft, set, tried } = editor;
  const setDetention = <K extends keyof DetentionDraft>(key: K, value: DetentionDraft[K]) =>
    setDraft((d) => ({ ...d, detention: { ...d.detention, [key]: value } }));
  const isDetention = terms('event-type')
    .find((term) => term.id === draft.eventType)
    ?.tags.includes('detention');

  const save = () =>
    editor.save(() => {
      const start = readDateDraft(draft.start, [language], dateInputWords, true);
      const end = readDateDraft(draft.end, [language], dateInputWords, false);
      if (!start.ok || !end.ok || !start.date || (!draft.ongoing && endsBeforeStart(start, end)))
        return null;
      const dates = { start: start.date, end: end.date };
      return async () => {
        const fields = eventFields(draft, dates, Boolean(isDetention), event);
        if (event) await vigil.events.update({ id: event.id, patch: fields });
        else await vigil.events.create({ caseId, event: fields });
      };
    });

  const outOfOrder =
    !draft.ongoing &&
    endsBeforeStart(
      readDateDraft(draft.start, [language], dateInputWords, true),
      readDateDraft(draft.end, [language], dateInputWords, false),
    );
  const answerOptions = ANSWERS.map((a) => ({ value: a, label: t(`events.answers.${a}`) }));

  return (
    <RecordEditor
      headingId="event-editor"
      title={event ? t('events.editTitle') : t('events.addTitle')}
      error={editor.error}
      onSubmit={save}
      submitLabel={event ? t('common.save') : t('events.add')}
      busy={editor.busy}
      onBack={onDone}
      onDiscard={editor.discard}
    >
      <VocabSelect
        label={t('events.type')}
        vocabulary="event-type"
        value={draft.eventType}
        onChange={(v) => set('eventType', v ?? 'other')}
      />
      <TextField
        label={t('events.titleField')}
        hint={t('events.titleHint')}
        value={draft.title}
        onChange={(v) => set('title', v)}
      />
      <PartialDateField
        label={t('events.start')}
        value={draft.start}
        path="start"
        onChange={(v) => set('start', v)}
        required
        showError={tried}
      />
      <Checkbox
        label={t('events.ongoing')}
        checked={draft.ongoing}
        onChange={(v) => set('ongoing', v)}
      />
      {draft.ongoing ? null : (
        <PartialDateField
          label={t('events.end')}
          value={draft.end}
          path="end"
          onChange={(v) => set('end', v)}
          showError={tried}
          error={outOfOrder ? t('errors.fields.end-before-start') : undefined}
        />
      )}
      <TextField
        label={t('events.dateNote')}
        hint={t('events.dateNoteHint')}
        value={draft.dateNote}
        onChange={(v) => set('dateNote', v)}
      />
      <fieldset>
        <legend>{t('events.where')}</legend>
        <div className="grid-2">
          <CountrySelect
            label={t('events.country')}
            value={draft.country}
            onChange={(v) => set('country', v)}
          />
          <TextField
            label={t('events.region')}
            value={draft.region}
            onChange={(v) => set('region', v)}
          />
        </div>
        <TextField
          label={t('events.place')}
          value={draft.place}
          onChange={(v) => set('place', v)}
        />
      </fieldset>
      <TextArea
        label={t('events.description')}
        value={draft.description}
        onChange={(v) => set('description', v)}
        rows={5}
      />
      <fieldset>
        <legend>{t('events.victims')}</legend>
        {persons.length === 0 ? <p className="field-hint">{t('events.noPersons')}</p> : null}
        {persons.map((p) => (
          <Checkbox
            key={p.id}
            label={p.name}
            checked={draft.victims.includes(p.id)}
            onChange={(on) =>
              set(
                'victims',
                on ? [...draft.victims, p.id] : draft.victims.filter((v) => v !== p.id),
              )
            }
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('events.perpetrators')}</legend>
        {persons.map((p) => {
          const entry = draft.perpetrators.find((x) => x.personId === p.id);
          return (
            <div key={p.id} className="perpetrator">
              <Checkbox
                label={p.name}
                checked={Boolean(entry)}
                onChange={(on) =>
                  set(
                    'perpetrators',
                    on
                      ? [...draft.perpetrators, { personId: p.id, involvement: 'suspected' }]
                      : draft.perpetrators.filter((x) => x.personId !== p.id),
                  )
                }
              />
              {entry ? (
                <VocabSelect
                  label={ti('events.involvement', { name: p.name })}
                  vocabulary="involvement-degree"
                  value={entry.involvement}
                  onChange={(v) =>
                    set(
                      'perpetrators',
                      draft.perpetrators.map((x) =>
                        x.personId === p.id ? { ...x, involvement: v ?? 'suspected' } : x,
                      ),
                    )
                  }
                />
              ) : null}
            </div>
          );
        })}
      </fieldset>
      {isDetention ? (
        <fieldset>
          <legend>{ti('events.detention', { type: label('event-type', draft.eventType) })}</legend>
          <p className="field-hint">{t('events.detentionHint')}</p>
          <div className="grid-2">
            <TextField
              label={t('events.forces')}
              value={draft.detention.forces}
              onChange={(v) => setDetention('forces', v)}
            />
            <TextField
              label={t('events.authority')}
              value={draft.detention.authority}
              onChange={(v) => setDetention('authority', v)}
            />
            <SelectField
              label={t('events.warrantShown')}
              value={draft.detention.warrantShown}
              onChange={(v) => setDetention('warrantShown', v)}
              options={answerOptions}
            />
            <SelectField
              label={t('events.legalCounsel')}
              value={draft.detention.legalCounsel}
              onChange={(v) => setDetention('legalCounsel', v)}
              options={answerOptions}
            />
            <SelectField
              label={t('events.familyInformed')}
              value={draft.detention.familyInformed}
              onChange={(v) => setDetention('familyInformed', v)}
              options={answerOptions}
            />
            <SelectField
              label={t('events.broughtBeforeJudge')}
              value={draft.detention.broughtBeforeJudge}
              onChange={(v) => setDetention('broughtBeforeJudge', v)}
              options={answerOptions}
            />
          </div>
          <TextArea
            label={t('events.reasonsImputed')}
            value={draft.detention.reasonsImputed}
            onChange={(v) => setDetention('reasonsImputed', v)}
            rows={3}
          />
          <TextArea
            label={t('events.legalBasis')}
            value={draft.detention.legalBasis}
            onChange={(v) => setDetention('legalBasis', v)}
            rows={3}
          />
        </fieldset>
      ) : null}
    </RecordEditor>
  );
}
