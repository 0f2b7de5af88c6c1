import { UsageError, type Command } from '../../command';
import {
  addVocabularyTerm,
  getVocabulary,
  importVocabularyTerms,
  listVocabularies,
  readJsonFile,
} from '../../../core/records';
import { LANGUAGES } from '../../../../shared/vocabularies';
import { LANG_FIELDS, langOf, specs } from './common';
import * as format from './format';

const vocabList: Command = {
  name: 'vocab list',
  access: 'read',
  summary: 'List the controlled vocabularies, or the terms of one (built-in and your own).',
  positionals: [{ name: 'NAME', description: 'a vocabulary, e.g. event-type' }],
  options: specs(LANG_FIELDS),
  examples: ['vigil vocab list', 'vigil vocab list event-type --lang ar'],
  async run(context) {
    const lang = await langOf(context);
    const vault = await context.openVault();
    const name = context.positionals[0];
    if (name !== undefined) {
      const vocabulary = await getVocabulary(vault, name);
      context.output(vocabulary, () => format.vocabularyDetail(vocabulary, lang));
    } else {
      const vocabularies = await listVocabularies(vault);
      context.output({ vocabularies }, () => format.vocabularyIndex(vocabularies, lang));
    }
  },
};

const vocabAdd: Command = {
  name: 'vocab add',
  summary: "Add your organisation's own term to an extensible vocabulary (stored in the vault).",
  positionals: [
    { name: 'NAME', description: 'the vocabulary, e.g. event-type', required: true },
    {
      name: 'TERM',
      description: 'the new term id, lower-case words joined by hyphens',
      required: true,
    },
  ],
  options: Object.fromEntries(
    LANGUAGES.map((l) => [
      `label-${l}`,
      { type: 'string' as const, valueName: 'TEXT', description: `label in ${l}` },
    ]),
  ),
  examples: [
    'vigil vocab add event-type forced-confession --label-en "Forced confession" --label-ar "اعتراف قسري" --label-es "Confesión forzada"',
  ],
  async run(context) {
    const labels = Object.fromEntries(
      LANGUAGES.flatMap((l) => {
        const label = context.string(`label-${l}`);
        return label === undefined ? [] : [[l, label]];
      }),
    );
    if (Object.keys(labels).length === 0)
      throw new UsageError('give at least one label, e.g. --label-en "Forced confession".');
    const vault = await context.openVault();
    const term = await addVocabularyTerm(vault, {
      vocabulary: context.positionals[0]!,
      id: context.positionals[1]!,
      labels,
    });
    context.output(term, () => term.id);
  },
};

const vocabImport: Command = {
  name: 'vocab import',
  summary: "Import your organisation's terms from a JSON file (all or none).",
  positionals: [
    {
      name: 'FILE',
      description: 'a vigil-vocabulary file or an array of {vocabulary, id, labels}',
      required: true,
    },
  ],
  examples: ['vigil vocab import our-terms.json'],
  details: `File format: {"format": "vigil-vocabulary", "version": 1, "terms": [{"vocabulary": "event-type",
"id": "forced-confession", "labels": {"en": "Forced confession", "ar": "اعتراف قسري"}}]}`,
  async run(context) {
    const file = await readJsonFile(context.positionals[0]!, 'vocabulary file', 16 * 1024 * 1024);
    const vault = await context.openVault();
    const counts = await importVocabularyTerms(vault, file);
    context.output(
      counts,
      () =>
        `Added ${counts.added}, relabelled ${counts.relabelled}, unchanged ${counts.unchanged}.`,
    );
  },
};

export const vocabCommands: Command[] = [vocabList, vocabAdd, vocabImport];
