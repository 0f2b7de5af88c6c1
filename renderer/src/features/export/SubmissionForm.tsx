import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Checkbox, TextArea, TextField } from '../../components/Field';
import { Form } from '../../components/Form';
import { Loading } from '../../components/Loading';
import { hasDraft, useDraft } from '../../lib/drafts';
import type { WgadSubmission } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { vigil } from '../../lib/vigil';

const CATEGORIES = ['I', 'II', 'III', 'IV', 'V'] as const;

/** How long after the last change the arguments are saved. */
const SAVE_AFTER_MS = 800;

type SaveState = 'idle' | 'unsaved' | 'saving' | 'saved' | 'failed';

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
  const key = `submission:${caseId}`;
  const [draft, setDraft, discard] = useDraft<WgadSubmission>(key, () => initial);
  const [state, setState] = useState<SaveState>(() => (hasDraft(key) ? 'unsaved' : 'idle'));
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(draft);
  const after = useRef(onSaved);
  useEffect(() => {
    latest.current = draft;
    after.current = onSaved;
  });
  const set = <K extends keyof WgadSubmission>(field: K, value: WgadSubmission[K]) => {
    setState('unsaved');
    setDraft((d) => ({ ...d, [field]: value }));
  };
  const save = useCallback(async () => {
    const sending = latest.current;
    setState('saving');
    try {
      await vigil.dossier.saveSubmission({ caseId, submission: sending });
      setError(null);
      // Typed on while it was being saved: that part is saved next.
      if (latest.current === sending) {
        discard();
        setState('saved');
      } else setState('unsaved');
      after.current();
    } catch (e) {
      setError(e);
      setState('failed');
    }
  }, [caseId, discard]);
  // Saved as typed: a moment after the last change, without a button to remember.
  useEffect(() => {
    if (state !== 'unsaved') return;
    const timer = setTimeout(() => void save(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft, state, save]);
  // Leaving the step saves what the pause had not yet saved. Not after a lock: the draft is
  // gone from memory then (the lock discards it, and the next unlock says so).
  useEffect(
    () => () => {
      if (hasDraft(key)) void save();
    },
    [key, save],
  );
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
      <div className="actions">
        <button type="submit" className="btn" disabled={state === 'saving'}>
          {t('submission.save')}
        </button>
        <span className="muted" role="status" data-testid="submission-state">
          {state === 'idle' ? '' : t(`submission.state.${state}`)}
        </span>
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
