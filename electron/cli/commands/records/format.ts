import type { CasePerson, PersonRecord, PersonSummary } from '../../../../shared/domain/person';
import type { CaseRecord, CaseSummary } from '../../../../shared/domain/case';
import type { EventRecord } from '../../../../shared/domain/event';
import type { InterventionRecord } from '../../../../shared/domain/intervention';
import type { TestimonyRecord, TestimonySummary } from '../../../../shared/domain/testimony';
import type { SearchResults } from '../../../../shared/domain/search';
import type { TimelineEntry } from '../../../../shared/domain/timeline';
import { formatBytes } from '../../../../shared/domain/text';
import { formatPartialDate, type PartialDate } from '../../../../shared/domain/partialDate';
import type { VocabularyListing } from '../../../core/records';

// Human output of the records commands. Term ids are shown as they are
// (stable, short, and what the options take); dates in their text form.

const date = (d: PartialDate | null | undefined): string => (d ? formatPartialDate(d) : '');
const oneLine = (text: string, max = 80): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** Left-aligned columns; the last column is not padded. */
export function table(rows: string[][], header?: string[]): string {
  const all = header ? [header, ...rows] : rows;
  if (all.length === 0) return '';
  const widths = all[0]!.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  return all
    .map((r) =>
      r
        .map((cell, i) =>
          i === r.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const indent = (text: string, by = '  ') =>
  text
    .split('\n')
    .map((l) => `${by}${l}`)
    .join('\n');

export function caseList(cases: CaseSummary[]): string {
  if (cases.length === 0) return 'No cases.';
  return table(
    cases.map((c) => [
      c.reference,
      c.status,
      c.countries.join(','),
      String(c.counts.persons),
      String(c.counts.events),
      String(c.counts.testimonies),
      String(c.counts.interventions),
      c.id,
      oneLine(c.title, 60),
    ]),
    [
      'REFERENCE',
      'STATUS',
      'COUNTRIES',
      'PERSONS',
      'EVENTS',
      'TESTIMONIES',
      'INTERV.',
      'ID',
      'TITLE',
    ],
  );
}

export function caseDetail(
  c: CaseRecord,
  persons: CasePerson[],
  events: EventRecord[],
  testimonies: TestimonySummary[],
  interventions: InterventionRecord[],
): string {
  const lines = [
    `${c.reference}  ${c.title}`,
    `id: ${c.id}`,
    `status: ${c.status}   confidentiality: ${c.confidentiality}   countries: ${c.countries.join(', ') || '-'}   tags: ${c.tags.join(', ') || '-'}`,
    `created: ${c.createdAt}   updated: ${c.updatedAt}`,
  ];
  if (c.summary) lines.push('', indent(c.summary));
  lines.push('', `Persons (${persons.length}):`);
  if (persons.length)
    lines.push(indent(table(persons.map((p) => [p.id, p.roles.join(','), p.name]))));
  lines.push('', `Events (${events.length}):`);
  if (events.length)
    lines.push(
      indent(
        table(
          events.map((e) => [
            e.id,
            date(e.start) + (e.end ? ` → ${date(e.end)}` : e.ongoing ? ' → ongoing' : ''),
            e.eventType,
            oneLine(e.title, 60),
          ]),
        ),
      ),
    );
  lines.push('', `Testimonies (${testimonies.length}):`);
  if (testimonies.length) {
    lines.push(
      indent(
        table(
          testimonies.map((t) => [
            t.id,
            date(t.takenOn),
            t.witnessId ? `witness ${t.witnessId.slice(0, 8)}` : 'anonymous',
            t.language ?? '-',
            formatBytes(t.statementBytes),
            `consent: ${t.consent.withdrawn ? 'WITHDRAWN' : t.consent.scope}`,
          ]),
        ),
      ),
    );
  }
  lines.push('', `Interventions (${interventions.length}):`);
  if (interventions.length)
    lines.push(
      indent(
        table(
          interventions.map((i) => [
            i.id,
            date(i.sentOn) || 'not sent',
            i.interventionType,
            i.status,
            oneLine(i.recipient, 40),
          ]),
        ),
      ),
    );
  return lines.join('\n');
}

export function personList(persons: PersonSummary[]): string {
  if (persons.length === 0) return 'No persons.';
  return table(
    persons.map((p) => [
      p.id,
      p.personType,
      p.cases.map((c) => `${c.caseId.slice(0, 8)}:${c.roles.join('+')}`).join(' '),
      oneLine(p.name, 50),
    ]),
    ['ID', 'TYPE', 'CASES:ROLES', 'NAME'],
  );
}

export function personDetail(
  p: PersonRecord,
  cases: { caseId: string; roles: string[] }[],
): string {
  const field = (label: string, value: string | null | undefined) =>
    value ? [`${label}: ${value}`] : [];
  return [
    p.name,
    `id: ${p.id}`,
    ...field('type', p.personType),
    ...field('family name', p.familyName),
    ...field('given name', p.givenName),
    ...field('family name (Latin)', p.familyNameLatin),
    ...field('given name (Latin)', p.givenNameLatin),
    ...field('aliases', p.aliases.join('; ')),
    ...field('pseudonym', p.pseudonym),
    ...field('sex/gender', p.sex),
    ...field('birth date', date(p.birthDate)),
    ...field('age', p.age === null ? '' : String(p.age)),
    ...field('nationalities', p.nationalities.join(', ')),
    ...p.identityDocuments.map(
      (d) =>
        `identity document: ${[
          d.type,
          d.number ? `number ${d.number} (private)` : '',
          d.issuedBy ? `issued by ${d.issuedBy}` : '',
          d.issuedOn ? `on ${date(d.issuedOn)}` : '',
          d.country ?? '',
        ]
          .filter(Boolean)
          .join(', ')}`,
    ),
    ...field('occupation', p.occupation),
    ...field('human-rights work', p.hrdWork.join(', ')),
    ...field('affiliation', p.affiliation),
    ...field('residence (private)', oneLine(p.residence)),
    ...field('phone (private)', p.contact.phone),
    ...field('email (private)', p.contact.email),
    ...field('messaging (private)', p.contact.messaging),
    ...field('address (private)', oneLine(p.contact.address)),
    ...(p.deceased ? [`deceased${p.deathDate ? `: ${date(p.deathDate)}` : ''}`] : []),
    ...field('consent', p.consent ? consentLine(p.consent) : ''),
    ...field('notes', oneLine(p.notes, 200)),
    '',
    `Cases (${cases.length}):`,
    ...cases.map((c) => `  ${c.caseId}  ${c.roles.join(', ')}`),
  ].join('\n');
}

export function consentLine(c: TestimonyRecord['consent']): string {
  const parts = [
    c.scope + (c.mechanisms.length ? ` (${c.mechanisms.join(', ')})` : ''),
    `naming: ${c.naming}${c.pseudonym ? ` "${c.pseudonym}"` : ''}`,
  ];
  if (c.knowsGovernmentContacted !== null)
    parts.push(
      c.knowsGovernmentContacted
        ? 'knows the government will be contacted'
        : 'does NOT know the government will be contacted',
    );
  if (c.givenOn)
    parts.push(
      `given ${c.givenOn}${c.givenBy ? ` by ${c.givenBy}` : ''}${c.form ? ` (${c.form})` : ''}`,
    );
  if (c.withdrawn) parts.push(`WITHDRAWN${c.withdrawnOn ? ` on ${c.withdrawnOn}` : ''}`);
  return parts.join('; ');
}

export function eventList(events: EventRecord[]): string {
  if (events.length === 0) return 'No events.';
  return table(
    events.map((e) => [
      e.id,
      date(e.start) + (e.end ? ` → ${date(e.end)}` : e.ongoing ? ' → ongoing' : ''),
      e.eventType,
      e.location.country ?? '',
      String(e.victims.length),
      oneLine(e.title || e.description, 50),
    ]),
    ['ID', 'DATE', 'TYPE', 'COUNTRY', 'VICTIMS', 'TITLE'],
  );
}

export function testimonyList(testimonies: TestimonySummary[]): string {
  if (testimonies.length === 0) return 'No testimonies.';
  return table(
    testimonies.map((t) => [
      t.id,
      date(t.takenOn),
      t.witnessId ?? 'anonymous',
      t.language ?? '-',
      formatBytes(t.statementBytes),
      t.consent.withdrawn ? 'WITHDRAWN' : t.consent.scope,
    ]),
    ['ID', 'TAKEN', 'WITNESS', 'LANG', 'SIZE', 'CONSENT'],
  );
}

export function testimonyDetail(t: TestimonyRecord, witnessName: string | null): string {
  const lines = [
    `Testimony ${t.id}`,
    `case: ${t.caseId}`,
    `witness: ${witnessName ? `${witnessName} (${t.witnessId})` : `anonymous${t.witnessDescription ? ` — ${t.witnessDescription}` : ''}`}`,
    `taken: ${date(t.takenOn)}${t.place ? ` at ${t.place}` : ''}${t.country ? ` (${t.country})` : ''}${t.method ? `, ${t.method}` : ''}${t.interviewer ? `, by ${t.interviewer}` : ''}`,
    `language: ${t.language ?? '-'}`,
    `consent: ${consentLine(t.consent)}`,
    '',
    t.statement,
  ];
  if (t.translation)
    lines.push(
      '',
      `Translation${t.translationLanguage ? ` (${t.translationLanguage})` : ''}:`,
      '',
      t.translation,
    );
  return lines.join('\n');
}

export function interventionList(interventions: InterventionRecord[]): string {
  if (interventions.length === 0) return 'No interventions.';
  return table(
    interventions.map((i) => [
      i.id,
      date(i.sentOn) || 'not sent',
      i.interventionType,
      i.status,
      i.followUpOn ?? '',
      oneLine([i.recipient, i.reference, i.outcome].filter(Boolean).join(' · '), 60),
    ]),
    ['ID', 'SENT', 'TYPE', 'STATUS', 'FOLLOW-UP', 'RECIPIENT · REFERENCE · OUTCOME'],
  );
}

export function searchResults(results: SearchResults): string {
  if (results.hits.length === 0)
    return results.terms.length ? 'No matches.' : 'Nothing to search for.';
  const lines = [
    `${results.total} match${results.total === 1 ? '' : 'es'}${results.total > results.hits.length ? ` (showing ${results.hits.length})` : ''}`,
  ];
  if (results.partialRanking)
    lines.push(
      'A very common word: its matches are ranked a window at a time, newest first; --offset goes on into older ones, --rank-all ranks them all together.',
    );
  for (const hit of results.hits) {
    lines.push(
      '',
      `${hit.kind.padEnd(12)} ${hit.id}  ${[hit.date ? formatPartialDate(hit.date) : '', oneLine(hit.title, 60) || '(anonymous witness)'].filter(Boolean).join('  ')}`,
    );
    const passage = hit.snippet.segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');
    lines.push(
      `             ${hit.field}: ${hit.snippet.truncatedStart ? '…' : ''}${passage}${hit.snippet.truncatedEnd ? '…' : ''}`,
    );
  }
  return lines.join('\n');
}

export function timeline(entries: TimelineEntry[]): string {
  if (entries.length === 0) return 'Nothing dated yet.';
  return table(
    entries.map((e) => [
      `${formatPartialDate(e.date)}${e.end ? ` → ${formatPartialDate(e.end)}` : ''}`,
      e.uncertain ? '?' : '',
      e.kind,
      oneLine(e.title, 50) || '(anonymous)',
      oneLine(e.detail, 40),
      e.id,
    ]),
    ['DATE', '', 'KIND', 'WHAT', 'DETAIL', 'ID'],
  );
}

export function vocabularyDetail(v: VocabularyListing, lang: string): string {
  const label = (labels: Record<string, string | undefined>) =>
    labels[lang] ?? labels.en ?? Object.values(labels).find(Boolean) ?? '';
  return [
    `${v.name} (version ${v.version}${v.extensible ? ', extensible' : ', closed'}): ${label(v.title)}`,
    table(v.terms.map((t) => [t.id, t.builtIn ? '' : 'custom', label(t.labels)])),
  ].join('\n');
}

export function vocabularyIndex(all: VocabularyListing[], lang: string): string {
  return table(
    all.map((v) => [
      v.name,
      `v${v.version}`,
      v.extensible ? 'extensible' : 'closed',
      `${v.terms.length} terms`,
      (v.title as Record<string, string>)[lang] ?? v.title.en,
    ]),
  );
}
