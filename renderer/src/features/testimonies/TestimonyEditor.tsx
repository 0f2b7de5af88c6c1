import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentForm } from '../../components/ConsentForm';
import { CountrySelect } from '../../components/CountrySelect';
import { TextArea, TextField } from '../../components/Field';
import { PartialDateField } from '../../components/PartialDateField';
import { RecordEditor } from '../../components/RecordEditor';
import { Status } from '../../components/Status';
import { VersionsPanel } from '../../components/VersionsPanel';
import { VocabSelect } from '../../components/VocabSelect';
import { useLocale } from '../../i18n/useLocale';
import { readDateDraft } from '../../logic/partialDateText';
import type { CasePerson, TestimonyRecord } from '../../lib/types';
import { useRecordEditor } from '../../lib/useRecordEditor';
import { vigil } from '../../lib/vigil';
import { LanguageTagField } from './LanguageTagField';
import {
  NEW_TESTIMONY,
  testimonyDraftOf,
  testimonyFields,
  type TestimonyDraft,
} from './testimonyDraft';

/**
 * The testimony editor. The text stays in memory until it is saved: a
 * failed save shows the error and keeps every word; leaving keeps the draft
 * for when the editor is opened again (until the vault locks).
 */
export function TestimonyEditor({
  caseId,
  testimony,
  persons,
  onDone,
}: {
  caseId: string;
  testimony: TestimonyRecord | null;
  persons: readonly CasePerson[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { language, dateInputWords } = useLocale();
  const id = useId();
  const editor = useRecordEditor<TestimonyDraft>(
    `testimony:${caseId}:${testimony?.id ?? 'new'}`,
    () => (testimony ? testimonyDraftOf(testimony, language) : NEW_TESTIMONY),
    onDone,
  );
  const { draft, tried, error } = editor;
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof TestimonyDraft>(key: K, value: TestimonyDraft[K]) => {
    setSaved(false);
    editor.set(key, value);
  };
  const consentProblem =
    draft.consent.scope === 'named-mechanisms' && draft.consent.mechanisms.length === 0
      ? t('consent.needMechanism')
      : undefined;
  const witness = persons.find((p) => p.id === draft.witnessId) ?? null;

  const save = () =>
    editor.save(() => {
      const takenOn = readDateDraft(draft.takenOn, [language], dateInputWords, false);
      if (!draft.statement.trim() || !takenOn.ok || consentProblem) return null;
      const takenOnDate = takenOn.date;
      return async () => {
        const fields = testimonyFields(draft, takenOnDate);
        if (testimony) await vigil.testimonies.update({ id: testimony.id, patch: fields });
        else await vigil.testimonies.create({ caseId, testimony: fields });
        setSaved(true);
      };
    });

  return (
    <>
      <RecordEditor
        headingId="testimony-editor"
        title={testimony ? t('testimonies.editTitle') : t('testimonies.addTitle')}
        error={error}
        afterError={
          error ? <p className="notice notice-warn">{t('testimonies.keptText')}</p> : null
        }
        onSubmit={save}
        submitLabel={testimony ? t('common.save') : t('testimonies.add')}
        busy={editor.busy}
        onBack={onDone}
        onDiscard={editor.discard}
      >
        <div className="field">
          <label htmlFor={`${id}-witness`}>{t('testimonies.witness')}</label>
          <select
            id={`${id}-witness`}
            value={draft.witnessId ?? ''}
            onChange={(e) => set('witnessId', e.target.value || null)}
          >
            <option value="">{t('testimonies.anonymous')}</option>
            {persons.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {draft.witnessId ? null : (
          <TextField
            label={t('testimonies.witnessDescription')}
            hint={t('testimonies.witnessDescriptionHint')}
            value={draft.witnessDescription}
            onChange={(v) => set('witnessDescription', v)}
          />
        )}
        <div className="grid-2">
          <TextField
            label={t('testimonies.interviewer')}
            value={draft.interviewer}
            onChange={(v) => set('interviewer', v)}
          />
          <VocabSelect
            label={t('testimonies.method')}
            vocabulary="testimony-method"
            value={draft.method}
            onChange={(v) => set('method', v)}
            allowNone
          />
        </div>
        <PartialDateField
          label={t('testimonies.takenOn')}
          value={draft.takenOn}
          path="takenOn"
          onChange={(v) => set('takenOn', v)}
          showError={tried}
        />
        <div className="grid-2">
          <TextField
            label={t('testimonies.place')}
            value={draft.place}
            onChange={(v) => set('place', v)}
          />
          <CountrySelect
            label={t('testimonies.country')}
            value={draft.country}
            onChange={(v) => set('country', v)}
          />
        </div>
        <LanguageTagField
          label={t('testimonies.language')}
          value={draft.language}
          onChange={(v) => set('language', v)}
        />
        <TextArea
          label={t('testimonies.statement')}
          hint={t('testimonies.statementHint')}
          value={draft.statement}
          onChange={(v) => set('statement', v)}
          rows={14}
          error={tried && !draft.statement.trim() ? t('common.required') : undefined}
        />
        <details open={draft.translation.length > 0}>
          <summary>{t('testimonies.translation')}</summary>
          <TextArea
            label={t('testimonies.translationText')}
            value={draft.translation}
            onChange={(v) => set('translation', v)}
            rows={8}
          />
          <LanguageTagField
            label={t('testimonies.translationLanguage')}
            value={draft.translationLanguage}
            onChange={(v) => set('translationLanguage', v)}
          />
        </details>
        <ConsentForm
          value={draft.consent}
          onChange={(v) => set('consent', v)}
          personName={witness?.name ?? null}
          error={tried ? consentProblem : undefined}
        />
        <Status when={saved} className="notice notice-ok">
          {t('common.saved')}
        </Status>
      </RecordEditor>
      {testimony ? (
        <VersionsPanel kind="testimony" id={testimony.id} onRestored={editor.discard} />
      ) : null}
    </>
  );
}
