import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PROCEDURE_STATUSES,
  REMEDY_STATUSES,
  type ProcedureStatus,
  type RemedyStatus,
} from '../../../../shared/mechanismFacts';
import { CountryList } from '../../components/CountryList';
import { useCountryNames } from '../../components/CountrySelect';
import { DayField } from '../../components/DayField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { useFieldIssue } from '../../components/FieldIssues';
import { Form } from '../../components/Form';
import { Loading } from '../../components/Loading';
import { RepeatedRows } from '../../components/RepeatedRows';
import { VocabChecklist } from '../../components/VocabSelect';
import { hasDraft, useDraft } from '../../lib/drafts';
import type { MechanismFacts } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil } from '../../lib/vigil';
import { formatDateValue } from '../../logic/format';

type Person = { id: string; name: string };
type YesNo = 'yes' | 'no' | '';
const YES_NO_FIELDS = [
  'victimKnowsGovernmentContacted',
  'identityWithheldFromState',
  'authoritiesInformedOfRisk',
] as const;
type YesNoField = (typeof YES_NO_FIELDS)[number];

const yesNoOf = (v: boolean | null): YesNo => (v === null ? '' : v ? 'yes' : 'no');
const boolOf = (v: YesNo): boolean | null => (v === '' ? null : v === 'yes');

/** The draft's key: the facts are one document per case (drafts kind `facts`). */
const keyOf = (caseId: string) => `facts:${caseId}`;

