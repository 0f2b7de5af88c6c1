import { useTranslation } from 'react-i18next';
import { isErrorCode } from '../../../shared/errors';
import { isUiError } from '../lib/vigil';

/**
 * An error in plain words: what happened and what to do next (translated
 * from the stable code), with the core's own sentence as detail. Never a stack.
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
  const { t } = useTranslation();
  if (!error) return null;
  const code = isUiError(error) && isErrorCode(error.code) ? error.code : 'INTERNAL';
  // A screen that knows better (a parser's sentence about bits to someone who chose a photo) drops it.
  const detail = isUiError(error) && !override?.withoutDetail ? error.detail : '';
  return (
    <div className="notice notice-error" role="alert">
      <div className="notice-title">{override?.title ?? t(`errors.${code}.title`)}</div>
      <div>{override?.next ?? t(`errors.${code}.next`)}</div>
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
