import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/routes';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Checkbox } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { OperationControls } from '../../components/OperationControls';
import { Status } from '../../components/Status';
import { formatBytes } from '../../logic/format';
import type { ImportResult, VerifyReport } from '../../lib/types';
import { useOperation } from '../../lib/useOperation';
import { isUiError, vigil } from '../../lib/vigil';
import { VerifyReportView } from '../export/VerifyReportView';

/**
 * A partner's bundle: choose it, see who signed it and whether that key is
 * trusted, what it holds and whether it verifies; then import it as a new
 * case (an untrusted signer only with an explicit yes).
 */
export function ImportScreen() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const { navigate } = useNavigation();
  const [file, setFile] = useState<{ fileId: string; name: string; size: number } | null>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [inspecting, setInspecting] = useState(false);
  const [accept, setAccept] = useState(false);
  const { operationId, progress, start } = useOperation();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cancelled, setCancelled] = useState(false);
  // A file that is not an OpenPGP message at all (a photo, a PDF) was chosen by mistake:
  // say that in the user's words, not the parser's.
  const [notBundle, setNotBundle] = useState(false);

  const choose = async () => {
    setError(null);
    setNotBundle(false);
    setReport(null);
    setResult(null);
    setAccept(false);
    try {
      const chosen = await vigil.dossier.chooseBundle();
      if (!chosen) return;
      setFile(chosen);
      setInspecting(true);
      setReport(await vigil.dossier.inspectBundle({ fileId: chosen.fileId }));
    } catch (e) {
      setNotBundle(isUiError(e) && e.code === 'INVALID_INPUT');
      setError(e);
    } finally {
      setInspecting(false);
    }
  };

  const signature = report ? (report.bundle?.signature ?? report.signature) : null;
  const trusted = Boolean(signature?.signerTrusted);
  const importable = Boolean(
    report && report.manifest && signature?.valid !== false && (trusted || accept),
  );

  const importBundle = async () => {
    if (!file) return;
    setError(null);
    setCancelled(false);
    try {
      setResult(
        await start((operationId) =>
          vigil.dossier.importBundle({
            fileId: file.fileId,
            acceptSigner: !trusted && accept,
            operationId,
          }),
        ),
      );
    } catch (e) {
      if (isUiError(e) && e.code === 'CANCELLED') setCancelled(true);
      else setError(e);
    }
  };

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('import.title')}</h1>
      </div>
      <div className="narrow">
        <p>{t('import.intro')}</p>
        <ErrorNotice
          error={error}
          override={
            notBundle
              ? {
                  title: t('import.notBundle.title'),
                  next: t('import.notBundle.next'),
                  withoutDetail: true,
                }
              : undefined
          }
        />
        <Status when={cancelled} className="notice notice-warn">
          {t('import.cancelled')}
        </Status>
        {result ? (
          <section
            className="notice notice-ok"
            aria-labelledby="import-done"
            data-testid="import-done"
          >
            <h2 id="import-done">{t('import.done', { reference: result.reference })}</h2>
            <p>
              {t('import.records', {
                persons: result.records.persons,
                events: result.records.events,
                testimonies: result.records.testimonies,
                interventions: result.records.interventions,
                evidence: result.evidence.length,
              })}
            </p>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => navigate({ name: 'case', caseId: result.caseId, tab: 'overview' })}
            >
              {t('import.open')}
            </button>
          </section>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className={file ? 'btn' : 'btn btn-primary'}
            disabled={Boolean(operationId)}
            onClick={() => void choose()}
          >
            {file ? t('import.chooseAgain') : t('import.choose')}
          </button>
        </div>
        {file ? (
          <p>
            {t('import.chosen')} <strong dir="auto">{file.name}</strong>{' '}
            <span className="muted">({formatBytes(file.size, locale)})</span>
          </p>
        ) : null}
        {inspecting ? <Loading label={t('import.inspecting')} /> : null}
        {report && file && !result ? (
          <>
            <VerifyReportView report={report} label={file.name} />
            {report.manifest && !trusted && signature?.valid !== false ? (
              <Checkbox
                label={t('import.acceptSigner')}
                hint={t('import.acceptSignerHint')}
                checked={accept}
                onChange={setAccept}
              />
            ) : null}
            <OperationControls
              operationId={operationId}
              progress={progress}
              workingLabel={t('import.working')}
              progressLabel={t('import.progress')}
            >
              <button
                type="button"
                className="btn btn-primary"
                disabled={!importable}
                onClick={() => void importBundle()}
              >
                {t('import.import')}
              </button>
            </OperationControls>
          </>
        ) : null}
      </div>
    </>
  );
}
