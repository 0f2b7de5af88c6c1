import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkVault,
  createBackup,
  openVault,
  restoreBackup,
  type Vault,
} from '../../../electron/core';
import {
  caseTimeline,
  checkCaseRecords,
  createCase,
  createEvent,
  createIntervention,
  createPerson,
  createTestimony,
  deleteCase,
  deleteEvent,
  deleteIntervention,
  deletePerson,
  deleteTestimony,
  exportCaseDocument,
  getPersonCases,
  getTestimony,
  linkPerson,
  listCases,
  listTrash,
  restoreTrashEntry,
  search,
  updateCase,
} from '../../../electron/core/records';
import {
  deleteEvidence,
  emptyTrash,
  intakeFile,
  listEvidence,
  verifyEvidence,
} from '../../../electron/core/evidence';
import { blobPath } from '../../../electron/core/evidence/blobStore';
import { verifyAuditChain } from '../../../electron/core/vault/audit';
import { newVault, PASSPHRASE } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

// Deleting moves to the trash; restoring gives back exactly what was there;
// emptying destroys it (evidence keys with it). Trashed records appear in no
// list, search, timeline, count or export.

let open: Vault[] = [];
afterEach(async () => {
  for (const v of open) {
    expect((await checkCaseRecords(v)).problems).toEqual([]);
    const report = await checkVault(v);
    expect(report.ok, JSON.stringify(report.items.filter((i) => !i.ok))).toBe(true);
    expect((await verifyAuditChain(v.db)).ok).toBe(true);
  }
  await Promise.all(open.map((v) => v.lock()));
  open = [];
});

async function vault(): Promise<Vault> {
  const created = await newVault();
  open.push(created.vault);
  return created.vault;
}

/** A case holding one of everything, with words to search for. */
async function fullCase(v: Vault, title = 'Detención de Zhāng Wěi') {
  const c = await createCase(v, { title, countries: ['MX'] });
  const victim = await createPerson(
    v,
    { name: 'Zhāng Wěi', aliases: ['张伟'] },
    { caseId: c.id, role: 'victim' },
  );
  const witness = await createPerson(
    v,
    { name: 'Olena Kovalenko' },
    { caseId: c.id, role: 'witness' },
  );
  const testimony = await createTestimony(v, c.id, {
    statement: 'Я видела, как его увезли на чёрной машине. kumquat',
    witnessId: witness.id,
    takenOn: '2025-02',
  });
  const event = await createEvent(v, c.id, {
    eventType: 'arbitrary-arrest',
    start: '2025-01-14',
    title: 'Arrest at the checkpoint',
    victims: [victim.id],
    sources: [{ testimonyId: testimony.id }, { personId: witness.id, description: 'phone call' }],
  });
  const second = await createEvent(v, c.id, {
    eventType: 'torture',
    start: '~2025-01-20',
    links: [{ eventId: event.id, relation: 'followed-by' }],
  });
  const intervention = await createIntervention(v, c.id, {
    interventionType: 'urgent-appeal',
    recipient: 'SR on human rights defenders',
    sentOn: '2025-01-22',
  });
  return { c, victim, witness, testimony, event, second, intervention };
}

/** A case's whole document, without the moment it was exported: equal when nothing changed. */
async function caseDocument(v: Vault, caseId: string): Promise<Record<string, unknown>> {
  const { exportedAt: _e, ...doc } = (await exportCaseDocument(v, caseId)) as unknown as Record<
    string,
    unknown
  >;
  return doc;
}

const audited = async (v: Vault) =>
  (await v.db.all<{ action: string }>('SELECT action FROM audit_log ORDER BY seq')).map(
    (r) => r.action,
  );

