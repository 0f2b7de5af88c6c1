import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mark, MARKS } from '../../app/perfMarks';
import { useNavigation } from '../../app/routes';
import { useCountryNames } from '../../components/CountrySelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FilterSelect, FilterText, VocabFilter } from '../../components/Filters';
import { Loading } from '../../components/Loading';
import { filterCases, searchKeyOf, sortCases, type CaseSortKey } from '../../logic/caseList';
import { formatDateTime, formatNumber } from '../../logic/format';
import { useDrafts } from '../../lib/drafts';
import { useLoad } from '../../lib/useLoad';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil } from '../../lib/vigil';
import './cases.css';

const COLUMNS: { key: CaseSortKey; numeric?: boolean }[] = [
  { key: 'reference' },
  { key: 'title' },
  { key: 'status' },
  { key: 'persons', numeric: true },
  { key: 'events', numeric: true },
  { key: 'testimonies', numeric: true },
  { key: 'updated' },
];

const ROW_HEIGHT = 52;
/** How many cases are shown before the whole list has arrived. */
const FIRST_PAGE = 200;

/** Every case in the vault: find as you type, filter, sort; only the visible rows are drawn. */
export function CaseListScreen() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const { navigate } = useNavigation();
  const { label } = useVocabularies();
  const countries = useCountryNames();
  // The most recently changed cases first, so the list is usable at once; then all of them
  // (ten thousand rows take about a second to come), for finding, filtering and sorting.
  const first = useLoad(() => vigil.cases.list({ limit: FIRST_PAGE }), 'cases:first');
  const firstRows = first.data;
  const all = useLoad(
    () =>
      firstRows && firstRows.length === FIRST_PAGE
        ? vigil.cases.list({})
        : Promise.resolve(firstRows),
    `cases:all:${firstRows ? 'ready' : 'waiting'}`,
  );
  const complete = all.data !== undefined;
  const list = {
    data: all.data ?? first.data,
    loading: first.loading,
    error: first.error ?? all.error,
  };
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const [country, setCountry] = useState('');
  const [eventType, setEventType] = useState('');
  const [sort, setSort] = useState<{ key: CaseSortKey; descending: boolean }>({
    key: 'updated',
    descending: true,
  });
  const byEventType = useLoad(
    () => (eventType ? vigil.cases.list({ eventType }) : Promise.resolve(null)),
    `event-type:${eventType}`,
  );

  const overdue = useLoad(() => vigil.due.list({ overdueOnly: true }), 'due:overdue');
  const overdueCases = useMemo(
    () => new Set((overdue.data ?? []).map((item) => item.caseId)),
    [overdue.data],
  );
  const draftCases = new Set(useDrafts().map((d) => d.caseId));
  const rows = useMemo(() => list.data ?? [], [list.data]);
  const keys = useMemo(() => new Map(rows.map((row) => [row.id, searchKeyOf(row)])), [rows]);
  const collator = useMemo(
    () => new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }),
    [locale],
  );
  const ids = useMemo(
    () => (eventType && byEventType.data ? new Set(byEventType.data.map((c) => c.id)) : null),
    [eventType, byEventType.data],
  );
  const visible = useMemo(() => {
    const filtered = filterCases(rows, keys, {
      text,
      status: status || null,
      country: country || null,
      ids: eventType ? (ids ?? new Set()) : null,
    });
    return sortCases(filtered, sort.key, sort.descending, collator, (id) =>
      label('case-status', id),
    );
  }, [rows, keys, text, status, country, eventType, ids, sort, collator, label]);
  const presentCountries = useMemo(() => {
    const present = new Set(rows.flatMap((row) => row.countries));
    return countries.options.filter((o) => present.has(o.value));
  }, [rows, countries.options]);

  const scroller = useRef<HTMLDivElement>(null);
  // The compiler skips memoising this component because of the virtualiser; it needs no memoising.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const interactive = list.data !== undefined;
  useEffect(() => {
    if (interactive) mark(MARKS.casesInteractive);
  }, [interactive]);
  useEffect(() => {
    if (complete) mark(MARKS.casesComplete);
  }, [complete]);

  const sortBy = (key: CaseSortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, descending: !s.descending }
        : {
            key,
            descending:
              key === 'updated' || key === 'persons' || key === 'events' || key === 'testimonies',
          },
    );

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('cases.title')}</h1>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => navigate({ name: 'case-new' })}
        >
          {t('cases.new')}
        </button>
      </div>
      <div className="filters" role="search" aria-label={t('cases.filtersLabel')}>
        <FilterText id="case-find" label={t('cases.find')} value={text} onChange={setText} />
        <VocabFilter
          id="case-status"
          label={t('cases.columns.status')}
          vocabulary="case-status"
          value={status}
          onChange={setStatus}
        />
        <FilterSelect
          id="case-country"
          label={t('cases.country')}
          value={country}
          onChange={setCountry}
          options={presentCountries}
        />
        <VocabFilter
          id="case-event-type"
          label={t('cases.eventType')}
          vocabulary="event-type"
          value={eventType}
          onChange={setEventType}
        />
      </div>
      <ErrorNotice error={list.error ?? byEventType.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted" role="status" aria-live="polite">
            {complete
              ? t('cases.count', {
                  count: visible.length,
                  total: formatNumber(rows.length, locale),
                  shown: formatNumber(visible.length, locale),
                })
              : t('cases.loadingRest', {
                  count: rows.length,
                  shown: formatNumber(rows.length, locale),
                })}
          </p>
          {rows.length === 0 ? (
            <p className="empty">{t('cases.empty')}</p>
          ) : (
            <div
              className="case-table"
              role="table"
              aria-label={t('cases.title')}
              aria-rowcount={visible.length + 1}
            >
              <div role="rowgroup">
                <div role="row" className="case-row case-head" aria-rowindex={1}>
                  {COLUMNS.map((column) => (
                    <div
                      key={column.key}
                      role="columnheader"
                      className={column.numeric ? 'num' : undefined}
                      aria-sort={
                        sort.key === column.key
                          ? sort.descending
                            ? 'descending'
                            : 'ascending'
                          : undefined
                      }
                    >
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => sortBy(column.key)}
                      >
                        {t(`cases.columns.${column.key}`)}
                        <span aria-hidden="true">
                          {sort.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                        </span>
                      </button>
                    </div>
                  ))}
                </div>
              </div>
              <div role="rowgroup" className="case-scroll" ref={scroller}>
                <div style={{ blockSize: virtualizer.getTotalSize(), position: 'relative' }}>
                  {virtualizer.getVirtualItems().map((item) => {
                    const row = visible[item.index]!;
                    return (
                      <div
                        key={row.id}
                        role="row"
                        aria-rowindex={item.index + 2}
                        className="case-row"
                        style={{
                          position: 'absolute',
                          insetBlockStart: 0,
                          insetInlineStart: 0,
                          inlineSize: '100%',
                          blockSize: ROW_HEIGHT,
                          transform: `translateY(${item.start}px)`,
                        }}
                      >
                        <div role="cell" className="mono">
                          {row.reference}
                        </div>
                        <div role="cell" className="title-cell">
                          <button
                            type="button"
                            className="link-button"
                            dir="auto"
                            onClick={() =>
                              navigate({ name: 'case', caseId: row.id, tab: 'overview' })
                            }
                          >
                            {row.title}
                          </button>
                          {draftCases.has(row.id) ? (
                            <>
                              {' '}
                              <span className="badge badge-warn">{t('drafts.marker')}</span>
                            </>
                          ) : null}
                          {overdueCases.has(row.id) ? (
                            <>
                              {' '}
                              <span className="badge badge-risk">{t('due.overdueMarker')}</span>
                            </>
                          ) : null}
                          {row.countries.length > 0 ? (
                            <span className="muted small">
                              {' '}
                              {row.countries.map((c) => countries.name(c)).join(', ')}
                            </span>
                          ) : null}
                        </div>
                        <div role="cell">
                          <span className="badge">{label('case-status', row.status)}</span>
                        </div>
                        <div role="cell" className="num">
                          {formatNumber(row.counts.persons, locale)}
                        </div>
                        <div role="cell" className="num">
                          {formatNumber(row.counts.events, locale)}
                        </div>
                        <div role="cell" className="num">
                          {formatNumber(row.counts.testimonies, locale)}
                        </div>
                        <div role="cell" className="small">
                          {formatDateTime(row.lastChange, locale)}
                        </div>
                      </div>
                    );
                  })}
                </div>
              </div>
            </div>
          )}
        </>
      )}
    </>
  );
}
