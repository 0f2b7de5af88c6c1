import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './ErrorNotice';
import { Form } from './Form';

/**
 * The frame every case-record editor shares: its heading, why the last save
 * failed, the fields, and save / back (the draft is kept) / discard.
 */
export function RecordEditor({
  headingId,
  title,
  error,
  afterError,
  onSubmit,
  submitLabel,
  busy,
  onBack,
  onDiscard,
  children,
}: {
  headingId: string;
  title: ReactNode;
  error: unknown;
  /** Shown under the error (e.g. that the text was kept). */
  afterError?: ReactNode;
  onSubmit: () => void;
  submitLabel: string;
  busy: boolean;
  onBack: () => void;
  onDiscard: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <Form onSubmit={onSubmit} error={error}>
        <ErrorNotice error={error} />
        {afterError}
        {children}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {submitLabel}
          </button>
          <button type="button" className="btn" onClick={onBack}>
            {t('common.back')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onDiscard}>
            {t('common.discard')}
          </button>
        </div>
      </Form>
    </section>
  );
}
