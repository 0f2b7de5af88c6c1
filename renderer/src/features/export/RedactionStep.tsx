import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/routes';
import { Checkbox } from '../../components/Field';
import type { ExportPreview } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil } from '../../lib/vigil';

/** What will be withheld and why, before anything leaves: consent, private fields, metadata. */
export function RedactionStep({
  caseId,
  preview,
  includePrivate,
  onIncludePrivate,
}: {
  caseId: string;
  preview: ExportPreview;
  includePrivate: boolean;
  onIncludePrivate: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const { label } = useVocabularies();
  // Names as recorded in the vault, so the user sees who is withheld (this screen never leaves the vault).
  const persons = useLoad(() => vigil.persons.list({ caseId }), caseId);
  const nameOf = (id: string) => persons.data?.find((p) => p.id === id)?.name ?? '';
  return (
    <section aria-labelledby="redaction-heading">
      <h2 id="redaction-heading">{t('export.redactionTitle')}</h2>
      <p>{t('export.redactionIntro')}</p>
      <h3>{t('export.peopleTitle')}</h3>
      {preview.consent.length === 0 ? <p className="empty">{t('export.nobody')}</p> : null}
      {preview.consent.length > 0 ? (
        <div
          className="table-scroll"
          role="region"
          tabIndex={0}
          aria-label={t('export.peopleTitle')}
        >
          <table className="custody">
            <thead>
              <tr>
                <th scope="col">{t('export.person')}</th>
                <th scope="col">{t('export.shownAs')}</th>
                <th scope="col">{t('export.consentState')}</th>
                <th scope="col">{t('export.why')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.consent.map((person) => (
                <tr key={person.personId}>
                  <td>
                    <span dir="auto">{nameOf(person.personId)}</span>
                    <br />
                    <span className="muted small">
                      {person.roles.map((role) => label('person-role', role)).join(', ')}
                    </span>
                  </td>
                  <td dir="auto">
                    {person.shownAs ?? (
                      <span className="badge badge-warn">{t('export.notNamed')}</span>
                    )}
                  </td>
                  <td>
                    <span className={`badge ${person.covers ? 'badge-ok' : 'badge-warn'}`}>
                      {t(`export.consent.${person.consent}`)}
                    </span>
                  </td>
                  <td>
                    <span lang="en">{person.reasons.join('; ')}</span>
                    {person.covers ? null : (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="link-button"
                          onClick={() =>
                            navigate({
                              name: 'case',
                              caseId,
                              tab: 'persons',
                              recordId: person.personId,
                            })
                          }
                        >
                          {t('export.recordConsent')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h3>{t('export.withheldTitle', { count: preview.withheld.length })}</h3>
      {preview.withheld.length === 0 ? (
        <p className="empty">{t('export.nothingWithheld')}</p>
      ) : null}
      <ul className="withheld">
        {preview.withheld.map((item, i) => (
          <li key={i} data-kind={item.kind}>
            <span className="badge">{t(`export.withheldKind.${item.kind}`)}</span>{' '}
            <span lang="en">{item.what}</span> — <span lang="en">{item.reason}</span>
          </li>
        ))}
      </ul>
      <Checkbox
        label={t('export.includePrivate')}
        hint={t('export.includePrivateHint')}
        checked={includePrivate}
        onChange={onIncludePrivate}
      />
    </section>
  );
}