describe('the trash', () => {
  it('names trashed testimonies of anonymous witnesses by their first words', async () => {
    const v = await vault();
    const c = await createCase(v, { title: 'Two anonymous statements' });
    const first = await createTestimony(v, c.id, {
      statement: '  They came\nat night and   took my brother and his two friends to the station.',
    });
    const second = await createTestimony(v, c.id, { statement: 'نقلوه إلى مكان مجهول' });
    await deleteTestimony(v, first.id);
    await deleteTestimony(v, second.id);
    const labels = (await listTrash(v)).map((e) => e.label).sort();
    expect(labels).toEqual(['“They came at night and took my brother…”', '“نقلوه إلى مكان مجهول”']);
  });

  it('takes each kind of record out of every view, and gives back exactly what was there', async () => {
    const v = await vault();
    const x = await fullCase(v);
    const document = () => caseDocument(v, x.c.id);
    const before = await document();
    const timeline = (await caseTimeline(v, x.c.id)).length;
    const cases = await listCases(v);

    for (const [kind, remove, id, word] of [
      ['testimony', deleteTestimony, x.testimony.id, 'kumquat'],
      ['event', deleteEvent, x.event.id, 'checkpoint'],
      ['intervention', deleteIntervention, x.intervention.id, 'defenders'],
      ['person', deletePerson, x.witness.id, 'Kovalenko'],
    ] as const) {
      expect((await search(v, { text: word })).total, kind).toBeGreaterThan(0);
      const entry = await remove(v, id);
      expect(entry).toMatchObject({ kind, recordId: id });
      expect((await search(v, { text: word })).total, kind).toBe(0);
      expect(JSON.stringify(await document()), kind).not.toContain(id);
      expect((await listTrash(v)).map((e) => e.id)).toContain(entry.id);
      const restored = await restoreTrashEntry(v, entry.id);
      expect(restored.dropped, kind).toEqual([]);
      expect(await document(), kind).toEqual(before);
      expect((await search(v, { text: word })).total, kind).toBeGreaterThan(0);
      expect(await listTrash(v)).toEqual([]);
    }
    expect((await caseTimeline(v, x.c.id)).length).toBe(timeline);

    // A whole case: gone from the list, counts and search; back with its reference.
    const result = await deleteCase(v, x.c.id);
    expect(result).toMatchObject({ events: 2, testimonies: 1, interventions: 1 });
    expect((await listCases(v)).map((c) => c.id)).not.toContain(x.c.id);
    expect((await search(v, { text: 'kumquat' })).total).toBe(0);
    // A new case does not take the trashed case's reference.
    const other = await createCase(v, { title: 'Another' });
    expect(other.reference).not.toBe(x.c.reference);
    // The record id works as well as the entry id.
    await restoreTrashEntry(v, x.c.id);
    expect(await document()).toEqual(before);
    // Everything as it was, but deleting and restoring were changes in the case.
    const restored = (await listCases(v)).find((c) => c.id === x.c.id)!;
    const original = cases.find((c) => c.id === x.c.id)!;
    expect({ ...restored, lastChange: '' }).toEqual({ ...original, lastChange: '' });
    expect(restored.lastChange > original.lastChange).toBe(true);
    const actions = await audited(v);
    for (const kind of ['case', 'person', 'event', 'testimony', 'intervention'])
      for (const verb of ['delete', 'restore'])
        expect(actions, `${kind}.${verb}`).toContain(`${kind}.${verb}`);
  });

  it('keeps evidence encrypted until it is emptied, then destroys the files with their keys', async () => {
    const v = await vault();
    const x = await fullCase(v);
    const dir = await tempDir();
    const file = join(dir, 'photo.txt');
    await writeFile(file, 'the family sent this on Signal\n');
    const item = await intakeFile(v, { caseId: x.c.id, path: file });
    const blob = blobPath(
      v.dir,
      (await v.db.get<{ blob_id: string }>('SELECT blob_id FROM evidence'))!.blob_id,
    );
    expect(existsSync(blob)).toBe(true);

    // One item: out, in again, intact.
    const moved = await deleteEvidence(v, item.id);
    expect(await listEvidence(v, x.c.id)).toEqual([]);
    expect(existsSync(blob)).toBe(true);
    await restoreTrashEntry(v, moved.trash);
    expect((await verifyEvidence(v, item.id)).ok).toBe(true);

    // With its case: the case takes its evidence along and brings it back.
    const { trash } = await deleteCase(v, x.c.id);
    expect(existsSync(blob)).toBe(true);
    expect((await checkVault(v)).ok).toBe(true); // the kept blob is no orphan
    await restoreTrashEntry(v, trash);
    expect((await listEvidence(v, x.c.id)).map((e) => e.id)).toEqual([item.id]);
    expect((await verifyEvidence(v, item.id)).ok).toBe(true);

    // Emptying: only what is older than asked, then everything.
    await deleteCase(v, x.c.id);
    expect((await emptyTrash(v, { olderThanDays: 30 })).entries).toEqual([]);
    expect(existsSync(blob)).toBe(true);
    const emptied = await emptyTrash(v);
    expect(emptied.entries).toHaveLength(1);
    expect(emptied.blobs).toBe(1);
    expect(existsSync(blob)).toBe(false);
    expect(await listTrash(v)).toEqual([]);
    expect(await v.db.get('SELECT count(*) AS n FROM evidence')).toEqual({ n: 0 });
    expect(await audited(v)).toContain('case.purge');
    await expect(restoreTrashEntry(v, trash)).rejects.toThrow(/nothing in the trash/);
  });

  it('settles restore conflicts: what a record needs is in the trash, a reference reused, an id back', async () => {
    const v = await vault();
    const x = await fullCase(v);

    // The witness in the trash: the testimony waits for them, and is refused whole.
    const t = await deleteTestimony(v, x.testimony.id);
    const p = await deletePerson(v, x.witness.id);
    await expect(restoreTrashEntry(v, t.id)).rejects.toThrow(
      new RegExp(
        `person "Olena Kovalenko" \\(${x.witness.id}\\), which is in the trash: restore that first \\(vigil trash restore ${p.id}\\)`,
      ),
    );
    expect(await listTrash(v)).toHaveLength(2);
    await restoreTrashEntry(v, p.id);
    await restoreTrashEntry(v, t.id);
    expect((await getTestimony(v, x.testimony.id)).witnessId).toBe(x.witness.id);

    // An event whose case is in the trash.
    const e = await deleteEvent(v, x.second.id);
    const c = await deleteCase(v, x.c.id);
    await expect(restoreTrashEntry(v, e.id)).rejects.toThrow(
      /case .*in the trash: restore that first/,
    );
    // Its reference given to another case meanwhile: it comes back under a new one.
    const taker = await createCase(v, { title: 'Taker' });
    await updateCase(v, taker.id, { reference: x.c.reference });
    const back = await restoreTrashEntry(v, c.trash);
    expect(back.referenceChanged?.from).toBe(x.c.reference);
    expect(back.referenceChanged?.to).not.toBe(x.c.reference);
    await restoreTrashEntry(v, e.id);

    // The same record twice: the second restore finds nothing.
    await expect(restoreTrashEntry(v, e.id)).rejects.toThrow(/nothing in the trash/);
    await expect(restoreTrashEntry(v, 'not-an-id')).rejects.toThrow(/not-an-id/);
  });
  it('restores a person whose case is in the trash, keeping their links there for the case', async () => {
    const v = await vault();
    const x = await fullCase(v);
    const other = await createCase(v, { title: 'Still open' });
    await linkPerson(v, { caseId: other.id, personId: x.witness.id, role: 'witness' });
    const document = () => caseDocument(v, x.c.id);
    const before = await document();
    const caseLabel = `${x.c.reference} ${x.c.title}`;

    // The person first, then their case; the person alone comes back.
    const p = await deletePerson(v, x.witness.id);
    const c = await deleteCase(v, x.c.id);
    const back = await restoreTrashEntry(v, p.id);
    expect(back.dropped).toEqual([]);
    expect(back.waiting).toEqual([{ entry: c.trash, kind: 'case', label: caseLabel }]);
    // Linked again where the case is not in the trash; nothing of the trashed case shows.
    expect((await getPersonCases(v, x.witness.id)).map((r) => r.caseId)).toEqual([other.id]);
    expect(await listTrash(v)).toHaveLength(1);
    // The case brings the person's roles, testimony and source back with it.
    await restoreTrashEntry(v, c.trash);
    expect(await document()).toEqual(before);
    expect((await getTestimony(v, x.testimony.id)).witnessId).toBe(x.witness.id);

    // The case first, then a victim of its events: either comes back alone, the other keeps the links.
    const c2 = await deleteCase(v, x.c.id);
    const p2 = await deletePerson(v, x.victim.id);
    const caseBack = await restoreTrashEntry(v, c2.trash);
    expect(caseBack.waiting).toEqual([{ entry: p2.id, kind: 'person', label: 'Zhāng Wěi' }]);
    expect(await document()).not.toEqual(before);
    await restoreTrashEntry(v, p2.id);
    expect(await document()).toEqual(before);

    // The event that went with its case: a victim restored meanwhile waits for it too.
    const p3 = await deletePerson(v, x.victim.id);
    const c3 = await deleteCase(v, x.c.id);
    expect((await restoreTrashEntry(v, p3.id)).waiting.map((w) => w.entry)).toEqual([c3.trash]);
    await restoreTrashEntry(v, c3.trash);
    expect(await document()).toEqual(before);
    expect(await listTrash(v)).toEqual([]);
  });

  it('drops links to records destroyed meanwhile, and says so', async () => {
    const v = await vault();
    const x = await fullCase(v);
    const other = await createPerson(
      v,
      { name: 'Second victim' },
      { caseId: x.c.id, role: 'victim' },
    );
    const ev = await createEvent(v, x.c.id, {
      eventType: 'torture',
      victims: [x.victim.id, other.id],
      sources: [{ personId: other.id, description: 'told the lawyer' }],
    });
    const entry = await deleteEvent(v, ev.id);
    const gone = await deletePerson(v, other.id);
    // Only the person's entry is destroyed (as an emptying of older entries would).
    await v.db.run('DELETE FROM trash WHERE id = ?', [gone.id]);
    const restored = await restoreTrashEntry(v, entry.id);
    expect(restored.dropped).toEqual([
      `event_victims → person ${other.id}`,
      `event_sources.person_id → person ${other.id}`,
    ]);
    const { victims, sources } = (await exportCaseDocument(v, x.c.id)).events.find(
      (e: { id: string }) => e.id === ev.id,
    )!;
    expect(victims).toEqual([x.victim.id]);
    expect(sources).toMatchObject([{ description: 'told the lawyer' }]);
  });

  it('goes into a backup with its evidence, and can be restored from the restored vault', async () => {
    const v = await vault();
    const x = await fullCase(v);
    const dir = await tempDir();
    const file = join(dir, 'note.txt');
    await writeFile(file, 'a note kept as evidence\n');
    const item = await intakeFile(v, { caseId: x.c.id, path: file });
    const { trash } = await deleteCase(v, x.c.id);
    const out = join(dir, 'vault.vigil-backup');
    await createBackup(v, { out });
    const target = join(dir, 'restored');
    await restoreBackup(out, target, { passphrase: PASSPHRASE });
    const copy = await openVault({ dir: target, passphrase: PASSPHRASE, actor: 'tester' });
    open.push(copy);
    expect((await listTrash(copy)).map((e) => e.id)).toEqual([trash]);
    await restoreTrashEntry(copy, trash);
    expect((await verifyEvidence(copy, item.id)).ok).toBe(true);
  });
});
