import type { Runner } from './sql';
import { z } from 'zod';
import { issuesFromZod } from '../../../shared/domain/issues';
import {
  customTermSchema,
  isVocabularyName,
  VOCABULARIES,
  VOCABULARY_NAMES,
  VocabularySet,
  type CustomTerm,
  type Labels,
  type ResolvedTerm,
  type VocabularyName,
} from '../../../shared/vocabularies';
import { VigilError } from '../errors';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { invalidInput } from './validate';

/**
 * The built-in vocabularies plus the vault's own terms and, unless told
 * otherwise, the terms partners' cases brought with them (so that those
 * cases' records validate and show their labels). Listings and additions
 * use the vault's own terms only: partners' terms never join them.
 */
export async function loadVocabularies(
  q: Queryable,
  options: { caseTerms?: boolean } = {},
): Promise<VocabularySet> {
  const rows = await q.all<{ vocabulary: string; term: string; labels: string }>(
    'SELECT vocabulary, term, labels FROM vocab_terms ORDER BY vocabulary, created_at, term',
  );
  if (options.caseTerms !== false) {
    rows.push(
      ...(await q.all<{ vocabulary: string; term: string; labels: string }>(
        `SELECT vocabulary, term, labels FROM case_vocab_terms c
          WHERE NOT EXISTS (SELECT 1 FROM vocab_terms v WHERE v.vocabulary = c.vocabulary AND v.term = c.term)
          ORDER BY vocabulary, created_at, term`,
      )),
    );
  }
  const custom: CustomTerm[] = rows
    .filter((r) => isVocabularyName(r.vocabulary))
    .map((r) => ({
      vocabulary: r.vocabulary as VocabularyName,
      id: r.term,
      labels: JSON.parse(r.labels) as Partial<Labels>,
    }));
  return new VocabularySet(custom);
}

/** At most this many terms of its own may a partner's case bring (the schema allows far more). */
export const MAX_CASE_TERMS = 500;

/**
 * Keeps a partner's term with the imported case it came with. A term the
 * vault already has (built in, or its own) is not copied.
 */
export async function addCaseTermTx(
  tx: Runner,
  caseId: string,
  term: CustomTerm,
  now: string,
): Promise<void> {
  await tx.run(
    `INSERT INTO case_vocab_terms (case_id, vocabulary, term, labels, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (case_id, vocabulary, term) DO UPDATE SET labels = excluded.labels`,
    [caseId, term.vocabulary, term.id, JSON.stringify(term.labels), now],
  );
}

export interface VocabularyListing {
  name: VocabularyName;
  version: number;
  extensible: boolean;
  title: Labels;
  terms: ResolvedTerm[];
}

function listing(vocab: VocabularySet, name: VocabularyName): VocabularyListing {
  const v = VOCABULARIES[name];
  return {
    name,
    version: v.version,
    extensible: v.extensible,
    title: v.title,
    terms: vocab.terms(name),
  };
}

export function assertVocabularyName(name: string): VocabularyName {
  if (!isVocabularyName(name)) {
    throw new VigilError(
      'NOT_FOUND',
      `There is no vocabulary named "${name.slice(0, 64)}"; the vocabularies are: ${VOCABULARY_NAMES.join(', ')}.`,
    );
  }
  return name;
}

export async function listVocabularies(vault: Vault): Promise<VocabularyListing[]> {
  const vocab = await loadVocabularies(vault.db, { caseTerms: false });
  return VOCABULARY_NAMES.map((name) => listing(vocab, name));
}

export async function getVocabulary(vault: Vault, name: string): Promise<VocabularyListing> {
  const known = assertVocabularyName(name);
  return listing(await loadVocabularies(vault.db, { caseTerms: false }), known);
}

/**
 * Adds a term inside a transaction the caller runs. Returns 'added', or
 * 'unchanged' when the vault already has the same term with the same labels.
 */
