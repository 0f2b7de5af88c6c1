import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../logic/format';
import type { AuditEntry } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { vigil } from '../../lib/vigil';

const RECORD_TYPES = ['case', 'person', 'event', 'testimony', 'intervention', 'evidence'] as const;
/** What was done, by the verb of the action code (`person.create`, `evidence.intake-duplicate`). */
const VERBS = [
  'create',
  'update',
  'delete',
  'restore',
  'link',
  'unlink',
  'seal',
  'export-json',
  'intake',
  'intake-duplicate',
  'view',
  'verify',
  'derive',
  'derived-from',
  'export',
  'import',
  'imported',
  'approve',
  'edit',
  'save',
] as const;
type Verb = (typeof VERBS)[number];

function detailText(entry: AuditEntry): string {
  const parts: string[] = [];
  const fields = entry.detail.fields;
  if (Array.isArray(fields) && fields.length > 0)
    parts.push(fields.filter((f) => typeof f === 'string').join(', '));
  // A file is named by its label (its file name); the hash only when nothing else is known.
  if (typeof entry.detail.sha256 === 'string' && !entry.label)
    parts.push(`sha256 ${entry.detail.sha256.slice(0, 16)}…`);
  return parts.join(' · ');
}

/** The case's entries in the vault's hash-chained audit log: who did what, when; never the content. */
export function AuditTab({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const log = useLoad(() => vigil.cases.audit({ caseId }), caseId);
  const typeLabel = (type: string) =>
    (RECORD_TYPES as readonly string[]).includes(type)
      ? t(`audit.types.${type as (typeof RECORD_TYPES)[number]}`)
      : type;
  /** The action in words; an action this version has no words for keeps its code. */
  const actionLabel = (action: string) => {
    const verb = action.slice(action.indexOf('.') + 1);
    return (VERBS as readonly string[]).includes(verb) ? t(`audit.actions.${verb as Verb}`) : null;
  };
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.title')}</h2>
      <p className="field-hint">{t('audit.intro')}</p>
      <p className="field-hint">{t('audit.seqHint')}</p>
      <ErrorNotice error={log.error} />
      {log.loading && !log.data ? <Loading /> : null}
      {log.data?.length === 0 ? <p className="empty">{t('audit.empty')}</p> : null}
      {log.data && log.data.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="audit-heading">
          <table className="custody">
            <thead>
              <tr>
                <th scope="col">{t('audit.seq')}</th>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.record')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.fields')}</th>
                <th scope="col">{t('audit.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((entry) => (
                <tr key={entry.seq}>
                  <td>{entry.seq}</td>
                  <td>{formatDateTime(entry.at, locale)}</td>
                  <td>
                    {t(entry.byThisAccount ? 'audit.byThisAccount' : 'audit.byAccount', {
                      // First-strong isolates: a Latin account name keeps its place in Arabic text.
                      name: `\u2068${entry.actor}\u2069`,
                    })}
                  </td>
                  <td>
                    {typeLabel(entry.entityType)}
                    {entry.label ? (
                      <>
                        {': '}
                        <bdi className="audit-label">{entry.label}</bdi>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {actionLabel(entry.action) ?? <span className="mono">{entry.action}</span>}
                  </td>
                  <td className="mono small">{detailText(entry)}</td>
                  <td className="mono small">{entry.hash.slice(0, 12)}…</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
