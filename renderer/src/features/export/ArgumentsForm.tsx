import { useTranslation } from 'react-i18next';
import type { RegionalTemplate } from '../../../../shared/dossier';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextArea, TextField } from '../../components/Field';
import { Form } from '../../components/Form';
import { Loading } from '../../components/Loading';
import { RepeatedRows } from '../../components/RepeatedRows';
import type { MechanismArguments } from '../../lib/types';
import { useAutosave } from '../../lib/useAutosave';
import { useLoad } from '../../lib/useLoad';
import { vigil } from '../../lib/vigil';
import { SaveStatus } from './SaveStatus';

/** What each regional template reads of its arguments (the rest of the record stays unused). */
const READS: Record<RegionalTemplate, { violations: boolean; precautionary: boolean }> = {
  echr: { violations: true, precautionary: false },
  'iachr-petition': { violations: true, precautionary: false },
  'iachr-precautionary': { violations: false, precautionary: true },
  achpr: { violations: true, precautionary: false },
};

/** Which treaty the provisions come from, for the hints' examples. */
const TREATY = {
  echr: 'echr',
  'iachr-petition': 'iachr',
  'iachr-precautionary': 'iachr',
  achpr: 'achpr',
} as const satisfies Record<RegionalTemplate, string>;

type Violation = MechanismArguments['violations'][number];

/**
 * The lawyer's part of a regional body's submission (`vigil submission set
 * --template …`): the violations alleged, each with its provision and
 * argument (European Court, Inter-American petition), or the risk of
 * irreparable harm and the measures asked (precautionary measures). Saved as
 * typed, like the WGAD arguments; the core's problems are shown by field.
 */
function ArgumentsEditor({
  caseId,
  template,
  initial,
  onSaved,
}: {
  caseId: string;
  template: RegionalTemplate;
  initial: MechanismArguments;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { draft, update, save, state, error } = useAutosave<MechanismArguments>(
    `arguments:${caseId}:${template}`,
    () => initial,
    (args) => vigil.dossier.saveArguments({ caseId, template, arguments: args }),
    onSaved,
  );
  const reads = READS[template];
  const setViolation = (index: number, change: Partial<Violation>) =>
    update((d) => ({
      ...d,
      violations: d.violations.map((v, i) => (i === index ? { ...v, ...change } : v)),
    }));
  const setMeasure = (index: number, text: string) =>
    update((d) => ({ ...d, measures: d.measures.map((m, i) => (i === index ? text : m)) }));
  return (
    <Form onSubmit={() => void save()} error={error}>
      <ErrorNotice error={error} />
      {reads.violations ? (
        <fieldset>
          <legend>{t('arguments.violations')}</legend>
          <p className="field-hint">{t(`arguments.violationsHint.${TREATY[template]}`)}</p>
          <RepeatedRows
            items={draft.violations}
            onChange={(change) => update((d) => ({ ...d, violations: change(d.violations) }))}
            blank={() => ({ provision: '', argument: '' })}
            removeLabel={(i) => t('arguments.removeViolation', { n: i + 1 })}
            addLabel={t('arguments.addViolation')}
            row={(violation, i) => (
              <>
                <TextField
                  label={t('arguments.provision', { n: i + 1 })}
                  hint={t(`arguments.provisionHint.${TREATY[template]}`)}
                  value={violation.provision}
                  onChange={(provision) => setViolation(i, { provision })}
                  path={`violations[${i}].provision`}
                />
                <TextArea
                  label={t('arguments.argument', { n: i + 1 })}
                  value={violation.argument}
                  onChange={(argument) => setViolation(i, { argument })}
                  path={`violations[${i}].argument`}
                  rows={5}
                />
              </>
            )}
          />
        </fieldset>
      ) : null}
      {reads.precautionary ? (
        <>
          <TextArea
            label={t('arguments.risk')}
            hint={t('arguments.riskHint')}
            value={draft.risk}
            onChange={(risk) => update((d) => ({ ...d, risk }))}
            path="risk"
            rows={5}
          />
          <fieldset>
            <legend>{t('arguments.measures')}</legend>
            <p className="field-hint">{t('arguments.measuresHint')}</p>
            <RepeatedRows
              items={draft.measures}
              onChange={(change) => update((d) => ({ ...d, measures: change(d.measures) }))}
              blank={() => ''}
              removeLabel={(i) => t('arguments.removeMeasure', { n: i + 1 })}
              addLabel={t('arguments.addMeasure')}
              row={(measure, i) => (
                <TextArea
                  label={t('arguments.measure', { n: i + 1 })}
                  value={measure}
                  onChange={(text) => setMeasure(i, text)}
                  path={`measures[${i}]`}
                  rows={2}
                />
              )}
            />
          </fieldset>
        </>
      ) : null}
      <SaveStatus state={state} />
    </Form>
  );
}

export function ArgumentsForm({
  caseId,
  template,
  onSaved,
}: {
  caseId: string;
  template: RegionalTemplate;
  onSaved: () => void;
}) {
  const args = useLoad(
    () => vigil.dossier.getArguments({ caseId, template }),
    `${caseId}:${template}`,
  );
  if (args.error) return <ErrorNotice error={args.error} />;
  if (!args.data) return <Loading />;
  return (
    <ArgumentsEditor caseId={caseId} template={template} initial={args.data} onSaved={onSaved} />
  );
}
