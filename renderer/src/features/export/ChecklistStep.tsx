import { useTranslation } from 'react-i18next';
import { useNavigation, type CaseTab } from '../../app/routes';
import type { ExportPreview } from '../../lib/types';
import {
  APPEAL_SECTIONS,
  REGIONAL_SECTIONS,
  type AppealSection,
  type RegionalSection,
  SP_SECTIONS,
  type SpSection,
} from '../../../../shared/dossier';
import { isMechanismFactField } from '../../../../shared/mechanismFacts';

const TAB_OF: Record<string, CaseTab> = {
  case: 'overview',
  person: 'persons',
  event: 'events',
  testimony: 'testimonies',
  intervention: 'interventions',
  evidence: 'evidence',
};

/** The urgent appeal's parts, named in words (the WGAD's are its questionnaire's numerals). */
const isAppealPart = (part: string): part is AppealSection =>
  (APPEAL_SECTIONS as readonly string[]).includes(part);
/** A regional body's parts, named after the sections of its form. */
const isRegionalPart = (part: string): part is RegionalSection =>
  (REGIONAL_SECTIONS as readonly string[]).includes(part);

/** The Special Procedures communication's parts, named in words too. */
const isSpPart = (part: string): part is SpSection =>
  (SP_SECTIONS as readonly string[]).includes(part);

/**
 * The admissibility checklist: what the body needs, ticked or missing, each
 * missing item linking to the record or field to complete.
 */
export function ChecklistStep({
  caseId,
  preview,
  onSubmission,
}: {
  caseId: string;
  preview: ExportPreview;
  onSubmission: () => void;
}) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  if (preview.checklist.length === 0) return <p className="notice">{t('export.noChecklist')}</p>;
  const missing = preview.checklist.filter((item) => !item.ok).length;
  const parts = [...new Set(preview.checklist.map((item) => item.part))];
  const fix = (item: ExportPreview['checklist'][number]) => {
    if (item.target.kind === 'submission') return onSubmission();
    if (item.target.kind === 'organisation') return navigate({ name: 'settings' });
    // A mechanism fact is completed in the case's facts editor, on its own field.
    const { field } = item.target;
    if (item.target.kind === 'case' && field && isMechanismFactField(field))
      return navigate({ name: 'case', caseId, tab: 'overview', fact: field });
    navigate({
      name: 'case',
      caseId,
      tab: TAB_OF[item.target.kind] ?? 'overview',
      ...(item.target.id ? { recordId: item.target.id } : {}),
    });
  };
  return (
    <section aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">{t('export.checklistTitle')}</h2>
      <p className={`notice ${missing === 0 ? 'notice-ok' : 'notice-warn'}`} role="status">
        {missing === 0
          ? t('export.checklistComplete')
          : t('export.checklistMissing', { count: missing })}
      </p>
      {parts.map((part) => (
        <div key={part} className="checklist-part">
          <h3 dir="auto">
            {part === 'annex'
              ? t('export.annexPart')
              : isAppealPart(part)
                ? t(`export.appealParts.${part}`)
                : isRegionalPart(part)
                  ? t(`export.regionalParts.${part}`)
                  : isSpPart(part)
                    ? t(`export.spParts.${part}`)
                    : part}
          </h3>
          <ul className="checklist">
            {preview.checklist
              .filter((item) => item.part === part)
              .map((item) => (
                <li key={item.id} className={item.ok ? 'ok' : 'missing'} data-ok={item.ok}>
                  <span className={`badge ${item.ok ? 'badge-ok' : 'badge-warn'}`}>
                    {item.ok ? t('export.present') : t('export.missing')}
                  </span>{' '}
                  {item.person ? (
                    <>
                      <bdi>{item.person}</bdi>:{' '}
                    </>
                  ) : null}
                  <span dir="auto">{item.label}</span>{' '}
                  {item.ok ? null : (
                    <button type="button" className="link-button" onClick={() => fix(item)}>
                      {t('export.complete')}
                    </button>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
      <p className="field-hint">{t('export.checklistHint')}</p>
    </section>
  );
}
