import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Checkbox, TextArea, TextField } from '../../components/Field';
import { Form } from '../../components/Form';
import { Loading } from '../../components/Loading';
import { Status } from '../../components/Status';
import { useDraft } from '../../lib/drafts';
import type { WgadSubmission } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';
import { vigil } from '../../lib/vigil';

const CATEGORIES = ['I', 'II', 'III', 'IV', 'V'] as const;

/** The lawyer's part of a WGAD communication: circumstances, categories argued, remedies, submitter. */
function SubmissionEditor({
  caseId,
  initial,
  onSaved,
}: {
  caseId: string;
  initial: WgadSubmission;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft, discard] = useDraft<WgadSubmission>(
    `submission:${caseId}`,
    () => initial,
  );
  const { busy, error, submit } = useSubmit();
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof WgadSubmission>(key: K, value: WgadSubmission[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  // No field is required, so every submit saves.
  const save = () =>
    submit(() => async () => {
      setDraft(await vigil.dossier.saveSubmission({ caseId, submission: draft }));
      discard();
      setSaved(true);
      onSaved();
    });
  return (
    <Form onSubmit={save}>
      <ErrorNotice error={error} />
      <TextArea
        label={t('submission.circumstances')}
        hint={t('submission.circumstancesHint')}
        value={draft.circumstances}
        onChange={(v) => set('circumstances', v)}
        rows={6}
      />
      <fieldset>
        <legend>{t('submission.categories')}</legend>
        <p className="field-hint">{t('submission.categoriesHint')}</p>
        {CATEGORIES.map((category) => (
          <div key={category} className="editor-section">
            <Checkbox
              label={t(`submission.category.${category}`)}
              checked={draft.categories[category].argued}
              onChange={(argued) =>
                set('categories', {
                  ...draft.categories,
                  [category]: { ...draft.categories[category], argued },
                })
              }
            />
            {draft.categories[category].argued ? (
              <TextArea
                label={t('submission.argument', { category })}
                value={draft.categories[category].argument}
                onChange={(argument) =>
                  set('categories', {
                    ...draft.categories,
                    [category]: { ...draft.categories[category], argument },
                  })
                }
                rows={4}
              />
            ) : null}
          </div>
        ))}
      </fieldset>
      <TextArea
        label={t('submission.domesticRemedies')}
        value={draft.domesticRemedies}
        onChange={(v) => set('domesticRemedies', v)}
        rows={3}
      />
      <TextArea
        label={t('submission.remediesNotExhausted')}
        value={draft.remediesNotExhaustedBecause}
        onChange={(v) => set('remediesNotExhaustedBecause', v)}
        rows={2}
      />
      <TextArea
        label={t('submission.otherProcedures')}
        value={draft.otherProcedures}
        onChange={(v) => set('otherProcedures', v)}
        rows={2}
      />
      <Checkbox
        label={t('submission.urgentAction')}
        checked={draft.urgentAction}
        onChange={(v) => set('urgentAction', v)}
      />
      <fieldset>
        <legend>{t('submission.submitter')}</legend>
        <p className="field-hint">{t('submission.submitterIsOrganisation')}</p>
        <TextField
          label={t('submission.signatory')}
          hint={t('submission.signatoryHint')}
          value={draft.submitter.name}
          onChange={(name) => set('submitter', { ...draft.submitter, name })}
        />
        <Checkbox
          label={t('submission.confidential')}
          checked={draft.submitter.confidential}
          onChange={(confidential) => set('submitter', { ...draft.submitter, confidential })}
        />
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn" disabled={busy}>
          {t('submission.save')}
        </button>
        <Status when={saved} inline>
          {t('common.saved')}
        </Status>
      </div>
    </Form>
  );
}

export function SubmissionForm({ caseId, onSaved }: { caseId: string; onSaved: () => void }) {
  const submission = useLoad(() => vigil.dossier.getSubmission({ caseId }), caseId);
  if (submission.error) return <ErrorNotice error={submission.error} />;
  if (!submission.data) return <Loading />;
  return <SubmissionEditor caseId={caseId} initial={submission.data} onSaved={onSaved} />;
}
