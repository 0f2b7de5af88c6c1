import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_FORMS,
  CONSENT_GIVERS,
  CONSENT_NAMINGS,
  CONSENT_SCOPES,
  nameForOutput,
  type ConsentRecord,
} from '../../../shared/domain/consent';
import { DayField } from './DayField';
import { Checkbox, RadioGroup, TextArea, TextField } from './Field';
import { VocabChecklist } from './VocabSelect';

/**
 * The consent record that governs every export: how far the statement may
 * go, how the person may be named, whether consent was withdrawn. Shows how
 * the person will appear in an export under what is chosen.
 */
export function ConsentForm({
  value,
  onChange,
  personName,
  error,
}: {
  value: ConsentRecord;
  onChange: (value: ConsentRecord) => void;
  personName: string | null;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof ConsentRecord>(key: K, v: ConsentRecord[K]) =>
    onChange({ ...value, [key]: v });
  const shownAs = personName ? nameForOutput(personName, value) : null;
  return (
    <fieldset className="consent">
      <legend>{t('consent.legend')}</legend>
      {error ? <p className="field-error">{error}</p> : null}
      <RadioGroup
        legend={t('consent.scope')}
        name="scope"
        value={value.scope}
        onChange={(scope) =>
          onChange({
            ...value,
            scope,
            mechanisms: scope === 'named-mechanisms' ? value.mechanisms : [],
          })
        }
        options={CONSENT_SCOPES.map((scope) => ({
          value: scope,
          label: t(`consent.scopes.${scope}.label`),
          hint: t(`consent.scopes.${scope}.hint`),
        }))}
      />
      {value.scope === 'named-mechanisms' ? (
        <VocabChecklist
          legend={t('consent.mechanisms')}
          vocabulary="mechanism"
          value={value.mechanisms}
          onChange={(m) => set('mechanisms', m)}
          path="consent.mechanisms"
        />
      ) : null}
      <RadioGroup
        legend={t('consent.naming')}
        name="naming"
        value={value.naming}
        onChange={(naming) => set('naming', naming)}
        options={CONSENT_NAMINGS.map((naming) => ({
          value: naming,
          label: t(`consent.namings.${naming}`),
        }))}
      />
      {value.naming === 'pseudonym' ? (
        <TextField
          label={t('consent.pseudonym')}
          value={value.pseudonym}
          onChange={(v) => set('pseudonym', v)}
          path="consent.pseudonym"
        />
      ) : null}
      {personName !== null ? (
        <p className="notice" aria-live="polite">
          {t('consent.shownAs')}{' '}
          <span className="preview-name" dir="auto">
            {shownAs ?? t('consent.notNamed')}
          </span>
        </p>
      ) : null}
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-knows`}>{t('consent.knowsGovernment')}</label>
          <select
            id={`${id}-knows`}
            value={
              value.knowsGovernmentContacted === null
                ? ''
                : value.knowsGovernmentContacted
                  ? 'yes'
                  : 'no'
            }
            onChange={(e) =>
              set(
                'knowsGovernmentContacted',
                e.target.value === '' ? null : e.target.value === 'yes',
              )
            }
          >
            <option value="">{t('common.notRecorded')}</option>
            <option value="yes">{t('common.yes')}</option>
            <option value="no">{t('common.no')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-by`}>{t('consent.givenBy')}</label>
          <select
            id={`${id}-by`}
            value={value.givenBy ?? ''}
            onChange={(e) => set('givenBy', (e.target.value || null) as ConsentRecord['givenBy'])}
          >
            <option value="">{t('common.notRecorded')}</option>
            {CONSENT_GIVERS.map((g) => (
              <option key={g} value={g}>
                {t(`consent.givers.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-form`}>{t('consent.form')}</label>
          <select
            id={`${id}-form`}
            value={value.form ?? ''}
            onChange={(e) => set('form', (e.target.value || null) as ConsentRecord['form'])}
          >
            <option value="">{t('common.notRecorded')}</option>
            {CONSENT_FORMS.map((f) => (
              <option key={f} value={f}>
                {t(`consent.forms.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <DayField
          label={t('consent.givenOn')}
          value={value.givenOn}
          onChange={(v) => set('givenOn', v)}
          path="consent.givenOn"
        />
      </div>
      <Checkbox
        label={t('consent.withdrawn')}
        hint={t('consent.withdrawnHint')}
        checked={value.withdrawn}
        onChange={(withdrawn) =>
          onChange({ ...value, withdrawn, withdrawnOn: withdrawn ? value.withdrawnOn : null })
        }
      />
      {value.withdrawn ? (
        <DayField
          label={t('consent.withdrawnOn')}
          value={value.withdrawnOn}
          onChange={(v) => set('withdrawnOn', v)}
          path="consent.withdrawnOn"
        />
      ) : null}
      <TextArea
        label={t('consent.notes')}
        value={value.notes}
        onChange={(v) => set('notes', v)}
        rows={2}
        path="consent.notes"
      />
    </fieldset>
  );
}

/** A one-line summary for lists: scope, naming, withdrawn. */
export function ConsentBadges({ consent }: { consent: ConsentRecord | null }) {
  const { t } = useTranslation();
  if (!consent) return <span className="badge badge-warn">{t('consent.none')}</span>;
  if (consent.withdrawn)
    return <span className="badge badge-risk">{t('consent.withdrawnBadge')}</span>;
  return (
    <>
      <span className="badge">{t(`consent.scopes.${consent.scope}.label`)}</span>{' '}
      <span className="badge">{t(`consent.namings.${consent.naming}`)}</span>
    </>
  );
}
