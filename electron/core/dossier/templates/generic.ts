import type { Block, DocumentModel, Field } from '../../render';
import type { DocumentEvent } from '../../../../shared/domain';
import type { RedactedCase } from '../redact';
import type { DossierEvidence } from '../evidence';
import type { Formatter } from './format';
import { fill } from '../../../../shared/i18n/fill';

/** Label → value pairs, leaving out the empty ones (the generic report only states what is known). */
export function knownFields(pairs: [string, string][]): Block[] {
  const fields: Field[] = pairs
    .filter(([, value]) => value.trim() !== '')
    .map(([label, value]) => ({ label, value }));
  return fields.length > 0 ? [{ type: 'fields', fields }] : [];
}

export function personBlocks(redacted: RedactedCase, f: Formatter): Block[] {
  const w = f.words;
  const blocks: Block[] = [];
  for (const entry of redacted.persons) {
    const p = entry.person;
    blocks.push({ type: 'heading', level: 3, text: entry.label });
    blocks.push(
      ...knownFields([
        [w.field.roles, f.terms('person-role', p.roles)],
        [w.field.type, p.personType === 'individual' ? '' : f.term('person-type', p.personType)],
        [w.field.sex, f.term('sex-gender', p.sex)],
        [w.field.birthDate, f.date(p.birthDate)],
        [w.field.age, p.age === null ? '' : String(p.age)],
        [w.field.nationalities, f.countries(p.nationalities)],
        [
          w.field.identityDocuments,
          p.identityDocuments
            .map((d) =>
              [f.term('identity-document-type', d.type), d.issuedBy, d.number]
                .filter(Boolean)
                .join(', '),
            )
            .join('; '),
        ],
        [w.field.occupation, p.occupation],
        [w.field.hrdWork, f.terms('hrd-work', p.hrdWork)],
        [w.field.affiliation, p.affiliation],
        [w.field.residence, p.residence],
        [
          w.field.deceased,
          p.deceased ? [w.yes, f.date(p.deathDate)].filter(Boolean).join(', ') : '',
        ],
      ]),
    );
  }
  return blocks;
}

export function eventBlocks(event: DocumentEvent, redacted: RedactedCase, f: Formatter): Block[] {
  const w = f.words;
  const label = (id: string | null) => redacted.labelOf(id) ?? '';
  const d = event.detention;
  const blocks: Block[] = [
    {
      type: 'heading',
      level: 3,
      text: [f.term('event-type', event.eventType), event.title].filter(Boolean).join(': '),
    },
    ...knownFields([
      [w.field.date, f.span(event.start, event.end, event.ongoing)],
      [w.field.place, f.place(event.location)],
      [w.field.victims, event.victims.map(label).join(', ')],
      [
        w.field.perpetrators,
        event.perpetrators
          .map((p) => `${label(p.personId)} (${f.term('involvement-degree', p.involvement)})`)
          .join(', '),
      ],
      [
        w.field.sources,
        event.sources
          .map((s) => {
            const who = s.personId ? label(s.personId) : s.description || w.anonymousWitness;
            // A reliability assessment is internal: only partners see it.
            return redacted.rule.internal && s.reliability
              ? `${who} (${f.term('source-reliability', s.reliability)})`
              : who;
          })
          .join('; '),
      ],
      ...(d
        ? ([
            [f.words.wgad.detentionDetails.forces, d.forces],
            [f.words.wgad.detentionDetails.warrantShown, f.answer(d.warrantShown)],
            [f.words.wgad.detentionDetails.authority, d.authority],
            [f.words.wgad.detentionDetails.reasons, d.reasonsImputed],
            [f.words.wgad.detentionDetails.legalBasis, d.legalBasis],
            [
              f.words.wgad.detentionDetails.places,
              d.places
                .map((pl) =>
                  [pl.name, f.country(pl.country), f.span(pl.from, pl.to, false)]
                    .filter(Boolean)
                    .join(', '),
                )
                .join('; '),
            ],
          ] as [string, string][])
        : []),
    ]),
  ];
  if (event.description) blocks.push({ type: 'paragraph', text: event.description });
  return blocks;
}

