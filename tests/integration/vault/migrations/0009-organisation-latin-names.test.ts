import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('organisation-latin-names');

describe('migration 9 (the organisation profile and Latin names)', () => {
  it('seeds the profile from the most recent WGAD submitter, splitting an e-mail out of the contact', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at)
       VALUES ('c1', 'VIG-1', 'One', 'open', 'internal', 'now', 'now'),
              ('c2', 'VIG-2', 'Two', 'open', 'internal', 'now', 'now'),
              ('c3', 'VIG-3', 'Three', 'open', 'internal', 'now', 'now')`,
    );
    const submission = (submitter: object) => JSON.stringify({ circumstances: 'x', submitter });
    const add = (caseId: string, template: string, data: string, at: string) =>
      db.run('INSERT INTO submissions (case_id, template, data, updated_at) VALUES (?, ?, ?, ?)', [
        caseId,
        template,
        data,
        at,
      ]);
    await add(
      'c1',
      'wgad',
      submission({ name: 'Old team', organisation: 'Old name', address: 'Old street' }),
      '2025-01-01T00:00:00.000Z',
    );
    await add(
      'c2',
      'wgad',
      submission({
        name: 'Legal team',
        organisation: 'Observatorio Andino',
        address: 'Casilla 12, Lima',
        contact: '+51 1 555 0100, legal@observatorio.example',
      }),
      '2025-06-01T00:00:00.000Z',
    );
    // Newer, but not a WGAD draft, and a damaged draft: neither is used.
    await add(
      'c3',
      'generic',
      submission({ organisation: 'Not this one' }),
      '2025-09-01T00:00:00.000Z',
    );
    await add('c3', 'wgad', '{not json', '2025-10-01T00:00:00.000Z');
    await db.run(
      `INSERT INTO persons (id, person_type, name, family_name, given_name, created_at, updated_at)
       VALUES ('p1', 'individual', 'Ана Петрова', 'Петрова', 'Ана', 'now', 'now')`,
    );
    await migrateTo(db, V);
    expect(await db.get('SELECT name, address, email, phone FROM organisation')).toEqual({
      name: 'Observatorio Andino',
      address: 'Casilla 12, Lima',
      email: 'legal@observatorio.example',
      phone: '+51 1 555 0100',
    });
    expect(
      await db.get(
        "SELECT name, family_name, family_name_latin, given_name_latin FROM persons WHERE id = 'p1'",
      ),
    ).toEqual({
      name: 'Ана Петрова',
      family_name: 'Петрова',
      family_name_latin: '',
      given_name_latin: '',
    });
    expect(await db.get('SELECT count(*) AS n FROM submissions')).toEqual({ n: 4 });
    await expect(
      db.run("INSERT INTO organisation (id, name, updated_at) VALUES (2, 'second', 'now')"),
    ).rejects.toThrow(/CHECK/);
    await db.close();
  });

  it('leaves the profile empty when no submission named a submitter', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at)
       VALUES ('c1', 'VIG-1', 'One', 'open', 'internal', 'now', 'now')`,
    );
    await db.run(
      "INSERT INTO submissions (case_id, template, data, updated_at) VALUES ('c1', 'wgad', ?, 'now')",
      [JSON.stringify({ submitter: { name: '', contact: 'someone@example.org' } })],
    );
    await migrateTo(db, V);
    expect(await db.get('SELECT count(*) AS n FROM organisation')).toEqual({ n: 0 });
    await db.close();
  });
});
