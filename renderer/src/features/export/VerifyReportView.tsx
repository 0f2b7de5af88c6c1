import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../logic/format';
import type { VerifyReport } from '../../lib/types';
import { useVocabularies } from '../../lib/vocabularies';
import { Fingerprint } from '../keys/Fingerprint';
import { useIsolatedT } from '../../i18n/isolate';

/** A dossier or bundle checked: the signer (known? trusted?), the files, what is inside, every problem. */
export function VerifyReportView({ report, label }: { report: VerifyReport; label: string }) {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const vocabularies = useVocabularies();
  const locale = i18n.resolvedLanguage ?? 'en';
  const signature = report.bundle?.signature ?? report.signature;
  return (
    <section
      className={`notice ${report.ok ? 'notice-ok' : 'notice-error'}`}
      aria-labelledby="verify-heading"
      data-testid="verify-report"
      data-ok={report.ok}
    >
      <h3 id="verify-heading">
        {report.ok ? ti('verify.ok', { name: label }) : ti('verify.bad', { name: label })}
      </h3>
      <dl className="facts">
        <dt>{t('verify.signature')}</dt>
        <dd>{signature.valid ? t('verify.signatureValid') : t('verify.signatureInvalid')}</dd>
        {signature.signerFingerprint ? (
          <>
            <dt>{t('verify.signer')}</dt>
            <dd>
              {signature.signerUserId ? <span dir="auto">{signature.signerUserId} </span> : null}
              <span className={`badge ${signature.signerTrusted ? 'badge-ok' : 'badge-warn'}`}>
                {signature.signerTrusted
                  ? t('verify.trusted')
                  : signature.signerKnown
                    ? t('verify.knownUntrusted')
                    : t('verify.unknown')}
              </span>
              <br />
              <Fingerprint value={signature.signerFingerprint} />
            </dd>
          </>
        ) : null}
        {report.manifest ? (
          <>
            <dt>{t('verify.case')}</dt>
            <dd className="mono">{report.manifest.reference}</dd>
            <dt>{t('verify.template')}</dt>
            <dd>
              {report.manifest.template === 'wgad'
                ? t('export.templates.wgad.label')
                : t('export.templates.generic.label')}
            </dd>
            <dt>{t('verify.created')}</dt>
            <dd>{formatDateTime(report.manifest.createdAt, locale)}</dd>
            <dt>{t('verify.madeFor')}</dt>
            <dd>
              {report.manifest.audience.kind === 'mechanism'
                ? vocabularies.label('mechanism', report.manifest.audience.mechanism)
                : t(`export.audiences.${report.manifest.audience.kind}.label`)}
            </dd>
            <dt>{t('verify.contents')}</dt>
            <dd>{t('verify.filesCount', { count: report.manifest.files })}</dd>
          </>
        ) : null}
        <dt>{t('verify.files')}</dt>
        <dd>{t('verify.filesChecked', { count: report.files.checked })}</dd>
      </dl>
      {report.problems.length > 0 ? (
        <>
          <h4>{t('verify.problems')}</h4>
          <ul data-testid="verify-problems">
            {report.issues.map((issue, i) => (
              <li key={i} data-code={issue.code}>
                {t(`verify.issues.${issue.code}`)}
                {issue.subject ? (
                  <>
                    {' '}
                    <bdi dir="ltr" className="mono">
                      {issue.subject}
                    </bdi>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <details>
            <summary>{t('errors.details')}</summary>
            <ul dir="ltr" lang="en">
              {report.problems.map((problem, i) => (
                <li key={i}>{problem}</li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
    </section>
  );
}
