import { useTranslation } from 'react-i18next';
import { groupByRisk, type FieldLike } from '../../logic/metadataGroups';
import type { StripResult } from '../../lib/types';
import { FieldName, useFieldValue } from './FieldName';
import { GroupTitle } from './GroupTitle';

/**
 * Before and after stripping, field by field: what the original (kept as
 * evidence) carries, and whether the working copy still does. Grouped by
 * what the field can reveal, most dangerous first.
 */
export function StripComparison({
  original,
  result,
}: {
  original: readonly FieldLike[];
  result: StripResult;
}) {
  const { t } = useTranslation();
  const fieldValue = useFieldValue();
  const after = new Map(result.item.metadata.map((f) => [`${f.group}/${f.key}`, f]));
  // Fields the stripper keeps on purpose (orientation, the JFIF header) are reported by key.
  const keptOnPurpose = new Map(result.kept.map((k) => [k.key, k]));
  const keys = new Set(original.map((f) => `${f.group}/${f.key}`));
  const added = result.item.metadata.filter((f) => !keys.has(`${f.group}/${f.key}`));
  return (
    <section className="strip-comparison" aria-labelledby="strip-heading">
      <h3 id="strip-heading">{t('strip.title')}</h3>
      <p className="notice notice-ok" role="status">
        {t('strip.summary', { count: result.removed.length })}
      </p>
      <table className="strip-table">
        <thead>
          <tr>
            <th scope="col">{t('strip.field')}</th>
            <th scope="col">{t('strip.before')}</th>
            <th scope="col">{t('strip.after')}</th>
          </tr>
        </thead>
        {groupByRisk([...original, ...added]).map((group) => (
          <tbody key={group.group} data-group={group.group}>
            <tr className="strip-group">
              <th scope="rowgroup" colSpan={3}>
                <GroupTitle group={group.group} risky={group.risky} />
              </th>
            </tr>
            {group.fields.map((field) => {
              const key = `${field.group}/${field.key}`;
              const purpose = keptOnPurpose.get(field.key);
              const kept =
                after.get(key) ??
                (purpose ? { value: purpose.value ?? fieldValue(field) } : undefined);
              const inOriginal = keys.has(key);
              return (
                <tr key={key} data-after={kept ? 'kept' : 'removed'}>
                  <th scope="row">
                    <FieldName fieldKey={field.key} />
                    {field.risky ? (
                      <span className="badge badge-risk">{t('metadata.risky')}</span>
                    ) : null}
                  </th>
                  <td dir="auto">{inOriginal ? fieldValue(field) : '—'}</td>
                  <td dir="auto" data-after={kept ? 'kept' : 'removed'}>
                    {kept ? (
                      <>
                        {fieldValue(kept)}
                        {purpose ? (
                          <span
                            className="badge"
                            title={
                              purpose.code
                                ? t(`strip.keptReasons.${purpose.code}`)
                                : t('strip.keptReasonUnknown')
                            }
                          >
                            {t('strip.kept')}
                          </span>
                        ) : null}
                      </>
                    ) : (
                      <span className="badge badge-ok">{t('metadata.removed')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      {result.kept.length > 0 ? (
        <>
          <h4>{t('strip.kept')}</h4>
          <ul>
            {result.kept.map((k) => (
              <li key={k.key}>
                <strong>
                  <FieldName fieldKey={k.key} />
                </strong>
                {k.value ? <bdi dir="auto">{k.value}</bdi> : null}
                <div>
                  {k.code ? t(`strip.keptReasons.${k.code}`) : t('strip.keptReasonUnknown')}
                </div>
                <details>
                  <summary>{t('errors.details')}</summary>
                  <span dir="ltr" lang="en">
                    {k.label}: {k.reason}
                  </span>
                </details>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="field-hint">{t('strip.originalKept')}</p>
    </section>
  );
}
