import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/routes';
import { BackLink } from '../../components/BackLink';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RadioGroup, SelectField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { OperationControls } from '../../components/OperationControls';
import { UI_LANGUAGES } from '../../i18n';
import { useDraft } from '../../lib/drafts';
import type { ExportResult, Language } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { useOperation } from '../../lib/useOperation';
import { isUiError, vigil } from '../../lib/vigil';
import { ChecklistStep } from './ChecklistStep';
import { EvidenceStep } from './EvidenceStep';
import { AudienceStep } from './AudienceStep';
import {
  exportRequest,
  regionalMechanism,
  STEPS,
  unconfirmedOriginals,
  type ExportChoices,
  type Step,
} from './exportChoices';
import { RedactionStep } from './RedactionStep';
import { ReleaseStep } from './ReleaseStep';
import { ResultStep } from './ResultStep';
import { SigningStep } from './SigningStep';
import { SubmissionForm } from './SubmissionForm';
import { AppealForm, ArgumentsForm } from './ArgumentsForm';
import { REGIONAL_TEMPLATES, type RegionalTemplate } from '../../../../shared/dossier';
import './export.css';

const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  ar: 'العربية',
  ru: 'Русский',
};

/**
 * The export wizard: template, audience, the admissibility checklist, the
 * withholding report, which evidence (and which originals, each confirmed
 * after seeing what it reveals), who signs and who receives it, then the
 * export itself with progress and cancel, and how to verify the result.
 * Nothing leaves the vault before the last step. Steps are listed in
 * exportChoices.ts; each is one case of `body` below.
 */
