import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RANK_WINDOW, SEARCH_KINDS, type SearchKind } from '../../../../shared/domain/search';
import { mark, MARKS } from '../../app/perfMarks';
import { useNavigation, type CaseTab } from '../../app/routes';
import { CountrySelect } from '../../components/CountrySelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Checkbox } from '../../components/Field';
import { VocabFilter } from '../../components/Filters';
import { useLocale } from '../../i18n/useLocale';
import { formatNumber, formatPartialDate } from '../../logic/format';
import { parseDateText } from '../../logic/partialDateText';
import type { SearchHit, SearchResults } from '../../lib/types';
import { useToggleSet } from '../../lib/useToggleSet';
import { vigil } from '../../lib/vigil';
import './search.css';
import { useIsolatedT } from '../../i18n/isolate';

const TAB_OF: Record<SearchKind, CaseTab> = {
  case: 'overview',
  person: 'persons',
  event: 'events',
  testimony: 'testimonies',
  intervention: 'interventions',
};
/** Long enough to let a fast typist finish a word, short enough to feel immediate. */
const DEBOUNCE_MS = 40;
/** Hits per page; "show more" appends the next page. */
const PAGE = 50;
/** Enough to rank every match of any real vault together (the query's upper bound). */
const RANK_ALL = 1_000_000;

