import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { formatBytes } from '../../logic/format';
import type { ExportPreview } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { vigil } from '../../lib/vigil';

/** Which evidence goes in, and as which copy (stripped working copy by default, or the original). */
export function EvidenceStep({
  caseId,
  preview,
  selected,
  includeOriginals,
  onSelect,
  onIncludeOriginals,
}: {
  caseId: string;
  preview: ExportPreview;
  selected: string[] | null;
  includeOriginals: boolean;
  onSelect: (ids: string[] | null) => void;
  onIncludeOriginals: (value: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const list = useLoad(() => vigil.evidence.list({ caseId }), caseId);
  const originals = (list.data ?? []).filter((item) => item.kind === 'original');
  const chosen = new Set(selected ?? originals.map((o) => o.id));
  const copyOf = (id: string) => preview.evidence.find((e) => e.id === id)?.copy;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next.size === originals.length ? null : [...next]);
  };
  return (
    <section aria-labelledby="evidence-step-heading">
      <h2 id="evidence-step-heading">{t('export.evidenceTitle')}</h2>
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && originals.length === 0 ? (
        <p className="empty">{t('export.noEvidence')}</p>
      ) : null}
      {originals.length > 0 ? (
        <fieldset>
          <legend>{t('export.evidenceChoose')}</legend>
          {originals.map((item) => {
            const copy = copyOf(item.id);
            return (
              <div key={item.id} className="evidence-choice">
                <Checkbox
                  label={`${item.originalName ?? item.id} (${formatBytes(item.size, locale)})`}
                  checked={chosen.has(item.id)}
                  onChange={(on) => toggle(item.id, on)}
                />
                {chosen.has(item.id) && copy ? (
                  <span className="badge">{t(`export.copy.${copy}`)}</span>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <Checkbox
        label={t('export.includeOriginals')}
        hint={t('export.includeOriginalsHint')}
        checked={includeOriginals}
        onChange={onIncludeOriginals}
      />
      {preview.evidence
        .filter((e) => e.copy === 'withheld')
        .map((e, i) => (
          <p key={i} className="notice notice-warn" lang="en">
            {e.reason}
          </p>
        ))}
    </section>
  );
}
