import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVault } from '../../electron/core';
import {
  exportCaseDocument,
  importCaseDocument,
  search,
  updateCase,
  updatePerson,
  updateTestimony,
  withdrawTestimonyConsent,
} from '../../electron/core/records';
import { canary, findCanaries } from '../helpers/canary';
import { newVault, reopen } from '../helpers/vault';
import { tempDir } from '../helpers/tmp';
import { fullCase } from './records/fixture';

describe('no plaintext of case records on disk (canary)', () => {
  it('finds none of the values of any record field, nor the search index’s words, in the vault or temp directories', async () => {
    const tmp = await tempDir('vigil-records-canary-tmp-');
    const previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const canaries = new Map<string, string>();
      const text = (label: string) => {
        const value = canary(label);
        canaries.set(label, value);
        return value;
      };
      const { vault, dir } = await newVault();
      const f = await fullCase(vault, text);
      // Every field of every record type holds its own canary.
      expect(canaries.size).toBeGreaterThanOrEqual(45);

      // The index holds them: each searchable canary finds its record.
      const find = async (label: string) =>
        (await search(vault, { text: canaries.get(label)! })).hits.map((h) => h.id);
      expect(await find('statement')).toEqual([f.testimony.id]);
      expect(await find('translation')).toEqual([f.testimony.id]);
      expect(await find('alias two')).toEqual([f.victim.id]);
      expect(await find('case title')).toEqual([f.caseRecord.id]);
      expect(await find('event description')).toEqual([f.arrest.id]);
      expect(await find('forces')).toEqual([f.arrest.id]);
      expect(await find('outcome')).toEqual([f.intervention.id]);

      // Edits and deletions go through the index too (secure delete), and a copy is imported.
      await updateCase(vault, f.caseRecord.id, { summary: text('edited summary') });
      await updatePerson(vault, f.witness.id, { notes: text('edited notes') });
      await updateTestimony(vault, f.anonymous.id, {
        statement: text('edited statement'),
        translation: text('edited translation'),
      });
      await withdrawTestimonyConsent(vault, f.testimony.id, '2024-06-01');
      const document = await exportCaseDocument(vault, f.caseRecord.id);
      const copy = await importCaseDocument(vault, document, { mode: 'new-ids' });
      expect((await search(vault, { text: canaries.get('edited statement')! })).hits).toHaveLength(
        2,
      );
      expect(copy.created.testimonies).toBe(2);
      await vault.lock();

      // Reopen, check, search once more (the index is read from disk), and lock.
      const again = await reopen(dir);
      expect((await checkVault(again)).ok).toBe(true);
      expect((await search(again, { text: canaries.get('person name')! })).hits).toHaveLength(2);
      await again.lock();

      const scan = await findCanaries([dir, tmp], [...canaries.values()]);
      expect(scan.filesScanned).toBeGreaterThanOrEqual(2);
      expect(scan.hits).toEqual([]);

      // The scanner itself must be able to see a leak.
      await writeFile(join(tmp, 'leak.txt'), `x${canaries.get('statement')}y`);
      expect((await findCanaries([tmp], [canaries.get('statement')!])).hits.length).toBeGreaterThan(
        0,
      );
    } finally {
      process.env.TMPDIR = previousTmp;
    }
  });
});
