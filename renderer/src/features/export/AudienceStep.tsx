import { useTranslation } from 'react-i18next';
import { RadioGroup, SelectField } from '../../components/Field';
import { useVocabularies } from '../../lib/vocabularies';
import type { AudienceKind } from './exportChoices';

/** The mechanism term that stands for partner organisations: chosen as its own audience, not here. */
const PARTNERS_TERM = 'partner-ngos';
const AUDIENCES: readonly AudienceKind[] = ['mechanism', 'partners', 'public'];

/**
 * Who the export is for: a mechanism (which forwards to the state), partner
 * organisations, or the public. Each choice says in a sentence what that
 * audience receives; the core's audience rule decides it, and the next steps
 * show exactly what it decided.
 */
export function AudienceStep({
  audience,
  mechanism,
  onAudience,
  onMechanism,
}: {
  audience: AudienceKind;
  mechanism: string;
  onAudience: (audience: AudienceKind) => void;
  onMechanism: (mechanism: string) => void;
}) {
  const { t } = useTranslation();
  const { terms, label } = useVocabularies();
  const mechanisms = terms('mechanism').filter((term) => term.id !== PARTNERS_TERM);
  return (
    <section aria-labelledby="audience-heading">
      <h2 id="audience-heading">{t('export.audienceTitle')}</h2>
      <p>{t('export.audienceIntro')}</p>
      <RadioGroup
        legend={t('export.audienceLegend')}
        name="audience"
        value={audience}
        onChange={onAudience}
        options={AUDIENCES.map((kind) => ({
          value: kind,
          label: t(`export.audiences.${kind}.label`),
          hint: t(`export.audiences.${kind}.hint`),
        }))}
      />
      {audience === 'mechanism' ? (
        <SelectField
          label={t('export.mechanism')}
          value={mechanism}
          onChange={onMechanism}
          options={mechanisms.map((term) => ({
            value: term.id,
            label: label('mechanism', term.id),
          }))}
        />
      ) : null}
    </section>
  );
}
