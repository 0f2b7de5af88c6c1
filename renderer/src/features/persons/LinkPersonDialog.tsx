import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonChoice } from '../../../../shared/domain/person';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VocabSelect } from '../../components/VocabSelect';
import { formatNumber } from '../../logic/format';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil } from '../../lib/vigil';

/** One page of choices; "show more" asks for the next. */
const PAGE = 20;
/** Long enough to let a fast typist finish a word. */
const DEBOUNCE_MS = 120;

/** What tells this person apart from a namesake: other names, birth year or age, cases and roles. */
function ChoiceDetails({ person }: { person: PersonChoice }) {
  const { t, i18n } = useTranslation();
  const { label } = useVocabularies();
  const locale = i18n.resolvedLanguage ?? 'en';
  const facts: string[] = [];
  if (person.born)
    facts.push(
      t(`persons.choice.born.${person.born.qualifier}`, {
        year: new Intl.NumberFormat(locale, { useGrouping: false }).format(person.born.year),
      }),
    );
  else if (person.age !== null)
    facts.push(
      t('persons.choice.age', { count: person.age, age: formatNumber(person.age, locale) }),
    );
  return (
    <span className="choice-details">
      {person.aliases.length > 0 ? (
        <span className="muted small">
          {t('persons.choice.aliases')} <bdi>{person.aliases.join(', ')}</bdi>
        </span>
      ) : null}
      {facts.length > 0 ? <span className="muted small">{facts.join(' · ')}</span> : null}
      {person.cases.length === 0 ? (
        <span className="muted small">{t('persons.choice.noCase')}</span>
      ) : (
        <span className="choice-cases small">
          {person.cases.map((c) => (
            <span key={c.caseId} className="choice-case">
              <bdi>{c.reference}</bdi> · <bdi>{c.title}</bdi>
              {': '}
              {c.roles.map((role) => label('person-role', role)).join(', ')}
            </span>
          ))}
        </span>
      )}
    </span>
  );
}

/**
 * Someone already in the vault (from another case) joins this one in a role.
 * The list is searchable, shows everyone by name before anything is typed,
 * says how many of how many it shows, and loads more on request.
 */
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
  const locale = i18n.resolvedLanguage ?? 'en';
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ text: string; total: number; persons: PersonChoice[] }>({
    text: '',
    total: 0,
    persons: [],
  });
  const [loading, setLoading] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [role, setRole] = useState('victim');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      vigil.persons.find({ text, limit: PAGE }).then(
        (r) => {
          if (!live) return;
          setError(null);
          setFound({ text, ...r });
        },
        (e: unknown) => live && setError(e),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const more = async () => {
    setLoading(true);
    try {
      const next = await vigil.persons.find({
        text: found.text,
        limit: PAGE,
        offset: found.persons.length,
      });
      setFound((current) =>
        current.text === found.text
          ? {
              text: current.text,
              total: next.total,
              persons: [
                ...current.persons,
                ...next.persons.filter((p) => !current.persons.some((q) => q.id === p.id)),
              ],
            }
          : current,
      );
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  const link = async () => {
    if (!chosen) return;
    try {
      await vigil.persons.link({ caseId, personId: chosen, role });
      onLinked();
    } catch (e) {
      setError(e);
    }
  };

  const shown = found.persons.length;
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
      <fieldset className="person-choices">
        <legend role="status" aria-live="polite" data-testid="link-person-count">
          {shown < found.total
            ? t('persons.linkShown', {
                count: found.total,
                shown: formatNumber(shown, locale),
                total: formatNumber(found.total, locale),
              })
            : t('persons.linkResults', { count: found.total })}
        </legend>
        {found.persons.map((person) => (
          <div className="choice person-choice" key={person.id}>
            <input
              type="radio"
              id={`link-${person.id}`}
              name="link-person"
              checked={chosen === person.id}
              onChange={() => setChosen(person.id)}
              aria-describedby={`link-${person.id}-details`}
            />
            <label htmlFor={`link-${person.id}`}>
              <bdi>{person.name}</bdi>
            </label>
            <span id={`link-${person.id}-details`}>
              <ChoiceDetails person={person} />
            </span>
          </div>
        ))}
        {shown < found.total ? (
          <button type="button" className="btn" disabled={loading} onClick={() => void more()}>
            {t('persons.linkMore', {
              count: Math.min(PAGE, found.total - shown),
            })}
          </button>
        ) : null}
      </fieldset>
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
