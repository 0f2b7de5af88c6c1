import { z } from 'zod';
import { LANGUAGES } from '../vocabularies/types';
import { countryCode } from './countries';
import { partialDateSchema, type PartialDate } from './partialDate';
import type { QueryTerm, Snippet } from './searchText';
import { recordId, termId } from './text';

export const SEARCH_KINDS = ['case', 'person', 'event', 'testimony', 'intervention'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A record type to search, refused in a sentence that lists the others. */
const searchKind = z
  .string()
  .superRefine((kind, ctx) => {
    if (!(SEARCH_KINDS as readonly string[]).includes(kind))
      ctx.addIssue({
        code: 'custom',
        message: `is not a record type; use ${SEARCH_KINDS.join(', ')}`,
      });
  })
  .transform((kind) => kind as SearchKind);

/**
 * A search. Filters combine with AND:
 * - `caseId`: the case itself and its events, testimonies and interventions,
 *   and the persons linked to it;
 * - `kinds`: only these record types;
 * - `eventType`: only events of this type;
 * - `country`: a case's countries, an event's location, a testimony's place,
 *   a person's nationalities (interventions have no country);
 * - `from`/`to`: records whose date may fall in the range (events: start to
 *   end; testimonies: when taken; interventions: when sent). Undated records
 *   and cases and persons are left out when a date filter is given.
 */
/** How many matches of a very common word are ranked together (see `rankWithin`). */
export const RANK_WINDOW = 5000;

export const searchQuerySchema = z
  .object({
    text: z.string().max(1000, { message: 'is too long (at most 1000 characters)' }),
    caseId: recordId.optional(),
    kinds: z.array(searchKind).max(SEARCH_KINDS.length).optional(),
    eventType: termId.optional(),
    country: countryCode.optional(),
    from: partialDateSchema.optional(),
    to: partialDateSchema.optional(),
    limit: z.number().int().min(1).max(200).default(20),
    offset: z.number().int().min(0).max(100_000).default(0),
    /** Language of vocabulary labels in titles. */
    lang: z.enum(LANGUAGES).default('en'),
    /**
     * A word found in more records than this is ranked in windows of this
     * many matches, newest first: the first page of the most common word
     * stays fast (ranking 50,000 matches took about 50 ms), and the next
     * pages go on into older windows. `partialRanking` says when it applied;
     * `total` stays exact. 1,000,000 ranks every match of any real vault.
     */
    rankWithin: z.number().int().min(100).max(1_000_000).default(RANK_WINDOW),
  })
  .strict();

export type SearchQuery = z.input<typeof searchQuerySchema>;

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** The case the record belongs to; null for a person (see `caseIds`). */
  caseId: string | null;
  /** For a person, every case they are linked to; for other records, their case. */
  caseIds: string[];
  title: string;
  /** The record's main date (an event's start, when a testimony was taken, when an intervention was sent). */
  date: PartialDate | null;
  /** The field the snippet comes from (`statement`, `translation`, `name`…). */
  field: string;
  snippet: Snippet;
  /** bm25 relevance: lower is better. */
  score: number;
}

export interface SearchResults {
  /** The query as understood (folded words and phrases). */
  terms: QueryTerm[];
  /** Matching records in all, before limit and offset. */
  total: number;
  /** True when `rankWithin` applied: matches were ranked in windows, newest first. */
  partialRanking: boolean;
  hits: SearchHit[];
}
