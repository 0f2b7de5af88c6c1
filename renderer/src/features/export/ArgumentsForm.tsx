import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionalTemplate } from '../../../../shared/dossier';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextArea, TextField } from '../../components/Field';
import { Form } from '../../components/Form';
import { Loading } from '../../components/Loading';
import { RepeatedRows } from '../../components/RepeatedRows';
import type { MechanismArguments, UrgentAppeal } from '../../lib/types';
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

/** A list of short texts, one box each (the measures asked, an appeal's requests); words by number from 1. */
function TextRows({
  items,
  onChange,
  path,
  label,
  removeLabel,
  addLabel,
}: {
  items: readonly string[];
  onChange: (change: (items: readonly string[]) => string[]) => void;
  /** The list's path in the record, for the core's problem with one of them. */
  path: string;
  label: (n: number) => string;
  removeLabel: (n: number) => string;
  addLabel: string;
}) {
  return (
    <RepeatedRows
      items={items}
      onChange={onChange}
      blank={() => ''}
      removeLabel={(i) => removeLabel(i + 1)}
      addLabel={addLabel}
      row={(text, i) => (
        <TextArea
          label={label(i + 1)}
          value={text}
          onChange={(value) => onChange((list) => list.map((v, j) => (j === i ? value : v)))}
          path={`${path}[${i}]`}
          rows={2}
        />
      )}
    />
  );
}

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
            <TextRows
              items={draft.measures}
              onChange={(change) => update((d) => ({ ...d, measures: change(d.measures) }))}
              path="measures"
              label={(n) => t('arguments.measure', { n })}
              removeLabel={(n) => t('arguments.removeMeasure', { n })}
              addLabel={t('arguments.addMeasure')}
            />
          </fieldset>
        </>
      ) : null}
      <SaveStatus state={state} />
    </Form>
  );
}

type Addressee = UrgentAppeal['addressees'][number];

/**
 * The campaigner's part of an urgent appeal (`vigil submission set
 * --template urgent-appeal`): what is asked of the authorities, one request
 * each, and to whom to write. Saved as typed, like the regional arguments.
 */
function AppealEditor({
  caseId,
  initial,
  onSaved,
}: {
  caseId: string;
  initial: UrgentAppeal;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { draft, update, save, state, error } = useAutosave<UrgentAppeal>(
    `appeal:${caseId}`,
    () => initial,
    (appeal) => vigil.dossier.saveAppeal({ caseId, appeal }),
    onSaved,
  );
  const setAddressee = (index: number, change: Partial<Addressee>) =>
    update((d) => ({
      ...d,
      addressees: d.addressees.map((a, i) => (i === index ? { ...a, ...change } : a)),
    }));
  return (
    <Form onSubmit={() => void save()} error={error}>
      <ErrorNotice error={error} />
      <fieldset>
        <legend>{t('arguments.appeal.requests')}</legend>
        <p className="field-hint">{t('arguments.appeal.requestsHint')}</p>
        <TextRows
          items={draft.requests}
          onChange={(change) => update((d) => ({ ...d, requests: change(d.requests) }))}
          path="requests"
          label={(n) => t('arguments.appeal.request', { n })}
          removeLabel={(n) => t('arguments.appeal.removeRequest', { n })}
          addLabel={t('arguments.appeal.addRequest')}
        />
      </fieldset>
      <fieldset>
        <legend>{t('arguments.appeal.addressees')}</legend>
        <p className="field-hint">{t('arguments.appeal.addresseesHint')}</p>
        <RepeatedRows
          items={draft.addressees}
          onChange={(change) => update((d) => ({ ...d, addressees: change(d.addressees) }))}
          blank={() => ({ name: '', address: '' })}
          removeLabel={(i) => t('arguments.appeal.removeAddressee', { n: i + 1 })}
          addLabel={t('arguments.appeal.addAddressee')}
          row={(addressee, i) => (
            <>
              <TextField
                label={t('arguments.appeal.addresseeName', { n: i + 1 })}
                value={addressee.name}
                onChange={(name) => setAddressee(i, { name })}
                path={`addressees[${i}].name`}
              />
              <TextArea
                label={t('arguments.appeal.addresseeAddress', { n: i + 1 })}
                value={addressee.address}
                onChange={(address) => setAddressee(i, { address })}
                path={`addressees[${i}].address`}
                rows={2}
              />
            </>
          )}
        />
      </fieldset>
      <SaveStatus state={state} />
    </Form>
  );
}

/** What an editor starts from, loaded from the vault: its error, or a wait, until then. */
function Loaded<T>({
  load,
  loadKey,
  children,
}: {
  load: () => Promise<T>;
  loadKey: string;
  children: (data: T) => ReactNode;
}) {
  const data = useLoad(load, loadKey);
  if (data.error) return <ErrorNotice error={data.error} />;
  if (!data.data) return <Loading />;
  return <>{children(data.data)}</>;
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
  return (
    <Loaded
      load={() => vigil.dossier.getArguments({ caseId, template })}
      loadKey={`${caseId}:${template}`}
    >
      {(initial) => (
        <ArgumentsEditor caseId={caseId} template={template} initial={initial} onSaved={onSaved} />
      )}
    </Loaded>
  );
}

/** The urgent appeal's requests and addressees, edited in the wizard like the regional arguments. */
export function AppealForm({ caseId, onSaved }: { caseId: string; onSaved: () => void }) {
  return (
    <Loaded load={() => vigil.dossier.getAppeal({ caseId })} loadKey={`${caseId}:urgent-appeal`}>
      {(initial) => <AppealEditor caseId={caseId} initial={initial} onSaved={onSaved} />}
    </Loaded>
  );
}
