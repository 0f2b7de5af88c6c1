import type { AppealSection, ChecklistItem } from '../../../../shared/dossier';
import type { DocumentEvent, Organisation } from '../../../../shared/domain';
import { bold, missing, type Block, type DocumentModel, type Inline } from '../../render';
import type { RedactedCase } from '../redact';
import { present, type Formatter } from './format';
import { fill } from '../../../../shared/i18n/fill';

/**
 * The urgent appeal: one page that NGO networks publish (or that is sent as
 * it is) about defenders at risk: who, what happened, where and when, who is
 * responsible, what is asked of the authorities, and to whom to write.
 *
 * Like the WGAD questionnaire, the appeal is built once as rows, each a value
 * or missing; the document prints `[missing: …]` exactly where a required row
 * has no value and the checklist lists the same rows, so the two cannot
 * disagree. It is made from the case as released to the public (an appeal is
 * published): only people whose consent covers publication appear, and only
 * as consent names them. A defender is a person who appears, is not an
 * alleged perpetrator, is a victim (of an event, or by role) and may be named
 * (in full, by initials or a pseudonym); someone consent leaves unnamed is
 * not presented as a defender at risk.
 */

type Target = ChecklistItem['target'];

export interface AppealRow {
  section: AppealSection;
  field: string;
  label: string;
  value: string | null;
  /** The person the row is about (their name in the vault, for the sender), and their id. */
  person: { id: string; name: string } | null;
  target: Target;
}

export interface AppealDefender {
  shown: string;
  work: AppealRow;
  organisation: string;
}

export interface AppealFact {
  date: AppealRow;
  place: AppealRow;
  what: string;
  description: string;
}

export interface Appeal {
  countries: string;
  defenders: AppealDefender[];
  named: AppealRow;
  summary: string;
  facts: AppealRow;
  events: AppealFact[];
  responsible: AppealRow;
  requests: string[];
  requestsRow: AppealRow;
  addressees: { name: string; address: string }[];
  addresseesRow: AppealRow;
  issued: string;
}

/** Builds the appeal's rows from the case as released to the public. */
export function urgentAppeal(
  redacted: RedactedCase,
  organisation: Organisation,
  f: Formatter,
  createdAt: Date,
): Appeal {
  const w = f.words.appeal;
  const doc = redacted.document;
  const row = (
    section: AppealSection,
    field: string,
    label: string,
    value: string | null,
    target: Target,
    person: AppealRow['person'] = null,
  ): AppealRow => ({ section, field, label, value, person, target });

  const victims = new Set(doc.events.flatMap((e) => e.victims));
  const defenders = redacted.persons
    .filter(
      (p) =>
        p.shownAs !== null &&
        !p.person.roles.includes('perpetrator') &&
        (victims.has(p.person.id) || p.person.roles.includes('victim')),
    )
    .map((p): AppealDefender => {
      const original = redacted.consent.find((c) => c.personId === p.person.id);
      const work = [f.terms('hrd-work', p.person.hrdWork), p.person.occupation].filter(present);
      return {
        shown: f.iso(p.label),
        work: row(
          'who',
          'work',
          w.work,
          work.length > 0 ? work.join(f.comma) : null,
          { kind: 'person', id: p.person.id, field: 'hrdWork' },
          { id: p.person.id, name: original?.name ?? p.label },
        ),
        organisation: p.person.affiliation,
      };
    });

  const events = [...doc.events].sort((a, b) =>
    (a.start.value ?? '9999').localeCompare(b.start.value ?? '9999'),
  );
  const facts: AppealFact[] = events.map((e) => ({
    date: row('what', 'date', f.words.field.date, f.date(e.start) ? dateOf(e, f) : null, {
      kind: 'event',
      id: e.id,
      field: 'start',
    }),
    place: row('what', 'place', f.words.field.place, f.place(e.location) || null, {
      kind: 'event',
      id: e.id,
      field: 'location',
    }),
    what: [f.term('event-type', e.eventType), e.title].filter(present).join(f.colon),
    description: e.description,
  }));

  const perpetrators = distinct(
    events.flatMap((e) => [
      ...e.perpetrators.map((p) => redacted.labelOf(p.personId) ?? '').map((s) => f.iso(s)),
      e.detention?.forces ?? '',
      e.detention?.authority ?? '',
    ]),
  );

  const sub = (field: string): Target => ({ kind: 'submission', id: null, field });
  const appeal = redacted.appeal;
  const requests = (appeal?.requests ?? []).filter(present);
  const addressees = (appeal?.addressees ?? []).filter((a) => present(a.name));
  const date = f.day(createdAt.toISOString());
  return {
    countries: f.countries(doc.case.countries),
    defenders,
    named: row(
      'who',
      'defender',
      w.namedDefender,
      defenders.length > 0 ? defenders.map((d) => d.shown).join(f.comma) : null,
      { kind: 'person', id: null, field: 'consent' },
    ),
    summary: doc.case.summary,
    facts: row(
      'what',
      'facts',
      w.facts,
      present(doc.case.summary) || events.length > 0 ? 'ok' : null,
      { kind: 'event', id: null, field: null },
    ),
    events: facts,
    responsible: row(
      'responsible',
      'perpetrators',
      w.responsible,
      perpetrators.length > 0 ? perpetrators.join(f.semicolon) : null,
      { kind: 'event', id: null, field: 'perpetrators' },
    ),
    requests,
    requestsRow: row(
      'requests',
      'requests',
      w.requests,
      requests.length > 0 ? 'ok' : null,
      sub('requests'),
    ),
    addressees,
    addresseesRow: row(
      'addressees',
      'addressees',
      w.addressees,
      addressees.length > 0 ? 'ok' : null,
      sub('addressees'),
    ),
    issued: present(organisation.name)
      ? fill(w.issuedBy, {
          organisation: f.iso(
            [organisation.name, organisation.email].filter(present).join(f.comma),
          ),
          date,
        })
      : fill(w.issuedOn, { date }),
  };
}

