import { useTranslation } from 'react-i18next';
import { isErrorCode } from '../../../shared/errors';
import { isUiError } from '../lib/vigil';
import { useProblemWords, useUnclaimedIssues } from './FieldIssues';

/**
 * An error in plain words, in the user's language: what happened and what to
 * do next (from the stable code), and for invalid input what is wrong with
 * each field (the fields on screen show their own problem; the rest are
 * listed here). The core's own sentence is English: it is shown as detail in
 * the English UI only, never inside another language. Never a stack.
 */
export function ErrorNotice({
  error,
  onDismiss,
  override,
}: {
  error: unknown;
  onDismiss?: () => void;
  /** A screen's own words for this error, where the generic ones would mislead. */
  override?: { title: string; next: string; withoutDetail?: boolean };
}) {
  const { t, i18n } = useTranslation();
  const unclaimed = useUnclaimedIssues();
  const words = useProblemWords();
  if (!error) return null;
  const code = isUiError(error) && isErrorCode(error.code) ? error.code : 'INTERNAL';
  const hasIssues = isUiError(error) && error.issues.length > 0;
  const english = (i18n.resolvedLanguage ?? 'en') === 'en';
  // A screen that knows better (a parser's sentence about bits to someone who chose a photo) drops it.
  const detail =
    isUiError(error) && english && !hasIssues && !override?.withoutDetail ? error.detail : '';
  // Problems whose field is not on this screen: which field, by its path in the record.
  const listed = hasIssues ? unclaimed : [];
  return (
    <div className="notice notice-error" role="alert" tabIndex={-1}>
      <div className="notice-title">{override?.title ?? t(`errors.${code}.title`)}</div>
      <div>
        {override?.next ?? (hasIssues ? t('errors.fieldsMarked') : t(`errors.${code}.next`))}
      </div>
      {listed.length > 0 ? (
        <ul className="issue-list">
          {listed.map((issue, i) => (
            <li key={i}>
              {words(issue)}{' '}
              <code dir="ltr" className="muted small">
                {issue.path}
              </code>
            </li>
          ))}
        </ul>
      ) : null}
      {detail ? (
        <details>
          <summary>{t('errors.details')}</summary>
          <span dir="ltr" lang="en">
            {detail}
          </span>
        </details>
      ) : null}
      {onDismiss ? (
        <div className="actions">
          <button type="button" className="btn btn-small" onClick={onDismiss}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
