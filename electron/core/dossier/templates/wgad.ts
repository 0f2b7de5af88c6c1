import type { CaseDocument } from '../../../../shared/domain';
import {
  bold,
  missing,
  type Block,
  type DocumentModel,
  type Field,
  type RichText,
} from '../../render';
import type { Formatter } from './format';
import type { Questionnaire, Row } from './wgadQuestionnaire';
import { detainedPersonIds } from './wgadFacts';
import { fill } from '../../../../shared/i18n/fill';

/** The detained persons of a case (before consent is applied): victims of an arrest or a detention. */
export function detainees(document: CaseDocument): CaseDocument['persons'] {
  const ids = new Set(detainedPersonIds(document));
  return document.persons.filter((p) => ids.has(p.id));
}

/** A row as the document prints it: its value, or a `[missing]` cell beside its label. */
const cell = (row: Row): RichText => row.value ?? missing('');

/** Free text as a paragraph, in the direction most of its letters read. */
function prose(text: RichText, f: Formatter): Block {
  const plain = typeof text === 'string' ? text : JSON.stringify(text);
  return { type: 'paragraph', text, direction: f.textDirection(plain) };
}
const fields = (rows: readonly Row[]): Block[] =>
  rows.length === 0
    ? []
    : [{ type: 'fields', fields: rows.map((r): Field => ({ label: r.label, value: cell(r) })) }];

/**
 * The WGAD model questionnaire as a document, from the questionnaire built
 * for it (./wgadQuestionnaire.ts): parts I to III for every detained person,
 * the circumstances with the chronology and the witness statements (IV), the
 * categories argued, domestic remedies (V), the submitting organisation and
 * the consent of each detained person or their family (VI), then the
 * statements and the evidence as annexes. It prints only what the
 * questionnaire holds: a fact left out never leaves a mark.
 */
