import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkVault,
  createBackup,
  restoreBackup,
  verifyBackup,
  type Vault,
} from '../../../electron/core';
import {
  createCase,
  createEvent,
  createPerson,
  createTestimony,
} from '../../../electron/core/records';
import { evidenceBlob, intakeFile } from '../../../electron/core/evidence';
import { readBlob } from '../../../electron/core/evidence/blobStore';
import { cliPath, runVigil, runVigilInProcess } from '../../helpers/cli';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Every row of every ordinary table, as JSON lines per table: what a restore
 * must give back. The full-text index's own tables are left out (their blocks
 * are merged by later writes); checkVault proves the index agrees with the records.
 */
async function dump(vault: Vault): Promise<Map<string, Set<string>>> {
  const all = await vault.db.all<{ name: string; sql: string }>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const virtual = all.filter((t) => t.sql.startsWith('CREATE VIRTUAL TABLE')).map((t) => t.name);
  const tables = all.filter(
    (t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)),
  );
  const out = new Map<string, Set<string>>();
  for (const { name } of tables) {
    const rows = await vault.db.all<Record<string, unknown>>(`SELECT * FROM "${name}"`);
    out.set(
      name,
      new Set(
        rows.map((r) =>
          JSON.stringify(r, (_k, v: unknown) =>
            Buffer.isBuffer(v) ? v.toString('hex') : (v as object),
          ),
        ),
      ),
    );
  }
  return out;
}

function expectSubset(
  small: Map<string, Set<string>>,
  big: Map<string, Set<string>>,
  what: string,
) {
  for (const [table, rows] of small) {
    const other = big.get(table) ?? new Set();
    const missing = [...rows].filter((r) => !other.has(r));
    expect(missing, `${what}: rows of ${table}`).toEqual([]);
  }
}

/** A vault with records in several scripts and evidence of several sizes (some over one blob chunk). */
async function populatedVault(): Promise<{ dir: string; files: Map<string, string> }> {
  const { vault, dir } = await newVault();
  const work = await tempDir();
  const files = new Map<string, string>();
  const titles = ['Detención arbitraria en Lima', 'اعتقال المحامية', 'Задержание журналиста'];
  for (const [i, title] of titles.entries()) {
    const { id: caseId } = await createCase(vault, { title });
    const person = await createPerson(
      vault,
      { name: `Witness ${i} 王芳` },
      { caseId, role: 'witness' },
    );
    await createEvent(vault, caseId, {
      eventType: 'arbitrary-detention',
      title: `Event ${i} ${title}`,
      victims: [person.id],
    });
    await createTestimony(vault, caseId, {
      statement: `Statement ${i}: ${title}`,
      witnessId: person.id,
    });
    for (const size of [0, 17, 1024 * 1024 + 5, (i + 1) * 3 * 1024 * 1024]) {
      const path = join(work, `file-${i}-${size}.bin`);
      const bytes = randomBytes(size);
      await writeFile(path, bytes);
      const result = await intakeFile(vault, { caseId, path });
      files.set(result.id, sha256(bytes));
    }
  }
  await vault.lock();
  return { dir, files };
}

async function plaintextHash(vault: Vault, evidenceId: string): Promise<string> {
  const blob = await evidenceBlob(vault, evidenceId);
  const hash = createHash('sha256');
  for await (const chunk of readBlob(vault.dir, blob.blobId, blob.key)) hash.update(chunk);
  return hash.digest('hex');
}

/** Adds cases through the CLI, one process after another, until stopped. */
function concurrentWriter(dir: string): { stop: () => Promise<number>; first: Promise<void> } {
  let stopped = false;
  let written = 0;
  let signalFirst!: () => void;
  const first = new Promise<void>((resolve) => (signalFirst = resolve));
  const loop = (async () => {
    for (let i = 0; !stopped || written === 0; i++) {
      const result = await runVigil(['--vault', dir, 'case', 'add', '--title', `Concurrent ${i}`], {
        stdin: `${PASSPHRASE}\n`,
      });
      // Without the vault write lock two writers may meet; a refused write changes nothing.
      if (result.code === 0) {
        written++;
        signalFirst();
      } else expect(result.stderr).toMatch(/locked|busy/i);
    }
  })();
  return {
    first,
    stop: async () => {
      stopped = true;
      await loop;
      return written;
    },
  };
}

