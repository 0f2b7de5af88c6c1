import { afterEach, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core';
import {
  addVocabularyTerm,
  createEvent,
  createCase,
  createPerson,
  getVocabulary,
  importVocabularyTerms,
  listVocabularies,
  loadVocabularies,
} from '../../../electron/core/records';
import { newVault, reopen } from '../../helpers/vault';

let open: Vault[] = [];
afterEach(async () => {
  await Promise.all(open.map((v) => v.lock()));
  open = [];
});

describe("an organisation's own vocabulary terms", () => {
  it('are stored in the vault, labelled, audited, and accepted by validation from then on', async () => {
    const { vault, dir } = await newVault();
    open.push(vault);
    const c = await createCase(vault, { title: 'C' });
    await expect(
      createEvent(vault, c.id, { eventType: 'forced-confession' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await addVocabularyTerm(vault, {
      vocabulary: 'event-type',
      id: 'forced-confession',
      labels: { en: 'Forced confession', ar: 'اعتراف قسري' },
    });
    await expect(
      createEvent(vault, c.id, { eventType: 'forced-confession' }),
    ).resolves.toMatchObject({ eventType: 'forced-confession' });
    await expect(
      addVocabularyTerm(vault, {
        vocabulary: 'event-type',
        id: 'forced-confession',
        labels: { en: 'Again' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      addVocabularyTerm(vault, { vocabulary: 'nope', id: 'x', labels: { en: 'X' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const eventTypes = await getVocabulary(vault, 'event-type');
    expect(eventTypes.terms.at(-1)).toEqual({
      id: 'forced-confession',
      labels: { en: 'Forced confession', ar: 'اعتراف قسري' },
      tags: [],
      builtIn: false,
    });
    expect((await listVocabularies(vault)).find((v) => v.name === 'event-type')?.terms.length).toBe(
      eventTypes.terms.length,
    );
    expect(
      await vault.db.get(
        "SELECT action, entity_id, detail FROM audit_log WHERE action = 'vocab.add'",
      ),
    ).toEqual({
      action: 'vocab.add',
      entity_id: 'event-type/forced-confession',
      detail: '{"languages":["en","ar"]}',
    });
    await vault.lock();

    const again = await reopen(dir);
    open.push(again);
    expect((await loadVocabularies(again.db)).label('event-type', 'forced-confession', 'ar')).toBe(
      'اعتراف قسري',
    );
  });

  it('import from a file all or none: add, relabel, leave alone', async () => {
    const { vault } = await newVault();
    open.push(vault);
    const file = {
      format: 'vigil-vocabulary',
      version: 1,
      terms: [
        { vocabulary: 'hrd-work', id: 'midwife', labels: { en: 'Midwife', es: 'Partera' } },
        { vocabulary: 'person-role', id: 'cellmate', labels: { en: 'Cellmate' } },
      ],
    };
    expect(await importVocabularyTerms(vault, file)).toEqual({
      added: 2,
      relabelled: 0,
      unchanged: 0,
    });
    expect(
      await importVocabularyTerms(vault, [
        { vocabulary: 'hrd-work', id: 'midwife', labels: { en: 'Midwife (traditional)' } },
        file.terms[1],
      ]),
    ).toEqual({
      added: 0,
      relabelled: 1,
      unchanged: 1,
    });
    const c = await createCase(vault, { title: 'C' });
    await expect(
      createPerson(vault, { name: 'P', hrdWork: ['midwife'] }, { caseId: c.id, role: 'cellmate' }),
    ).resolves.toBeDefined();
    const before = await vault.db.get('SELECT count(*) AS n FROM vocab_terms');
    await expect(
      importVocabularyTerms(vault, [
        { vocabulary: 'hrd-work', id: 'ok-term', labels: { en: 'OK' } },
        { vocabulary: 'consent-scope', id: 'friends', labels: { en: 'Friends' } },
      ]),
    ).rejects.toThrow(/cannot be extended/);
    await expect(importVocabularyTerms(vault, { terms: 'nope' })).rejects.toThrow(
      /This is not a vocabulary file/,
    );
    await expect(
      importVocabularyTerms(vault, [{ vocabulary: 'hrd-work', id: 'Bad Id', labels: { en: 'x' } }]),
    ).rejects.toThrow(/terms\[0\]\.id is not a vocabulary term id/);
    expect(await vault.db.get('SELECT count(*) AS n FROM vocab_terms')).toEqual(before);
  });
});
