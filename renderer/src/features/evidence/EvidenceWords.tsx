import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextArea, TextField } from '../../components/Field';
import type { Output } from '../../lib/vigil';
import { vigil } from '../../lib/vigil';

type Item = Output<'evidence.get'>['item'];

/**
 * An evidence item's own words (title, description, where it came from),
 * edited through the same validation as the CLI; and its deletion to the
 * trash (its working copies with it), behind a question focused on Cancel.
 * The file itself is never changed here.
 */
export function EvidenceWords({
  item,
  onSaved,
  onDeleted,
}: {
  item: Item;
  onSaved: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(item.title ?? '');
  const [description, setDescription] = useState(item.description ?? '');
  const [source, setSource] = useState(item.source ?? '');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = item.originalName ?? item.id;
  const cleaned = (text: string) => (text.trim() ? text.trim() : null);

  const save = async () => {
    setError(null);
    try {
      await vigil.evidence.update({
        id: item.id,
        patch: {
          title: cleaned(title),
          description: cleaned(description),
          source: cleaned(source),
        },
      });
      setEditing(false);
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  const remove = async () => {
    setConfirming(false);
    setError(null);
    try {
      await vigil.evidence.remove({ id: item.id });
      onDeleted();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="evidence-words" aria-label={t('evidence.words')}>
      <ErrorNotice error={error} />
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <TextField label={t('evidence.wordTitle')} value={title} onChange={setTitle} autoFocus />
          <TextArea
            label={t('evidence.description')}
            value={description}
            onChange={setDescription}
            rows={3}
          />
          <TextField label={t('evidence.source')} value={source} onChange={setSource} />
          <div className="actions">
            <button type="submit" className="btn btn-primary">
              {t('common.save')}
            </button>
            <button type="button" className="btn" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {item.title || item.description ? (
            <dl className="facts">
              {item.title ? (
                <>
                  <dt>{t('evidence.wordTitle')}</dt>
                  <dd dir="auto">{item.title}</dd>
                </>
              ) : null}
              {item.description ? (
                <>
                  <dt>{t('evidence.description')}</dt>
                  <dd dir="auto">{item.description}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
          <div className="actions">
            <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
              {t('evidence.editWords')}
            </button>
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => setConfirming(true)}
            >
              {t('evidence.delete')}
            </button>
          </div>
        </>
      )}
      {confirming ? (
        <ConfirmDialog
          title={t('evidence.deleteTitle')}
          message={t(
            item.derivatives.length > 0 ? 'evidence.deleteWithCopies' : 'evidence.deleteMessage',
            { name },
          )}
          confirmLabel={t('evidence.delete')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
