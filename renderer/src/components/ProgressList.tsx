import { useTranslation } from 'react-i18next';
import { formatBytes } from '../logic/format';
import { isolateAttr } from '../i18n/isolate';

export interface FileProgress {
  name: string;
  size: number;
  done: number;
  state: 'waiting' | 'working' | 'done' | 'failed' | 'cancelled';
}

/** Per-file progress of a long operation. */
export function ProgressList({ files, label }: { files: readonly FileProgress[]; label: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return (
    <ul className="record-list progress-list" aria-label={label}>
      {files.map((file, i) => {
        const percent =
          file.size > 0
            ? Math.round((Math.min(file.done, file.size) / file.size) * 100)
            : file.state === 'done'
              ? 100
              : 0;
        return (
          <li key={`${file.name}-${i}`} className="progress-item">
            <div className="progress-line">
              <span dir="auto">{file.name}</span>
              <span className="muted">
                {formatBytes(file.size, locale)} · {t(`progress.${file.state}`)}
              </span>
            </div>
            <progress
              max={100}
              value={percent}
              aria-label={t('progress.fileLabel', { name: isolateAttr(file.name) })}
            />
          </li>
        );
      })}
    </ul>
  );
}