export function evidenceBlocks(evidence: readonly DossierEvidence[], f: Formatter): Block[] {
  const w = f.words;
  if (evidence.length === 0) return [{ type: 'paragraph', text: w.generic.noRecords }];
  return [
    {
      type: 'table',
      header: [w.field.file, w.field.type, w.field.copy, w.field.sha256],
      rows: evidence.map((e) => [
        e.path,
        e.type,
        e.copy === 'stripped' ? w.field.stripped : w.field.original,
        e.sha256,
      ]),
      widths: [3, 1, 3, 6],
    },
  ];
}

/** The default template: the whole case as a readable report. */
export function genericReport(
  redacted: RedactedCase,
  evidence: readonly DossierEvidence[],
  f: Formatter,
  createdAt: Date,
): DocumentModel {
  const w = f.words;
  const doc = redacted.document;
  const blocks: Block[] = [
    ...knownFields([
      [w.reference, doc.case.reference ?? ''],
      // The case status is internal: emptied unless the dossier is for partners.
      [w.generic.status, f.term('case-status', doc.case.status)],
      [w.generic.countries, f.countries(doc.case.countries)],
    ]),
    { type: 'paragraph', text: fill(w.generatedOn, { date: f.day(createdAt.toISOString()) }) },
    { type: 'heading', level: 1, text: w.generic.summary },
    { type: 'paragraph', text: doc.case.summary || w.generic.noRecords },
    { type: 'heading', level: 1, text: w.generic.persons },
    ...(redacted.persons.length > 0
      ? personBlocks(redacted, f)
      : [{ type: 'paragraph' as const, text: w.generic.noRecords }]),
    { type: 'heading', level: 1, text: w.generic.events },
    ...(doc.events.length > 0
      ? doc.events.flatMap((e) => eventBlocks(e, redacted, f))
      : [{ type: 'paragraph' as const, text: w.generic.noRecords }]),
    { type: 'heading', level: 1, text: w.generic.testimonies },
  ];
  if (redacted.testimonies.length === 0)
    blocks.push({ type: 'paragraph', text: w.generic.noRecords });
  for (const t of redacted.testimonies) {
    const testimony = t.testimony;
    blocks.push(
      { type: 'heading', level: 3, text: `${w.generic.testimonies} ${t.index}` },
      ...knownFields([
        [w.field.witness, t.witnessLabel],
        [w.field.takenOn, f.date(testimony.takenOn)],
        [w.field.language, testimony.language ?? ''],
        [w.field.method, f.term('testimony-method', testimony.method)],
      ]),
      { type: 'paragraph', text: testimony.statement, direction: 'auto' },
    );
    if (testimony.translation) {
      blocks.push(
        { type: 'heading', level: 3, text: w.field.translation },
        { type: 'paragraph', text: testimony.translation, direction: 'auto' },
      );
    }
  }
  blocks.push({ type: 'heading', level: 1, text: w.generic.interventions });
  if (doc.interventions.length === 0) blocks.push({ type: 'paragraph', text: w.generic.noRecords });
  for (const i of doc.interventions) {
    blocks.push(
      { type: 'heading', level: 3, text: f.term('intervention-type', i.interventionType) },
      ...knownFields([
        [w.field.mechanism, f.term('mechanism', i.mechanism)],
        [w.field.recipient, i.recipient],
        [w.field.sentOn, f.date(i.sentOn)],
        [w.reference, i.reference],
        [w.field.status, f.term('intervention-status', i.status)],
        [w.field.responseOn, f.date(i.responseOn)],
        [w.field.response, i.response],
        [w.field.outcome, i.outcome],
        [w.field.followUp, i.followUpOn ? f.day(i.followUpOn) : ''],
      ]),
    );
  }
  blocks.push(
    { type: 'heading', level: 1, text: w.generic.evidence },
    ...evidenceBlocks(evidence, f),
  );
  return {
    title: w.generic.title,
    subtitle: `${doc.case.reference ?? ''} — ${doc.case.title}`,
    language: f.language,
    header: `${w.reference} ${doc.case.reference ?? ''}`,
    blocks,
  };
}
