import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/routes';
import { useCountryNames } from '../../components/CountrySelect';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
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
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { navigate } = useNavigation();
  // The case and everything in it go to the Trash together (restored together too).
  const remove = async () => {
    setDeleting(false);
    setError(null);
    try {
      await vigil.cases.remove({ id: record.id });
      navigate({ name: 'cases' });
    } catch (e) {
      setError(e);
    }
  };

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
        <div className="actions">
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            {t('overview.edit')}
          </button>
          <button type="button" className="btn btn-danger" onClick={() => setDeleting(true)}>
            {t('overview.delete')}
          </button>
        </div>
      </div>
      <ErrorNotice error={error} />
      {deleting ? (
        <ConfirmDialog
          title={t('overview.deleteTitle')}
          message={t('overview.deleteMessage', {
            reference: record.reference,
            title: record.title,
          })}
          confirmLabel={t('overview.delete')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setDeleting(false)}
        />
      ) : null}
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
