import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useDraft } from '../../lib/drafts';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/Field';
import { ProgressList } from '../../components/ProgressList';
import { formatBytes } from '../../logic/format';
import { cancelActivity, runActivity, useActivities } from '../../lib/activity';
import type { ChosenFile } from '../../lib/types';
import { isUiError, vigil } from '../../lib/vigil';

/**
 * Taking files into the vault: chosen in the system dialog or dropped on the
 * panel (either way the page never sees a path), hashed and encrypted one by
 * one with progress for each, and cancellable; files already done stay in
 * the vault.
 */
export function IntakePanel({
  caseId,
  onDone,
}: {
  caseId: string;
  onDone: (ids: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  // What was chosen but not yet started outlives the tab (kept with the drafts, in memory, until
  // started, cleared or the vault locks): changing tab must not lose a choice of many files.
  const [choice, setChoice] = useDraft<{ files: ChosenFile[]; source: string }>(
    `intake-choice:${caseId}`,
    () => ({ files: [], source: '' }),
  );
  const chosen = choice.files;
  const source = choice.source;
  const setChosen = (files: ChosenFile[]) => setChoice((c) => ({ ...c, files }));
  const setSource = (value: string) => setChoice((c) => ({ ...c, source: value }));
  const clearChoice = () => setChoice({ files: [], source: '' });
  const [error, setError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  // The intake runs as an activity: it goes on when the user changes tab, and this panel,
  // shown again, picks up its progress and result.
  const intake = useActivities().findLast((a) => a.kind === 'intake' && a.caseId === caseId);
  const operationId = intake?.state === 'running' ? intake.id : null;
  const files = intake?.files ?? [];
  const outcome =
    intake?.state === 'cancelled'
      ? 'cancelled'
      : intake?.state === 'done'
        ? { added: intake.outcome?.added ?? 0, duplicates: intake.outcome?.duplicates ?? 0 }
        : null;
  // Each file is in the vault as soon as it is done: the list shows it then, not at the end.
  const landed = files.filter((f) => f.state === 'done').length;
  const tell = useRef(onDone);
  useEffect(() => {
    tell.current = onDone;
  });
  const seen = useRef(landed);
  useEffect(() => {
    if (landed !== seen.current) tell.current([]);
    seen.current = landed;
  }, [landed]);

  const choose = async () => {
    setError(null);
    try {
      const picked = await vigil.evidence.chooseFiles();
      if (picked.length > 0) setChosen(picked);
    } catch (e) {
      setError(e);
    }
  };

  const dropped = async (list: FileList) => {
    setDragging(false);
    if (operationId || list.length === 0) return;
    setError(null);
    try {
      setChosen(await vigil.evidence.dropFiles([...list]));
    } catch (e) {
      setError(e);
    }
  };

  // Without preventDefault on dragover the browser would not allow the drop at all,
  // and without it on drop Chromium would try to open the file.
  const dropTarget = {
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (!e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = operationId ? 'none' : 'copy';
      setDragging(true);
    },
    onDragLeave: (e: DragEvent<HTMLElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      e.preventDefault();
      void dropped(e.dataTransfer.files);
    },
  };

  const start = async () => {
    setError(null);
    const { files: picked } = choice;
    try {
      const results = await runActivity(
        'intake',
        {
          caseId,
          files: picked.map((f) => ({ name: f.name, size: f.size, done: 0, state: 'waiting' })),
          outcome: (done: { duplicate: boolean }[]) => ({
            added: done.filter((r) => !r.duplicate).length,
            duplicates: done.filter((r) => r.duplicate).length,
          }),
        },
        (id) => {
          clearChoice();
          return vigil.evidence.intake({
            caseId,
            fileIds: picked.map((f) => f.fileId),
            operationId: id,
            ...(source.trim() ? { source: source.trim() } : {}),
          });
        },
      );
      onDone(results.map((r) => r.id));
    } catch (e) {
      if (!(isUiError(e) && e.code === 'CANCELLED')) setError(e);
      onDone([]);
    }
  };

  const cancel = () => {
    if (operationId) cancelActivity(operationId);
  };

  return (
    <section
      className={dragging ? 'card drop-zone drop-zone-active' : 'card drop-zone'}
      aria-labelledby="intake-heading"
      data-testid="evidence-drop-zone"
      {...dropTarget}
    >
      <h3 id="intake-heading">{t('evidence.intakeTitle')}</h3>
      <p className="field-hint">{t('evidence.intakeHint')}</p>
      <p className="muted" aria-live="polite">
        {dragging ? t('evidence.dropActive') : t('evidence.dropHere')}
      </p>
      <ErrorNotice error={error} />
      {outcome === 'cancelled' ? (
        <p className="notice notice-warn" role="status">
          {t('evidence.cancelled')}
        </p>
      ) : outcome ? (
        <p className="notice notice-ok" role="status">
          {t('evidence.added', { count: outcome.added })}
          {outcome.duplicates > 0
            ? ` ${t('evidence.duplicates', { count: outcome.duplicates })}`
            : ''}
        </p>
      ) : null}
      {operationId || files.length > 0 ? (
        <ProgressList files={files} label={t('evidence.progressLabel')} />
      ) : null}
      {chosen.length > 0 && !operationId ? (
        <>
          <ul className="record-list">
            {chosen.map((f) => (
              <li key={f.fileId}>
                <span dir="auto">{f.name}</span>{' '}
                <span className="muted">{formatBytes(f.size, locale)}</span>
              </li>
            ))}
          </ul>
          <TextField
            label={t('evidence.source')}
            hint={t('evidence.sourceHint')}
            value={source}
            onChange={setSource}
          />
        </>
      ) : null}
      <div className="actions">
        {operationId ? (
          <button type="button" className="btn btn-danger" onClick={cancel}>
            {t('common.cancel')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className={chosen.length > 0 ? 'btn' : 'btn btn-primary'}
              onClick={() => void choose()}
            >
              {t('evidence.choose')}
            </button>
            {chosen.length > 0 ? (
              <>
                <button type="button" className="btn btn-primary" onClick={() => void start()}>
                  {t('evidence.intake', { count: chosen.length })}
                </button>
                <button type="button" className="btn" onClick={clearChoice}>
                  {t('evidence.clearChosen')}
                </button>
              </>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
