import { randomBytes, randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkVault, isVigilError, type Vault } from '../../../electron/core';
import {
  deleteEvidenceBatch,
  getEvidence,
  intakeFile,
  listEvidence,
  stripEvidence,
  stripEvidenceBatch,
  verifyEvidence,
} from '../../../electron/core/evidence';
import { createCase, listTrash, restoreTrashEntry } from '../../../electron/core/records';
import { inspectBuffer } from '../../../electron/core/metadata';
import { viewEvidence } from '../../../electron/core/evidence';
import { contract } from '../../../shared/ipc/contract';
import { newVault } from '../../helpers/vault';

// A batch of a case's evidence: strip the chosen originals one by one (one
// cancellable operation), or move them to the trash together. A selection
// that names anything but originals of that case is refused whole.

const FIXTURES = join(import.meta.dirname, '../../fixtures/metadata');

let vault: Vault;
let caseId: string;
let otherCaseId: string;
let dir: string;

beforeAll(async () => {
  // One vault for the file, in a directory of its own (per-test temp dirs go after each test).
  dir = await mkdtemp(join(tmpdir(), 'vigil-batch-'));
  vault = (await newVault({ root: dir })).vault;
  caseId = (await createCase(vault, { title: 'Protest in the square' })).id;
  otherCaseId = (await createCase(vault, { title: 'Another case' })).id;
});
afterAll(async () => {
  const report = await checkVault(vault);
  expect(report.ok, JSON.stringify(report.items.filter((i) => !i.ok))).toBe(true);
  await vault.lock();
  await rm(dir, { recursive: true, force: true });
});

/** Takes files into the case under names of our own; returns their ids, in order. */
async function take(files: [source: string | Buffer, name: string][], into = caseId) {
  const ids: string[] = [];
  for (const [source, name] of files) {
    const path = join(dir, name);
    if (typeof source === 'string') await copyFile(join(FIXTURES, source), path);
    else await writeFile(path, source);
    ids.push((await intakeFile(vault, { caseId: into, path })).id);
  }
  return ids;
}

