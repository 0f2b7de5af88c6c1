import { useTranslation } from 'react-i18next';
import type { ConsentRefusalReason } from '../../../../shared/domain/consent';
import type { WithheldItem, WithheldReason } from '../../../../shared/dossier';
import { useLocale } from '../../i18n/useLocale';
import { formatDateValue, formatDay, formatList } from '../../logic/format';
import { useVocabularies } from '../../lib/vocabularies';

/**
 * The withholding report in the user's language. The core describes each
 * line as data (the record's own name, vocabulary terms, field paths, and
 * reason codes); this words it: "Amal Hassan (victim): Consent: scope —
 * internal working data". Names are the vault's own and stay as written.
 */

/** Every field an export can withhold (shared/domain/privateFields.ts), by its path without indices. */
const FIELD_KEYS = {
  contact: 'contact',
  residence: 'residence',
  'identityDocuments.number': 'identityDocumentNumber',
  'location.latitude': 'latitude',
  'location.longitude': 'longitude',
  interviewer: 'interviewer',
  place: 'interviewPlace',
  'consent.scope': 'consentScope',
  'consent.mechanisms': 'consentMechanisms',
  'consent.naming': 'consentNaming',
  'consent.pseudonym': 'consentPseudonym',
  'consent.notes': 'consentNotes',
  status: 'status',
  tags: 'tags',
  confidentiality: 'confidentiality',
  notes: 'notes',
  'sources.reliability': 'sourceReliability',
  sources: 'source',
  'perpetrators.notes': 'perpetratorNotes',
  'detention.places.notes': 'detentionPlaceNotes',
  followUpOn: 'followUpOn',
} as const;
type FieldKey = (typeof FIELD_KEYS)[keyof typeof FIELD_KEYS];

/** `identityDocuments[1].number` → `identityDocuments.number`. */
export function fieldPathKey(path: string): string {
  return path
    .split(/[.[\]]+/)
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .join('.');
}

export function useWithheldWords() {
  const { t } = useTranslation();
  const { language } = useLocale();
  const { label } = useVocabularies();

  const reason = (r: WithheldReason | ConsentRefusalReason): string => {
    if (r.code === 'consent-withdrawn' && r.on)
      return t('withheld.reasons.consent-withdrawn-on', { date: formatDay(r.on, language) });
    if (r.code === 'consent-other-mechanism')
      return t('withheld.reasons.consent-other-mechanism', {
        mechanism: label('mechanism', r.mechanism ?? ''),
      });
    return t(`withheld.reasons.${r.code}`);
  };

  /** "Consent: scope", or the path itself for a field this version has no words for. */
  const field = (path: string): string => {
    const key = (FIELD_KEYS as Record<string, FieldKey | undefined>)[fieldPathKey(path)];
    return key ? t(`withheld.fields.${key}`) : path;
  };

  /** The record a line is about, as the sender knows it. */
  const record = (item: WithheldItem): string => {
    const subject = item.subject;
    const name = subject?.name ?? null;
    switch (item.record.kind) {
      case 'case':
        return t('withheld.records.case');
      case 'person': {
        const roles = (subject?.terms ?? []).map((role) => label('person-role', role));
        return roles.length > 0 ? `${name ?? ''} (${roles.join(', ')})` : (name ?? '');
      }
      case 'event': {
        const type = subject?.terms[0] ? label('event-type', subject.terms[0]) : '';
        const base = name ?? type;
        return subject?.date
          ? t('withheld.records.dated', {
              what: base,
              date: formatDateValue(subject.date, language),
            })
          : base;
      }
      case 'testimony': {
        const base = name
          ? t('withheld.records.testimonyOf', { name })
          : t('withheld.records.testimony');
        return subject?.date
          ? t('withheld.records.dated', {
              what: base,
              date: formatDateValue(subject.date, language),
            })
          : base;
      }
      case 'intervention': {
        const type = subject?.terms[0] ? label('intervention-type', subject.terms[0]) : '';
        return name ? t('withheld.records.interventionTo', { type, recipient: name }) : type;
      }
      default:
        return name ?? '';
    }
  };

  /** What is left out. */
  const what = (item: WithheldItem): string => {
    if (!item.subject) return item.what;
    switch (item.kind) {
      case 'name':
        return item.subject.shownAs
          ? t('withheld.nameShownAs', {
              name: item.subject.name ?? '',
              shownAs: item.subject.shownAs,
            })
          : t('withheld.nameNotShown', { name: item.subject.name ?? '' });
      case 'field': {
        const fields = (item.field ?? '').split(', ').filter(Boolean).map(field);
        return `${record(item)}: ${formatList([...new Set(fields)], language)}`;
      }
      default:
        return record(item);
    }
  };

  /** Why, in the user's language; a report kept before the codes existed keeps its English words. */
  const why = (item: WithheldItem): string =>
    item.why ? formatList(item.why.map(reason), language) : item.reason;

  /** Whether a line is worded by this UI (else it is an old report's English). */
  const worded = (item: WithheldItem) => Boolean(item.subject && item.why);

  return { what, why, reason, worded };
}