describe('vigil backup', () => {
  it('backs up a vault while another process writes to it; verify, restore and compare every record and evidence hash', async () => {
    const { dir, files } = await populatedVault();
    const original = await reopen(dir);
    const before = await dump(original);
    await original.lock();
    const outDir = await tempDir();
    const out = join(outDir, 'vault.vigilbackup');
    const passFile = join(outDir, 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);

    const writer = concurrentWriter(dir);
    await writer.first;
    const backedUp = await runVigil([
      '--vault',
      dir,
      '--passphrase-file',
      passFile,
      'backup',
      '--out',
      out,
      '--json',
    ]);
    const concurrent = await writer.stop();
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(concurrent).toBeGreaterThan(0);
    const result = JSON.parse(backedUp.stdout) as { file: string; bytes: number; blobs: number };
    expect(result.file).toBe(out);
    expect(result.blobs).toBe(files.size);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect((await stat(out)).size).toBe(result.bytes);
    // Nothing readable: no record text, no evidence bytes in the clear.
    const raw = await readFile(out);
    for (const word of ['Lima', 'المحامية', 'журналиста', 'Statement', '王芳'])
      expect(raw.includes(Buffer.from(word, 'utf8')), word).toBe(false);
    expect(await readdir(outDir)).toEqual(['pass', 'vault.vigilbackup']);
    expect((await readdir(dir)).filter((n) => n.includes('vigil-tmp'))).toEqual([]);

    const verified = await runVigil([
      'backup',
      'verify',
      out,
      '--passphrase-file',
      passFile,
      '--json',
    ]);
    expect(verified.code, verified.stderr).toBe(0);
    const summary = JSON.parse(verified.stdout) as {
      ok: boolean;
      blobs: number;
      records: Record<string, number>;
    };
    expect(summary.ok).toBe(true);
    expect(summary.blobs).toBe(files.size);
    expect(summary.records.evidence).toBe(files.size);

    const target = join(await tempDir(), 'restored', 'vault');
    const restored = await runVigil([
      'restore',
      out,
      '--vault',
      target,
      '--passphrase-file',
      passFile,
      '--json',
    ]);
    expect(restored.code, restored.stderr).toBe(0);
    expect((await stat(target)).mode & 0o777).toBe(0o700);

    const source = await reopen(dir);
    const after = await dump(source);
    await source.lock();
    const copy = await reopen(target);
    try {
      const inCopy = await dump(copy);
      // The copy is one consistent moment between the start and the end of the backup.
      expectSubset(before, inCopy, 'everything before the backup is in it');
      expectSubset(inCopy, after, 'nothing in it that the vault did not hold');
      const report = await checkVault(copy);
      expect(report.ok, JSON.stringify(report.items.filter((i) => !i.ok))).toBe(true);
      for (const [id, hash] of files) expect(await plaintextHash(copy, id)).toBe(hash);
    } finally {
      await copy.lock();
    }
  }, 180_000);

  it('backup verify exits 3 for any flipped byte, truncation or appended data, and 4 for a wrong passphrase', async () => {
    const { dir } = await populatedVault();
    const vault = await reopen(dir);
    const work = await tempDir();
    const out = join(work, 'b.vigilbackup');
    await createBackup(vault, { out });
    await vault.lock();
    const good = await readFile(out);
    const passFile = join(work, 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    const verify = (file: string, pass = passFile) =>
      runVigilInProcess(['backup', 'verify', file, '--passphrase-file', pass]);
    expect((await verify(out)).code).toBe(0);

    // Positions across the whole file: the heading, the header, the database, blobs, manifest, MAC.
    const positions = [
      8,
      9,
      12,
      40,
      200,
      5000,
      Math.floor(good.length / 3),
      Math.floor(good.length / 2),
      good.length - 200,
      good.length - 40,
      good.length - 1,
    ];
    for (const [i, position] of positions.entries()) {
      const bad = Buffer.from(good);
      bad[position] = bad[position]! ^ (1 << (i % 8));
      const file = join(work, `flip-${position}`);
      await writeFile(file, bad);
      const result = await verify(file);
      expect(result.code, `byte ${position}: ${result.stderr}`).toBe(3);
      expect(result.stderr).toMatch(/^vigil: .+\n$/);
    }
    for (const [name, bytes] of [
      ['truncated', good.subarray(0, good.length - 1)],
      ['halved', good.subarray(0, good.length >> 1)],
      ['appended', Buffer.concat([good, Buffer.from([0])])],
    ] as const) {
      await writeFile(join(work, name), bytes);
      expect((await verify(join(work, name))).code, name).toBe(3);
    }
    const wrong = join(work, 'wrong');
    await writeFile(wrong, 'not the passphrase at all\n');
    const refused = await verify(out, wrong);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/passphrase/i);
    await writeFile(join(work, 'not-a-backup'), 'hello');
    expect((await verify(join(work, 'not-a-backup'))).code).toBe(1);
  }, 120_000);

  it('the recovery key opens a backup; a restore refuses a non-empty directory and leaves it untouched', async () => {
    const { vault, dir, recoveryKey } = await newVault();
    await createCase(vault, { title: 'Only case' });
    const work = await tempDir();
    const out = join(work, 'b.vigilbackup');
    await createBackup(vault, { out });
    await vault.lock();
    const summary = await verifyBackup(out, { recoveryKey });
    expect(summary.records.cases).toBe(1);
    const other = await newVault();
    await other.vault.lock();
    await expect(verifyBackup(out, { recoveryKey: other.recoveryKey })).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_KEY',
    });

    const occupied = join(work, 'occupied');
    await mkdir(occupied);
    await writeFile(join(occupied, 'keep.txt'), 'mine');
    await expect(restoreBackup(out, occupied, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'VAULT_EXISTS',
    });
    expect(await readdir(occupied)).toEqual(['keep.txt']);
    await expect(restoreBackup(out, dir, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'VAULT_EXISTS',
    });

    // An empty directory is fine; the restored vault opens with the recovery key's vault passphrase.
    const empty = join(work, 'empty');
    await mkdir(empty);
    await restoreBackup(out, empty, { recoveryKey });
    const copy = await reopen(empty);
    expect((await copy.db.get<{ title: string }>('SELECT title FROM cases'))?.title).toBe(
      'Only case',
    );
    await copy.lock();
    expect((await readdir(work)).filter((n) => n.includes('vigil-tmp'))).toEqual([]);

    // A damaged backup restores nothing, not even the directory.
    const bad = await readFile(out);
    bad[bad.length - 5] = bad[bad.length - 5]! ^ 1;
    await writeFile(join(work, 'bad'), bad);
    await expect(
      restoreBackup(join(work, 'bad'), join(work, 'never'), { passphrase: PASSPHRASE }),
    ).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });
    expect(
      (await readdir(work)).filter((n) => n.startsWith('never') || n.includes('vigil-tmp')),
    ).toEqual([]);
    await expect(createBackup(await reopen(dir), { out })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  }, 60_000);

  it('cancelling leaves nothing; a SIGKILL leaves no file under the name, and the next backup clears its leftovers', async () => {
    const { dir } = await populatedVault();
    const work = await tempDir();
    const out = join(work, 'b.vigilbackup');
    const vault = await reopen(dir);
    const controller = new AbortController();
    await expect(
      createBackup(vault, {
        out,
        signal: controller.signal,
        onProgress: (done) => done > 2 * 1024 * 1024 && controller.abort(),
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    await vault.lock();
    expect(await readdir(work)).toEqual([]);
    expect((await readdir(dir)).filter((n) => n.includes('vigil-tmp'))).toEqual([]);

    for (const at of ['backup:database-chunk-written', 'backup:blob-chunk-written']) {
      const killed = await new Promise<string | null>((resolve, reject) => {
        const child = spawn(process.execPath, [cliPath(), '--vault', dir, 'backup', '--out', out], {
          env: { ...process.env, VIGIL_TEST_CRASH_AT: at },
          stdio: ['pipe', 'ignore', 'ignore'],
        });
        child.stdin.end(`${PASSPHRASE}\n`);
        child.on('error', reject);
        child.on('close', (_code, signal) => resolve(signal));
      });
      expect(killed).toBe('SIGKILL');
      const left = await readdir(work);
      expect(left).not.toContain('b.vigilbackup');
      expect(left.every((n) => n.startsWith('.b.vigilbackup.vigil-tmp-'))).toBe(true);
    }
    const again = await runVigil(['--vault', dir, 'backup', '--out', out], {
      stdin: `${PASSPHRASE}\n`,
    });
    expect(again.code, again.stderr).toBe(0);
    expect(await readdir(work)).toEqual(['b.vigilbackup']);
    expect((await readdir(dir)).filter((n) => n.includes('vigil-tmp'))).toEqual([]);
    expect((await verifyBackup(out, { passphrase: PASSPHRASE })).blobs).toBe(12);
  }, 120_000);

  it('refuses to back up over an existing file or into a missing folder', async () => {
    const { vault } = await newVault();
    const work = await tempDir();
    const existing = join(work, 'there');
    await copyFile(__filename, existing);
    await expect(createBackup(vault, { out: existing })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(createBackup(vault, { out: join(work, 'no', 'such', 'b') })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    await vault.lock();
    const usage = await runVigilInProcess(['backup', 'verify']);
    expect(usage.code).toBe(2);
  });
});
