import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/routes';
import { Checkbox } from '../../components/Field';
import type { ExportPreview } from '../../lib/types';
import { useVocabularies } from '../../lib/vocabularies';
import { formatList } from '../../logic/format';
import { useWithheldWords } from './withheldWords';

const KINDS = ['person', 'name', 'testimony', 'record', 'field', 'evidence'] as const;

/**
 * The withholding report, before anything leaves: who appears and how, and
 * everything left out with why. It is the sender's: the vault keeps it with
 * the export's audit entry, and the dossier shows no trace of it. Names are
 * the vault's own (this screen never leaves the vault).
 */
export function RedactionStep({
  caseId,
  preview,
  includePrivate,
  canIncludePrivate,
  onIncludePrivate,
}: {
  caseId: string;
  preview: ExportPreview;
  includePrivate: boolean;
  canIncludePrivate: boolean;
  onIncludePrivate: (value: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const { label } = useVocabularies();
  const words = useWithheldWords();
  const count = preview.withheld.length;
  return (
    <section aria-labelledby="redaction-heading" data-testid="withholding-report">
      <h2 id="redaction-heading">{t('export.redactionTitle')}</h2>
      <p>{t('export.redactionIntro')}</p>
      <p className="notice" role="note">
        {t('export.reportNote')}
      </p>
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
                <tr key={person.personId} data-covers={person.covers}>
                  <td>
                    <span dir="auto">{person.name}</span>
                    <br />
                    <span className="muted small">
                      {person.roles.map((role) => label('person-role', role)).join(', ')}
                    </span>
                  </td>
                  <td dir="auto">
                    {person.label ?? (
                      <span className="badge badge-warn">{t('export.leftOut')}</span>
                    )}
                  </td>
                  <td>
                    <span className={`badge ${person.covers ? 'badge-ok' : 'badge-warn'}`}>
                      {t(`export.consent.${person.consent}`)}
                    </span>
                  </td>
                  <td>
                    <span>
                      {formatList(person.why.map(words.reason), i18n.resolvedLanguage ?? 'en')}
                    </span>
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
      <h3>{t('export.withheldTitle', { count })}</h3>
      {count === 0 ? <p className="empty">{t('export.nothingWithheld')}</p> : null}
      {KINDS.map((kind) => {
        const items = preview.withheld.filter((item) => item.kind === kind);
        if (items.length === 0) return null;
        return (
          <div key={kind} className="withheld-group">
            <h4>{t(`export.withheldKind.${kind}`)}</h4>
            <ul className="withheld">
              {items.map((item, i) => (
                <li key={i} data-kind={item.kind}>
                  <span dir="auto">{words.what(item)}</span> —{' '}
                  <span lang={words.worded(item) ? undefined : 'en'}>{words.why(item)}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {canIncludePrivate ? (
        <Checkbox
          label={t('export.includePrivate')}
          hint={t('export.includePrivateHint')}
          checked={includePrivate}
          onChange={onIncludePrivate}
        />
      ) : (
        <p className="field-hint">{t('export.includePrivatePublic')}</p>
      )}
    </section>
  );
}
