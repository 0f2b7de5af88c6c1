import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('case-origins');

describe('migration 14 (case origins and partners’ terms kept with their case)', () => {
  it('keeps every case as begun here, and adds origins and case terms that go with their case', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at)
       VALUES ('c1', 'VIG-1', 'Задержание Ольги Смирновой', 'open', 'internal', 'now', 'now'),
              ('c2', 'VIG-2', 'اعتقال عبد الله', 'open', 'internal', 'now', 'now')`,
    );
    await migrateTo(db, V);
    // Cases from before have no recorded origin: they count as begun here.
    expect(await db.all('SELECT id, title, origin_id, origin_org FROM cases ORDER BY id')).toEqual([
      { id: 'c1', title: 'Задержание Ольги Смирновой', origin_id: null, origin_org: null },
      { id: 'c2', title: 'اعتقال عبد الله', origin_id: null, origin_org: null },
    ]);
    await db.run("UPDATE cases SET origin_id = 'remote-1', origin_org = ? WHERE id = 'c2'", [
      'A'.repeat(40),
    ]);
    await db.run(
      `INSERT INTO record_origins (case_id, kind, origin_id, record_id, synced_hash, synced_updated_at)
       VALUES ('c2', 'case', 'remote-1', 'c2', 'h', 'now'), ('c2', 'person', 'p-remote', 'p-here', 'h', 'now')`,
    );
    await db.run(
      `INSERT INTO case_vocab_terms (case_id, vocabulary, term, labels, created_at)
       VALUES ('c2', 'event-type', 'checkpoint-seizure', '{"en":"Seizure at a checkpoint","ar":"احتجاز عند حاجز"}', 'now')`,
    );
    // One origin per record kind and case; only known kinds; the case must exist.
    await expect(
      db.run(
        `INSERT INTO record_origins (case_id, kind, origin_id, record_id, synced_hash, synced_updated_at)
         VALUES ('c2', 'person', 'p-remote', 'other', 'h', 'now')`,
      ),
    ).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(
      db.run(
        `INSERT INTO record_origins (case_id, kind, origin_id, record_id, synced_hash, synced_updated_at)
         VALUES ('c2', 'evidence', 'x', 'y', 'h', 'now')`,
      ),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db.run(
        `INSERT INTO case_vocab_terms (case_id, vocabulary, term, labels, created_at)
         VALUES ('nowhere', 'event-type', 't', '{}', 'now')`,
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    // A case's origins and terms go with it.
    await db.run("DELETE FROM cases WHERE id = 'c2'");
    expect(await db.get('SELECT count(*) AS n FROM record_origins')).toEqual({ n: 0 });
    expect(await db.get('SELECT count(*) AS n FROM case_vocab_terms')).toEqual({ n: 0 });
    expect(await db.get("SELECT title FROM cases WHERE id = 'c1'")).toEqual({
      title: 'Задержание Ольги Смирновой',
    });
    await db.close();
  });
});
