import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { renderPdf } from '../../lib/pdfPreview';
import type { EvidenceItem } from '../../lib/types';
import { vigil } from '../../lib/vigil';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);

/**
 * A preview decrypted into this page's memory only: images through a blob:
 * URL revoked when the preview closes, PDFs drawn on canvases. Nothing is
 * written to disk or to any browser storage.
 */
export function EvidencePreview({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'shown'>('idle');
  const pdfBox = useRef<HTMLDivElement>(null);
  const isImage = IMAGE_TYPES.has(item.mime);
  const isPdf = item.mime === 'application/pdf';
  const active = state !== 'idle';
  const id = item.id;

  useEffect(() => {
    if (!active) return;
    let live = true;
    let objectUrl: string | null = null;
    let destroyPdf: (() => Promise<void>) | null = null;
    vigil.evidence
      .preview({ id })
      .then(async ({ bytes, mime }) => {
        if (!live) return;
        if (isImage) {
          objectUrl = URL.createObjectURL(new Blob([bytes], { type: mime }));
          setUrl(objectUrl);
        } else if (isPdf && pdfBox.current) {
          const preview = await renderPdf(bytes, pdfBox.current, 3, (page) =>
            t('evidence.pdfPage', { page }),
          );
          if (!live) {
            void preview.destroy();
            return;
          }
          destroyPdf = () => preview.destroy();
        }
        if (live) setState('shown');
        else if (objectUrl) URL.revokeObjectURL(objectUrl);
      })
      .catch((e: unknown) => {
        if (live) {
          setError(e);
          setState('idle');
        }
      });
    const box = pdfBox.current;
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      void destroyPdf?.();
      box?.replaceChildren();
    };
  }, [active, id, isImage, isPdf, t]);

  if (!isImage && !isPdf) return <p className="muted">{t('evidence.noPreview')}</p>;
  return (
    <div className="evidence-preview">
      <ErrorNotice error={error} />
      {state === 'idle' ? (
        <button type="button" className="btn" onClick={() => setState('loading')}>
          {t('evidence.showPreview')}
        </button>
      ) : null}
      {state === 'loading' ? <Loading label={t('evidence.decrypting')} /> : null}
      {url ? (
        <img
          src={url}
          alt={t('evidence.previewAlt', { name: item.originalName ?? '' })}
          className="preview-image"
        />
      ) : null}
      <div ref={pdfBox} className="pdf-box" />
      {state === 'shown' ? (
        <button type="button" className="btn btn-small" onClick={() => setState('idle')}>
          {t('evidence.hidePreview')}
        </button>
      ) : null}
    </div>
  );
}