function Snippet({ hit }: { hit: SearchHit }) {
  const { snippet } = hit;
  return (
    <p className="snippet" dir="auto">
      {snippet.truncatedStart ? '… ' : ''}
      {snippet.segments.map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
      {snippet.truncatedEnd ? ' …' : ''}
    </p>
  );
}

/** A date typed in the user's words; what is not understood is said, and filters nothing. */
function DateFilter({
  id,
  label,
  value,
  onChange,
  unrecognised,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  unrecognised: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        dir="auto"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={unrecognised ? true : undefined}
      />
      {unrecognised ? <span className="field-error">{t('dates.input.unrecognised')}</span> : null}
    </div>
  );
}

/** Search across every case: results as you type, with the matching passage highlighted. */
export function SearchScreen() {
  const { t } = useTranslation();
  const ti = useIsolatedT();
  const { language, dateWords, dateInputWords } = useLocale();
  const { navigate } = useNavigation();
  const [text, setText] = useState('');
  const [kinds, toggleKind] = useToggleSet<SearchKind>(SEARCH_KINDS);
  const [country, setCountry] = useState<string | null>(null);
  const [eventType, setEventType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [results, setResults] = useState<{ query: string; results: SearchResults } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cases, setCases] = useState<Map<string, string>>(new Map());
  const [loadingMore, setLoadingMore] = useState(false);
  // Ranking every match of a very common word is slow; the user may ask for it all the same.
  const [rankAll, setRankAll] = useState(false);
  const round = useRef(0);

  const fromDate = from.trim() ? parseDateText(from, [language], dateInputWords) : null;
  const toDate = to.trim() ? parseDateText(to, [language], dateInputWords) : null;
  const fromKey = fromDate?.ok ? JSON.stringify(fromDate.date) : '';
  const toKey = toDate?.ok ? JSON.stringify(toDate.date) : '';
  const kindsKey = [...kinds].sort().join(',');

  /** The query as it stands, for one page of hits from `offset`. */
  const request = (query: string, offset: number) => {
    const selected = kindsKey ? (kindsKey.split(',') as SearchKind[]) : [];
    return {
      text: query,
      limit: PAGE,
      offset,
      lang: language,
      ...(selected.length < SEARCH_KINDS.length ? { kinds: selected } : {}),
      ...(country ? { country } : {}),
      ...(eventType ? { eventType } : {}),
      ...(fromKey ? { from: JSON.parse(fromKey) as unknown } : {}),
      ...(toKey ? { to: JSON.parse(toKey) as unknown } : {}),
      ...(rankAll ? { rankWithin: RANK_ALL } : {}),
    };
  };

  useEffect(() => {
    const query = text.trim();
    const mine = ++round.current;
    if (!query) {
      const clear = setTimeout(() => setResults(null), 0);
      return () => clearTimeout(clear);
    }
    const timer = setTimeout(() => {
      vigil.search.query(request(query, 0)).then(
        (answer) => {
          if (mine !== round.current) return;
          setError(null);
          setResults({ query, results: answer });
        },
        (e: unknown) => mine === round.current && setError(e),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // request() reads exactly these values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, kindsKey, country, eventType, fromKey, toKey, language, rankAll]);

  /** The next page, appended; dropped if the query changed meanwhile. */
  const showMore = () => {
    if (!results) return;
    const mine = round.current;
    setLoadingMore(true);
    vigil.search
      .query(request(results.query, results.results.hits.length))
      .then(
        (answer) => {
          if (mine !== round.current) return;
          setResults((current) =>
            current && current.query === results.query
              ? {
                  query: current.query,
                  results: {
                    ...answer,
                    hits: [
                      ...current.results.hits,
                      ...answer.hits.filter(
                        (h) =>
                          !current.results.hits.some((c) => c.kind === h.kind && c.id === h.id),
                      ),
                    ],
                  },
                }
              : current,
          );
        },
        (e: unknown) => mine === round.current && setError(e),
      )
      .finally(() => setLoadingMore(false));
  };

  useEffect(() => {
    if (results) mark(MARKS.searchRendered);
  }, [results]);

  // The case each hit belongs to, by reference and title (fetched once per case).
  useEffect(() => {
    const missing = [...new Set((results?.results.hits ?? []).flatMap((h) => h.caseIds))].filter(
      (id) => !cases.has(id),
    );
    if (missing.length === 0) return;
    let live = true;
    Promise.all(
      missing.map((id) =>
        vigil.cases.get({ id }).then(
          (c) => [id, `${c.reference} · ${c.title}`] as const,
          () => [id, ''] as const,
        ),
      ),
    ).then(
      (found) => live && setCases((current) => new Map([...current, ...found])),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [results, cases]);

  const open = (hit: SearchHit) => {
    const caseId = hit.kind === 'case' ? hit.id : hit.caseIds[0];
    if (!caseId) return;
    navigate({
      name: 'case',
      caseId,
      tab: TAB_OF[hit.kind],
      ...(hit.kind === 'case' ? {} : { recordId: hit.id }),
    });
  };

  const hits = results?.results.hits ?? [];
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('search.title')}</h1>
      </div>
      <div role="search" className="search-box">
        <div className="field">
          <label htmlFor="global-search">{t('search.label')}</label>
          <span className="field-hint" id="global-search-hint">
            {t('search.hint')}
          </span>
          <input
            id="global-search"
            type="search"
            dir="auto"
            value={text}
            autoFocus
            aria-describedby="global-search-hint"
            onChange={(e) => {
              mark(MARKS.searchInput);
              setText(e.target.value);
            }}
          />
        </div>
        <details className="search-filters">
          <summary>{t('search.filters')}</summary>
          <fieldset>
            <legend>{t('search.kinds')}</legend>
            <div className="grid-2">
              {SEARCH_KINDS.map((kind) => (
                <Checkbox
                  key={kind}
                  label={t(`search.kind.${kind}`)}
                  checked={kinds.has(kind)}
                  onChange={(on) => toggleKind(kind, on)}
                />
              ))}
            </div>
          </fieldset>
          <div className="grid-2">
            <CountrySelect
              label={t('search.country')}
              value={country}
              onChange={setCountry}
              emptyLabel={t('cases.any')}
            />
            <VocabFilter
              id="search-event-type"
              label={t('cases.eventType')}
              vocabulary="event-type"
              value={eventType}
              onChange={setEventType}
            />
            <DateFilter
              id="search-from"
              label={t('search.from')}
              value={from}
              onChange={setFrom}
              unrecognised={fromDate?.ok === false}
            />
            <DateFilter
              id="search-to"
              label={t('search.to')}
              value={to}
              onChange={setTo}
              unrecognised={toDate?.ok === false}
            />
          </div>
        </details>
      </div>
      <ErrorNotice error={error} />
      <p className="muted" role="status" aria-live="polite" data-testid="search-count">
        {results
          ? hits.length < results.results.total
            ? t('search.shown', {
                count: results.results.total,
                shown: formatNumber(hits.length, language),
                total: formatNumber(results.results.total, language),
              })
            : t('search.count', {
                count: results.results.total,
                total: formatNumber(results.results.total, language),
              })
          : text.trim()
            ? ''
            : t('search.start')}
      </p>
      {results?.results.partialRanking && !rankAll ? (
        <p className="muted small" data-testid="search-partial">
          {t('search.partialRanking', { window: formatNumber(RANK_WINDOW, language) })}{' '}
          <button type="button" className="link-button" onClick={() => setRankAll(true)}>
            {t('search.rankAll')}
          </button>
        </p>
      ) : null}
      <ol className="record-list search-results" aria-label={t('search.results')}>
        {hits.map((hit) => (
          <li key={`${hit.kind}:${hit.id}`} className="card search-hit">
            <div className="hit-head">
              <span className="badge">{t(`search.kind.${hit.kind}`)}</span>
              <button
                type="button"
                className="link-button hit-title"
                dir="auto"
                onClick={() => open(hit)}
              >
                {hit.title}
              </button>
              {hit.date ? (
                <span className="muted">{formatPartialDate(hit.date, language, dateWords)}</span>
              ) : null}
            </div>
            <Snippet hit={hit} />
            {hit.kind !== 'case' && hit.caseIds[0] && cases.get(hit.caseIds[0]) ? (
              <div className="muted small" dir="auto">
                {ti('search.inCase', { name: cases.get(hit.caseIds[0]) })}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {results && hits.length < results.results.total ? (
        <button type="button" className="btn" disabled={loadingMore} onClick={showMore}>
          {t('search.more', { count: Math.min(PAGE, results.results.total - hits.length) })}
        </button>
      ) : null}
    </>
  );
}