export async function addCustomTermTx(
  tx: Queryable,
  vocab: VocabularySet,
  term: CustomTerm,
  now: string,
): Promise<'added' | 'unchanged' | 'relabelled'> {
  const v = VOCABULARIES[term.vocabulary];
  if (vocab.builtIn(term.vocabulary, term.id)) {
    throw new VigilError(
      'CONFLICT',
      `"${term.id}" is already a built-in term of the ${term.vocabulary} vocabulary.`,
    );
  }
  if (!v.extensible) {
    throw new VigilError(
      'INVALID_INPUT',
      `The ${term.vocabulary} vocabulary cannot be extended: exports rely on the meaning of each of its terms.`,
    );
  }
  const existing = await tx.get<{ labels: string }>(
    'SELECT labels FROM vocab_terms WHERE vocabulary = ? AND term = ?',
    [term.vocabulary, term.id],
  );
  const labels = JSON.stringify(term.labels);
  if (existing) {
    if (existing.labels === labels) return 'unchanged';
    await tx.run('UPDATE vocab_terms SET labels = ? WHERE vocabulary = ? AND term = ?', [
      labels,
      term.vocabulary,
      term.id,
    ]);
    return 'relabelled';
  }
  await tx.run(
    'INSERT INTO vocab_terms (vocabulary, term, labels, created_at) VALUES (?, ?, ?, ?)',
    [term.vocabulary, term.id, labels, now],
  );
  return 'added';
}

/** Adds an organisation's own term to an extensible vocabulary. Refuses a term id the vault already has. */
export async function addVocabularyTerm(
  vault: Vault,
  input: { vocabulary: string; id: string; labels: Partial<Labels> },
): Promise<CustomTerm> {
  assertVocabularyName(input.vocabulary);
  const parsed = customTermSchema.safeParse(input);
  if (!parsed.success) throw invalidInput('vocabulary term', issuesFromZod(parsed.error));
  const term = parsed.data;
  return vault.db.transaction(async (tx) => {
    const vocab = await loadVocabularies(tx, { caseTerms: false });
    if (vocab.has(term.vocabulary, term.id) && !vocab.builtIn(term.vocabulary, term.id)) {
      throw new VigilError(
        'CONFLICT',
        `The ${term.vocabulary} vocabulary already has the term "${term.id}".`,
      );
    }
    await addCustomTermTx(tx, vocab, term, vault.now().toISOString());
    await vault.record(tx, {
      action: 'vocab.add',
      entityType: 'vocab-term',
      entityId: `${term.vocabulary}/${term.id}`,
      detail: { languages: Object.keys(term.labels) },
    });
    return term;
  });
}

export const VOCABULARY_FILE_FORMAT = 'vigil-vocabulary';

const vocabularyFileSchema = z.union([
  z
    .object({
      format: z.literal(VOCABULARY_FILE_FORMAT),
      version: z.literal(1),
      terms: z.array(z.unknown()).max(10_000),
    })
    .strict(),
  z.array(z.unknown()).max(10_000),
]);

/**
 * Imports an organisation's terms (a `vigil-vocabulary` file or a plain
 * array of `{vocabulary, id, labels}`), all or none: new terms are added,
 * known ones relabelled, identical ones left alone.
 */
export async function importVocabularyTerms(
  vault: Vault,
  file: unknown,
): Promise<{ added: number; relabelled: number; unchanged: number }> {
  const shape = vocabularyFileSchema.safeParse(file);
  if (!shape.success) {
    throw new VigilError(
      'INVALID_INPUT',
      `This is not a vocabulary file: expected {"format": "${VOCABULARY_FILE_FORMAT}", "version": 1, "terms": […]} or an array of terms. Nothing was changed.`,
    );
  }
  const raw = Array.isArray(shape.data) ? shape.data : shape.data.terms;
  const terms = raw.map((entry, i) => {
    const parsed = customTermSchema.safeParse(entry);
    if (!parsed.success)
      throw invalidInput('vocabulary file', issuesFromZod(parsed.error, ['terms', i]));
    return parsed.data;
  });
  return vault.db.transaction(async (tx) => {
    const vocab = await loadVocabularies(tx, { caseTerms: false });
    const counts = { added: 0, relabelled: 0, unchanged: 0 };
    const now = vault.now().toISOString();
    for (const term of terms) counts[await addCustomTermTx(tx, vocab, term, now)] += 1;
    if (counts.added + counts.relabelled > 0) {
      await vault.record(tx, {
        action: 'vocab.import',
        entityType: 'vocab-term',
        entityId: null,
        detail: counts,
      });
    }
    return counts;
  });
}
