import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/useLocale';
import { formatDateTime, formatPartialDate } from '../logic/format';
import { useLoad } from '../lib/useLoad';
import { vigil, type Output } from '../lib/vigil';
import { ActionButton } from './ActionButton';
import { ConsentBadges } from './ConsentForm';
import { ConfirmDialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';
import { Status } from './Status';
import { useIsolatedT } from '../i18n/isolate';

type Kind = 'testimony' | 'person';
type Summary = Output<'testimonies.versions'>[number];
type Shown = Output<'testimonies.version'> | Output<'persons.version'>;

/** The words for the fields a version changed, by the record's field names. */
const FIELD_LABELS = {
  witnessId: 'testimonies.witness',
  witnessDescription: 'testimonies.witnessDescription',
  interviewer: 'testimonies.interviewer',
  takenOn: 'testimonies.takenOn',
  place: 'testimonies.place',
  country: 'testimonies.country',
  language: 'testimonies.language',
  method: 'testimonies.method',
  statement: 'testimonies.statement',
  translation: 'testimonies.translationText',
  translationLanguage: 'testimonies.translationLanguage',
  consent: 'consent.legend',
  personType: 'persons.type',
  name: 'persons.name',
  familyName: 'persons.familyName',
  givenName: 'persons.givenName',
  familyNameLatin: 'persons.familyNameLatin',
  givenNameLatin: 'persons.givenNameLatin',
  aliases: 'persons.aliases',
  pseudonym: 'persons.pseudonym',
  sex: 'persons.sex',
  birthDate: 'persons.birthDate',
  age: 'persons.age',
  nationalities: 'persons.nationalities',
  identityDocuments: 'persons.idDocuments',
  occupation: 'persons.occupation',
  hrdWork: 'persons.hrdWork',
  affiliation: 'persons.affiliation',
  residence: 'persons.residence',
  contact: 'persons.private',
  deceased: 'persons.deceased',
  deathDate: 'persons.deathDate',
  notes: 'persons.notes',
} as const;
type Labelled = keyof typeof FIELD_LABELS;
const isLabelled = (field: string): field is Labelled => Object.hasOwn(FIELD_LABELS, field);

/** The texts of a version shown read-only, in this order. */
const SHOWN_TEXTS: Record<Kind, readonly Labelled[]> = {
  testimony: ['witnessDescription', 'interviewer', 'place', 'statement', 'translation'],
  person: ['name', 'familyName', 'givenName', 'pseudonym', 'occupation', 'affiliation', 'notes'],
};

/**
 * Every version of a testimony or a person: who changed which fields, and
 * when; one version shown read-only; an earlier version restored
 * (as a new version, after a question); the current testimony version
 * sealed. A sealed version is marked, and an edit after it is a new version.
 */
export function VersionsPanel({
  kind,
  id,
  onRestored,
}: {
  kind: Kind;
  id: string;
  /** After a restore: the record changed under the editor. */
  onRestored?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const locale = i18n.resolvedLanguage ?? 'en';
  const { language, dateWords } = useLocale();
  const versions = useLoad(
    () =>
      kind === 'testimony' ? vigil.testimonies.versions({ id }) : vigil.persons.versions({ id }),
    `${kind}-versions:${id}`,
  );
  const [shown, setShown] = useState<Shown | null>(null);
  const [asking, setAsking] = useState<
    { name: 'restore'; version: number } | { name: 'seal' } | null
  >(null);
  const [error, setError] = useState<unknown>(null);
  const [sealed, setSealed] = useState<Summary | null>(null);
  const list = versions.data ?? [];
  const latest = list.at(-1);

  const fieldsOf = (v: Summary) =>
    v.fields.length === 0
      ? v.version === 1
        ? t('versions.first')
        : t('versions.noFields')
      : t('versions.changed', {
          fields: v.fields
            .map((f) => (isLabelled(f) ? t(FIELD_LABELS[f]) : t('versions.otherField')))
            .join(', '),
        });

  const show = async (version: number) => {
    setError(null);
    try {
      setShown(
        kind === 'testimony'
          ? await vigil.testimonies.version({ id, version })
          : await vigil.persons.version({ id, version }),
      );
    } catch (e) {
      setError(e);
    }
  };
  const restore = async (version: number) => {
    setAsking(null);
    setError(null);
    try {
      if (kind === 'testimony') await vigil.testimonies.restoreVersion({ id, version });
      else await vigil.persons.restoreVersion({ id, version });
      versions.reload();
      onRestored?.();
    } catch (e) {
      setError(e);
    }
  };
  const seal = async () => {
    setAsking(null);
    setError(null);
    try {
      setSealed(await vigil.testimonies.seal({ id }));
      versions.reload();
    } catch (e) {
      setError(e);
    }
  };

  const record = shown?.record as Record<string, unknown> | undefined;
  return (
    <section className="card" aria-labelledby={`versions-${id}`}>
      <div className="tab-head">
        <h2 id={`versions-${id}`}>{t('versions.title')}</h2>
        {kind === 'testimony' && latest && !latest.sealed ? (
          <button type="button" className="btn" onClick={() => setAsking({ name: 'seal' })}>
            {t('versions.seal')}
          </button>
        ) : null}
      </div>
      <p className="field-hint">
        {kind === 'testimony' ? t('versions.introTestimony') : t('versions.introPerson')}
      </p>
      <ErrorNotice error={versions.error ?? error} />
      <Status when={sealed !== null} className="notice notice-ok">
        {sealed?.sealed
          ? t('versions.sealedNow', { version: sealed.version, sha256: sealed.sealed.sha256 })
          : null}
      </Status>
      {versions.loading && !versions.data ? <Loading /> : null}
      {versions.data && list.length === 0 ? <p className="empty">{t('versions.none')}</p> : null}
      {list.length > 0 ? (
        <ol className="record-list version-list">
          {[...list].reverse().map((v) => {
            const name = t('versions.version', { version: v.version });
            return (
              <li key={v.version} className="card" data-version={v.version}>
                <div className="card-head">
                  <div>
                    <h3>
                      {name}
                      {v === latest ? <span className="badge">{t('versions.current')}</span> : null}
                      {v.sealed ? (
                        <span className="badge badge-ok">{t('versions.sealed')}</span>
                      ) : null}
                    </h3>
                    <div className="muted small">
                      {formatDateTime(v.createdAt, locale)} ·{' '}
                      {ti('versions.by', { actor: v.actor })}
                    </div>
                    <div className="small">{fieldsOf(v)}</div>
                    {v.sealed ? (
                      <div className="muted small">
                        {t('versions.sealedBy', {
                          actor: v.sealed.by,
                          date: formatDateTime(v.sealed.at, locale),
                        })}{' '}
                        <code dir="ltr" className="mono">
                          SHA-256 {v.sealed.sha256}
                        </code>
                      </div>
                    ) : null}
                  </div>
                  <div className="actions">
                    <ActionButton
                      label={t('versions.view')}
                      context={name}
                      onClick={() => void show(v.version)}
                    />
                    {v !== latest ? (
                      <ActionButton
                        label={t('versions.restore')}
                        context={name}
                        onClick={() => setAsking({ name: 'restore', version: v.version })}
                      />
                    ) : null}
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
      {shown && record ? (
        <section className="card version-view" aria-labelledby={`version-view-${id}`}>
          <h3 id={`version-view-${id}`}>{t('versions.viewing', { version: shown.version })}</h3>
          <dl className="version-fields">
            {kind === 'testimony' && record.takenOn ? (
              <div>
                <dt>{t('testimonies.takenOn')}</dt>
                <dd>
                  {formatPartialDate(
                    record.takenOn as Output<'testimonies.get'>['takenOn'],
                    language,
                    dateWords,
                  )}
                </dd>
              </div>
            ) : null}
            {SHOWN_TEXTS[kind].map((field) => {
              const value = record[field];
              if (typeof value !== 'string' || !value) return null;
              return (
                <div key={field}>
                  <dt>{t(FIELD_LABELS[field])}</dt>
                  <dd dir="auto" className="version-text">
                    {value}
                  </dd>
                </div>
              );
            })}
            <div>
              <dt>{t('consent.legend')}</dt>
              <dd>
                <ConsentBadges
                  consent={(record.consent ?? null) as Output<'testimonies.get'>['consent'] | null}
                />
              </dd>
            </div>
          </dl>
          <div className="actions">
            <button type="button" className="btn" onClick={() => setShown(null)}>
              {t('common.close')}
            </button>
          </div>
        </section>
      ) : null}
      {asking?.name === 'restore' ? (
        <ConfirmDialog
          title={t('versions.restoreTitle', { version: asking.version })}
          message={t('versions.restoreMessage')}
          confirmLabel={t('versions.restore')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => void restore(asking.version)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
      {asking?.name === 'seal' ? (
        <ConfirmDialog
          title={t('versions.sealTitle')}
          message={t('versions.sealMessage')}
          confirmLabel={t('versions.seal')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => void seal()}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </section>
  );
}
