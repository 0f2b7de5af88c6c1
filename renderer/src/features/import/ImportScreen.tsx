import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/routes';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Checkbox, RadioGroup } from '../../components/Field';
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
  const [file, setFile] = useState<{ fileId: string; name: string; size: number } | null>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [inspecting, setInspecting] = useState(false);
  const [accept, setAccept] = useState(false);
  // The case is already in the vault: update it with the partner's version, or keep a separate copy.
  const [choice, setChoice] = useState<'' | 'update' | 'as-new'>('');
  const { operationId, progress, start } = useOperation('import');
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
    setChoice('');
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
  const duplicate = report?.duplicateOf ?? null;
  const importable = Boolean(
    report &&
    report.manifest &&
    signature?.valid !== false &&
    (trusted || accept) &&
    (!duplicate || choice !== ''),
  );

  const importBundle = async () => {
    if (!file) return;
    setError(null);
    setCancelled(false);
    try {
      setResult(
        await start(
          (operationId) =>
            vigil.dossier.importBundle({
              fileId: file.fileId,
              acceptSigner: !trusted && accept,
              ...(duplicate && choice ? { duplicate: choice } : {}),
              operationId,
            }),
          (done) => ({ caseId: done.caseId, label: done.reference }),
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
        {result ? <ImportDone result={result} /> : null}
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
            {duplicate ? (
              <section
                className="notice notice-warn"
                aria-labelledby="import-duplicate"
                data-testid="import-duplicate"
              >
                <h2 id="import-duplicate">{t('import.duplicate.title')}</h2>
                <p>
                  {t(
                    duplicate.begunHere ? 'import.duplicate.begunHere' : 'import.duplicate.before',
                    {
                      reference: duplicate.reference,
                    },
                  )}{' '}
                  <strong dir="auto">{duplicate.title}</strong>
                </p>
                <RadioGroup
                  legend={t('import.duplicate.legend')}
                  name="duplicate"
                  value={choice}
                  onChange={setChoice}
                  options={[
                    {
                      value: 'update',
                      label: t('import.duplicate.update'),
                      hint: t('import.duplicate.updateHint'),
                    },
                    {
                      value: 'as-new',
                      label: t('import.duplicate.asNew'),
                      hint: t('import.duplicate.asNewHint'),
                    },
                  ]}
                />
              </section>
            ) : null}
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
                {choice === 'update'
                  ? t('import.duplicate.doUpdate')
                  : choice === 'as-new'
                    ? t('import.duplicate.doAsNew')
                    : t('import.import')}
              </button>
            </OperationControls>
          </>
        ) : null}
      </div>
    </>
  );
}

/** What the import did: a new case, a copy, or an update with what changed and what was kept. */
function ImportDone({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const update = result.update;
  const total = (c: NonNullable<ImportResult['update']>['added']) =>
    c.cases + c.persons + c.events + c.testimonies + c.interventions;
  return (
    <section className="notice notice-ok" aria-labelledby="import-done" data-testid="import-done">
      <h2 id="import-done">
        {t(
          result.mode === 'update'
            ? 'import.updated'
            : result.mode === 'as-new'
              ? 'import.doneCopy'
              : 'import.done',
          { reference: result.reference },
        )}
      </h2>
      {update ? (
        <>
          <p>
            {t('import.updateCounts', {
              added: total(update.added),
              updated: total(update.updated),
              unchanged: update.unchanged,
              evidence: result.evidence.length,
            })}
          </p>
          {update.conflicts.length > 0 ? (
            <div className="notice notice-warn" data-testid="import-conflicts">
              <p>{t('import.conflicts', { count: update.conflicts.length })}</p>
              <ul>
                {update.conflicts.map((c) => (
                  <li key={c.id}>
                    {t(`import.kinds.${c.kind}`)}: {c.fields.join(', ')}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {update.restored.length > 0 ? (
            <p>{t('import.restored', { count: update.restored.length })}</p>
          ) : null}
        </>
      ) : (
        <p>
          {t('import.records', {
            persons: result.records.persons,
            events: result.records.events,
            testimonies: result.records.testimonies,
            interventions: result.records.interventions,
            evidence: result.evidence.length,
          })}
        </p>
      )}
      {result.customTermsKept > 0 ? (
        <p>{t('import.termsKept', { count: result.customTermsKept })}</p>
      ) : null}
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => navigate({ name: 'case', caseId: result.caseId, tab: 'overview' })}
      >
        {t('import.open')}
      </button>
    </section>
  );
}