/** The beneficiaries, as checkboxes over the case's persons; a problem with them under the legend. */
function Beneficiaries({
  persons,
  value,
  onChange,
}: {
  persons: readonly Person[];
  value: readonly string[];
  onChange: (value: string[]) => void;
}) {
  const { t } = useTranslation();
  const error = useFieldIssue('beneficiaries');
  return (
    <fieldset aria-describedby={error ? 'beneficiaries-error' : undefined}>
      <legend>{t('facts.beneficiaries')}</legend>
      <p className="field-hint">{t('facts.beneficiariesHint')}</p>
      {error ? (
        <p id="beneficiaries-error" className="field-error">
          {error}
        </p>
      ) : null}
      {persons.length === 0 ? <p className="empty">{t('facts.noPersons')}</p> : null}
      {persons.map((p, i) => (
        <div className="choice" key={p.id}>
          <input
            id={`beneficiary-${p.id}`}
            type="checkbox"
            checked={value.includes(p.id)}
            aria-invalid={error && i === 0 ? true : undefined}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, p.id] : value.filter((v) => v !== p.id))
            }
          />
          <label htmlFor={`beneficiary-${p.id}`} dir="auto">
            {p.name}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** Where one fact is edited, so that a checklist's link can bring the focus to it. */
const Fact = ({ name, children }: { name: string; children: ReactNode }) => (
  <div data-fact={name} tabIndex={-1}>
    {children}
  </div>
);

/**
 * Moves the focus to the fact `name` once the editor is drawn: its first
 * control (a list with no rows yet: its add button), else the fact's own
 * block, which is focusable for that.
 */
function useFocusFact(root: RefObject<HTMLElement | null>, name: string | undefined) {
  useEffect(() => {
    if (!name) return;
    const frame = requestAnimationFrame(() => {
      const fact = root.current?.querySelector<HTMLElement>(`[data-fact="${CSS.escape(name)}"]`);
      if (!fact) return;
      const control = fact.querySelector<HTMLElement>(
        'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])',
      );
      const target = control ?? fact;
      target.focus();
      target.scrollIntoView({ block: 'center' });
    });
    return () => cancelAnimationFrame(frame);
  }, [root, name]);
}

/** Edits every fact; saved with the button, kept as a draft until then (a lock drops it). */
function FactsEditor({
  caseId,
  initial,
  persons,
  focus,
  onSaved,
  onClose,
}: {
  caseId: string;
  initial: MechanismFacts;
  persons: readonly Person[];
  /** The fact to put the focus on when the editor opens (a checklist's link). */
  focus?: string;
  onSaved: (facts: MechanismFacts) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  useFocusFact(root, focus);
  const [draft, setDraft, discard] = useDraft<MechanismFacts>(keyOf(caseId), () => initial);
  const { busy, error, submit } = useSubmit();
  const set = <K extends keyof MechanismFacts>(field: K, value: MechanismFacts[K]) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const setDecision = (change: Partial<MechanismFacts['finalDecision']>) =>
    setDraft((d) => ({ ...d, finalDecision: { ...d.finalDecision, ...change } }));
  const setRemedies = (change: Partial<MechanismFacts['remedies']>) =>
    setDraft((d) => ({ ...d, remedies: { ...d.remedies, ...change } }));
  type Procedure = MechanismFacts['otherProcedures'][number];
  const setProcedure = (index: number, change: Partial<Procedure>) =>
    setDraft((d) => ({
      ...d,
      otherProcedures: d.otherProcedures.map((p, i) => (i === index ? { ...p, ...change } : p)),
    }));
  const save = () =>
    submit(() => async () => {
      const saved = await vigil.dossier.saveFacts({ caseId, facts: draft });
      discard();
      onSaved(saved);
    });
  return (
    <div ref={root}>
      <Form onSubmit={save} error={error}>
        <ErrorNotice error={error} />
        <Fact name="states">
          <CountryList
            legend={t('facts.states')}
            value={draft.states}
            onChange={(states) => set('states', states)}
          />
        </Fact>
        <fieldset data-fact="finalDecision" tabIndex={-1}>
          <legend>{t('facts.finalDecision')}</legend>
          <p className="field-hint">{t('facts.finalDecisionHint')}</p>
          <TextField
            label={t('facts.authority')}
            value={draft.finalDecision.authority}
            onChange={(authority) => setDecision({ authority })}
            path="finalDecision.authority"
          />
          <TextField
            label={t('facts.reference')}
            value={draft.finalDecision.reference}
            onChange={(reference) => setDecision({ reference })}
            path="finalDecision.reference"
          />
          <TextArea
            label={t('facts.decision')}
            value={draft.finalDecision.decision}
            onChange={(decision) => setDecision({ decision })}
            path="finalDecision.decision"
            rows={3}
          />
          <div className="grid-2">
            <DayField
              label={t('facts.decidedOn')}
              value={draft.finalDecision.decidedOn}
              onChange={(decidedOn) => setDecision({ decidedOn })}
              path="finalDecision.decidedOn"
            />
            <DayField
              label={t('facts.notifiedOn')}
              value={draft.finalDecision.notifiedOn}
              onChange={(notifiedOn) => setDecision({ notifiedOn })}
              path="finalDecision.notifiedOn"
            />
          </div>
        </fieldset>
        <fieldset data-fact="remedies" tabIndex={-1}>
          <legend>{t('facts.remedies')}</legend>
          <SelectField<RemedyStatus | ''>
            label={t('facts.remedyStatus')}
            value={draft.remedies.status ?? ''}
            onChange={(status) => setRemedies({ status: status || null })}
            options={[
              { value: '', label: t('common.notRecorded') },
              ...REMEDY_STATUSES.map((s) => ({ value: s, label: t(`facts.remedyStatuses.${s}`) })),
            ]}
            path="remedies.status"
          />
          <TextArea
            label={t('facts.remedySteps')}
            value={draft.remedies.steps}
            onChange={(steps) => setRemedies({ steps })}
            path="remedies.steps"
            rows={3}
          />
          <TextArea
            label={t('facts.remedyWhyNot')}
            value={draft.remedies.whyNot}
            onChange={(whyNot) => setRemedies({ whyNot })}
            path="remedies.whyNot"
            rows={3}
          />
        </fieldset>
        <fieldset data-fact="otherProcedures" tabIndex={-1}>
          <legend>{t('facts.otherProcedures')}</legend>
          <p className="field-hint">{t('facts.otherProceduresHint')}</p>
          <RepeatedRows
            items={draft.otherProcedures}
            onChange={(change) =>
              setDraft((d) => ({ ...d, otherProcedures: change(d.otherProcedures) }))
            }
            blank={() => ({ body: '', reference: '', date: null, status: null })}
            removeLabel={(i) => t('facts.removeProcedure', { n: i + 1 })}
            addLabel={t('facts.addProcedure')}
            row={(procedure, i) => (
              <>
                <TextField
                  label={t('facts.procedureBody', { n: i + 1 })}
                  value={procedure.body}
                  onChange={(body) => setProcedure(i, { body })}
                  path={`otherProcedures[${i}].body`}
                />
                <TextField
                  label={t('facts.procedureReference')}
                  value={procedure.reference}
                  onChange={(reference) => setProcedure(i, { reference })}
                  path={`otherProcedures[${i}].reference`}
                />
                <div className="grid-2">
                  <DayField
                    label={t('facts.procedureDate')}
                    value={procedure.date}
                    onChange={(date) => setProcedure(i, { date })}
                    path={`otherProcedures[${i}].date`}
                  />
                  <SelectField<ProcedureStatus | ''>
                    label={t('facts.procedureStatus')}
                    value={procedure.status ?? ''}
                    onChange={(status) => setProcedure(i, { status: status || null })}
                    options={[
                      { value: '', label: t('common.notRecorded') },
                      ...PROCEDURE_STATUSES.map((s) => ({
                        value: s,
                        label: t(`facts.procedureStatuses.${s}`),
                      })),
                    ]}
                    path={`otherProcedures[${i}].status`}
                  />
                </div>
              </>
            )}
          />
        </fieldset>
        <Fact name="beneficiaries">
          <Beneficiaries
            persons={persons}
            value={draft.beneficiaries}
            onChange={(beneficiaries) => set('beneficiaries', beneficiaries)}
          />
        </Fact>
        <Fact name="mandates">
          <VocabChecklist
            legend={t('facts.mandates')}
            vocabulary="sp-mandate"
            value={draft.mandates}
            onChange={(mandates) => set('mandates', mandates)}
            path="mandates"
          />
        </Fact>
        <fieldset>
          <legend>{t('facts.consentAndRisk')}</legend>
          {YES_NO_FIELDS.map((field: YesNoField) => (
            <Fact key={field} name={field}>
              <SelectField<YesNo>
                label={t(`facts.${field}`)}
                value={yesNoOf(draft[field])}
                onChange={(v) => set(field, boolOf(v))}
                options={[
                  { value: '', label: t('common.notRecorded') },
                  { value: 'yes', label: t('common.yes') },
                  { value: 'no', label: t('common.no') },
                ]}
                path={field}
              />
            </Fact>
          ))}
          <Fact name="authoritiesInformedHow">
            <TextArea
              label={t('facts.authoritiesInformedHow')}
              value={draft.authoritiesInformedHow}
              onChange={(v) => set('authoritiesInformedHow', v)}
              path="authoritiesInformedHow"
              rows={3}
            />
          </Fact>
          <Fact name="hrdWorkLink">
            <TextArea
              label={t('facts.hrdWorkLink')}
              hint={t('facts.hrdWorkLinkHint')}
              value={draft.hrdWorkLink}
              onChange={(v) => set('hrdWorkLink', v)}
              path="hrdWorkLink"
              rows={3}
            />
          </Fact>
        </fieldset>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('facts.save')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              discard();
              onClose();
            }}
          >
            {t('common.discard')}
          </button>
        </div>
      </Form>
    </div>
  );
}

/** What is recorded, in words; "—" where nothing is. */
function FactsView({ facts, persons }: { facts: MechanismFacts; persons: readonly Person[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const countries = useCountryNames();
  const { label } = useVocabularies();
  const day = (d: string | null) => (d ? formatDateValue(d, language) : '');
  const d = facts.finalDecision;
  const decision = [d.authority, d.reference, day(d.decidedOn)].filter(Boolean).join(' · ');
  const yesNo = (v: boolean | null) =>
    v === null ? t('common.notRecorded') : v ? t('common.yes') : t('common.no');
  return (
    <dl className="facts">
      <dt>{t('facts.states')}</dt>
      <dd>{facts.states.map((c) => countries.name(c)).join(', ') || '—'}</dd>
      <dt>{t('facts.finalDecision')}</dt>
      <dd dir="auto">{decision || '—'}</dd>
      <dt>{t('facts.notifiedOn')}</dt>
      <dd>{day(d.notifiedOn) || '—'}</dd>
      <dt>{t('facts.remedyStatus')}</dt>
      <dd>{facts.remedies.status ? t(`facts.remedyStatuses.${facts.remedies.status}`) : '—'}</dd>
      <dt>{t('facts.otherProcedures')}</dt>
      <dd dir="auto">{facts.otherProcedures.map((p) => p.body).join('; ') || '—'}</dd>
      <dt>{t('facts.beneficiaries')}</dt>
      <dd dir="auto">
        {facts.beneficiaries.map((id) => persons.find((p) => p.id === id)?.name ?? id).join(', ') ||
          '—'}
      </dd>
      <dt>{t('facts.mandates')}</dt>
      <dd>{facts.mandates.map((m) => label('sp-mandate', m)).join('; ') || '—'}</dd>
      {YES_NO_FIELDS.map((field) => [
        <dt key={`${field}-t`}>{t(`facts.${field}`)}</dt>,
        <dd key={`${field}-d`}>{yesNo(facts[field])}</dd>,
      ])}
    </dl>
  );
}

/**
 * "For the mechanisms": what the UN and regional bodies ask of the case that
 * its records cannot hold (shared/mechanismFacts.ts), the same document as
 * `vigil case facts`. Unsaved edits stay as a draft of kind `facts` (marked
 * on the Overview tab) until saved or discarded.
 */
export function MechanismFactsSection({
  caseId,
  focus,
}: {
  caseId: string;
  /** A fact to complete (an export checklist's link): the editor opens with the focus on it. */
  focus?: string;
}) {
  const { t } = useTranslation();
  const facts = useLoad(() => vigil.dossier.getFacts({ caseId }), `facts:${caseId}`);
  const linked = useLoad(() => vigil.persons.list({ caseId }), `persons:${caseId}`);
  const [editing, setEditing] = useState(() => hasDraft(keyOf(caseId)) || focus !== undefined);
  const persons: Person[] = [];
  for (const p of linked.data ?? [])
    if (!persons.some((q) => q.id === p.id)) persons.push({ id: p.id, name: p.name });
  return (
    <section aria-labelledby="facts-heading" className="mechanism-facts">
      <div className="card-head">
        <h2 id="facts-heading">{t('facts.title')}</h2>
        {editing ? null : (
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            {t('facts.edit')}
          </button>
        )}
      </div>
      <p className="field-hint">{t('facts.intro')}</p>
      <ErrorNotice error={facts.error ?? linked.error} />
      {!facts.data || !linked.data ? (
        <Loading />
      ) : editing ? (
        <FactsEditor
          caseId={caseId}
          initial={facts.data}
          persons={persons}
          focus={focus}
          onSaved={(saved) => {
            facts.setData(() => saved);
            setEditing(false);
          }}
          onClose={() => setEditing(false)}
        />
      ) : (
        <FactsView facts={facts.data} persons={persons} />
      )}
    </section>
  );
}
