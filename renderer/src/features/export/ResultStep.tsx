import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ShowInFolder } from '../../components/ShowInFolder';
import type { ExportResult, VerifyReport } from '../../lib/types';
import { vigil } from '../../lib/vigil';
import { VerifyReportView } from './VerifyReportView';
import { useWithheldWords } from './withheldWords';
import { useIsolatedT } from '../../i18n/isolate';
import { CoreWarnings } from '../../components/CoreWarnings';

const COMMANDS = [
  'gpg --import signer-key.asc',
  'gpg --fingerprint',
  'gpg --verify manifest.json.asc manifest.json',
  'gpg --verify SHA256SUMS.asc SHA256SUMS',
  'sha256sum --strict -c SHA256SUMS',
];

/** The export done: what was written, what was withheld, and how anyone can verify it with GnuPG alone. */
export function ResultStep({ result }: { result: ExportResult }) {
  const { t } = useTranslation();
  const ti = useIsolatedT();
  const words = useWithheldWords();
  const [verified, setVerified] = useState<{ label: string; report: VerifyReport } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await vigil.dossier.verify({
        kind: result.kind === 'bundle' ? 'file' : 'folder',
      });
      if (answer) setVerified(answer);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="result-heading">
      <h2 id="result-heading">{t('export.doneTitle')}</h2>
      <p className="notice notice-ok" role="status" data-testid="export-done">
        {result.kind === 'bundle'
          ? ti('export.doneBundle', { name: result.label ?? '' })
          : ti('export.doneDirectory', { name: result.label ?? '' })}
      </p>
      {result.outputId ? (
        <div className="actions">
          <ShowInFolder outputId={result.outputId} />
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t('export.files')}</dt>
        <dd>{result.files}</dd>
        <dt>{t('export.manifestHash')}</dt>
        <dd>
          <code className="mono hash">{result.manifestSha256}</code>{' '}
          {result.manifestSha256 ? (
            <CopyButton value={result.manifestSha256} label={t('export.manifestHash')} />
          ) : null}
        </dd>
        {result.signer ? (
          <>
            <dt>{t('export.signer')}</dt>
            <dd className="mono">{result.signer}</dd>
          </>
        ) : null}
      </dl>
      <CoreWarnings warnings={result.notices} />
      {result.withheld.length > 0 ? (
        <details>
          <summary>{t('export.withheldTitle', { count: result.withheld.length })}</summary>
          <p className="field-hint">{t('export.reportNote')}</p>
          <ul>
            {result.withheld.map((item, i) => (
              <li key={i} lang={words.worded(item) ? undefined : 'en'}>
                <span dir="auto">{words.what(item)}</span> — {words.why(item)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <h3>{t('export.howToVerify')}</h3>
      <p>{result.kind === 'bundle' ? t('export.verifyBundleIntro') : t('export.verifyIntro')}</p>
      <ol className="verify-steps">
        <li>
          {t('export.verifyStep1')}
          <pre className="mono" dir="ltr">
            {COMMANDS.slice(0, 2).join('\n')}
          </pre>
        </li>
        <li>
          {t('export.verifyStep2')}
          <pre className="mono" dir="ltr">
            {COMMANDS.slice(2, 4).join('\n')}
          </pre>
        </li>
        <li>
          {t('export.verifyStep3')}
          <pre className="mono" dir="ltr">
            {COMMANDS[4]}
          </pre>
        </li>
      </ol>
      <p className="field-hint">{t('export.verifyFingerprint')}</p>
      <ErrorNotice error={error} />
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => void verify()}
        >
          {result.kind === 'bundle' ? t('export.verifyBundleNow') : t('export.verifyNow')}
        </button>
      </div>
      {verified ? <VerifyReportView report={verified.report} label={verified.label} /> : null}
    </section>
  );
}
