import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('interrupted-writes');

describe('migration 11 (outgoing writes and pending header changes)', () => {
  it('leaves existing records alone and starts with nothing outstanding', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at)
       VALUES ('c1', 'VIG-1', 'Задержание в Минске', 'open', 'internal', 'now', 'now'),
              ('c2', 'VIG-2', 'اعتقال تعسفي', 'closed', 'restricted', 'now', 'now')`,
    );
    const before = await db.all('SELECT * FROM cases ORDER BY id');
    await migrateTo(db, V);
    expect(await db.all('SELECT * FROM cases ORDER BY id')).toEqual(before);
    expect(await db.get('SELECT count(*) AS n FROM outgoing_writes')).toEqual({ n: 0 });
    expect(await db.get('SELECT count(*) AS n FROM pending_header_changes')).toEqual({ n: 0 });
  });

  it('records an outgoing write with its temporary path, and refuses one without it or with a wrong type', async () => {
    const db = await databaseAt(V);
    await db.run(
      `INSERT INTO outgoing_writes (id, kind, target, temp, temp_id, started_at, pid, audit)
       VALUES ('w1', 'dossier-folder', '/home/ана/dossier', '/home/ана/.dossier.vigil-tmp-1', NULL, 'now', 4242, NULL)`,
    );
    expect(await db.get('SELECT target, pid FROM outgoing_writes')).toEqual({
      target: '/home/ана/dossier',
      pid: 4242,
    });
    await expect(
      db.run(
        `INSERT INTO outgoing_writes (id, kind, target, started_at, pid) VALUES ('w2', 'bundle', '/x', 'now', 1)`,
      ),
    ).rejects.toThrow(/NOT NULL/);
    await expect(
      db.run(
        `INSERT INTO outgoing_writes (id, kind, target, temp, started_at, pid) VALUES ('w3', 'bundle', '/x', '/t', 'now', 'not a pid')`,
      ),
    ).rejects.toThrow(/cannot store TEXT value in INTEGER column/);
    await expect(
      db.run(
        `INSERT INTO outgoing_writes (id, kind, target, temp, started_at, pid) VALUES ('w1', 'bundle', '/x', '/t', 'now', 1)`,
      ),
    ).rejects.toThrow(/UNIQUE/);
  });

  it('keeps one pending audit entry per new header', async () => {
    const db = await databaseAt(V);
    await db.run(
      `INSERT INTO pending_header_changes (header_sha256, audit, started_at) VALUES ('ab', '{"action":"vault.passwd"}', 'now')`,
    );
    await expect(
      db.run(
        `INSERT INTO pending_header_changes (header_sha256, audit, started_at) VALUES ('ab', '{}', 'later')`,
      ),
    ).rejects.toThrow(/UNIQUE/);
    await expect(
      db.run(`INSERT INTO pending_header_changes (header_sha256, started_at) VALUES ('cd', 'now')`),
    ).rejects.toThrow(/NOT NULL/);
  });
});
