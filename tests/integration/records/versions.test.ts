import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runVigilInProcess, type CliResult } from '../../helpers/cli';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';
import { verifyAuditChain } from '../../../electron/core/vault/audit';
import { restorePersonVersion } from '../../../electron/core/records';

// Testimonies and persons keep every version; a sealed version never changes.

let dir: string;
let work: string;

beforeEach(async () => {
  const created = await newVault();
  await created.vault.lock();
  dir = created.dir;
  work = await tempDir();
});

const vigil = (...args: string[]): Promise<CliResult> =>
  runVigilInProcess(['--vault', dir, ...args], { stdin: `${PASSPHRASE}\n` });

function ok(result: CliResult): string {
  expect(result.stderr, result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}
const json = <T = Record<string, unknown>>(result: CliResult): T => JSON.parse(ok(result)) as T;

interface Version {
  version: number;
  fields: string[];
  actor: string;
  createdAt: string;
  sealed: { sha256: string; at: string; by: string } | null;
}
interface Full<R> extends Version {
  record: R;
}
interface Testimony {
  statement: string;
  consent: { scope: string; mechanisms: string[]; naming: string; withdrawn: boolean };
}

async function file(name: string, text: string): Promise<string> {
  const path = join(work, name);
  await writeFile(path, text);
  return path;
}

describe('versions and seals', () => {
  it('keep every version of a testimony and its consent, show one, and restore it as a new version', async () => {
    const c = json<{ reference: string }>(await vigil('case', 'add', '--title', 'T', '--json'));
    const first = 'Он сказал, что его били в отделении.\n';
    const t = json<{ id: string }>(
      await vigil(
        'testimony',
        'add',
        '--case',
        c.reference,
        '--text-file',
        await file('a.txt', first),
        '--json',
      ),
    );
    ok(
      await vigil(
        'testimony',
        'edit',
        t.id,
        '--text-file',
        await file('b.txt', 'Он сказал, что его били в отделении №5.\n'),
      ),
    );
    // Consent granted, widened, narrowed: each change a dated version.
    ok(
      await vigil(
        'testimony',
        'edit',
        t.id,
        '--consent-scope',
        'named-mechanisms',
        '--consent-mechanisms',
        'wgad',
        '--consent-date',
        '2025-02-01',
      ),
    );
    ok(
      await vigil(
        'testimony',
        'edit',
        t.id,
        '--consent-mechanisms',
        'wgad,sr-torture',
        '--consent-naming',
        'initials',
      ),
    );
    ok(await vigil('testimony', 'edit', t.id, '--consent-naming', 'none'));

    const { versions } = json<{ versions: Version[] }>(
      await vigil('testimony', 'versions', t.id, '--json'),
    );
    expect(versions.map((v) => [v.version, v.fields])).toEqual([
      [1, []],
      [2, ['statement']],
      [3, ['consent']],
      [4, ['consent']],
      [5, ['consent']],
    ]);
    expect(versions.every((v) => v.actor === 'tester' || v.actor.length > 0)).toBe(true);
    const consents = [];
    for (const n of [1, 3, 4, 5])
      consents.push(
        json<Full<Testimony>>(await vigil('testimony', 'version', t.id, String(n), '--json')).record
          .consent,
      );
    expect(consents.map((x) => [x.scope, x.mechanisms, x.naming])).toEqual([
      ['internal-only', [], 'none'],
      ['named-mechanisms', ['wgad'], 'none'],
      ['named-mechanisms', ['wgad', 'sr-torture'], 'initials'],
      ['named-mechanisms', ['wgad', 'sr-torture'], 'none'],
    ]);
    expect(ok(await vigil('testimony', 'version', t.id, '1'))).toContain('его били в отделении.');
    expect(ok(await vigil('testimony', 'versions', t.id))).toMatch(/^v2 .* changed statement$/m);

    // Restoring version 1 is a version of its own; nothing in between is lost.
    expect(ok(await vigil('testimony', 'restore-version', t.id, '1'))).toBe(
      `${t.id}\nChanged: statement, consent.\n`,
    );
    expect(json<Testimony>(await vigil('testimony', 'show', t.id, '--json')).statement).toBe(first);
    expect(
      json<{ versions: Version[] }>(await vigil('testimony', 'versions', t.id, '--json')).versions,
    ).toHaveLength(6);
    expect(
      json<Full<Testimony>>(await vigil('testimony', 'version', t.id, '2', '--json')).record
        .statement,
    ).toContain('№5');
    // The consent it brought back is a dated change of the consent history.
    const changes = json<{
      changes: { version: number; change: string; consent: Testimony['consent'] }[];
    }>(await vigil('testimony', 'consent-history', t.id, '--json')).changes;
    expect(changes.at(-1)).toMatchObject({
      version: 6,
      change: 'narrowed',
      consent: { scope: 'internal-only', mechanisms: [] },
    });
    const vault = await reopen(dir);
    try {
      const last = await vault.db.get<{ action: string; detail: string }>(
        'SELECT action, detail FROM audit_log WHERE entity_id = ? ORDER BY rowid DESC LIMIT 1',
        [t.id],
      );
      expect(last?.action).toBe('testimony.update');
      expect(JSON.parse(last!.detail)).toMatchObject({ restoredVersion: 1 });
    } finally {
      await vault.lock();
    }
    // A testimony in the trash has no version to restore, and stays as it was.
    const gone = json<{ trash: string }>(await vigil('testimony', 'delete', t.id, '--json'));
    const refused = await vigil('testimony', 'restore-version', t.id, '2');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/has no version 2/);
    ok(await vigil('trash', 'restore', gone.trash));
    expect(json<Testimony>(await vigil('testimony', 'show', t.id, '--json')).statement).toBe(first);
  });

  it('seal a version: it never changes, an edit makes a new version, and the trash keeps it', async () => {
    const c = json<{ reference: string }>(await vigil('case', 'add', '--title', 'T', '--json'));
    const t = json<{ id: string }>(
      await vigil(
        'testimony',
        'add',
        '--case',
        c.reference,
        '--text-file',
        await file('a.txt', 'شهادة مكتوبة.\n'),
        '--json',
      ),
    );
    const sealed = json<Version>(await vigil('testimony', 'seal', t.id, '--json'));
    expect(sealed.version).toBe(1);
    expect(sealed.sealed?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await vigil('testimony', 'seal', t.id);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already sealed/);

    ok(
      await vigil('testimony', 'edit', t.id, '--text-file', await file('b.txt', 'شهادة مصححة.\n')),
    );
    const versions = json<{ versions: Version[] }>(
      await vigil('testimony', 'versions', t.id, '--json'),
    ).versions;
    expect(versions.map((v) => [v.version, v.sealed?.sha256 ?? null])).toEqual([
      [1, sealed.sealed!.sha256],
      [2, null],
    ]);
    expect(
      json<Full<Testimony>>(await vigil('testimony', 'version', t.id, '1', '--json')).record
        .statement,
    ).toBe('شهادة مكتوبة.\n');

    // Whatever writes to the vault, a sealed version does not change.
    const vault = await reopen(dir);
    try {
      await expect(
        vault.db.run("UPDATE record_versions SET data = '{}' WHERE record_id = ? AND version = 1", [
          t.id,
        ]),
      ).rejects.toThrow(/a sealed version never changes/);
      const actions = (await vault.db.all<{ action: string }>('SELECT action FROM audit_log')).map(
        (r) => r.action,
      );
      expect(actions).toContain('testimony.seal');
      expect((await verifyAuditChain(vault.db)).ok).toBe(true);
    } finally {
      await vault.lock();
    }

    // Deleted and restored, the testimony keeps its versions and its seal.
    const gone = json<{ trash: string }>(await vigil('testimony', 'delete', t.id, '--json'));
    const missing = await vigil('testimony', 'versions', t.id, '--json');
    expect(json<{ versions: Version[] }>(missing).versions).toEqual([]);
    ok(await vigil('trash', 'restore', gone.trash));
    expect(
      json<{ versions: Version[] }>(await vigil('testimony', 'versions', t.id, '--json')).versions,
    ).toEqual(versions);
  });

  it("keep a person's versions, consent included", async () => {
    const c = json<{ reference: string }>(await vigil('case', 'add', '--title', 'T', '--json'));
    const p = json<{ id: string }>(
      await vigil(
        'person',
        'add',
        '--case',
        c.reference,
        '--role',
        'victim',
        '--name',
        'Li Yingjun',
        '--json',
      ),
    );
    ok(
      await vigil(
        'person',
        'edit',
        p.id,
        '--consent-scope',
        'public',
        '--consent-naming',
        'name',
        '--consent-date',
        '2025-01-12',
      ),
    );
    ok(await vigil('person', 'edit', p.id, '--consent-naming', 'initials'));
    const versions = json<{ versions: Version[] }>(
      await vigil('person', 'versions', p.id, '--json'),
    ).versions;
    expect(versions.map((v) => v.fields)).toEqual([[], ['consent'], ['consent']]);
    expect(
      json<Full<{ consent: { naming: string } }>>(
        await vigil('person', 'version', p.id, '2', '--json'),
      ).record.consent.naming,
    ).toBe('name');
  });

  it('refuse bad version numbers and unknown records', async () => {
    const c = json<{ reference: string }>(await vigil('case', 'add', '--title', 'T', '--json'));
    const t = json<{ id: string }>(
      await vigil(
        'testimony',
        'add',
        '--case',
        c.reference,
        '--text-file',
        await file('a.txt', 'x\n'),
        '--json',
      ),
    );
    const cases: [string[], number, RegExp][] = [
      [['testimony', 'version', t.id, '0'], 2, /whole number from 1/],
      [['testimony', 'version', t.id, 'two'], 2, /whole number from 1/],
      [['testimony', 'version', t.id, '7'], 1, /has no version 7/],
      [['testimony', 'restore-version', t.id, '7'], 1, /has no version 7/],
      [
        ['testimony', 'seal', '00000000-0000-4000-8000-000000000000'],
        1,
        /no testimony with the id/,
      ],
      [['person', 'versions', 'nobody'], 1, /nobody/],
    ];
    for (const [args, code, message] of cases) {
      const result = await vigil(...args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
  });
});

describe('restoring an earlier version of a person', () => {
  interface Change {
    version: number;
    change: string;
    on: string | null;
    consent: { scope: string; naming: string; withdrawn: boolean } | null;
  }
  const history = async (kind: string, id: string) =>
    json<{ changes: Change[] }>(await vigil(kind, 'consent-history', id, '--json')).changes;

  /** Everything a refused restore must leave as it was. */
  async function state(id: string): Promise<unknown> {
    const vault = await reopen(dir);
    try {
      return {
        person: await vault.db.all('SELECT * FROM persons WHERE id = ?', [id]),
        versions: await vault.db.all(
          'SELECT * FROM record_versions ORDER BY kind, record_id, version',
        ),
        audit: (await vault.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n,
      };
    } finally {
      await vault.lock();
    }
  }

  it('brings back the consent (and fields) of that version as a new one, audited and in the consent history', async () => {
    const c = json<{ reference: string }>(await vigil('case', 'add', '--title', 'T', '--json'));
    const p = json<{ id: string }>(
      await vigil(
        'person',
        'add',
        '--case',
        c.reference,
        '--role',
        'victim',
        '--name',
        'Nguyễn Văn An',
        '--json',
      ),
    );
    const edit = async (...args: string[]) => ok(await vigil('person', 'edit', p.id, ...args));
    await edit(
      '--consent-scope',
      'public',
      '--consent-naming',
      'name',
      '--consent-date',
      '2025-01-12',
    );
    await edit('--consent-naming', 'initials', '--occupation', 'nhà báo');
    await edit(
      '--consent-scope',
      'internal-only',
      '--consent-naming',
      'none',
      '--consent-date',
      '2025-03-02',
    );

    // Version 2: public, named. Restoring it widens consent again, as a version of its own.
    const restored = json<{
      id: string;
      consent: { scope: string; naming: string };
      occupation: string;
    }>(await vigil('person', 'restore-version', p.id, '2', '--json'));
    expect(restored.id).toBe(p.id);
    expect(restored.consent).toMatchObject({ scope: 'public', naming: 'name' });
    expect(restored.occupation).toBe('');
    const shown = json<{ consent: { scope: string; naming: string; givenOn: string } }>(
      await vigil('person', 'show', p.id, '--json'),
    );
    expect(shown.consent).toMatchObject({ scope: 'public', naming: 'name', givenOn: '2025-01-12' });
    const versions = json<{ versions: Version[] }>(
      await vigil('person', 'versions', p.id, '--json'),
    ).versions;
    expect(versions.map((v) => [v.version, [...v.fields].sort()])).toEqual([
      [1, []],
      [2, ['consent']],
      [3, ['consent', 'occupation']],
      [4, ['consent']],
      [5, ['consent', 'occupation']],
    ]);
    expect((await history('person', p.id)).map((h) => [h.version, h.change, h.on])).toEqual([
      [1, 'recorded', null],
      [2, 'granted', '2025-01-12'],
      [3, 'narrowed', '2025-01-12'],
      [4, 'narrowed', '2025-03-02'],
      // From internal use only, consent reaches out again: granted, on the day first given.
      [5, 'granted', '2025-01-12'],
    ]);

    // Restoring the current state again changes nothing and adds no version.
    expect(ok(await vigil('person', 'restore-version', p.id, '5'))).toBe(
      `${p.id}\nNothing changed.\n`,
    );
    expect(ok(await vigil('person', 'restore-version', p.id, '1'))).toBe(
      `${p.id}\nChanged: consent.\n`,
    );
    expect(json<{ consent: unknown }>(await vigil('person', 'show', p.id, '--json')).consent).toBe(
      null,
    );

    const vault = await reopen(dir);
    try {
      const rows = await vault.db.all<{ detail: string }>(
        "SELECT detail FROM audit_log WHERE action = 'person.update' AND entity_id = ? ORDER BY rowid",
        [p.id],
      );
      const details = rows.map((r) => JSON.parse(r.detail) as { restoredVersion?: number });
      expect(details.map((d) => d.restoredVersion ?? null)).toEqual([null, null, null, 2, 1]);
      expect((await verifyAuditChain(vault.db)).ok).toBe(true);
    } finally {
      await vault.lock();
    }
  });

  it('refuses an unknown id, a bad or missing version and a trashed person, leaving the vault as it was', async () => {
    const c = json<{ reference: string }>(await vigil('case', 'add', '--title', 'T', '--json'));
    const add = async (name: string) =>
      json<{ id: string }>(
        await vigil(
          'person',
          'add',
          '--case',
          c.reference,
          '--role',
          'witness',
          '--name',
          name,
          '--json',
        ),
      ).id;
    const p = await add('Amina Yusuf');
    ok(await vigil('person', 'edit', p, '--consent-scope', 'public', '--consent-naming', 'name'));
    const gone = await add('Kwame Mensah');
    ok(await vigil('person', 'edit', gone, '--consent-scope', 'public'));
    ok(await vigil('person', 'delete', gone));
    const never = await add('Ильяс Ахмедов');

    const before = { p: await state(p), gone: await state(gone) };
    const cases: [string[], number, RegExp][] = [
      [['person', 'restore-version', p, '0'], 2, /whole number from 1, not "0"/],
      [['person', 'restore-version', p, '-1'], 2, /Unknown option '-1'/],
      [['person', 'restore-version', p, '1.5'], 2, /whole number from 1/],
      [['person', 'restore-version', p, '99999999999'], 2, /whole number from 1/],
      [['person', 'restore-version', p, '3'], 1, /has no version 3/],
      [['person', 'restore-version', p], 2, /N/],
      [['person', 'restore-version', 'robert; DROP TABLE persons', '1'], 1, /person/],
      [
        ['person', 'restore-version', '00000000-0000-4000-8000-000000000000', '1'],
        1,
        /no version 1/,
      ],
      [['person', 'restore-version', gone, '1'], 1, /has no version 1/],
      [['person', 'restore-version', never, '1'], 1, /has no version 1/],
      // A testimony's id is not a person's version.
      [['person', 'restore-version', c.reference, '1'], 1, /person/],
    ];
    for (const [args, code, message] of cases) {
      const result = await vigil(...args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stdout, args.join(' ')).toBe('');
    }
    // The core function (which the app calls too) checks the number itself.
    const vault = await reopen(dir);
    try {
      for (const n of [0, -2, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
        await expect(restorePersonVersion(vault, p, n), String(n)).rejects.toMatchObject({
          code: 'INVALID_INPUT',
        });
      await expect(restorePersonVersion(vault, gone, 1)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    } finally {
      await vault.lock();
    }
    expect({ p: await state(p), gone: await state(gone) }).toEqual(before);
  });
});
