import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Checkbox, TextArea, TextField } from '../../components/Field';
import { Form } from '../../components/Form';
import { Loading } from '../../components/Loading';
import type { WgadSubmission } from '../../lib/types';
import { useAutosave } from '../../lib/useAutosave';
import { useLoad } from '../../lib/useLoad';
import { vigil } from '../../lib/vigil';
import { SaveStatus } from './SaveStatus';

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
  // Saved as typed: a moment after the last change, and when the step is left.
  const { draft, update, save, state, error } = useAutosave<WgadSubmission>(
    `submission:${caseId}`,
    () => initial,
    (submission) => vigil.dossier.saveSubmission({ caseId, submission }),
    onSaved,
  );
  const set = <K extends keyof WgadSubmission>(field: K, value: WgadSubmission[K]) =>
    update((d) => ({ ...d, [field]: value }));
  return (
    <Form onSubmit={() => void save()}>
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
      <SaveStatus state={state} />
    </Form>
  );
}

export function SubmissionForm({ caseId, onSaved }: { caseId: string; onSaved: () => void }) {
  const submission = useLoad(() => vigil.dossier.getSubmission({ caseId }), caseId);
  if (submission.error) return <ErrorNotice error={submission.error} />;
  if (!submission.data) return <Loading />;
  return <SubmissionEditor caseId={caseId} initial={submission.data} onSaved={onSaved} />;
}
