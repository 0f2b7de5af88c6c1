import { useTranslation } from 'react-i18next';
import { CountryList } from '../../components/CountryList';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextArea, TextField } from '../../components/Field';
import { Form } from '../../components/Form';
import { VocabSelect } from '../../components/VocabSelect';
import { useDraft } from '../../lib/drafts';
import { useSubmit } from '../../lib/useSubmit';

export interface CaseDraft {
  reference: string;
  title: string;
  summary: string;
  status: string;
  countries: string[];
  tags: string;
  confidentiality: string;
}

export const NEW_CASE: CaseDraft = {
  reference: '',
  title: '',
  summary: '',
  status: 'open',
  countries: [],
  tags: '',
  confidentiality: 'confidential',
};

export function caseFields(draft: CaseDraft) {
  return {
    title: draft.title,
    summary: draft.summary,
    status: draft.status,
    countries: draft.countries,
    tags: draft.tags
      .split(/[,،;]/)
      .map((tag) => tag.trim())
      .filter(Boolean),
    confidentiality: draft.confidentiality,
    ...(draft.reference.trim() ? { reference: draft.reference.trim() } : {}),
  };
}

/** Create or edit a case. What was typed stays if saving fails (and until it is saved or discarded). */
export function CaseForm({
  draftKey,
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  draftKey: string;
  initial: CaseDraft;
  submitLabel: string;
  onSave: (draft: CaseDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft, discard] = useDraft<CaseDraft>(draftKey, () => initial);
  const { tried, busy, error, submit } = useSubmit();
  const set = <K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const save = () =>
    submit(() =>
      draft.title.trim()
        ? async () => {
            await onSave(draft);
            discard();
          }
        : null,
    );

  return (
    <Form onSubmit={save}>
      <ErrorNotice error={error} />
      <TextField
        label={t('caseForm.title')}
        value={draft.title}
        onChange={(v) => set('title', v)}
        error={tried && !draft.title.trim() ? t('common.required') : undefined}
        autoFocus
      />
      <TextField
        label={t('caseForm.reference')}
        hint={t('caseForm.referenceHint')}
        value={draft.reference}
        onChange={(v) => set('reference', v)}
        dir="ltr"
      />
      <TextArea
        label={t('caseForm.summary')}
        value={draft.summary}
        onChange={(v) => set('summary', v)}
        rows={5}
      />
      <div className="grid-2">
        <VocabSelect
          label={t('caseForm.status')}
          vocabulary="case-status"
          value={draft.status}
          onChange={(v) => set('status', v ?? 'open')}
        />
        <VocabSelect
          label={t('caseForm.confidentiality')}
          vocabulary="confidentiality"
          value={draft.confidentiality}
          onChange={(v) => set('confidentiality', v ?? 'confidential')}
          hint={t('caseForm.confidentialityHint')}
        />
      </div>
      <CountryList
        legend={t('caseForm.countries')}
        value={draft.countries}
        onChange={(v) => set('countries', v)}
      />
      <TextField
        label={t('caseForm.tags')}
        hint={t('caseForm.tagsHint')}
        value={draft.tags}
        onChange={(v) => set('tags', v)}
      />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {submitLabel}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            discard();
            onCancel();
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </Form>
  );
}
