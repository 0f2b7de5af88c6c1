import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VocabSelect } from '../../components/VocabSelect';
import type { SearchHit } from '../../lib/types';
import { vigil } from '../../lib/vigil';

/** Someone already in the vault (from another case) joins this one in a role. */
export function LinkPersonDialog({
  caseId,
  onClose,
  onLinked,
}: {
  caseId: string;
  onClose: () => void;
  onLinked: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [role, setRole] = useState('victim');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!text.trim()) return;
    let live = true;
    const timer = setTimeout(() => {
      vigil.search
        .query({
          text,
          kinds: ['person'],
          limit: 20,
          lang: (i18n.resolvedLanguage ?? 'en') as 'en',
        })
        .then(
          (r) => live && setHits(r.hits),
          (e: unknown) => live && setError(e),
        );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, i18n.resolvedLanguage]);

  const link = async () => {
    if (!chosen) return;
    try {
      await vigil.persons.link({ caseId, personId: chosen, role });
      onLinked();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Dialog title={t('persons.linkTitle')} onClose={onClose}>
      <ErrorNotice error={error} />
      <div className="field">
        <label htmlFor="link-person-find">{t('persons.linkFind')}</label>
        <input
          id="link-person-find"
          type="search"
          dir="auto"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoFocus
        />
      </div>
      {text.trim() ? (
        <fieldset>
          <legend>{t('persons.linkResults', { count: hits.length })}</legend>
          {hits.map((hit) => (
            <div className="choice" key={hit.id}>
              <input
                type="radio"
                id={`link-${hit.id}`}
                name="link-person"
                checked={chosen === hit.id}
                onChange={() => setChosen(hit.id)}
              />
              <label htmlFor={`link-${hit.id}`} dir="auto">
                {hit.title}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <VocabSelect
        label={t('persons.role')}
        vocabulary="person-role"
        value={role}
        onChange={(v) => setRole(v ?? 'victim')}
      />
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!chosen}
          onClick={() => void link()}
        >
          {t('persons.link')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
