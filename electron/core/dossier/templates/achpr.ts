import { deadlineRule } from '../../../../shared/deadlines';
import type { Organisation } from '../../../../shared/domain';
import { describeTimeLimit, timeLimit } from '../../../../shared/timeLimits';
import { missing } from '../../render';
import type { DossierEvidence } from '../evidence';
import type { RedactedCase } from '../redact';
import type { Formatter } from './format';
import { insultingWords } from './insultingWords';
import {
  isRow,
  present,
  rowsOf,
  type FormPart,
  type FormRow,
  type FormSection,
  type MechanismForm,
} from './mechanismForm';
import {
  applicants,
  documentParts,
  factParts,
  finalDecisionRow,
  preparedLine,
  representativeRows,
  restsOnFirstHand,
  statesRow,
  victimParts,
  violationParts,
  type FormFacts,
} from './regionalParts';
import { fill } from '../../../../shared/i18n/fill';

/**
 * A communication to the African Commission on Human and Peoples' Rights
 * (African Charter art. 55), laid out in the order of the seven conditions
 * of article 56, each a row of the checklist:
 * 1. the authors are named even when they ask for anonymity: the
 *    organisation is named, and its request that the Commission keep its
 *    identity from the State (the case's `identityWithheldFromState` fact) is
 *    stated beside it;
 * 2. compatibility with the Charter: each State is a party, and the
 *    Charter's articles invoked (`vigil submission set --template achpr`);
 * 3. no disparaging or insulting language: every text of the document is
 *    checked against the one word list (./insultingWords.ts); each word found
 *    is a gap marked right after the text that holds it, never rewritten;
 * 4. not based only on the mass media: a first-hand source goes with it;
 * 5. local remedies exhausted, or unavailable, ineffective or unduly
 *    prolonged (pending remedies count only with the reason they are);
 * 6. a reasonable time: the six months the Commission takes as its guide,
 *    from the practice rule of the deadline table, flagged once passed;
 * 7. not settled by another international body (the facts' procedures).
 *
 * Made for the Commission (audience: the mechanism `achpr`): consent for the
 * Commission decides who is named.
 */
export interface AchprInput {
  redacted: RedactedCase;
  facts: FormFacts;
  organisation: Organisation;
  evidence: readonly DossierEvidence[];
  formatter: Formatter;
  createdAt: Date;
}

const RULE = 'achpr-communication';

export function achprForm(input: AchprInput): MechanismForm {
  const { redacted, facts, organisation, evidence, formatter: f, createdAt } = input;
  const w = f.words.achpr;
  const released = redacted.facts;
  const caseField = (field: string) => ({ kind: 'case' as const, id: null, field });

  const authors = rowsOf('authors');
  const withheld = facts.identityWithheld;
  const authorParts: FormPart[] = [
    ...representativeRows(authors, organisation, f, w),
    authors(
      'anonymity',
      w.anonymityRow,
      withheld === null ? null : withheld ? w.anonymityAsked : w.anonymityNotAsked,
      caseField('identityWithheldFromState'),
      { layout: 'text' },
    ),
  ];

  const compatibility = rowsOf('compatibility');
  const parties = deadlineRule(RULE)?.countries ?? [];
  const outside = facts.states.filter((c) => !parties.includes(c));
  const stateParts: FormPart[] = [statesRow(rowsOf('state'), w.states, facts, f)];
  if (facts.states.length > 0)
    stateParts.push({
      ...compatibility(
        'stateParty',
        w.partyRow,
        outside.length > 0 ? fill(w.notParty, { states: f.countries(outside) }) : f.words.yes,
        caseField('states'),
      ),
      ok: outside.length === 0,
    });

  const people = applicants(redacted);
  const remedies = rowsOf('remedies');
  const status = facts.remedies?.status ?? null;
  // Unduly prolonged: pending remedies count when the facts say why (art. 56(5)).
  const prolonged =
    status === 'unavailable' ||
    status === 'ineffective' ||
    (status === 'pending' && present(released?.remedies.whyNot));
  const remedyParts: FormPart[] = [
    {
      ...remedies('remedies', w.remediesRow, facts.remedies?.text ?? null, caseField('remedies'), {
        layout: 'text',
      }),
      ...(facts.remedies ? { ok: status !== 'pending' || prolonged } : {}),
    },
    ...(prolonged ? [] : [finalDecisionRow(remedies, w.finalDecision, facts)]),
  ];

  const time = rowsOf('timeLimit');
  const limit = timeLimit(
    RULE,
    facts.finalDecision?.day ?? null,
    createdAt.toISOString().slice(0, 10),
  );
  const timeRow: FormRow = prolonged
    ? time('timeLimit', w.timeLimitRow, w.noFinalDecision, caseField('remedies'), {
        layout: 'text',
      })
    : {
        ...time(
          'timeLimit',
          w.timeLimitRow,
          limit.state === 'unknown' ? null : describeTimeLimit(limit, f.language, (d) => f.day(d)),
          caseField('finalDecision'),
          { layout: 'text' },
        ),
        ok: limit.state !== 'unknown' && !limit.flagged,
      };

  const settled = (released?.otherProcedures ?? []).filter((p) => p.status === 'decided');
  const procedures = facts.otherProcedures;
  const otherRow: FormRow = {
    ...rowsOf('otherProcedures')(
      'otherProcedures',
      w.otherProceduresRow,
      procedures === null
        ? null
        : settled.length > 0
          ? fill(w.settled, { procedures: settled.map((p) => f.iso(p.body)).join(f.comma) }) +
            `${f.semicolon}${procedures}`
          : procedures,
      caseField('otherProcedures'),
      { layout: 'text' },
    ),
    ok: procedures !== null && settled.length === 0,
  };

  const sections: FormSection[] = [
    { id: 'authors', heading: w.authors, intro: w.authorsIntro, parts: authorParts },
    { id: 'state', heading: w.state, parts: stateParts },
    {
      id: 'victims',
      heading: w.victims,
      intro: w.victimsIntro,
      parts: victimParts(people, rowsOf('victims'), w.namedVictim, f),
    },
    {
      id: 'facts',
      heading: w.facts,
      intro: w.factsIntro,
      parts: factParts(redacted, f, rowsOf('facts'), w.factsRow),
    },
    {
      id: 'compatibility',
      heading: w.rights,
      intro: w.rightsIntro,
      parts: violationParts(
        compatibility,
        redacted.arguments.achpr ?? null,
        f,
        w.rightsRow,
        (provision) => fill(w.argument, { provision }),
      ),
    },
    { id: 'remedies', heading: w.remedies, intro: w.remediesIntro, parts: remedyParts },
    { id: 'timeLimit', heading: w.timeLimit, intro: w.timeLimitIntro, parts: [timeRow] },
    {
      id: 'sources',
      heading: w.sources,
      intro: w.sourcesIntro,
      parts: [
        rowsOf('sources')(
          'firstHand',
          w.sourcesRow,
          restsOnFirstHand(redacted) ? w.firstHand : null,
          { kind: 'testimony', id: null, field: null },
          { layout: 'text' },
        ),
      ],
    },
    {
      id: 'otherProcedures',
      heading: w.otherProcedures,
      intro: w.otherProceduresIntro,
      parts: [otherRow],
    },
    {
      id: 'documents',
      heading: w.documents,
      parts: documentParts(evidence, redacted, f, w.documentsRow),
    },
  ];

  const { marked, found } = markInsults(sections.map(markFailed), f);
  const language: FormSection = {
    id: 'language',
    heading: w.language,
    intro: w.languageIntro,
    parts: [
      rowsOf('language')('noInsult', w.languageRow, found === 0 ? w.languageClear : null, {
        kind: 'case',
        id: null,
        field: null,
      }),
    ],
  };
  // The language section goes before the documents, as article 56 orders the conditions.
  marked.splice(marked.length - 1, 0, language);

  return {
    title: w.title,
    subtitle: [people.map((p) => f.iso(p.label)).join(f.comma), f.countries(facts.states)]
      .filter(present)
      .join(' — '),
    notice: { title: w.noticeTitle, text: w.notice },
    sections: marked,
    closing: preparedLine(organisation, f, createdAt, w),
  };
}

