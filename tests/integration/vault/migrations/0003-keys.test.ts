import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('keys');
const AT = '2026-02-01T10:00:00.000Z';
const FPR = (c: string) => c.repeat(40);

const insertKey = (kind: string, fingerprint: string, secret: Buffer | null, active: number) =>
  [
    `INSERT INTO pgp_keys (fingerprint, kind, public_key, secret_key, user_ids, algorithm, created_at, imported_at, imported_by, active)
     VALUES (?, ?, '-----BEGIN PGP PUBLIC KEY BLOCK-----', ?, '["Org <org@example.org>"]', 'ed25519', ?, ?, 'amira', ?)`,
    [fingerprint, kind, secret, AT, AT, active],
  ] as const;

describe('migration 3 (OpenPGP keys)', () => {
  it('keeps the case records, and its key table holds one active organisation key with a secret, partners without', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at)
       VALUES ('c1', 'VIG-2026-0003', 'Kept through migration 3', 'open', 'internal', ?, ?)`,
      [AT, AT],
    );
    await migrateTo(db, V);
    expect(await db.get('SELECT reference, title FROM cases')).toEqual({
      reference: 'VIG-2026-0003',
      title: 'Kept through migration 3',
    });

    await db.run(...insertKey('organisation', FPR('A'), Buffer.from('secret'), 1));
    await db.run(...insertKey('partner', FPR('B'), null, 0));
    // A second active key, a partner with a secret, a partner made active, a lower-case fingerprint: refused.
    await expect(
      db.run(...insertKey('organisation', FPR('C'), Buffer.from('s'), 1)),
    ).rejects.toThrow(/UNIQUE/);
    await expect(db.run(...insertKey('partner', FPR('D'), Buffer.from('s'), 0))).rejects.toThrow(
      /CHECK/,
    );
    await expect(db.run(...insertKey('partner', FPR('E'), null, 1))).rejects.toThrow(/CHECK/);
    await expect(db.run(...insertKey('partner', FPR('f'), null, 0))).rejects.toThrow(/CHECK/);
    expect(
      await db.all('SELECT fingerprint, kind, active FROM pgp_keys ORDER BY fingerprint'),
    ).toEqual([
      { fingerprint: FPR('A'), kind: 'organisation', active: 1 },
      { fingerprint: FPR('B'), kind: 'partner', active: 0 },
    ]);
    await db.close();
  });
});