export function wgadCommunication(
  q: Questionnaire,
  reference: string,
  f: Formatter,
): DocumentModel {
  const w = f.words.wgad;
  const words = f.words;
  const blocks: Block[] = [];
  const top: Field[] = [];
  if (reference) top.push({ label: words.reference, value: reference });
  if (q.detainees.length > 0)
    top.push({
      label: w.concerning,
      value: q.detainees.map((d, i) => `${i + 1}. ${d.shown}`).join('\n'),
    });
  const date = q.submitter.find((r) => r.field === 'date');
  if (date?.value) top.push({ label: w.preparedOn, value: date.value });
  if (top.length > 0) blocks.push({ type: 'fields', fields: top });
  if (q.urgentAction) blocks.push({ type: 'note', tone: 'warning', text: w.urgentAction });
  if (q.detainees.length === 0) blocks.push({ type: 'note', tone: 'warning', text: w.noDetention });

  // Each detained person's parts I to III start on a page of their own, as do part IV and the annexes.
  for (const d of q.detainees) {
    blocks.push(
      { type: 'pageBreak' },
      { type: 'heading', level: 1, text: d.label },
      { type: 'heading', level: 2, text: w.part1 },
      ...fields(d.identity),
      { type: 'heading', level: 2, text: w.part2 },
      ...fields(d.arrest),
      { type: 'heading', level: 2, text: w.part3 },
      ...fields(d.detention),
    );
  }

  blocks.push(
    { type: 'pageBreak' },
    { type: 'heading', level: 1, text: w.part4 },
    { type: 'heading', level: 2, text: q.circumstances.label },
    prose(cell(q.circumstances), f),
  );
  if (q.chronology.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: w.chronology });
    for (const e of q.chronology) {
      const lead = [[e.date, e.place].filter(Boolean).join(f.comma), e.what]
        .filter(Boolean)
        .join(' — ');
      const persons = e.persons.length > 0 ? ` (${e.persons.join(f.comma)})` : '';
      // The lead is the dossier's own words and dates; the description is the researcher's text, in its own direction.
      blocks.push({
        type: 'paragraph',
        text: [
          bold(`${lead}${persons}.`),
          ...(e.perpetrators.length > 0
            ? [` ${fill(w.perpetrators, { names: e.perpetrators.join(f.comma) })}`]
            : []),
        ],
      });
      if (e.description) blocks.push(prose(e.description, f));
    }
  }
  const statementsAnnex = q.statements.length > 0 ? 1 : 0;
  const evidenceAnnex = q.evidence.length > 0 ? statementsAnnex + 1 : 0;
  if (q.statements.length > 0) {
    blocks.push(
      { type: 'heading', level: 2, text: w.statements },
      { type: 'paragraph', text: fill(w.statementsIntro, { annex: statementsAnnex }) },
      {
        type: 'list',
        items: q.statements.map((s) =>
          [fill(w.statementEntry, { n: s.n, witness: s.witness }), s.takenOn, languages(s, f)]
            .filter(Boolean)
            .join(f.comma),
        ),
      },
    );
  }
  for (const category of q.categories)
    blocks.push({ type: 'heading', level: 2, text: category.label }, prose(cell(category), f));

  blocks.push({ type: 'heading', level: 1, text: w.part5 }, ...fields(q.remedies));
  if (q.steps.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: w.domesticSteps },
      {
        type: 'table',
        header: [
          words.field.type,
          words.field.recipient,
          words.field.sentOn,
          words.field.response,
          words.field.outcome,
        ],
        rows: q.steps.map((v) => [
          f.term('intervention-type', v.interventionType),
          v.recipient,
          f.date(v.sentOn),
          v.response,
          v.outcome,
        ]),
      },
    );

  blocks.push(
    { type: 'heading', level: 1, text: w.part6 },
    ...fields(q.submitter.filter((r) => r.field !== 'date')),
    ...fields([
      ...(date ? [date] : []),
      {
        section: 'VI',
        field: 'signature',
        label: w.signature,
        value: '_______________________________',
        required: false,
        target: { kind: 'submission', id: null, field: null },
      },
    ]),
  );
  if (q.detainees.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: w.consent });
    for (const d of q.detainees)
      blocks.push({ type: 'heading', level: 3, text: d.label }, ...fields(d.consent));
  }

  if (q.statements.length > 0) {
    blocks.push(
      { type: 'pageBreak' },
      {
        type: 'heading',
        level: 1,
        text: fill(w.annex, { n: statementsAnnex, title: w.annexStatements }),
      },
    );
    for (const s of q.statements) {
      blocks.push(
        { type: 'heading', level: 2, text: fill(w.statement, { n: s.n }) },
        {
          type: 'fields',
          fields: [
            { label: w.witness, value: s.witness },
            ...(s.takenOn ? [{ label: w.takenOn, value: s.takenOn }] : []),
            ...(s.language ? [{ label: w.language, value: s.language }] : []),
            ...(s.method ? [{ label: w.method, value: s.method }] : []),
          ],
        },
        {
          type: 'heading',
          level: 3,
          text: s.language ? `${w.original} (${s.language})` : w.original,
        },
        prose(s.statement, f),
      );
      if (s.translation)
        blocks.push(
          {
            type: 'heading',
            level: 3,
            text: fill(w.translationInto, {
              language: f.languageName(s.translationLanguage) || words.unknown,
            }),
          },
          prose(s.translation, f),
        );
    }
  }
  if (q.evidence.length > 0) {
    blocks.push(
      { type: 'pageBreak' },
      {
        type: 'heading',
        level: 1,
        text: fill(w.annex, { n: evidenceAnnex, title: w.annexEvidence }),
      },
      { type: 'paragraph', text: w.evidenceIntro },
      {
        type: 'table',
        header: [w.evidenceNumber, w.evidenceDescription, w.evidenceFile, words.field.sha256],
        rows: q.evidence.map((e) => [
          String(e.n),
          cell(e.row),
          `${e.path} (${e.copy === 'stripped' ? w.copyStripped : w.copyOriginal})`,
          e.sha256,
        ]),
        widths: [1, 6, 4, 6],
      },
    );
  }

  return {
    title: w.title,
    subtitle: w.subtitle,
    language: f.language,
    header: reference ? `${w.title} — ${words.reference} ${reference}` : w.title,
    blocks,
  };
}

function languages(
  s: { language: string; translation: string; translationLanguage: string | null },
  f: Formatter,
): string {
  const w = f.words.wgad;
  if (!s.language) return '';
  if (s.translation && s.translationLanguage)
    return fill(w.withTranslation, {
      language: s.language,
      translation: f.languageName(s.translationLanguage),
    });
  return fill(w.inLanguage, { language: s.language });
}
