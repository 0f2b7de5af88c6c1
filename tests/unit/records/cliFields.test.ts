import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { caseFields } from '../../../shared/domain/case';
import { personFields } from '../../../shared/domain/person';
import { eventFields } from '../../../shared/domain/event';
import { testimonyFields } from '../../../shared/domain/testimony';
import { interventionFields } from '../../../shared/domain/intervention';
import {
  optionsOf,
  text,
  unmappedFields,
  withSchemaFields,
  type FieldOptions,
} from '../../../electron/cli/commands/records/fields';
import { CASE_FIELDS } from '../../../electron/cli/commands/records/cases';
import { PERSON_FIELDS } from '../../../electron/cli/commands/records/persons';
import { EVENT_FIELDS } from '../../../electron/cli/commands/records/events';
import { TESTIMONY_FIELDS } from '../../../electron/cli/commands/records/testimonies';
import { INTERVENTION_FIELDS } from '../../../electron/cli/commands/records/interventions';

// Adding a field to a record means editing the shared schema and the core:
// the command line follows. These checks fail when a schema field reaches
// no option (an object field needs a declaration in the command's file).

const RECORDS: [string, Record<string, z.ZodType>, FieldOptions][] = [
  ['case', caseFields, CASE_FIELDS],
  ['person', personFields, PERSON_FIELDS],
  ['event', eventFields, EVENT_FIELDS],
  ['testimony', testimonyFields, TESTIMONY_FIELDS],
  ['intervention', interventionFields, INTERVENTION_FIELDS],
];

describe('the record commands follow the shared schemas', () => {
  it.each(RECORDS)('every %s field is filled by an option', (_name, shape, fields) => {
    expect(unmappedFields(shape, fields)).toEqual([]);
    for (const field of Object.values(fields))
      expect(Object.keys(shape), field.to).toContain(field.to.split('.')[0]);
  });

  it('a field added to a schema becomes an option, with clearing flags when editing', () => {
    const shape = {
      ...caseFields,
      priority: z.string().max(20).describe('how urgent the case is'),
      escalated: z.boolean().default(false).describe('the case was escalated'),
      partners: z.array(z.string()).default([]).describe('a partner working on it'),
      weight: z.number().nullable().optional(),
      contact: z.object({ phone: z.string() }),
    };
    const fields = withSchemaFields(shape, {
      title: text('title', 'TEXT', 'the case title', { required: true }),
    });
    const add = optionsOf(fields, 'add');
    const edit = optionsOf(fields, 'edit');
    expect(add.priority).toMatchObject({ type: 'string', description: 'how urgent the case is' });
    expect(add.escalated).toMatchObject({ type: 'boolean' });
    expect(add['no-escalated']).toBeUndefined();
    expect(edit['no-escalated']).toMatchObject({ type: 'boolean' });
    expect(add.partners).toMatchObject({ multiple: true });
    expect(edit['clear-partners']).toMatchObject({ type: 'boolean' });
    expect(add.weight).toMatchObject({ type: 'string', valueName: 'N' });
    expect(add.title).toMatchObject({ required: true });
    expect(edit.title?.required).toBeUndefined();
    // An object field needs a declaration: it is reported, not guessed.
    expect(unmappedFields(shape, fields)).toEqual(['contact']);
  });
});