function dateOf(e: DocumentEvent, f: Formatter): string {
  return f.span(e.start, e.end, e.ongoing);
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values.filter(present))];
}

/** Every row the appeal requires, in the order the page shows them. */
export function appealRows(a: Appeal): AppealRow[] {
  return [
    a.named,
    ...a.defenders.map((d) => d.work),
    a.facts,
    ...a.events.flatMap((e) => [e.date, e.place]),
    a.responsible,
    a.requestsRow,
    a.addresseesRow,
  ];
}

/** The appeal's checklist: exactly the rows the page marks missing when they have no value. */
export function appealChecklist(a: Appeal): ChecklistItem[] {
  return appealRows(a).map((r) => ({
    id: [r.section, r.field, r.person?.id ?? r.target.id].filter(Boolean).join(':'),
    part: r.section,
    field: r.field,
    person: r.person?.name ?? null,
    label: r.label,
    ok: r.value !== null,
    target: r.target,
  }));
}

/** The checklist item on length: ok when the rendered page count is one. */
export function onePageItem(pages: number, f: Formatter): ChecklistItem {
  return {
    id: 'page:onePage',
    part: 'page',
    field: 'onePage',
    person: null,
    label: fill(f.words.appeal.onePage, { pages }),
    ok: pages === 1,
    target: { kind: 'case', id: null, field: 'summary' },
  };
}

const cell = (r: AppealRow): Inline => r.value ?? missing(r.label);

/** The appeal as a one-page document: it prints only what the rows hold, and `[missing: …]` where they hold nothing. */
export function appealDocument(a: Appeal, reference: string, f: Formatter): DocumentModel {
  const w = f.words.appeal;
  const blocks: Block[] = [];
  if (reference) blocks.push({ type: 'paragraph', text: `${f.words.reference} ${reference}` });

  blocks.push({ type: 'heading', level: 2, text: w.who });
  if (a.defenders.length === 0)
    blocks.push({ type: 'paragraph', text: [missing(w.namedDefender)] });
  for (const d of a.defenders)
    blocks.push({
      type: 'paragraph',
      text: [
        bold(d.shown),
        ' — ',
        cell(d.work),
        ...(present(d.organisation) ? [`${f.comma}${f.iso(d.organisation)}`] : []),
      ],
    });

  blocks.push({ type: 'heading', level: 2, text: w.what });
  if (a.facts.value === null) blocks.push({ type: 'paragraph', text: [missing(w.facts)] });
  if (present(a.summary))
    blocks.push({ type: 'paragraph', text: a.summary, direction: f.textDirection(a.summary) });
  for (const e of a.events) {
    const lead: Inline[] = [cell(e.date), f.comma, cell(e.place)];
    if (present(e.what)) lead.push(` — ${e.what}`);
    const sameWay = !present(e.description) || f.textDirection(e.description) === f.direction;
    blocks.push({
      type: 'paragraph',
      text: sameWay && present(e.description) ? [...lead, `. ${e.description}`] : lead,
    });
    if (!sameWay)
      blocks.push({
        type: 'paragraph',
        text: e.description,
        direction: f.textDirection(e.description),
      });
  }

  blocks.push(
    { type: 'heading', level: 2, text: w.responsible },
    { type: 'paragraph', text: [cell(a.responsible)] },
    { type: 'heading', level: 2, text: w.requests },
  );
  if (a.requests.length === 0) blocks.push({ type: 'paragraph', text: [missing(w.requests)] });
  else
    blocks.push(
      { type: 'paragraph', text: w.requestsIntro },
      // The requests are the campaigner's words: the list reads in the direction they are written in.
      {
        type: 'list',
        ordered: true,
        items: a.requests,
        direction: f.textDirection(a.requests.join(' ')),
      },
    );

  blocks.push({ type: 'heading', level: 2, text: w.addressees });
  if (a.addressees.length === 0) blocks.push({ type: 'paragraph', text: [missing(w.addressees)] });
  else
    blocks.push({
      type: 'list',
      items: a.addressees.map((x) =>
        present(x.address)
          ? [bold(x.name), `${f.comma}${x.address.replace(/\s*\n\s*/gu, f.comma)}`]
          : [bold(x.name)],
      ),
    });
  blocks.push({ type: 'paragraph', text: a.issued });

  return {
    title: w.title,
    subtitle: [a.countries, a.defenders.map((d) => d.shown).join(f.comma)]
      .filter(present)
      .join(f.colon),
    language: f.language,
    blocks,
  };
}
