import { UsageError, type Command } from '../../command';
import { caseTimeline, personTimeline, search } from '../../../core/records';
import { RANK_WINDOW, SEARCH_KINDS, searchQuerySchema } from '../../../../shared/domain/search';
import { caseIdFrom } from '../../caseOption';
import { LANG_FIELDS, langOf, PAGE_FIELDS, queryOf, specs } from './common';
import { flag, list, text, type FieldOptions } from './fields';
import * as format from './format';

const SEARCH_FIELDS: FieldOptions = {
  case: text('caseId', 'CASE', 'only in this case (id or reference)'),
  type: list(
    'kinds',
    'TYPE',
    `only these record types: ${SEARCH_KINDS.join(', ')} (repeat or comma-separate)`,
    { commas: true },
  ),
  'event-type': text('eventType', 'TERM', 'only events of this type'),
  country: text('country', 'CC', 'only records in this country'),
  from: text('from', 'DATE', 'only records dated on or after this (partial) date'),
  to: text('to', 'DATE', 'only records dated on or before this (partial) date'),
  'rank-all': flag(
    'rankWithin',
    `rank every match together (slower for very common words; by default a word found in more than ${RANK_WINDOW.toLocaleString('en')} records is ranked that many matches at a time, newest first)`,
    1_000_000,
  ),
  ...LANG_FIELDS,
  ...PAGE_FIELDS,
};

const searchCommand: Command = {
  name: 'search',
  access: 'read',
  summary: 'Search cases, persons, events, testimonies and interventions (ranked, with passages).',
  positionals: [
    {
      name: 'QUERY',
      description: 'words to find (all must match); "a phrase"; word* for a prefix',
      required: true,
      variadic: true,
    },
  ],
  options: specs(SEARCH_FIELDS),
  examples: [
    'vigil search محمد',
    'vigil search "Фёдор Семёнов" --type person',
    'vigil search torture --case VIG-2026-0001 --from 2024-03 --to 2024-06 --json',
  ],
  details: `Case, accents and Arabic diacritics do not matter (Mohamed = mohamed, José = jose,
مُحَمَّد = محمد, أحمد = احمد, Фёдор = Федор). With --json, each hit carries the id of what
matched, its case, and the passage as segments {text, match}. A word found in more than
${RANK_WINDOW.toLocaleString('en')} records is ranked ${RANK_WINDOW.toLocaleString('en')} matches at a time, newest first ("partialRanking": true;
the total stays exact; --offset goes on into older matches); --rank-all ranks them all together.`,
  async run(context) {
    const query = await queryOf(context, SEARCH_FIELDS, searchQuerySchema, {
      text: context.positionals.join(' '),
    });
    const vault = await context.openVault();
    const results = await search(vault, await query(vault));
    context.output(results, () => format.searchResults(results));
  },
};

const timelineCommand: Command = {
  name: 'timeline',
  access: 'read',
  summary: 'Show the timeline of a case, or of a person across cases.',
  options: {
    case: { type: 'string', valueName: 'CASE', description: 'the case (id or reference)' },
    person: { type: 'string', valueName: 'PERSON_ID', description: 'a person, across every case' },
    ...specs(LANG_FIELDS),
  },
  examples: ['vigil timeline --case VIG-2026-0001', 'vigil timeline --person 3f2a… --json'],
  details: `Entries are ordered by date; a partial date is placed at the start of its period (a year
before its months, a month before its days), "before X" just before X, "after X" just after X,
and unknown dates last. Uncertain dates are marked "?".`,
  async run(context) {
    const caseRef = context.string('case');
    const personId = context.string('person');
    if ((caseRef === undefined) === (personId === undefined))
      throw new UsageError('give --case or --person (one of them).');
    const lang = await langOf(context);
    const vault = await context.openVault();
    const entries =
      caseRef !== undefined
        ? await caseTimeline(vault, await caseIdFrom(vault, context), { lang })
        : await personTimeline(vault, personId!, { lang });
    context.output({ entries }, () => format.timeline(entries));
  },
};

export const searchCommands: Command[] = [searchCommand, timelineCommand];
