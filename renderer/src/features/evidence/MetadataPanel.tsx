import { useTranslation } from 'react-i18next';
import { groupByRisk, type FieldLike } from '../../logic/metadataGroups';
import { FieldName, useFieldValue } from './FieldName';
import { GroupTitle } from './GroupTitle';

/**
 * What a file says about itself, grouped by what it can reveal (location,
 * device, people, time, hidden content…), risky fields flagged. `removed`
 * marks fields a working copy no longer carries. A file Vigil cannot read
 * is said to be unreadable, never to carry nothing.
 */
export function MetadataPanel({
  fields,
  heading,
  removed,
  headingLevel = 3,
  readable = true,
  problem,
}: {
  fields: readonly FieldLike[];
  heading: string;
  removed?: ReadonlySet<string>;
  headingLevel?: 3 | 4;
  /** False when Vigil could not read the file's metadata: an empty list is then "unknown", never "none". */
  readable?: boolean;
  /** Why it could not be read (the core's English sentence). */
  problem?: string | null;
}) {
  const { t } = useTranslation();
  const fieldValue = useFieldValue();
  const groups = groupByRisk(fields);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const Sub = headingLevel === 3 ? 'h4' : 'h5';
  return (
    <section className="metadata-panel" aria-label={heading}>
      <Heading>{heading}</Heading>
      {readable ? null : (
        <div className="notice notice-warn" role="note" data-testid="metadata-unreadable">
          <div className="notice-title">{t('metadata.unreadable')}</div>
          <div>
            {t(groups.length > 0 ? 'metadata.unreadablePartial' : 'metadata.unreadableHint')}
          </div>
          {problem ? (
            <details>
              <summary>{t('errors.details')}</summary>
              <span dir="ltr" lang="en">
                {problem}
              </span>
            </details>
          ) : null}
        </div>
      )}
      {readable && groups.length === 0 ? <p className="muted">{t('metadata.none')}</p> : null}
      {groups.map((group) => (
        <div
          key={group.group}
          className={`metadata-group ${group.risky > 0 ? 'risky' : ''}`}
          data-group={group.group}
        >
          <Sub>
            <GroupTitle group={group.group} risky={group.risky} />
          </Sub>
          <p className="field-hint">{t(`metadata.groups.${group.group}.hint`)}</p>
          <dl className="facts">
            {group.fields.map((field) => {
              const gone = removed?.has(`${field.group}/${field.key}`);
              return (
                <div
                  key={`${field.group}/${field.key}`}
                  className="metadata-field"
                  data-risky={field.risky || undefined}
                >
                  <dt>
                    <FieldName fieldKey={field.key} />
                    {field.risky ? (
                      <span className="badge badge-risk" data-testid="risk-flag">
                        {t('metadata.risky')}
                      </span>
                    ) : null}
                  </dt>
                  <dd dir="auto">
                    {gone ? <del>{fieldValue(field)}</del> : fieldValue(field)}
                    {gone ? <span className="badge badge-ok">{t('metadata.removed')}</span> : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
    </section>
  );
}
