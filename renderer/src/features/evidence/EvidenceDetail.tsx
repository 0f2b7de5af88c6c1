import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { Status } from '../../components/Status';
import { formatBytes, formatDateTime } from '../../logic/format';
import { isTrackedChange } from '../../logic/metadataGroups';
import type { StripResult } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { useTask } from '../../lib/useTask';
import { isUiError, vigil } from '../../lib/vigil';
import { EvidencePreview } from './EvidencePreview';
import { EvidenceWords } from './EvidenceWords';
import { MetadataPanel } from './MetadataPanel';
import { StripComparison } from './StripComparison';

/** One evidence item: preview, hashes, what its metadata reveals, stripping, export, custody. */
export function EvidenceDetail({
  id,
  onChanged,
  onOpen,
  onDeleted,
}: {
  id: string;
  onChanged: () => void;
  onOpen: (id: string) => void;
  onDeleted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const detail = useLoad(() => vigil.evidence.get({ id }), id);
  const [stripped, setStripped] = useState<StripResult | null>(null);
  const [acceptChanges, setAcceptChanges] = useState(false);
  // Saving the untouched original puts its metadata (place, owner, device) on disk: asked first.
  const [confirmOriginal, setConfirmOriginal] = useState(false);
  const [savedOriginal, setSavedOriginal] = useState(false);
  const { running, busy, error, message, setMessage, run } = useTask<
    'strip' | 'export' | 'verify'
  >();

  if (detail.loading && !detail.data) return <Loading />;
  if (!detail.data) return <ErrorNotice error={detail.error} />;
  const { item, custody } = detail.data;
  const isOriginal = item.kind === 'original';
  // A document with tracked changes: the user decides whether the working copy accepts them.
  const hasChanges =
    isOriginal &&
    item.derivatives.length === 0 &&
    item.metadata.some((f) => isTrackedChange(f.key));
  const name = item.originalName ?? item.id;

  const strip = () =>
    run('strip', async () => {
      setStripped(
        await vigil.evidence.strip({ id: item.id, ...(acceptChanges ? { acceptChanges } : {}) }),
      );
      onChanged();
      detail.reload();
    });
  const exportCopy = (original: boolean) =>
    run('export', async () => {
      setSavedOriginal(false);
      const saved = await vigil.evidence.exportCopy({ id: item.id, original });
      if (!saved.saved) return;
      setSavedOriginal(original);
      setMessage(
        t(original ? 'evidence.exportedOriginal' : 'evidence.exported', {
          name: saved.label ?? '',
        }),
      );
    });
  const verify = () =>
    run('verify', async () => {
      const result = await vigil.evidence.verify({ id: item.id });
      // The reason in the user's language by its code; the core's sentence stays in the audit log and CLI.
      setMessage(
        result.ok
          ? t('evidence.verifiedOk')
          : t(`evidence.integrity.${result.code ?? 'unreadable'}`),
      );
      detail.reload();
    });

  return (
    <article className="evidence-detail" aria-labelledby="evidence-name">
      <div className="card-head">
        <div>
          <h3 id="evidence-name" dir="auto">
            {name}
          </h3>
          <span className={`badge ${isOriginal ? '' : 'badge-ok'}`}>
            {t(`evidence.kinds.${item.kind}`)}
          </span>{' '}
          <span className="muted">
            {item.type.toUpperCase()} · {formatBytes(item.size, locale)}
          </span>
        </div>
      </div>
      <p className="field-hint">
        {isOriginal ? t('evidence.originalHint') : t('evidence.workingHint')}
      </p>
      <EvidenceWords
        key={`${item.id}:${item.title ?? ''}:${item.description ?? ''}:${item.source ?? ''}`}
        item={item}
        onSaved={() => {
          detail.reload();
          onChanged();
        }}
        onDeleted={onDeleted}
      />
      <ErrorNotice
        error={error}
        // Only stripping and saving a working copy can meet a format Vigil cannot clean: say that, not "a key".
        override={
          isUiError(error) && error.code === 'UNSUPPORTED'
            ? { title: t('evidence.cannotStrip.title'), next: t('evidence.cannotStrip.next') }
            : undefined
        }
      />
      <Status when={Boolean(message)} className={savedOriginal ? 'notice notice-warn' : 'notice'}>
        {message}
      </Status>
      <dl className="facts">
        <dt>{t('evidence.sha256')}</dt>
        <dd>
          <code className="mono hash" data-testid="sha256">
            {item.sha256}
          </code>{' '}
          <CopyButton value={item.sha256} label={t('evidence.copyHash')} />
        </dd>
        <dt>{t('evidence.intakeAt')}</dt>
        <dd>
          {formatDateTime(item.intakeAt, locale)} · <span dir="auto">{item.intakeBy}</span>
        </dd>
        {item.source ? (
          <>
            <dt>{t('evidence.source')}</dt>
            <dd dir="auto">{item.source}</dd>
          </>
        ) : null}
        {item.capture.time ? (
          <>
            <dt>{t('evidence.captureTime')}</dt>
            <dd>{formatDateTime(item.capture.time, locale)}</dd>
          </>
        ) : null}
        {item.capture.latitude !== null && item.capture.longitude !== null ? (
          <>
            <dt>{t('evidence.capturePlace')}</dt>
            <dd>
              <span className="badge badge-risk">{t('evidence.gpsFound')}</span>{' '}
              <span className="mono">
                {item.capture.latitude.toFixed(6)}, {item.capture.longitude.toFixed(6)}
              </span>
            </dd>
          </>
        ) : null}
        {item.parentId ? (
          <>
            <dt>{t('evidence.derivedFrom')}</dt>
            <dd>
              <button type="button" className="link-button" onClick={() => onOpen(item.parentId!)}>
                {t('evidence.openOriginal')}
              </button>
            </dd>
          </>
        ) : null}
      </dl>
      <EvidencePreview key={item.id} item={item} />
      {hasChanges ? (
        <div className="field tracked-changes">
          <label>
            <input
              type="checkbox"
              checked={acceptChanges}
              onChange={(event) => setAcceptChanges(event.target.checked)}
            />{' '}
            {t('evidence.acceptChanges')}
          </label>
          <p className="field-hint">{t('evidence.acceptChangesHint')}</p>
        </div>
      ) : null}
      <div className="actions">
        {isOriginal ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => void strip()}
          >
            {item.derivatives.length > 0 ? t('evidence.showStripped') : t('evidence.strip')}
          </button>
        ) : null}
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => void exportCopy(false)}
        >
          {t('evidence.exportWorking')}
        </button>
        {isOriginal ? (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => setConfirmOriginal(true)}
          >
            {t('evidence.exportOriginal')}
          </button>
        ) : null}
        {confirmOriginal ? (
          <ConfirmDialog
            title={t('evidence.originalWarning.title')}
            message={
              <>
                {t('evidence.originalWarning.message')}{' '}
                {item.capture.latitude !== null
                  ? t('evidence.originalWarning.gps')
                  : item.metadata.length > 0
                    ? t('evidence.originalWarning.fields')
                    : ''}
              </>
            }
            confirmLabel={t('evidence.originalWarning.confirm')}
            cancelLabel={t('common.cancel')}
            danger
            onCancel={() => setConfirmOriginal(false)}
            onConfirm={() => {
              setConfirmOriginal(false);
              void exportCopy(true);
            }}
          />
        ) : null}
        <button type="button" className="btn" disabled={busy} onClick={() => void verify()}>
          {t('evidence.verify')}
        </button>
        {running ? <Status inline>{t(`evidence.busy.${running}`)}</Status> : null}
      </div>
      {stripped ? (
        <StripComparison original={item.metadata} result={stripped} />
      ) : (
        <MetadataPanel
          fields={item.metadata}
          heading={t('metadata.title')}
          readable={item.metadataReadable}
          problem={item.metadataProblem}
        />
      )}
      {item.derivatives.length > 0 ? (
        <p>
          {item.derivatives.map((child) => (
            <button key={child} type="button" className="link-button" onClick={() => onOpen(child)}>
              {t('evidence.openWorking')}
            </button>
          ))}
        </p>
      ) : null}
      <details>
        <summary>{t('evidence.custody', { count: custody.length })}</summary>
        <table className="custody">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {custody.map((entry) => (
              <tr key={entry.seq}>
                <td>{formatDateTime(entry.at, locale)}</td>
                <td dir="auto">{entry.actor}</td>
                <td className="mono">{entry.action}</td>
                <td className="mono">{entry.hash.slice(0, 12)}…</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </article>
  );
}
