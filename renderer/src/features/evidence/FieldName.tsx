import { useTranslation } from 'react-i18next';
import { metadataFieldId } from '../../../../shared/metadataFields';
import type { FieldLike } from '../../logic/metadataGroups';
import { formatBytes } from '../../logic/format';

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

/** A field's value as shown: binary data said in the user's language with its size, else the value itself. */
export function useFieldValue(): (field: Pick<FieldLike, 'value' | 'binaryBytes'>) => string {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return (field) =>
    field.binaryBytes === undefined
      ? field.value
      : t('metadata.binaryValue', { size: formatBytes(field.binaryBytes, locale) });
}
