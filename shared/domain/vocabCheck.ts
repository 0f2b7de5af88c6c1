import type { VocabularyName, VocabularySet } from '../vocabularies';
import type { FieldIssue } from './issues';

/** A vocabulary term used by a record, with where it sits. */
export interface TermRef {
  path: string;
  vocabulary: VocabularyName;
  id: string;
}

type Obj = Record<string, unknown>;
const asArray = (value: unknown): Obj[] => (Array.isArray(value) ? (value as Obj[]) : []);
const asObject = (value: unknown): Obj | null =>
  value && typeof value === 'object' ? (value as Obj) : null;

function push(refs: TermRef[], path: string, vocabulary: VocabularyName, value: unknown): void {
  if (typeof value === 'string') refs.push({ path, vocabulary, id: value });
}

function consentRefs(refs: TermRef[], consent: unknown, prefix: string): void {
  const c = asObject(consent);
  if (!c) return;
  push(refs, `${prefix}scope`, 'consent-scope', c.scope);
  push(refs, `${prefix}naming`, 'consent-naming', c.naming);
  asArray(c.mechanisms).forEach((m, i) => push(refs, `${prefix}mechanisms[${i}]`, 'mechanism', m));
}

export type RecordKind = 'case' | 'person' | 'event' | 'testimony' | 'intervention';

/** Every term a record (or a partial update of one) uses. */
export function termRefs(kind: RecordKind, record: Obj): TermRef[] {
  const refs: TermRef[] = [];
  switch (kind) {
    case 'case':
      push(refs, 'status', 'case-status', record.status);
      push(refs, 'confidentiality', 'confidentiality', record.confidentiality);
      break;
    case 'person':
      push(refs, 'personType', 'person-type', record.personType);
      push(refs, 'sex', 'sex-gender', record.sex);
      asArray(record.hrdWork).forEach((t, i) => push(refs, `hrdWork[${i}]`, 'hrd-work', t));
      asArray(record.identityDocuments).forEach((d, i) =>
        push(refs, `identityDocuments[${i}].type`, 'identity-document-type', d.type),
      );
      consentRefs(refs, record.consent, 'consent.');
      break;
    case 'event': {
      push(refs, 'eventType', 'event-type', record.eventType);
      asArray(record.perpetrators).forEach((p, i) =>
        push(refs, `perpetrators[${i}].involvement`, 'involvement-degree', p.involvement),
      );
      asArray(record.sources).forEach((s, i) =>
        push(refs, `sources[${i}].reliability`, 'source-reliability', s.reliability),
      );
      asArray(record.links).forEach((l, i) =>
        push(refs, `links[${i}].relation`, 'event-relation', l.relation),
      );
      const detention = asObject(record.detention);
      if (detention)
        asArray(detention.places).forEach((p, i) =>
          push(refs, `detention.places[${i}].placeType`, 'detention-place-type', p.placeType),
        );
      break;
    }
    case 'testimony':
      push(refs, 'method', 'testimony-method', record.method);
      consentRefs(refs, record.consent, 'consent.');
      break;
    case 'intervention':
      push(refs, 'interventionType', 'intervention-type', record.interventionType);
      push(refs, 'mechanism', 'mechanism', record.mechanism);
      push(refs, 'status', 'intervention-status', record.status);
      break;
  }
  return refs;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The known term closest to a misspelt one, if it is close enough to be a likely typo. */
export function closestTerm(vocab: VocabularySet, name: VocabularyName, id: string): string | null {
  let best: { id: string; distance: number } | null = null;
  for (const term of vocab.terms(name)) {
    const distance = editDistance(id, term.id);
    if (!best || distance < best.distance) best = { id: term.id, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(id.length / 4)) ? best.id : null;
}

export function unknownTermIssue(vocab: VocabularySet, ref: TermRef): FieldIssue {
  const guess = closestTerm(vocab, ref.vocabulary, ref.id);
  return {
    path: ref.path,
    message: `"${ref.id}" is not a term of the ${ref.vocabulary} vocabulary${guess ? ` (did you mean ${guess}?)` : ''}`,
    problem: 'unknown-term',
  };
}

/** Issues for every term of `record` that neither the built-in vocabularies nor the vault's own terms know. */
export function vocabularyIssues(
  kind: RecordKind,
  record: Obj,
  vocab: VocabularySet,
  prefix = '',
): FieldIssue[] {
  return termRefs(kind, record)
    .filter((ref) => !vocab.has(ref.vocabulary, ref.id))
    .map((ref) => {
      const issue = unknownTermIssue(vocab, ref);
      return { ...issue, path: prefix ? `${prefix}.${issue.path}` : issue.path };
    });
}
