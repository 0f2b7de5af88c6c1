import { useTranslation } from 'react-i18next';
import { metadataFieldId } from '../../../../shared/metadataFields';

/**
 * A metadata field's name in the user's language, keyed by the field's
 * stable id, with the raw name the file uses beside it (isolated,
 * left-to-right, searchable by an expert). A field Vigil has no name for
 * yet is "Other field" plus its raw name, never the core's English label.
 */
export function FieldName({ fieldKey }: { fieldKey: string }) {
  const { t } = useTranslation();
  const id = metadataFieldId(fieldKey);
  return (
    <span className="field-name" data-field-id={id ?? 'other'}>
      <span className="field-label">
        {id ? t(`metadata.fields.${id}`) : t('metadata.otherField')}
      </span>{' '}
      <bdi dir="ltr" lang="en" className="field-raw" title={t('metadata.rawName')}>
        <code>{fieldKey}</code>
      </bdi>
    </span>
  );
}