export function ExportWizard({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const [choices, setChoices] = useDraft<ExportChoices>(`export:${caseId}`, () => ({
    template: 'wgad',
    language: (i18n.resolvedLanguage ?? 'en') as Language,
    audience: 'mechanism',
    mechanism: 'wgad',
    includePrivate: false,
    evidence: null,
    originals: [],
    confirmed: [],
    target: 'directory',
    recipients: [],
  }));
  const [step, setStep] = useState<Step>('template');
  const [submissionVersion, setSubmissionVersion] = useState(0);
  const { operationId, progress, start } = useOperation('export');
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const record = useLoad(() => vigil.cases.get({ id: caseId }), caseId);
  const request = exportRequest(caseId, choices);
  const needsPreview =
    step === 'checklist' || step === 'redaction' || step === 'release' || step === 'evidence';
  const preview = useLoad(
    () => (needsPreview ? vigil.dossier.preview(request) : Promise.resolve(null)),
    `${JSON.stringify(request)}:${needsPreview}:${submissionVersion}`,
  );
  const set = <K extends keyof ExportChoices>(key: K, value: ExportChoices[K]) =>
    setChoices((c) => ({ ...c, [key]: value }));
  const index = STEPS.indexOf(step);
  // A regional body's template reads the lawyer's arguments, edited beside the choice.
  const argued = (REGIONAL_TEMPLATES as readonly string[]).includes(choices.template)
    ? (choices.template as RegionalTemplate)
    : null;

  const runExport = async () => {
    setError(null);
    try {
      const done = await start(
        (operationId) =>
          vigil.dossier.exportDossier({
            request,
            target: choices.target,
            recipients: choices.target === 'bundle' ? choices.recipients : [],
            operationId,
          }),
        (done) => (done.saved ? { label: done.label, outputId: done.outputId } : null),
      );
      if (done.saved) setResult(done);
    } catch (e) {
      setError(isUiError(e) && e.code === 'CANCELLED' ? null : e);
    }
  };

  const unconfirmed = unconfirmedOriginals(choices);
  const canExport =
    (choices.target === 'directory' || choices.recipients.length > 0) && unconfirmed.length === 0;

  const body = () => {
    switch (step) {
      case 'template':
        return (
          <section aria-labelledby="template-heading">
            <h2 id="template-heading">{t('export.templateTitle')}</h2>
            <RadioGroup
              legend={t('export.template')}
              name="template"
              value={choices.template}
              onChange={(template) =>
                setChoices((c) => ({
                  ...c,
                  template,
                  ...(template === 'urgent-appeal' ? { audience: 'public' as const } : {}),
                  ...(regionalMechanism(template)
                    ? { audience: 'mechanism' as const, mechanism: regionalMechanism(template)! }
                    : {}),
                  // A Special Procedures communication goes to the mandate: the SR on defenders by default.
                  ...(template === 'sp'
                    ? { audience: 'mechanism' as const, mechanism: 'sr-hrd' }
                    : {}),
                }))
              }
              options={(
                [
                  'wgad',
                  'sp',
                  'urgent-appeal',
                  'echr',
                  'iachr-petition',
                  'iachr-precautionary',
                  'achpr',
                  'generic',
                ] as const
              ).map((template) => ({
                value: template,
                label: t(`export.templates.${template}.label`),
                hint: t(`export.templates.${template}.hint`),
              }))}
            />
            <SelectField
              label={t('export.language')}
              hint={t('export.languageHint')}
              value={choices.language}
              onChange={(language) => set('language', language)}
              options={UI_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            />
            {choices.template === 'wgad' ? (
              <details className="submission" open={submissionVersion > 0}>
                <summary>{t('submission.title')}</summary>
                <SubmissionForm
                  caseId={caseId}
                  onSaved={() => setSubmissionVersion((v) => v + 1)}
                />
              </details>
            ) : null}
            {choices.template === 'urgent-appeal' ? (
              <details className="submission" open={submissionVersion > 0}>
                <summary>{t('arguments.appeal.title')}</summary>
                <AppealForm caseId={caseId} onSaved={() => setSubmissionVersion((v) => v + 1)} />
              </details>
            ) : null}
            {argued ? (
              <details className="submission" open={submissionVersion > 0}>
                <summary>{t(`arguments.title.${argued}`)}</summary>
                <ArgumentsForm
                  key={argued}
                  caseId={caseId}
                  template={argued}
                  onSaved={() => setSubmissionVersion((v) => v + 1)}
                />
              </details>
            ) : null}
          </section>
        );
      case 'audience':
        return choices.template === 'urgent-appeal' ? (
          <section aria-labelledby="audience-heading">
            <h2 id="audience-heading">{t('export.audienceTitle')}</h2>
            <p className="notice">{t('export.appealPublicOnly')}</p>
          </section>
        ) : regionalMechanism(choices.template) ? (
          <section aria-labelledby="audience-heading">
            <h2 id="audience-heading">{t('export.audienceTitle')}</h2>
            <p className="notice">
              {t('export.regionalAudience', {
                body: t(`export.templates.${choices.template}.label`),
              })}
            </p>
          </section>
        ) : (
          <AudienceStep
            audience={choices.audience}
            mechanism={choices.mechanism}
            onAudience={(audience) => set('audience', audience)}
            onMechanism={(mechanism) => set('mechanism', mechanism)}
          />
        );
      case 'checklist':
        return preview.data ? (
          <ChecklistStep
            caseId={caseId}
            preview={preview.data}
            onSubmission={() => {
              setSubmissionVersion((v) => v + 1);
              setStep('template');
            }}
          />
        ) : null;
      case 'redaction':
        return preview.data ? (
          <RedactionStep
            caseId={caseId}
            preview={preview.data}
            includePrivate={choices.includePrivate}
            canIncludePrivate={choices.audience !== 'public'}
            onIncludePrivate={(v) => set('includePrivate', v)}
          />
        ) : null;
      case 'release':
        return preview.data ? (
          <ReleaseStep caseId={caseId} audience={preview.data.audience} />
        ) : null;
      case 'evidence':
        return preview.data ? (
          <EvidenceStep
            caseId={caseId}
            preview={preview.data}
            selected={choices.evidence}
            originals={choices.originals}
            confirmed={choices.confirmed}
            onSelect={(ids) => set('evidence', ids)}
            onOriginals={(ids) => set('originals', ids)}
            onConfirmed={(ids) => set('confirmed', ids)}
          />
        ) : null;
      case 'signing':
        return (
          <SigningStep
            forPartners={choices.audience === 'partners'}
            target={choices.target}
            recipients={choices.recipients}
            onTarget={(v) => set('target', v)}
            onRecipients={(v) => set('recipients', v)}
          />
        );
      case 'export':
        if (result) return <ResultStep result={result} />;
        return (
          <section aria-labelledby="run-heading">
            <h2 id="run-heading">{t('export.runTitle')}</h2>
            <p>
              {choices.target === 'bundle'
                ? t('export.runBundle', { count: choices.recipients.length })
                : t('export.runDirectory')}
            </p>
            {unconfirmed.length > 0 ? (
              <p className="notice notice-warn" role="status">
                {t('export.confirmOriginalsFirst', { count: unconfirmed.length })}
              </p>
            ) : null}
            <OperationControls
              operationId={operationId}
              progress={progress}
              workingLabel={t('export.working')}
              progressLabel={t('export.progress')}
            >
              <button
                type="button"
                className="btn btn-primary"
                disabled={!canExport}
                onClick={() => void runExport()}
              >
                {choices.target === 'bundle'
                  ? t('export.runBundleButton')
                  : t('export.runDirectoryButton')}
              </button>
            </OperationControls>
          </section>
        );
    }
  };

  return (
    <>
      <div className="page-head">
        <div>
          <BackLink
            label={t('export.backToCase')}
            onClick={() => navigate({ name: 'case', caseId, tab: 'overview' })}
          />
          <h1 tabIndex={-1}>{t('export.title')}</h1>
          {record.data ? (
            <div className="muted" dir="auto">
              <span className="mono">{record.data.reference}</span> · {record.data.title}
            </div>
          ) : null}
        </div>
      </div>
      <nav aria-label={t('export.stepsLabel')}>
        <ol className="steps">
          {STEPS.map((s, i) => (
            <li
              key={s}
              aria-current={s === step ? 'step' : undefined}
              className={i < index ? 'done' : undefined}
            >
              <button
                type="button"
                className="step-button"
                disabled={Boolean(operationId) || result !== null}
                onClick={() => setStep(s)}
              >
                <span className="step-number">{i + 1}</span> {t(`export.steps.${s}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <ErrorNotice error={error ?? preview.error} />
      {needsPreview && preview.loading && !preview.data ? (
        <Loading label={t('export.previewing')} />
      ) : null}
      <div className="wizard-body">{body()}</div>
      {result ? null : (
        <div className="actions wizard-nav">
          <button
            type="button"
            className="btn"
            disabled={index === 0 || Boolean(operationId)}
            onClick={() => setStep(STEPS[index - 1]!)}
          >
            {t('export.previous')}
          </button>
          {index < STEPS.length - 1 ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setStep(STEPS[index + 1]!)}
            >
              {t('export.next')}
            </button>
          ) : null}
        </div>
      )}
    </>
  );
}
