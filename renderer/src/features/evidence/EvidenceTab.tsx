import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { Status } from '../../components/Status';
import { formatBytes } from '../../logic/format';
import { useLoad } from '../../lib/useLoad';
import { vigil } from '../../lib/vigil';
import { EvidenceDetail } from './EvidenceDetail';
import { IntakePanel } from './IntakePanel';
import { BatchBar, useEvidenceSelection } from './EvidenceSelection';
import './evidence.css';

/** The case's evidence: originals (evidentiary copies) with their working copies, and intake. */
export function EvidenceTab({ caseId, recordId }: { caseId: string; recordId?: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const list = useLoad(() => vigil.evidence.list({ caseId }), caseId);
  const [selected, setSelected] = useState<string | null>(recordId ?? null);
  const items = list.data ?? [];
  const originals = items.filter((i) => i.kind === 'original');
  const childrenOf = (id: string) => items.filter((i) => i.parentId === id);
  const selection = useEvidenceSelection(caseId, originals);
  const [moved, setMoved] = useState<number | null>(null);

  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('evidence.title')}</h2>
      <IntakePanel
        caseId={caseId}
        onDone={(ids) => {
          list.reload();
          if (ids.length === 1) setSelected(ids[0]!);
        }}
      />
      <ErrorNotice error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && items.length === 0 ? <p className="empty">{t('evidence.empty')}</p> : null}
      <Status when={moved !== null} className="notice notice-ok">
        {t('evidence.batch.moved', { n: moved ?? 0 })}
      </Status>
      {originals.length > 0 ? (
        <BatchBar
          caseId={caseId}
          selection={selection}
          onChanged={list.reload}
          onStarted={() => setMoved(null)}
          onDeleted={(n, ids) => {
            setMoved(n);
            if (
              selected &&
              items.some((i) => i.id === selected && ids.includes(i.parentId ?? i.id))
            )
              setSelected(null);
            list.reload();
          }}
        />
      ) : null}
      <div className="evidence-layout">
        {items.length > 0 ? (
          <ul className="record-list evidence-list" aria-label={t('evidence.listLabel')}>
            {originals.map((item) => {
              const name = item.originalName ?? item.id;
              return (
                <li key={item.id}>
                  <div className="evidence-row">
                    <input
                      type="checkbox"
                      className="evidence-check"
                      aria-label={t('evidence.batch.select', { name })}
                      checked={selection.has(item.id)}
                      onChange={(e) => selection.toggle(item.id, e.target.checked)}
                    />
                    <button
                      type="button"
                      className="evidence-entry"
                      aria-current={selected === item.id ? 'true' : undefined}
                      onClick={() => setSelected(item.id)}
                    >
                      <span dir="auto">{name}</span>
                      <span className="muted small">
                        {t('evidence.kinds.original')} · {formatBytes(item.size, locale)}
                        {item.metadata.some((f) => f.risky) ? ` · ${t('evidence.riskyShort')}` : ''}
                        {item.metadataReadable ? '' : ` · ${t('evidence.unreadableShort')}`}
                      </span>
                    </button>
                  </div>
                  {childrenOf(item.id).map((child) => (
                    <button
                      key={child.id}
                      type="button"
                      className="evidence-entry child"
                      aria-current={selected === child.id ? 'true' : undefined}
                      onClick={() => setSelected(child.id)}
                    >
                      <span>{t(`evidence.kinds.${child.kind}`)}</span>
                      <span className="muted small">{formatBytes(child.size, locale)}</span>
                    </button>
                  ))}
                </li>
              );
            })}
          </ul>
        ) : null}
        {selected ? (
          <div className="evidence-pane">
            <EvidenceDetail
              key={selected}
              id={selected}
              onChanged={list.reload}
              onOpen={setSelected}
              onDeleted={() => {
                setSelected(null);
                list.reload();
              }}
            />
          </div>
        ) : null}
      </div>
    </section>
  );
}