/** Everything a refused batch must leave as it was: rows, trash, audit log, blob files. */
async function state() {
  return {
    evidence: await vault.db.all('SELECT id, parent_id, case_id FROM evidence ORDER BY id'),
    trash: await vault.db.all('SELECT id FROM trash ORDER BY id'),
    audit: await vault.db.get('SELECT count(*) AS n FROM audit_log'),
    blobs: (await readdir(vault.dir, { recursive: true })).sort(),
  };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(isVigilError(error), String(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('batch strip', () => {
  it('strips what it can, skips what is done or cannot be stripped, reports what was refused', async () => {
    const [photo, png, done, text, noise, encrypted] = await take([
      ['camera.jpg', 'رحلة-بالقارب.jpg'],
      ['meta.png', 'banner.png'],
      ['progressive.jpg', 'already.jpg'],
      [Buffer.from('Minutes of the meeting, 3 March\n'), 'notes.txt'],
      [randomBytes(4096), 'blob.bin'],
      ['encrypted.pdf', 'locked.pdf'],
    ]);
    const earlier = await stripEvidence(vault, done!);
    const steps: string[] = [];
    const result = await stripEvidenceBatch(
      vault,
      caseId,
      [photo!, png!, done!, text!, noise!, encrypted!],
      {
        onProgress: (i, name, finished) => steps.push(`${i} ${name} ${finished ? 'end' : 'start'}`),
      },
    );
    expect(result.cancelled).toBe(false);
    expect(result.outcomes.map((o) => [o.name, o.status])).toEqual([
      ['رحلة-بالقارب.jpg', 'stripped'],
      ['banner.png', 'stripped'],
      ['already.jpg', 'already'],
      ['notes.txt', 'unsupported'],
      ['blob.bin', 'unsupported'],
      ['locked.pdf', 'refused'],
    ]);
    expect(steps).toHaveLength(12);
    expect(steps[0]).toBe('0 رحلة-بالقارب.jpg start');
    expect(steps[11]).toBe('5 locked.pdf end');
    const [first, second, third, , , last] = result.outcomes;
    // The photo's place is gone from its working copy, which is checked and intact.
    if (first?.status !== 'stripped' || second?.status !== 'stripped')
      throw new Error('not stripped');
    expect(first.removed).toBeGreaterThan(0);
    const copy = await viewEvidence(vault, first.copyId);
    const after = await inspectBuffer(copy.bytes);
    expect(after.capture.latitude ?? null).toBeNull();
    expect(after.fields.filter((f) => f.risky)).toEqual([]);
    expect((await verifyEvidence(vault, second.copyId)).ok).toBe(true);
    expect(third).toMatchObject({ status: 'already', copyId: earlier.id });
    expect(last).toMatchObject({ status: 'refused', code: 'UNSUPPORTED' });
    // What cannot be stripped has no working copy: nothing claims it is clean.
    for (const id of [text!, noise!, encrypted!])
      expect((await getEvidence(vault, id)).derivatives).toEqual([]);
  });

  it('stops after the current file when cancelled, leaving no half-written copy', async () => {
    // A case of its own: intake would take the same files in the first case as duplicates.
    const caseId = (await createCase(vault, { title: 'Cancelled batch' })).id;
    const ids = await take(
      [
        ['camera.jpg', 'one.jpg'],
        ['meta.png', 'two.png'],
        ['meta.webp', 'three.webp'],
        ['anim.gif', 'four.gif'],
      ],
      caseId,
    );
    const controller = new AbortController();
    const result = await stripEvidenceBatch(vault, caseId, ids, {
      signal: controller.signal,
      // The cancel arrives while the second file is being stripped.
      onProgress: (i, _name, finished) => {
        if (i === 1 && !finished) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.outcomes.map((o) => [o.name, o.status])).toEqual([
      ['one.jpg', 'stripped'],
      ['two.png', 'stripped'],
    ]);
    const items = await listEvidence(vault, caseId);
    const copiesOf = (id: string) => items.filter((i) => i.parentId === id);
    expect(ids.map((id) => copiesOf(id).length)).toEqual([1, 1, 0, 0]);
    for (const id of ids.slice(0, 2))
      expect((await verifyEvidence(vault, copiesOf(id)[0]!.id)).ok).toBe(true);
    // Every blob file on disk belongs to a row: no orphan, nothing half-written.
    const report = await checkVault(vault);
    expect(report.ok, JSON.stringify(report.items.filter((i) => !i.ok))).toBe(true);
    // The same batch again finishes the rest and skips what was done.
    const again = await stripEvidenceBatch(vault, caseId, ids);
    expect(again.outcomes.map((o) => o.status)).toEqual([
      'already',
      'already',
      'stripped',
      'stripped',
    ]);
  });

  it('refuses a hostile selection whole, naming the id, and changes nothing', async () => {
    const [mine] = await take([['meta.png', 'mine.png']]);
    const [foreign] = await take([['camera.jpg', 'foreign.jpg']], otherCaseId);
    const copy = (await stripEvidence(vault, mine!)).id;
    const unknown = randomUUID();
    const before = await state();
    const selections: [string[], RegExp][] = [
      [[mine!, foreign!], new RegExp(`${foreign} belongs to another case`)],
      [[unknown], new RegExp(`No evidence item with id ${unknown}`)],
      [[mine!, copy], new RegExp(`${copy} is a working copy`)],
      [[mine!, mine!], /chosen twice/],
      [[], /at least one/],
      [Array.from({ length: 501 }, () => randomUUID()), /At most 500/],
      [["x' OR 1=1 --"], /No evidence item with id x' OR 1=1/],
    ];
    for (const [ids, message] of selections) {
      expect(await refusal(stripEvidenceBatch(vault, caseId, ids))).toMatch(message);
      expect(await refusal(deleteEvidenceBatch(vault, caseId, ids))).toMatch(message);
    }
    expect(await refusal(stripEvidenceBatch(vault, randomUUID(), [mine!]))).toMatch(/No case/);
    expect(await state()).toEqual(before);

    // The IPC contract refuses the same before the core is reached.
    const input = contract['evidence.stripMany'].input;
    const ok = { caseId, ids: [mine!], operationId: 'op-12345678' };
    expect(input.safeParse(ok).success).toBe(true);
    for (const bad of [
      { ...ok, ids: [] },
      { ...ok, ids: [mine!, mine!] },
      { ...ok, ids: ['../../etc/passwd'] },
      { ...ok, ids: Array.from({ length: 501 }, () => randomUUID()) },
      { ...ok, ids: mine },
      { ...ok, extra: true },
    ])
      expect(input.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false);
  });
});

describe('batch delete', () => {
  it('moves the chosen files and their copies to the trash together, each restorable on its own', async () => {
    const caseId = (await createCase(vault, { title: 'Deleted together' })).id;
    const ids = await take(
      [
        ['camera.jpg', 'gone-1.jpg'],
        ['cmyk.jpg', 'gone-2.jpg'],
        ['bigendian.tif', 'stays.tif'],
      ],
      caseId,
    );
    await stripEvidence(vault, ids[0]!);
    const trashBefore = (await listTrash(vault)).length;
    const { trash } = await deleteEvidenceBatch(vault, caseId, [ids[0]!, ids[1]!]);
    expect(trash).toHaveLength(2);
    const listed = (await listEvidence(vault, caseId)).map((i) => i.originalName);
    expect(listed).not.toContain('gone-1.jpg');
    expect(listed).not.toContain('gone-2.jpg');
    expect(listed).toContain('stays.tif');
    expect((await listTrash(vault)).length).toBe(trashBefore + 2);
    await restoreTrashEntry(vault, trash[0]!);
    const back = await getEvidence(vault, ids[0]!);
    expect(back.derivatives).toHaveLength(1);
    expect((await verifyEvidence(vault, back.derivatives[0]!)).ok).toBe(true);
  });
});
