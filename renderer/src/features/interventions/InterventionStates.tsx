import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayField } from '../../components/DayField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SelectField, TextField } from '../../components/Field';
import { Form } from '../../components/Form';
import { Loading } from '../../components/Loading';
import { Status } from '../../components/Status';
import { todayIso } from '../../logic/deadlines';
import { formatDateTime, formatDay } from '../../logic/format';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil, type Input } from '../../lib/vigil';

type StepState = Input<'interventions.move'>['step']['state'];

/**
 * The dated states of an intervention (sent, acknowledged, the government
 * replied, an opinion or decision adopted with its number, closed): the
 * history as kept, and the next state recorded with its day. Only the
 * states that may come next are offered; what the core refuses (a day before
 * the last state's, a day to come) is shown next to its field, in the
 * user's language.
 */
export function InterventionStates({
  interventionId,
  title,
  onBack,
}: {
  interventionId: string;
  title: string;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const { label } = useVocabularies();
  const steps = useLoad(() => vigil.interventions.steps({ id: interventionId }), interventionId);
  const next = steps.data?.next ?? [];
  const [state, setState] = useState<StepState | ''>('');
  const [on, setOn] = useState<string | null>(todayIso());
  const [number, setNumber] = useState('');
  const [recorded, setRecorded] = useState(false);
  const { busy, error, submit, setError } = useSubmit();
  const chosen: StepState | undefined = state || (next[0] as StepState | undefined);

  const record = () =>
    submit(() => {
      if (!chosen || !on) return null;
      return async () => {
        setRecorded(false);
        await vigil.interventions.move({
          id: interventionId,
          step: {
            state: chosen,
            on,
            ...(chosen === 'decision-issued' || number.trim() ? { number } : {}),
          },
        });
        setState('');
        setNumber('');
        setRecorded(true);
        steps.reload();
      };
    });

  return (
    <section aria-labelledby="intervention-states-heading">
      <div className="tab-head">
        <h2 id="intervention-states-heading">
          {t('interventionStates.title')}: <bdi>{title}</bdi>
        </h2>
        <button type="button" className="btn" onClick={onBack}>
          {t('interventionStates.back')}
        </button>
      </div>
      <ErrorNotice error={steps.error} />
      {steps.loading && !steps.data ? <Loading /> : null}
      {steps.data ? (
        <p>
          {t('interventionStates.current')}{' '}
          <span className="badge">{label('intervention-status', steps.data.status)}</span>
        </p>
      ) : null}
      {steps.data && steps.data.steps.length > 0 ? (
        <ol className="record-list state-list" aria-label={t('interventionStates.history')}>
          {steps.data.steps.map((step) => (
            <li key={step.position} className="card">
              <strong>{label('intervention-status', step.state)}</strong>
              {' · '}
              {step.on ? formatDay(step.on, locale) : t('interventionStates.undated')}
              {step.number ? (
                <>
                  {' · '}
                  <bdi>{step.number}</bdi>
                </>
              ) : null}
              {step.via === 'edit' ? (
                <span className="muted"> ({t('interventionStates.byEdit')})</span>
              ) : null}
              <div className="muted small">
                {t('interventionStates.recorded', {
                  actor: step.actor,
                  date: formatDateTime(step.recordedAt, locale),
                })}
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      {steps.data && next.length === 0 ? (
        <p className="notice">{t('interventionStates.closed')}</p>
      ) : null}
      {next.length > 0 ? (
        <Form onSubmit={record} error={error}>
          <h3>{t('interventionStates.recordTitle')}</h3>
          <ErrorNotice error={error} onDismiss={() => setError(null)} />
          <SelectField
            label={t('interventionStates.state')}
            value={chosen ?? ''}
            path="state"
            onChange={(v) => setState(v as StepState)}
            options={next.map((s) => ({ value: s, label: label('intervention-status', s) }))}
          />
          <DayField label={t('interventionStates.on')} value={on} onChange={setOn} path="on" />
          {chosen === 'decision-issued' ? (
            <TextField
              label={t('interventionStates.number')}
              hint={t('interventionStates.numberHint')}
              value={number}
              onChange={setNumber}
              path="number"
            />
          ) : null}
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('interventionStates.record')}
            </button>
          </div>
        </Form>
      ) : null}
      <Status when={recorded} className="notice notice-ok">
        {t('interventionStates.recordedNow')}
      </Status>
    </section>
  );
}
