import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryNames } from '../../components/CountrySelect';
import { formatDateTime } from '../../logic/format';
import type { CaseRecord } from '../../lib/types';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil } from '../../lib/vigil';
import { CaseForm, caseFields, type CaseDraft } from '../cases/CaseForm';

function draftOf(record: CaseRecord): CaseDraft {
  return {
    reference: record.reference,
    title: record.title,
    summary: record.summary,
    status: record.status,
    countries: [...record.countries],
    tags: record.tags.join(', '),
    confidentiality: record.confidentiality,
  };
}

export function OverviewTab({
  record,
  onSaved,
}: {
  record: CaseRecord;
  onSaved: (saved: CaseRecord) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const { label } = useVocabularies();
  const countries = useCountryNames();
  const [editing, setEditing] = useState(false);

  if (editing) {
    return (
      <section aria-labelledby="overview-edit">
        <h2 id="overview-edit">{t('overview.edit')}</h2>
        <CaseForm
          draftKey={`case:${record.id}`}
          initial={draftOf(record)}
          submitLabel={t('common.save')}
          onCancel={() => setEditing(false)}
          onSave={async (draft) => {
            onSaved(await vigil.cases.update({ id: record.id, patch: caseFields(draft) }));
            setEditing(false);
          }}
        />
      </section>
    );
  }

  return (
    <section aria-labelledby="overview-heading">
      <div className="card-head">
        <h2 id="overview-heading">{t('overview.title')}</h2>
        <button type="button" className="btn" onClick={() => setEditing(true)}>
          {t('overview.edit')}
        </button>
      </div>
      {record.summary ? (
        <p className="summary" dir="auto">
          {record.summary}
        </p>
      ) : (
        <p className="empty">{t('overview.noSummary')}</p>
      )}
      <dl className="facts">
        <dt>{t('caseForm.reference')}</dt>
        <dd className="mono">{record.reference}</dd>
        <dt>{t('caseForm.status')}</dt>
        <dd>{label('case-status', record.status)}</dd>
        <dt>{t('caseForm.confidentiality')}</dt>
        <dd>{label('confidentiality', record.confidentiality)}</dd>
        <dt>{t('caseForm.countries')}</dt>
        <dd>{record.countries.map((c) => countries.name(c)).join(', ') || '—'}</dd>
        <dt>{t('caseForm.tags')}</dt>
        <dd dir="auto">{record.tags.join(', ') || '—'}</dd>
        <dt>{t('overview.created')}</dt>
        <dd>{formatDateTime(record.createdAt, locale)}</dd>
        <dt>{t('overview.updated')}</dt>
        <dd>{formatDateTime(record.updatedAt, locale)}</dd>
      </dl>
    </section>
  );
}
