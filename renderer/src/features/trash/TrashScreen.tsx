import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { Status } from '../../components/Status';
import { trashLabelParts, type TrashKind } from '../../../../shared/domain/trash';
import { isolateAttr, useIsolatedT } from '../../i18n/isolate';
import { formatDateTime, formatDateValue } from '../../logic/format';
import { useVocabularies } from '../../lib/vocabularies';
import { useLoad } from '../../lib/useLoad';
import { vigil, type Output } from '../../lib/vigil';

type Restored = Output<'trash.restore'>;

/** Days typed for "only older than": a whole number, or nothing for everything. */
function daysOf(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return /^\d{1,5}$/.test(trimmed) ? Number(trimmed) : null;
}

/**
 * The trash: what was deleted, from which case, when and by whom; restore
 * puts a record back as it was; emptying destroys for good (the evidence
 * keys with it), after a question whose safe answer has the focus.
 */
export function TrashScreen() {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const locale = i18n.resolvedLanguage ?? 'en';
  const vocabularies = useVocabularies();
  /** The label with its type and day in the user's language; titles and names as recorded. */
  const labelOf = (kind: TrashKind, label: string): string => {
    const parts = trashLabelParts(kind, label, (vocabulary, id) =>
      vocabularies.terms(vocabulary).some((term) => term.id === id),
    );
    return [
      parts.term ? vocabularies.label(parts.term.vocabulary, parts.term.id) : '',
      parts.date ? formatDateValue(parts.date, locale) : '',
      parts.text,
    ]
      .filter(Boolean)
      .join(' · ');
  };
  const list = useLoad(() => vigil.trash.list({}), 'trash');
  const [error, setError] = useState<unknown>(null);
  const [restored, setRestored] = useState<Restored | null>(null);
  const [emptied, setEmptied] = useState<number | null>(null);
  const [olderThan, setOlderThan] = useState('');
  const [confirming, setConfirming] = useState<'all' | 'selected' | null>(null);
  const [restoredMany, setRestoredMany] = useState<number | null>(null);
  const days = daysOf(olderThan);
  const entries = list.data ?? [];
  // Several entries at once (restore them, or destroy only them). Only what is still listed counts.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const selected = entries.filter((e) => chosen.has(e.id));
  const allChosen = entries.length > 0 && selected.length === entries.length;
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const restore = async (id: string) => {
    setError(null);
    setEmptied(null);
    setRestoredMany(null);
    try {
      setRestored(await vigil.trash.restore({ id }));
    } catch (e) {
      setRestored(null);
      setError(e);
    }
    list.reload();
  };
  /** One by one, in the order listed; one refused stops there (the rest stay chosen). */
  const restoreSelected = async () => {
    setError(null);
    setEmptied(null);
    setRestored(null);
    let done = 0;
    try {
      for (const entry of selected) {
        await vigil.trash.restore({ id: entry.id });
        done += 1;
        toggle(entry.id, false);
      }
    } catch (e) {
      setError(e);
    }
    setRestoredMany(done);
    list.reload();
  };
  const empty = async () => {
    const which = confirming;
    setConfirming(null);
    setError(null);
    setRestored(null);
    setRestoredMany(null);
    try {
      const result = await vigil.trash.empty(
        which === 'selected'
          ? { ids: selected.map((e) => e.id) }
          : days === undefined || days === null
            ? {}
            : { olderThanDays: days },
      );
      if (which === 'selected') setChosen(new Set());
      setEmptied(result.emptied);
    } catch (e) {
      setError(e);
    }
    list.reload();
  };

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('trash.title')}</h1>
      </div>
      <p className="muted">{t('trash.intro')}</p>
      <ErrorNotice error={list.error ?? error} />
      <Status when={restored !== null} className="notice notice-ok">
        {restored ? t('trash.restored', { kind: t(`trash.kinds.${restored.kind}`) }) : null}
        {restored?.referenceChanged ? (
          <>
            {' '}
            {ti('trash.referenceChanged', {
              from: restored.referenceChanged.from,
              to: restored.referenceChanged.to,
            })}
          </>
        ) : null}
        {restored && restored.dropped.length > 0 ? (
          <> {t('trash.dropped', { count: restored.dropped.length })}</>
        ) : null}
        {restored?.waiting.map((w) => (
          <span key={`${w.kind}:${w.label}`} className="trash-waiting">
            {' '}
            {ti('trash.waiting', { label: w.label })}
          </span>
        ))}
      </Status>
      <Status when={restoredMany !== null} className="notice notice-ok">
        {t('trash.restoredMany', { count: restoredMany ?? 0 })}
      </Status>
      <Status when={emptied !== null} className="notice notice-ok">
        {t('trash.emptied', { count: emptied ?? 0 })}
      </Status>
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && entries.length === 0 ? <p className="empty">{t('trash.empty')}</p> : null}
      {entries.length > 0 ? (
        <div className="actions trash-selection">
          <p className="muted" role="status" aria-live="polite">
            {t('trash.selectedCount', { count: selected.length })}
          </p>
          <button
            type="button"
            className="btn"
            disabled={selected.length === 0}
            onClick={() => void restoreSelected()}
          >
            {t('trash.restoreSelected')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={selected.length === 0}
            onClick={() => setConfirming('selected')}
          >
            {t('trash.emptySelected')}
          </button>
        </div>
      ) : null}
      {entries.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('trash.title')}>
          <table className="custody">
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('trash.selectAll')}
                    checked={allChosen}
                    ref={(box) => {
                      if (box) box.indeterminate = selected.length > 0 && !allChosen;
                    }}
                    onChange={(e) =>
                      setChosen(e.target.checked ? new Set(entries.map((x) => x.id)) : new Set())
                    }
                  />
                </th>
                <th scope="col">{t('trash.kind')}</th>
                <th scope="col">{t('trash.what')}</th>
                <th scope="col">{t('trash.case')}</th>
                <th scope="col">{t('trash.deleted')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('trash.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const label = entry.label ? labelOf(entry.kind, entry.label) : entry.recordId;
                return (
                  <tr key={entry.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('trash.select', { label: isolateAttr(label) })}
                        checked={chosen.has(entry.id)}
                        onChange={(e) => toggle(entry.id, e.target.checked)}
                      />
                    </td>
                    <td>{t(`trash.kinds.${entry.kind}`)}</td>
                    <td dir="auto">
                      <bdi>{label}</bdi>
                    </td>
                    <td dir="auto">{entry.caseLabel ? <bdi>{entry.caseLabel}</bdi> : '—'}</td>
                    <td>
                      {formatDateTime(entry.deletedAt, locale)}{' '}
                      <span className="muted small">
                        {ti('trash.by', { actor: entry.deletedBy })}
                      </span>
                    </td>
                    <td>
                      <ActionButton
                        label={t('trash.restore')}
                        context={label}
                        onClick={() => void restore(entry.id)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {entries.length > 0 ? (
        <section className="card" aria-labelledby="trash-empty-heading">
          <h2 id="trash-empty-heading">{t('trash.emptyTitle')}</h2>
          <p className="muted">{t('trash.emptyWarning')}</p>
          <div className="field">
            <label htmlFor="trash-older-than">{t('trash.olderThan')}</label>
            <span id="trash-older-than-hint" className="field-hint">
              {t('trash.olderThanHint')}
            </span>
            <input
              id="trash-older-than"
              inputMode="numeric"
              value={olderThan}
              aria-describedby={
                days === null
                  ? 'trash-older-than-hint trash-older-than-error'
                  : 'trash-older-than-hint'
              }
              aria-invalid={days === null ? true : undefined}
              onChange={(e) => setOlderThan(e.target.value)}
            />
            {days === null ? (
              <span id="trash-older-than-error" className="field-error">
                {t('trash.olderThanInvalid')}
              </span>
            ) : null}
          </div>
          <div className="actions">
            <button
              type="button"
              className="btn btn-danger"
              disabled={days === null}
              onClick={() => setConfirming('all')}
            >
              {t('trash.emptyButton')}
            </button>
          </div>
        </section>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('trash.emptyTitle')}
          message={
            confirming === 'selected'
              ? t('trash.confirmSelected', { count: selected.length })
              : days === undefined
                ? t('trash.confirmAll', { count: entries.length })
                : t('trash.confirmOlder', { count: days })
          }
          confirmLabel={t('trash.emptyConfirm')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void empty()}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
    </>
  );
}
