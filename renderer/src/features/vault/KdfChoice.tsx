import { useTranslation } from 'react-i18next';
import { KDF_PRESETS, type KdfPreset } from '../../../../shared/vault';
import { RadioGroup } from '../../components/Field';
import { formatNumber } from '../../logic/format';

/** The key-derivation setting, explained: slower to unlock here, much slower to guess elsewhere. */
export function KdfChoice({
  value,
  onChange,
}: {
  value: KdfPreset;
  onChange: (value: KdfPreset) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const presets = Object.keys(KDF_PRESETS) as KdfPreset[];
  return (
    <>
      <RadioGroup
        legend={t('kdf.legend')}
        name="kdf"
        value={value}
        onChange={onChange}
        options={presets.map((preset) => ({
          value: preset,
          label: t(`kdf.presets.${preset}.label`),
          hint: t(`kdf.presets.${preset}.hint`, {
            memory: formatNumber(KDF_PRESETS[preset].memoryMiB, locale),
            iterations: formatNumber(KDF_PRESETS[preset].iterations, locale),
          }),
        }))}
      />
      <p className="field-hint">{t('kdf.explain')}</p>
    </>
  );
}
