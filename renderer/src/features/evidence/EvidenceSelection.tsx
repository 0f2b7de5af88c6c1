import { useState, type ReactNode } from 'react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../../shared/evidence';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { runActivity } from '../../lib/activity';
import { vigil, type Output } from '../../lib/vigil';
import { useIsolatedT } from '../../i18n/isolate';

const NONE: ReadonlySet<string> = new Set();
/** Names a delete question spells out; beyond them it says how many more. */
const NAMED = 3;

export type StripBatch = Output<'evidence.stripMany'>;

/**
 * The originals chosen in one case's evidence list. Only those still listed
 * count, so the choice survives a refresh of the list; it belongs to its case
 * (another case starts with none) and, as all screen state, goes with a lock.
 */
export function useEvidenceSelection(caseId: string, originals: readonly EvidenceItem[]) {
  const [chosen, setChosen] = useState<{ caseId: string; ids: ReadonlySet<string> }>({
    caseId,
    ids: NONE,
  });
  const ids = chosen.caseId === caseId ? chosen.ids : NONE;
  const items = originals.filter((i) => ids.has(i.id));
  const set = (next: ReadonlySet<string>) => setChosen({ caseId, ids: next });
  return {
    items,
    all: originals.length > 0 && items.length === originals.length,
    has: (id: string) => ids.has(id),
    toggle: (id: string, on: boolean) => {
      const next = new Set(ids);
      if (on) next.add(id);
      else next.delete(id);
      set(next);
    },
    selectAll: () => set(new Set(originals.map((i) => i.id))),
    clear: () => set(NONE),
    drop: (gone: readonly string[]) => set(new Set([...ids].filter((id) => !gone.includes(id)))),
  };
}

type Selection = ReturnType<typeof useEvidenceSelection>;

const nameOf = (item: EvidenceItem) => item.originalName ?? item.id;

/** "a, b and c" in the user's language, each name isolated; more than three: how many more. */
function NamedFiles({ names }: { names: readonly string[] }) {
  const ti = useIsolatedT();
  const [a = '', b = '', c = ''] = names;
  if (names.length > NAMED)
    return <>{ti('evidence.batch.namedMore', { a, b, c, rest: names.length - NAMED })}</>;
  return <>{ti(`evidence.batch.named${names.length}` as ParseKeys, { a, b, c })}</>;
}

/**
 * The selection's controls above the list: select all / clear, how many are
 * chosen, and the two batch actions. Stripping runs as one activity in the
 * activity area (progress per file, cancel after the current file, a result
 * per file); deleting moves them to the Trash after one question whose
 * focus is on Cancel.
 */
export function BatchBar({
  caseId,
  selection,
  onChanged,
  onStarted,
  onDeleted,
}: {
  caseId: string;
  selection: Selection;
  onChanged: () => void;
  onStarted: () => void;
  onDeleted: (count: number, ids: readonly string[]) => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const chosen = selection.items;
  const none = chosen.length === 0;

  const strip = () => {
    setError(null);
    onStarted();
    const ids = chosen.map((i) => i.id);
    void runActivity(
      'strip',
      {
        caseId,
        files: chosen.map((i) => ({ name: nameOf(i), size: 1, done: 0, state: 'waiting' })),
        outcome: (result: StripBatch) => ({ strip: result }),
      },
      (operationId) => vigil.evidence.stripMany({ caseId, ids, operationId }),
    )
      // The activity area reports the result or the failure; the list shows the new copies.
      .catch(() => undefined)
      .finally(onChanged);
  };
  const remove = async () => {
    setConfirming(false);
    setError(null);
    onStarted();
    const ids = chosen.map((i) => i.id);
    try {
      const { trash } = await vigil.evidence.removeMany({ caseId, ids });
      selection.drop(ids);
      onDeleted(trash.length, ids);
    } catch (e) {
      setError(e);
      onChanged();
    }
  };

  return (
    <div className="evidence-selection">
      <ErrorNotice error={error} />
      <div className="actions">
        <label className="check-label">
          <input
            type="checkbox"
            checked={selection.all}
            ref={(box) => {
              if (box) box.indeterminate = !none && !selection.all;
            }}
            onChange={(e) => (e.target.checked ? selection.selectAll() : selection.clear())}
          />
          {t('evidence.batch.selectAll')}
        </label>
        <p className="muted" role="status" aria-live="polite">
          {t('evidence.batch.selected', { count: chosen.length })}
        </p>
        <button type="button" className="btn btn-small" disabled={none} onClick={selection.clear}>
          {t('evidence.batch.clear')}
        </button>
        <button type="button" className="btn btn-small" disabled={none} onClick={strip}>
          {t('evidence.batch.strip')}
        </button>
        <button
          type="button"
          className="btn btn-small btn-danger"
          disabled={none}
          onClick={() => setConfirming(true)}
        >
          {t('evidence.batch.delete')}
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t('evidence.batch.deleteTitle')}
          message={
            <>
              {t('evidence.batch.deleteMessage', { count: chosen.length })}{' '}
              <NamedFiles names={chosen.map(nameOf)} />
            </>
          }
          confirmLabel={t('evidence.batch.deleteConfirm')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </div>
  );
}

const STATUS_WORDS = {
  stripped: 'evidence.batch.status.stripped',
  already: 'evidence.batch.status.already',
  unsupported: 'evidence.batch.status.unsupported',
  refused: 'evidence.batch.status.refused',
} as const;

/**
 * What a batch strip did, file by file, in the user's language: stripped,
 * already stripped, cannot be stripped (keeps its metadata: never "clean"),
 * refused with the reason. A cancelled batch says the rest was not touched.
 */
export function StripBatchResult({ result }: { result: StripBatch }) {
  const { t } = useTranslation();
  const reason = (o: StripBatch['outcomes'][number]): ReactNode =>
    o.status !== 'refused'
      ? null
      : o.code === 'UNSUPPORTED'
        ? t('evidence.cannotStrip.title')
        : t(`errors.${o.code}.title`);
  return (
    <div className="batch-result" data-testid="strip-batch-result">
      {result.cancelled ? (
        <p>{t('evidence.batch.cancelled', { done: result.outcomes.length })}</p>
      ) : null}
      <ul className="batch-outcomes">
        {result.outcomes.map((o) => (
          <li key={o.id} data-status={o.status}>
            <bdi dir="auto">{o.name}</bdi>
            {': '}
            {t(STATUS_WORDS[o.status])}
            {o.status === 'refused' ? <> ({reason(o)})</> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
