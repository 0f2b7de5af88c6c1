import { useTranslation } from 'react-i18next';
import { ConsentForm } from '../../components/ConsentForm';
import { CountryList } from '../../components/CountryList';
import { CountrySelect } from '../../components/CountrySelect';
import { Checkbox, TextArea, TextField } from '../../components/Field';
import { PartialDateField } from '../../components/PartialDateField';
import { RecordEditor } from '../../components/RecordEditor';
import { VersionsPanel } from '../../components/VersionsPanel';
import { VocabChecklist, VocabSelect } from '../../components/VocabSelect';
import { useLocale } from '../../i18n/useLocale';
import { readDateDraft } from '../../logic/partialDateText';
import type { CasePerson } from '../../lib/types';
import { useRecordEditor } from '../../lib/useRecordEditor';
import { vigil } from '../../lib/vigil';
import {
  NEW_ID_DOCUMENT,
  NEW_PERSON,
  personDraftOf,
  personFields,
  type IdDocumentDraft,
  type PersonDraft,
} from './personDraft';

/** Add a person to the case in a role, or edit one. Private details are marked as such. */
export function PersonEditor({
  caseId,
  person,
  onDone,
}: {
  caseId: string;
  person: CasePerson | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { language, dateInputWords } = useLocale();
  const editor = useRecordEditor<PersonDraft>(
    `person:${caseId}:${person?.id ?? 'new'}`,
    () => (person ? personDraftOf(person, language) : NEW_PERSON),
    onDone,
  );
  const { draft, set, tried } = editor;
  const setDocument = (index: number, change: Partial<IdDocumentDraft>) =>
    set(
      'idDocuments',
      draft.idDocuments.map((d, i) => (i === index ? { ...d, ...change } : d)),
    );

  const save = () =>
    editor.save(() => {
      const birth = readDateDraft(draft.birthDate, [language], dateInputWords, false);
      const death = readDateDraft(draft.deathDate, [language], dateInputWords, false);
      const issued = draft.idDocuments.map((d) =>
        readDateDraft(d.issuedOn, [language], dateInputWords, false),
      );
      if (!draft.name.trim() || !birth.ok || !death.ok) return null;
      if (!issued.every((r) => r.ok)) return null;
      const dates = {
        birthDate: birth.date,
        deathDate: death.date,
        issuedOn: issued.map((r) => (r.ok ? r.date : null)),
      };
      return async () => {
        const fields = personFields(draft, dates);
        if (person) {
          await vigil.persons.update({ id: person.id, patch: fields });
          if (!person.roles.includes(draft.role))
            await vigil.persons.link({ caseId, personId: person.id, role: draft.role });
        } else {
          await vigil.persons.create({ caseId, role: draft.role, person: fields });
        }
      };
    });

  return (
    <>
      <RecordEditor
        headingId="person-editor"
        title={person ? t('persons.editTitle') : t('persons.addTitle')}
        error={editor.error}
        onSubmit={save}
        submitLabel={person ? t('common.save') : t('persons.add')}
        busy={editor.busy}
        onBack={onDone}
        onDiscard={editor.discard}
      >
        <div className="grid-2">
          <VocabSelect
            label={person ? t('persons.addRole') : t('persons.role')}
            vocabulary="person-role"
            value={draft.role}
            onChange={(v) => set('role', v ?? 'victim')}
          />
          <VocabSelect
            label={t('persons.type')}
            vocabulary="person-type"
            value={draft.personType}
            onChange={(v) => set('personType', v ?? 'individual')}
          />
        </div>
        <TextField
          label={t('persons.name')}
          hint={t('persons.nameHint')}
          path="name"
          value={draft.name}
          onChange={(v) => set('name', v)}
          error={tried && !draft.name.trim() ? t('common.required') : undefined}
          autoFocus
        />
        <div className="grid-2">
          <TextField
            label={t('persons.givenName')}
            value={draft.givenName}
            onChange={(v) => set('givenName', v)}
          />
          <TextField
            label={t('persons.familyName')}
            value={draft.familyName}
            onChange={(v) => set('familyName', v)}
          />
        </div>
        <fieldset className="editor-section">
          <legend>{t('persons.latinNames')}</legend>
          <p className="field-hint">{t('persons.latinNamesHint')}</p>
          <div className="grid-2">
            <TextField
              label={t('persons.givenNameLatin')}
              value={draft.givenNameLatin}
              onChange={(v) => set('givenNameLatin', v)}
              dir="ltr"
            />
            <TextField
              label={t('persons.familyNameLatin')}
              value={draft.familyNameLatin}
              onChange={(v) => set('familyNameLatin', v)}
              dir="ltr"
            />
          </div>
        </fieldset>
        <TextField
          label={t('persons.aliases')}
          hint={t('persons.aliasesHint')}
          value={draft.aliases}
          onChange={(v) => set('aliases', v)}
        />
        <TextField
          label={t('persons.pseudonym')}
          hint={t('persons.pseudonymHint')}
          value={draft.pseudonym}
          onChange={(v) => set('pseudonym', v)}
        />
        <div className="grid-2">
          <VocabSelect
            label={t('persons.sex')}
            vocabulary="sex-gender"
            value={draft.sex}
            onChange={(v) => set('sex', v)}
            allowNone
          />
          <TextField
            label={t('persons.age')}
            hint={t('persons.ageHint')}
            value={draft.age}
            onChange={(v) => set('age', v.replace(/[^\d]/g, ''))}
          />
        </div>
        <PartialDateField
          label={t('persons.birthDate')}
          value={draft.birthDate}
          path="birthDate"
          onChange={(v) => set('birthDate', v)}
          showError={tried}
        />
        <CountryList
          legend={t('persons.nationalities')}
          value={draft.nationalities}
          onChange={(v) => set('nationalities', v)}
        />
        <fieldset className="editor-section">
          <legend>{t('persons.idDocuments')}</legend>
          <p className="field-hint">{t('persons.idDocumentsHint')}</p>
          {draft.idDocuments.map((d, i) => (
            <div
              key={i}
              className="editor-section"
              role="group"
              aria-label={t('persons.idDocumentN', { n: i + 1 })}
            >
              <div className="grid-2">
                <VocabSelect
                  label={t('persons.idDocumentType', { n: i + 1 })}
                  vocabulary="identity-document-type"
                  value={d.type}
                  onChange={(v) => setDocument(i, { type: v ?? 'other' })}
                />
                <TextField
                  label={t('persons.idDocumentNumber', { n: i + 1 })}
                  value={d.number}
                  onChange={(v) => setDocument(i, { number: v })}
                  dir="ltr"
                />
                <TextField
                  label={t('persons.idDocumentIssuedBy', { n: i + 1 })}
                  value={d.issuedBy}
                  onChange={(v) => setDocument(i, { issuedBy: v })}
                />
                <CountrySelect
                  label={t('persons.idDocumentCountry', { n: i + 1 })}
                  value={d.country}
                  onChange={(v) => setDocument(i, { country: v })}
                />
              </div>
              <PartialDateField
                label={t('persons.idDocumentIssuedOn', { n: i + 1 })}
                value={d.issuedOn}
                path={`identityDocuments.${i}.issuedOn`}
                onChange={(v) => setDocument(i, { issuedOn: v })}
                showError={tried}
              />
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  set(
                    'idDocuments',
                    draft.idDocuments.filter((_, j) => j !== i),
                  )
                }
              >
                {t('persons.removeIdDocument', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => set('idDocuments', [...draft.idDocuments, { ...NEW_ID_DOCUMENT }])}
          >
            {t('persons.addIdDocument')}
          </button>
        </fieldset>
        <div className="grid-2">
          <TextField
            label={t('persons.occupation')}
            value={draft.occupation}
            onChange={(v) => set('occupation', v)}
          />
          <TextField
            label={t('persons.affiliation')}
            value={draft.affiliation}
            onChange={(v) => set('affiliation', v)}
          />
        </div>
        <details>
          <summary>{t('persons.hrdWork')}</summary>
          <VocabChecklist
            legend={t('persons.hrdWork')}
            vocabulary="hrd-work"
            value={draft.hrdWork}
            onChange={(v) => set('hrdWork', v)}
          />
        </details>
        <fieldset className="editor-section">
          <legend>{t('persons.private')}</legend>
          <p className="field-hint">{t('persons.privateHint')}</p>
          <TextArea
            label={t('persons.residence')}
            value={draft.residence}
            onChange={(v) => set('residence', v)}
            rows={2}
          />
          <div className="grid-2">
            <TextField
              label={t('persons.phone')}
              value={draft.phone}
              onChange={(v) => set('phone', v)}
              dir="ltr"
            />
            <TextField
              label={t('persons.email')}
              value={draft.email}
              onChange={(v) => set('email', v)}
              dir="ltr"
            />
            <TextField
              label={t('persons.messaging')}
              value={draft.messaging}
              onChange={(v) => set('messaging', v)}
            />
          </div>
          <TextArea
            label={t('persons.address')}
            value={draft.address}
            onChange={(v) => set('address', v)}
            rows={2}
          />
        </fieldset>
        <Checkbox
          label={t('persons.deceased')}
          checked={draft.deceased}
          onChange={(v) => set('deceased', v)}
        />
        {draft.deceased ? (
          <PartialDateField
            label={t('persons.deathDate')}
            value={draft.deathDate}
            path="deathDate"
            onChange={(v) => set('deathDate', v)}
            showError={tried}
          />
        ) : null}
        <TextArea
          label={t('persons.notes')}
          value={draft.notes}
          onChange={(v) => set('notes', v)}
          rows={3}
        />
        <Checkbox
          label={t('persons.recordConsent')}
          hint={t('persons.recordConsentHint')}
          checked={draft.hasConsent}
          onChange={(v) => set('hasConsent', v)}
        />
        {draft.hasConsent ? (
          <ConsentForm
            value={draft.consent}
            onChange={(v) => set('consent', v)}
            personName={draft.name || null}
          />
        ) : null}
      </RecordEditor>
      {person ? <VersionsPanel kind="person" id={person.id} onRestored={editor.discard} /> : null}
    </>
  );
}
