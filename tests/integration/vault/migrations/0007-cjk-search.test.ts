import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../electron/core/vault/database';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('cjk-search');
const AT = '2026-01-01T00:00:00.000Z';

const found = async (db: Database, phrase: string) =>
  (
    await db.all<{ entity_id: string }>(
      `SELECT d.entity_id FROM search_fts f JOIN search_docs d ON d.rid = f.rowid
        WHERE search_fts MATCH ? ORDER BY d.entity_id`,
      [`"${phrase}"`],
    )
  ).map((r) => r.entity_id);

describe('migration 7 (search in Chinese, Japanese and Korean)', () => {
  it('re-indexes records written before it, so their words are found inside runs of characters', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO cases (id, reference, title, summary, status, confidentiality, created_at, updated_at)
       VALUES ('c1', 'VIG-2026-0001', '维权律师被失踪案', '律师在北京被带走', 'open', 'internal', ?, ?),
              ('c2', 'VIG-2026-0002', 'Plain title', 'nothing special', 'open', 'internal', ?, ?)`,
      [AT, AT, AT, AT],
    );
    await db.run(
      `INSERT INTO persons (id, person_type, name, aliases, created_at, updated_at)
       VALUES ('p1', 'individual', '王全璋', '["Wang Quanzhang"]', ?, ?)`,
      [AT, AT],
    );
    await db.run(
      `INSERT INTO testimonies (id, case_id, witness_description, taken_on, sort_key, statement, translation, consent, created_at, updated_at)
       VALUES ('t1', 'c1', '妻子', 'unknown', '9999', '他被关押在天津看守所', 'Он содержится в Тяньцзине, её муж', '{}', ?, ?)`,
      [AT, AT],
    );
    await db.run(
      `INSERT INTO events (id, case_id, event_type, title, start_date, sort_key, detention, created_at, updated_at)
       VALUES ('e1', 'c1', 'arbitrary-detention', 'Held', '2015-07', '2015-07', ?, ?, ?)`,
      [JSON.stringify({ forces: '国保', places: [{ name: '居所指定监视' }] }), AT, AT],
    );
    await db.run(
      `INSERT INTO interventions (id, case_id, intervention_type, recipient, status, response, created_at, updated_at)
       VALUES ('i1', 'c1', 'urgent-appeal', '한국 정부', 'sent', '', ?, ?)`,
      [AT, AT],
    );
    // Before: a whole run is one token.
    expect(await found(db, '北京')).toEqual([]);
    await migrateTo(db, V);
    expect(await found(db, '北 京')).toEqual(['c1']);
    expect(await found(db, '全 璋')).toEqual(['p1']);
    expect(await found(db, '看 守 所')).toEqual(['t1']);
    expect(await found(db, '妻 子')).toEqual(['t1']);
    expect(await found(db, '监 视')).toEqual(['e1']);
    expect(await found(db, '정 부')).toEqual(['i1']);
    expect(await found(db, 'Quanzhang')).toEqual(['p1']);
    expect(await found(db, 'special')).toEqual(['c2']);
    // The translation's ё is folded in the stored fold, as the repository would have.
    expect(await found(db, 'ее')).toEqual(['t1']);
    const plain = await db.get<{ cjk_title: string | null; cjk_body: string | null }>(
      "SELECT cjk_title, cjk_body FROM cases WHERE id = 'c2'",
    );
    expect(plain).toEqual({ cjk_title: null, cjk_body: null });
    // Nothing else changed in the rows.
    expect(await db.get("SELECT title, summary FROM cases WHERE id = 'c1'")).toEqual({
      title: '维权律师被失踪案',
      summary: '律师在北京被带走',
    });
    // The index is consistent, and later writes keep it in step through the new triggers.
    await db.run("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')");
    await db.run("UPDATE cases SET cjk_body = ' 上 海 ' WHERE id = 'c1'");
    expect(await found(db, '上 海')).toEqual(['c1']);
    expect(await found(db, '北 京')).toEqual([]);
    await db.close();
  });
});
