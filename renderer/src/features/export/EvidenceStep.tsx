import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { formatBytes } from '../../logic/format';
import type { ExportPreview } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { vigil } from '../../lib/vigil';
import { FieldName } from '../evidence/FieldName';
import { useWithheldWords } from './withheldWords';
import { useIsolatedT } from '../../i18n/isolate';

type Original = ExportPreview['originals'][number];

/** What one original reveals if it goes as it is, with every name consent forbids flagged. */
function Reveals({ original }: { original: Original }) {
  const { t } = useTranslation();
  return (
    <div className="reveals" data-testid="original-reveals" data-forbidden={original.forbidden}>
      <h4>{t('export.revealsTitle')}</h4>
      {!original.readable ? (
        <p className="notice notice-warn">{t('export.revealUnreadable')}</p>
      ) : null}
      {original.readable && original.reveals.length === 0 ? (
        <p className="muted">{t('export.revealNothing')}</p>
      ) : null}
      {original.reveals.length > 0 ? (
        <dl className="facts">
          {original.reveals.map((r, i) => (
            <div key={i} data-group={r.group} data-forbidden={r.forbiddenName !== null}>
              <dt>
                {t(`export.revealGroup.${r.group}`)} · <FieldName fieldKey={r.key} />
              </dt>
              <dd dir="auto">
                {r.value}
                {r.forbiddenName !== null ? (
                  <>
                    {' '}
                    <span className="badge badge-risk" data-testid="forbidden-name">
                      {t('export.revealForbidden')}
                    </span>
                  </>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}

/**
 * Which evidence goes in, and as which copy: the stripped working copy by
 * default; an original only when the user chooses it file by file, sees what
 * it reveals, and confirms that file.
 */
export function EvidenceStep({
  caseId,
  preview,
  selected,
  originals,
  confirmed,
  onSelect,
  onOriginals,
  onConfirmed,
}: {
  caseId: string;
  preview: ExportPreview;
  selected: string[] | null;
  originals: string[];
  confirmed: string[];
  onSelect: (ids: string[] | null) => void;
  onOriginals: (ids: string[]) => void;
  onConfirmed: (ids: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const words = useWithheldWords();
  const locale = i18n.resolvedLanguage ?? 'en';
  const list = useLoad(() => vigil.evidence.list({ caseId }), caseId);
  const items = (list.data ?? []).filter((item) => item.kind === 'original');
  const chosen = new Set(selected ?? items.map((o) => o.id));
  const copyOf = (id: string) => preview.evidence.find((e) => e.id === id)?.copy;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next.size === items.length ? null : [...next]);
  };
  const setIn = (list: string[], id: string, on: boolean) =>
    on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
  return (
    <section aria-labelledby="evidence-step-heading">
      <h2 id="evidence-step-heading">{t('export.evidenceTitle')}</h2>
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && items.length === 0 ? <p className="empty">{t('export.noEvidence')}</p> : null}
      {items.length > 0 ? (
        <fieldset>
          <legend>{t('export.evidenceChoose')}</legend>
          <p className="field-hint">{t('export.evidenceHint')}</p>
          {items.map((item) => {
            const copy = copyOf(item.id);
            const name = item.originalName ?? item.id;
            const asOriginal = originals.includes(item.id);
            const reveal = preview.originals.find((o) => o.id === item.id);
            return (
              <div
                key={item.id}
                className="evidence-choice"
                data-testid="evidence-choice"
                data-name={name}
              >
                <Checkbox
                  label={`${name} (${formatBytes(item.size, locale)})`}
                  checked={chosen.has(item.id)}
                  onChange={(on) => toggle(item.id, on)}
                />
                {chosen.has(item.id) && copy ? (
                  <span className="badge">{t(`export.copy.${copy}`)}</span>
                ) : null}
                {chosen.has(item.id) ? (
                  <div className="original-choice">
                    <Checkbox
                      label={ti('export.sendOriginal', { name })}
                      hint={t('export.sendOriginalHint')}
                      checked={asOriginal}
                      onChange={(on) => {
                        onOriginals(setIn(originals, item.id, on));
                        if (!on) onConfirmed(setIn(confirmed, item.id, false));
                      }}
                    />
                    {asOriginal && reveal ? (
                      <>
                        <Reveals original={reveal} />
                        <Checkbox
                          label={ti('export.confirmOriginal', { name })}
                          checked={confirmed.includes(item.id)}
                          onChange={(on) => onConfirmed(setIn(confirmed, item.id, on))}
                        />
                      </>
                    ) : null}
                  </div>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      {preview.withheld
        .filter((item) => item.kind === 'evidence')
        .map((item, i) => (
          <p key={i} className="notice notice-warn" lang={words.worded(item) ? undefined : 'en'}>
            <span dir="auto">{words.what(item)}</span>: {words.why(item)}
          </p>
        ))}
    </section>
  );
}
