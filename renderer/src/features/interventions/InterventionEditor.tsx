import { useTranslation } from 'react-i18next';
import { TextArea, TextField } from '../../components/Field';
import { DayField } from '../../components/DayField';
import { PartialDateField } from '../../components/PartialDateField';
import { RecordEditor } from '../../components/RecordEditor';
import { VocabSelect } from '../../components/VocabSelect';
import { useLocale } from '../../i18n/useLocale';
import { addDays } from '../../logic/deadlines';
import {
  dateDraftOf,
  EMPTY_DATE_DRAFT,
  readDateDraft,
  type DateDraft,
} from '../../logic/partialDateText';
import type { InterventionRecord } from '../../lib/types';
import { useRecordEditor } from '../../lib/useRecordEditor';
import { vigil } from '../../lib/vigil';

interface InterventionDraft {
  interventionType: string;
  mechanism: string | null;
  recipient: string;
  sentOn: DateDraft;
  reference: string;
  status: string;
  responseOn: DateDraft;
  response: string;
  outcome: string;
  followUpOn: string;
  notes: string;
}

const NEW_INTERVENTION: InterventionDraft = {
  interventionType: 'urgent-appeal',
  mechanism: null,
  recipient: '',
  sentOn: EMPTY_DATE_DRAFT,
  reference: '',
  status: 'draft',
  responseOn: EMPTY_DATE_DRAFT,
  response: '',
  outcome: '',
  followUpOn: '',
  notes: '',
};

/** Government replies are due 60 days after a communication (the Special Procedures' usual delay). */
const REPLY_DAYS = 60;

export function InterventionEditor({
  caseId,
  intervention,
  onDone,
}: {
  caseId: string;
  intervention: InterventionRecord | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { language, dateInputWords } = useLocale();
  const editor = useRecordEditor<InterventionDraft>(
    `intervention:${caseId}:${intervention?.id ?? 'new'}`,
    () =>
      intervention
        ? {
            interventionType: intervention.interventionType,
            mechanism: intervention.mechanism,
            recipient: intervention.recipient,
            sentOn: dateDraftOf(intervention.sentOn, language),
            reference: intervention.reference,
            status: intervention.status,
            responseOn: dateDraftOf(intervention.responseOn, language),
            response: intervention.response,
            outcome: intervention.outcome,
            followUpOn: intervention.followUpOn ?? '',
            notes: intervention.notes,
          }
        : NEW_INTERVENTION,
    onDone,
  );
  const { draft, set, tried } = editor;
  const sent = readDateDraft(draft.sentOn, [language], dateInputWords, false);
  const sentDay =
    sent.ok && sent.date?.value?.length === 10 && sent.date.qualifier === 'exact'
      ? sent.date.value
      : null;

  const save = () =>
    editor.save(() => {
      const responseOn = readDateDraft(draft.responseOn, [language], dateInputWords, false);
      if (!sent.ok || !responseOn.ok) return null;
      const fields = {
        interventionType: draft.interventionType,
        mechanism: draft.mechanism,
        recipient: draft.recipient,
        sentOn: sent.date,
        reference: draft.reference,
        status: draft.status,
        responseOn: responseOn.date,
        response: draft.response,
        outcome: draft.outcome,
        followUpOn: draft.followUpOn || null,
        notes: draft.notes,
      };
      return async () => {
        if (intervention) await vigil.interventions.update({ id: intervention.id, patch: fields });
        else await vigil.interventions.create({ caseId, intervention: fields });
      };
    });

  return (
    <RecordEditor
      headingId="intervention-editor"
      title={intervention ? t('interventions.editTitle') : t('interventions.addTitle')}
      error={editor.error}
      onSubmit={save}
      submitLabel={intervention ? t('common.save') : t('interventions.add')}
      busy={editor.busy}
      onBack={onDone}
      onDiscard={editor.discard}
    >
      <div className="grid-2">
        <VocabSelect
          label={t('interventions.type')}
          vocabulary="intervention-type"
          value={draft.interventionType}
          onChange={(v) => set('interventionType', v ?? 'other')}
        />
        <VocabSelect
          label={t('interventions.mechanism')}
          vocabulary="mechanism"
          value={draft.mechanism}
          onChange={(v) => set('mechanism', v)}
          allowNone
          hint={t('interventions.mechanismHint')}
        />
      </div>
      <TextField
        label={t('interventions.recipient')}
        value={draft.recipient}
        onChange={(v) => set('recipient', v)}
      />
      <PartialDateField
        label={t('interventions.sentOn')}
        value={draft.sentOn}
        path="sentOn"
        onChange={(v) => set('sentOn', v)}
        showError={tried}
      />
      <div className="grid-2">
        <TextField
          label={t('interventions.reference')}
          value={draft.reference}
          onChange={(v) => set('reference', v)}
          dir="auto"
        />
        <VocabSelect
          label={t('interventions.status')}
          vocabulary="intervention-status"
          value={draft.status}
          onChange={(v) => set('status', v ?? 'draft')}
        />
      </div>
      <fieldset>
        <legend>{t('interventions.followUp')}</legend>
        <DayField
          label={t('interventions.followUpOn')}
          value={draft.followUpOn || null}
          onChange={(v) => set('followUpOn', v ?? '')}
          path="followUpOn"
        />
        {sentDay ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => set('followUpOn', addDays(sentDay, REPLY_DAYS))}
          >
            {t('interventions.sixtyDays')}
          </button>
        ) : null}
      </fieldset>
      <PartialDateField
        label={t('interventions.responseOn')}
        value={draft.responseOn}
        path="responseOn"
        onChange={(v) => set('responseOn', v)}
        showError={tried}
      />
      <TextArea
        label={t('interventions.response')}
        value={draft.response}
        onChange={(v) => set('response', v)}
        rows={4}
      />
      <TextField
        label={t('interventions.outcome')}
        value={draft.outcome}
        onChange={(v) => set('outcome', v)}
      />
      <TextArea
        label={t('interventions.notes')}
        value={draft.notes}
        onChange={(v) => set('notes', v)}
        rows={3}
      />
    </RecordEditor>
  );
}