/**
 * A row that holds a value the body's rule refuses (a State outside the
 * Charter, the six months passed, a matter already decided) keeps its value
 * and gets the gap's mark after it, so the document marks every gap the
 * checklist lists, where it is.
 */
function markFailed(section: FormSection): FormSection {
  return {
    ...section,
    parts: section.parts.map((part) =>
      isRow(part) && part.ok === false && part.value !== null
        ? {
            ...part,
            value: [
              ...(typeof part.value === 'string' ? [part.value] : [part.value].flat()),
              ' ',
              missing(part.label),
            ],
          }
        : part,
    ),
  };
}

/** Every string a part prints (a row's value, a block's texts), never a gap's label. */
function printed(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(printed);
  if (!value || typeof value !== 'object') return [];
  const v = value as Record<string, unknown>;
  return ['text', 'title', 'items', 'fields', 'label', 'value', 'rows', 'cells', 'header'].flatMap(
    (key) => (key in v ? printed(v[key]) : []),
  );
}

/**
 * The sections with a gap right after each part whose text holds a listed
 * word (the word as written, and where: the section and the row or heading),
 * and how many were found. The texts themselves are left as they are.
 */
function markInsults(
  sections: readonly FormSection[],
  f: Formatter,
): { marked: FormSection[]; found: number } {
  const w = f.words.achpr;
  const row = rowsOf('language');
  let found = 0;
  const marked = sections.map((section): FormSection => {
    const parts: FormPart[] = [];
    let heading = '';
    section.parts.forEach((part, i) => {
      parts.push(part);
      const texts = isRow(part) ? printed(part.value) : printed(part);
      if (!isRow(part) && part.type === 'heading') heading = printed(part.text).join('');
      const words = [...new Set(texts.flatMap((t) => insultingWords(t).map((h) => h.word)))];
      if (words.length === 0) return;
      // Where to fix it: the row itself, else the record of the rows around the text.
      const near = isRow(part)
        ? part
        : ((part.type === 'heading'
            ? section.parts.slice(i + 1).find(isRow)
            : section.parts.slice(0, i).reverse().find(isRow)) ?? null);
      const target = near
        ? {
            kind: near.target.kind,
            id: near.target.id,
            field: isRow(part) ? near.target.field : null,
          }
        : { kind: 'case' as const, id: null, field: null };
      const sub = isRow(part) ? part.label : heading;
      const where =
        present(sub) && sub !== section.heading ? `${section.heading} — ${sub}` : section.heading;
      for (const word of words) {
        found += 1;
        parts.push(
          row(`insult.${found}`, fill(w.insult, { word: f.iso(word), where }), null, target),
        );
      }
    });
    return { ...section, parts };
  });
  return { marked, found };
}
