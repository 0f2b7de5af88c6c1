import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { formatNumber, formatPartialDate } from '../../logic/format';
import { layoutTimeline, type Mark } from '../../logic/timelineLayout';
import type { TimelineEntry } from '../../lib/types';
import './timeline.css';

export interface TimelineItem extends TimelineEntry {
  ongoing: boolean;
  /** What the reader sees as the entry's type ("Arbitrary arrest", "Testimony"). */
  kindLabel: string;
}

const WIDTH = 1000;
const LANE = 34;
const TOP = 44;

/**
 * A visual timeline that shows what is not known: exact days as dots,
 * months and years as hatched bands, "about" as a dashed band reaching past
 * the period, "before"/"after" as arrows that fade out, lasting events as
 * bars (open-ended when still going on). The list below it carries the same
 * entries in words, for keyboards and screen readers.
 */
export function TimelineView({
  items,
  today,
  onOpen,
}: {
  items: readonly TimelineItem[];
  today: string;
  onOpen: (item: TimelineItem) => void;
}) {
  const { t } = useTranslation();
  const { language, dateWords } = useLocale();
  const rtl = document.documentElement.dir === 'rtl';
  const id = useId();
  const layout = useMemo(
    () =>
      layoutTimeline(
        items.map((item) => ({
          id: item.id + item.kind,
          date: item.date,
          end: item.end,
          ongoing: item.ongoing,
        })),
        today,
      ),
    [items, today],
  );
  const byKey = new Map(items.map((item) => [item.id + item.kind, item]));
  const span = Math.max(1, layout.to - layout.from);
  const x = (day: number) => {
    const position = ((day - layout.from) / span) * WIDTH;
    return rtl ? WIDTH - position : position;
  };
  const height = TOP + Math.max(1, layout.lanes) * LANE + 16;
  const when = (item: TimelineItem) => {
    const start = formatPartialDate(item.date, language, dateWords);
    if (item.ongoing) return t('events.ongoingSince', { start });
    return item.end
      ? t('events.range', { start, end: formatPartialDate(item.end, language, dateWords) })
      : start;
  };
  const tickLabel = (tick: (typeof layout.ticks)[number]) =>
    tick.label.month === null
      ? formatNumber(tick.label.year, language).replace(/[\s\u00a0\u202f,.]/g, '')
      : new Intl.DateTimeFormat(language, {
          month: 'short',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(Date.UTC(tick.label.year, tick.label.month - 1, 1)));

  const drawMark = (mark: Mark) => {
    const item = byKey.get(mark.id);
    if (!item) return null;
    const y = TOP + mark.lane * LANE;
    const left = Math.min(x(mark.from), x(mark.to));
    const width = Math.max(4, Math.abs(x(mark.to) - x(mark.from)));
    const kind = item.recordType;
    const title = `${when(item)} — ${item.title}`;
    const common = { className: `tl-mark tl-${kind} tl-${mark.shape}`, 'data-shape': mark.shape };
    let shape;
    switch (mark.shape) {
      case 'point':
        shape = <circle {...common} cx={x(mark.from)} cy={y} r={7} />;
        break;
      case 'before':
      case 'after': {
        const towardsStart = (mark.shape === 'before') !== rtl;
        const tip = towardsStart ? left : left + width;
        const base = towardsStart ? left + width : left;
        shape = (
          <g {...common}>
            <rect
              x={left}
              y={y - 6}
              width={width}
              height={12}
              rx={6}
              fill={`url(#${id}-fade-${towardsStart ? 'start' : 'end'})`}
            />
            <path d={`M ${base} ${y - 9} L ${base} ${y + 9}`} className="tl-bound" />
            <path
              d={`M ${tip + (towardsStart ? 9 : -9)} ${y - 6} L ${tip} ${y} L ${tip + (towardsStart ? 9 : -9)} ${y + 6}`}
              className="tl-arrow"
            />
          </g>
        );
        break;
      }
      case 'approximate':
        shape = <rect {...common} x={left} y={y - 7} width={width} height={14} rx={7} />;
        break;
      case 'period':
        shape = (
          <rect
            {...common}
            x={left}
            y={y - 7}
            width={width}
            height={14}
            rx={2}
            fill={`url(#${id}-hatch)`}
          />
        );
        break;
      default:
        shape = (
          <g {...common}>
            <rect
              x={left}
              y={y - 6}
              width={width}
              height={12}
              rx={3}
              className={mark.ongoing ? 'tl-ongoing' : undefined}
            />
            {mark.fuzzyStart ? (
              <rect
                x={rtl ? left + width - 10 : left}
                y={y - 6}
                width={10}
                height={12}
                className="tl-fuzzy-cap"
              />
            ) : null}
            {mark.fuzzyEnd ? (
              <rect
                x={rtl ? left : left + width - 10}
                y={y - 6}
                width={10}
                height={12}
                className="tl-fuzzy-cap"
              />
            ) : null}
          </g>
        );
    }
    const labelX = rtl ? left + width - 2 : left + 2;
    return (
      <g key={mark.id}>
        <title>{title}</title>
        {shape}
        <text
          x={labelX}
          y={y - 11}
          className="tl-label"
          textAnchor="start"
          direction={rtl ? 'rtl' : 'ltr'}
        >
          {item.title.length > 38 ? `${item.title.slice(0, 37)}…` : item.title}
        </text>
      </g>
    );
  };

  return (
    <div className="timeline">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="tl-svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
        data-testid="timeline-svg"
      >
        <title id={`${id}-title`}>{t('timeline.svgTitle', { count: layout.marks.length })}</title>
        <desc id={`${id}-desc`}>{t('timeline.svgDesc')}</desc>
        <defs>
          <pattern
            id={`${id}-hatch`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" className="tl-hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="tl-hatch-line" />
          </pattern>
          <linearGradient id={`${id}-fade-start`}>
            <stop offset="0" className="tl-fade-clear" />
            <stop offset="1" className="tl-fade-solid" />
          </linearGradient>
          <linearGradient id={`${id}-fade-end`}>
            <stop offset="0" className="tl-fade-solid" />
            <stop offset="1" className="tl-fade-clear" />
          </linearGradient>
        </defs>
        <line x1={0} x2={WIDTH} y1={20} y2={20} className="tl-axis" />
        {layout.ticks.map((tick) => (
          <g key={tick.day}>
            <line x1={x(tick.day)} x2={x(tick.day)} y1={16} y2={height} className="tl-grid" />
            <text
              x={x(tick.day) + (rtl ? -3 : 3)}
              y={13}
              className="tl-tick"
              direction={rtl ? 'rtl' : 'ltr'}
            >
              {tickLabel(tick)}
            </text>
          </g>
        ))}
        {layout.marks.map(drawMark)}
      </svg>
      <ul className="tl-legend" aria-label={t('timeline.legend')}>
        {(['point', 'period', 'approximate', 'before', 'span'] as const).map((shape) => (
          <li key={shape}>
            <span className={`tl-swatch tl-swatch-${shape}`} aria-hidden="true" />{' '}
            {t(`timeline.shapes.${shape}`)}
          </li>
        ))}
      </ul>
      <ol className="tl-list" aria-label={t('timeline.listLabel')}>
        {items.map((item) => (
          <li key={item.id + item.kind}>
            <span className="tl-when">{when(item)}</span>
            {item.uncertain ? (
              <span className="badge badge-warn" title={t('timeline.uncertainHint')}>
                {t('timeline.uncertain')}
              </span>
            ) : null}{' '}
            <span className="badge">{item.kindLabel}</span>{' '}
            <button type="button" className="link-button" dir="auto" onClick={() => onOpen(item)}>
              {item.title}
            </button>
            {item.detail ? (
              <span className="muted" dir="auto">
                {' '}
                — {item.detail}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
