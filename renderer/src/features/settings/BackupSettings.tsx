import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Form } from '../../components/Form';
import { OperationControls } from '../../components/OperationControls';
import { ShowInFolder } from '../../components/ShowInFolder';
import { Status } from '../../components/Status';
import { formatBytes, formatDateTime } from '../../logic/format';
import { useLoad } from '../../lib/useLoad';
import { useOperation } from '../../lib/useOperation';
import { isUiError, vigil } from '../../lib/vigil';
import { useIsolatedT } from '../../i18n/isolate';

/** Back up now (a save dialog opened by main), the last backup's date, and the reminder's age. */
export function BackupSettings() {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const locale = i18n.resolvedLanguage ?? 'en';
  const status = useLoad(() => vigil.backup.status(), 'backup-status');
  const { operationId, progress, start } = useOperation('backup');
  const [result, setResult] = useState<
    { label: string; bytes: number; outputId: string | null } | 'cancelled' | null
  >(null);
  const [error, setError] = useState<unknown>(null);
  const [days, setDays] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const shownDays = days ?? String(status.data?.remindAfterDays ?? '');
  const daysValue = Number(shownDays);
  const daysValid = Number.isInteger(daysValue) && daysValue >= 1 && daysValue <= 365;

  const backUp = async () => {
    setError(null);
    setResult(null);
    try {
      const made = await start(
        (id) => vigil.backup.create({ operationId: id }),
        (done) => (done.saved ? { label: done.label, outputId: done.outputId } : null),
      );
      if (made.saved && made.label)
        setResult({ label: made.label, bytes: made.bytes ?? 0, outputId: made.outputId });
      status.reload();
    } catch (e) {
      if (isUiError(e) && e.code === 'CANCELLED') setResult('cancelled');
      else setError(e);
    }
  };
  const saveDays = async () => {
    if (!daysValid) return;
    setError(null);
    try {
      await vigil.settings.set({ backupReminderDays: daysValue });
      setSaved(true);
      status.reload();
    } catch (e) {
      setError(e);
    }
  };

  const last = status.data?.lastAt;
  return (
    <section className="card" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backup.title')}</h2>
      <p className="field-hint">{t('backup.hint')}</p>
      <ErrorNotice error={error ?? status.error} />
      {status.data ? (
        <dl className="facts">
          <dt>{t('backup.last')}</dt>
          <dd>{last ? formatDateTime(last, locale) : t('backup.never')}</dd>
        </dl>
      ) : null}
      {status.data?.reminder ? (
        <div className="notice notice-warn" role="note">
          {last
            ? t('backup.reminderOld', { days: status.data.remindAfterDays })
            : t('backup.reminderNever')}
        </div>
      ) : null}
      <OperationControls
        operationId={operationId}
        progress={progress}
        workingLabel={t('backup.working')}
        progressLabel={t('backup.progress')}
      >
        <button type="button" className="btn btn-primary" onClick={() => void backUp()}>
          {t('backup.now')}
        </button>
      </OperationControls>
      {result === 'cancelled' ? <p role="status">{t('backup.cancelled')}</p> : null}
      {result && result !== 'cancelled' ? (
        <div className="notice notice-ok" role="status">
          {ti('backup.done', { file: result.label, size: formatBytes(result.bytes, locale) })}{' '}
          {result.outputId ? <ShowInFolder outputId={result.outputId} /> : null}
        </div>
      ) : null}
      <Form onSubmit={saveDays}>
        <div className="field inline-field">
          <label htmlFor="backup-reminder">{t('backup.remindAfter')}</label>
          <input
            id="backup-reminder"
            type="number"
            min={1}
            max={365}
            value={shownDays}
            aria-invalid={!daysValid && shownDays !== '' ? true : undefined}
            onChange={(e) => {
              setSaved(false);
              setDays(e.target.value);
            }}
          />
          {!daysValid && shownDays !== '' ? (
            <span className="field-error">{t('backup.remindRange')}</span>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="btn" disabled={!daysValid}>
            {t('common.save')}
          </button>
          <Status when={saved} inline>
            {t('common.saved')}
          </Status>
        </div>
      </Form>
    </section>
  );
}
