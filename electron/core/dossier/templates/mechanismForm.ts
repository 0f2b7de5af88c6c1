import type { ChecklistItem, RegionalSection } from '../../../../shared/dossier';
import { missing, type Block, type DocumentModel, type Field, type RichText } from '../../render';
import type { Formatter } from './format';

/**
 * A body's form as rows, the way the WGAD questionnaire and the urgent appeal
 * are built: each row the body requires holds a value or nothing. The
 * document prints `[missing: …]` exactly where a required row holds nothing,
 * and the checklist lists the same rows, so the two cannot disagree. The
 * regional templates (European Court, Inter-American Commission, African
 * Commission) are each a list of sections of such rows; this module lays any
 * of them out and derives its checklist.
 */

type Target = ChecklistItem['target'];

export interface FormRow {
  section: RegionalSection;
  field: string;
  label: string;
  /** What the document prints; null when the case does not hold it (a gap). */
  value: RichText | null;
  /** `line`: a label and its value on one line; `text`: the label, then the value as a paragraph. */
  layout: 'line' | 'text';
  /** The person the row is about (their name in the vault, for the sender), and their id. */
  person: { id: string; name: string } | null;
  target: Target;
  /** Set false when the value is there but fails the body's rule (a time limit passed); default: a value is ok. */
  ok?: boolean;
}

/** A part of a section: a required row, or fixed material (a heading, a note, an event's text). */
export type FormPart = FormRow | Block;

export interface FormSection {
  id: RegionalSection;
  heading: string;
  /** What the body asks in this section, in a sentence (printed in italics under the heading). */
  intro?: string;
  parts: FormPart[];
}

export interface MechanismForm {
  title: string;
  subtitle: string;
  /** What the document is and how to use it (e.g. "material to transfer into the Court's form"). */
  notice: { title: string; text: string };
  sections: FormSection[];
  /** Printed after the last section (who prepared it, when). */
  closing: string;
}

export const isRow = (part: FormPart): part is FormRow => !('type' in part);

export { present } from './format';

/** A row builder for one section. */
export function rowsOf(section: RegionalSection) {
  return (
    field: string,
    label: string,
    value: RichText | null,
    target: Target,
    extra: { layout?: FormRow['layout']; person?: FormRow['person'] } = {},
  ): FormRow => ({
    section,
    field,
    label,
    value: value === '' ? null : value,
    layout: extra.layout ?? 'line',
    person: extra.person ?? null,
    target,
  });
}

/** Every required row of the form, in the order the document prints them. */
export function formRows(form: MechanismForm): FormRow[] {
  return form.sections.flatMap((s) => s.parts.filter(isRow));
}

/** The form's checklist: exactly the rows the document marks missing when they hold nothing. */
export function formChecklist(form: MechanismForm): ChecklistItem[] {
  return formRows(form).map((r) => ({
    id: [r.section, r.field, r.person?.id ?? r.target.id].filter(Boolean).join(':'),
    part: r.section,
    field: r.field,
    person: r.person?.name ?? null,
    label: r.label,
    ok: r.ok ?? r.value !== null,
    target: r.target,
  }));
}

/** The form as a document: sections in the body's order, rows as label and value, gaps marked in place. */
export function formDocument(form: MechanismForm, reference: string, f: Formatter): DocumentModel {
  const blocks: Block[] = [];
  blocks.push({ type: 'note', title: form.notice.title, text: form.notice.text, tone: 'warning' });
  for (const section of form.sections) {
    blocks.push({ type: 'heading', level: 1, text: section.heading });
    if (section.intro)
      blocks.push({ type: 'paragraph', text: { text: section.intro, italic: true } });
    let lines: Field[] = [];
    const flush = () => {
      if (lines.length > 0) blocks.push({ type: 'fields', fields: lines });
      lines = [];
    };
    for (const part of section.parts) {
      if (!isRow(part)) {
        flush();
        blocks.push(part);
      } else if (part.layout === 'line') {
        lines.push({ label: part.label, value: part.value ?? missing(part.label) });
      } else {
        flush();
        blocks.push({ type: 'heading', level: 3, text: part.label });
        const value = part.value ?? [missing(part.label)];
        blocks.push(
          typeof value === 'string'
            ? { type: 'paragraph', text: value, direction: f.textDirection(value) }
            : { type: 'paragraph', text: value },
        );
      }
    }
    flush();
  }
  blocks.push({ type: 'paragraph', text: form.closing });
  return {
    title: form.title,
    subtitle: form.subtitle,
    language: f.language,
    header: reference ? `${f.words.reference} ${reference}` : undefined,
    blocks,
  };
}
