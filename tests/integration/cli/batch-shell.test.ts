import { spawn, spawnSync } from 'node:child_process';
import { copyFile, rename, rm, writeFile } from 'node:fs/promises';
import { getEventListeners } from 'node:events';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { UnlockedVault } from '../../../electron/cli/session';
import { openVault } from '../../../electron/core';
import { createCase, listCases } from '../../../electron/core/records';
import { cliPath, runVigil } from '../../helpers/cli';
import { snapshot } from '../../helpers/files';
import { hasTool } from '../../helpers/peers';
import { tempDir } from '../../helpers/tmp';

const FAST = ['--kdf-memory', '64', '--kdf-iterations', '1'];
const PASS = 'one unlock for many commands';

async function vaultWithPassFile() {
  const root = await tempDir('vigil-batch-');
  const vault = join(root, 'vault');
  const pass = join(root, 'pass.txt');
  await writeFile(pass, `${PASS}\n`);
  const init = await runVigil(['init', '--vault', vault, '--passphrase-file', pass, ...FAST]);
  expect(init.code, init.stderr).toBe(0);
  return { root, vault, pass, unlock: ['--vault', vault, '--passphrase-file', pass] };
}

async function cases(unlock: string[]) {
  const list = await runVigil(['case', 'list', '--json', ...unlock]);
  expect(list.code, list.stderr).toBe(0);
  return (JSON.parse(list.stdout) as { cases: { title: string; counts: Record<string, number> }[] })
    .cases;
}

/** `vigil batch -` as a child process, fed line by line. */
function batchOnStdin(args: string[]) {
  const child = spawn(process.execPath, [cliPath(), 'batch', '-', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const until = async (probe: () => boolean, what: string) => {
    const end = Date.now() + 30_000;
    while (!probe()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${stdout}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    send: (line: string) => child.stdin.write(`${line}\n`),
    end: () => child.stdin.end(),
    until,
    lines: () => stdout.split('\n').filter(Boolean),
    stderr: () => stderr,
    exit,
  };
}

describe('vigil batch: many commands, one unlock', () => {
  it('runs twenty record commands from a file, each JSON document on its own line', async () => {
    const { root, unlock } = await vaultWithPassFile();
    const script = [
      '# a case recorded by a script',
      'case add --title "Detention of Ana \'Lupe\' Pérez" --country CO',
      ...Array.from(
        { length: 12 },
        (_, i) => `vigil person add --case VIG-2026-0001 --name "Witness ${i + 1}" --role witness`,
      ),
      '',
      ...Array.from(
        { length: 6 },
        (_, i) =>
          `event add --case VIG-2026-0001 --type arbitrary-detention --date 2025-0${i + 1}-1${i} --title 'Hearing ${i + 1}'`,
      ),
      'case list',
    ];
    const file = join(root, 'record.txt');
    await writeFile(file, `${script.join('\n')}\n`);
    const result = await runVigil(['batch', file, '--json', ...unlock]);
    expect(result.code, result.stderr).toBe(0);
    const documents = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(documents).toHaveLength(20);
    expect(documents[0]).toMatchObject({ title: "Detention of Ana 'Lupe' Pérez" });
    expect(documents[19]).toMatchObject({
      cases: [{ counts: { persons: 12, events: 6 } }],
    });
    // Human output: each command prints as it would alone.
    const human = await runVigil(['batch', file, ...unlock]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('VIG-2026-0002');
    expect(await cases(unlock)).toHaveLength(2);
  });

  it('a command leaves no listener on the signal it shares with the commands after it', async () => {
    const { unlock } = await vaultWithPassFile();
    const shared = new AbortController();
    const io = {
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      stdin: Readable.from(['']),
      stdinIsTTY: false,
      stderrIsTTY: false,
      env: {},
    };
    for (const words of [
      ['case', 'add', '--title', 'T', '--country', 'CO'],
      ['case', 'list'],
    ])
      expect(await runCli([...words, ...unlock], io, { signal: shared.signal })).toBe(0);
    // A shell runs thousands of commands on one signal: each would keep its closed vault alive.
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0);
  });

  it('derives the key once: the passphrase file can go after the first command', async () => {
    const { pass, unlock } = await vaultWithPassFile();
    const batch = batchOnStdin([...unlock, '--json']);
    batch.send('case add --title "First"');
    await batch.until(() => batch.lines().length === 1, 'the first command');
    await rm(pass);
    batch.send('case add --title "Second, with the passphrase file gone"');
    batch.send('case list');
    batch.end();
    expect(await batch.exit, batch.stderr()).toBe(0);
    const listed = JSON.parse(batch.lines()[2]!) as { cases: { title: string }[] };
    expect(listed.cases.map((c) => c.title).sort()).toEqual([
      'First',
      'Second, with the passphrase file gone',
    ]);
  });

  it('a wrong passphrase stops it before any command runs, exit 4, the vault unchanged', async () => {
    const { root, vault, unlock } = await vaultWithPassFile();
    const wrong = join(root, 'wrong.txt');
    await writeFile(wrong, 'not the passphrase at all\n');
    const file = join(root, 'cmds.txt');
    await writeFile(file, 'case add --title "Never recorded"\ncase list\n');
    const before = await snapshot(vault);
    const result = await runVigil(['batch', file, '--vault', vault, '--passphrase-file', wrong]);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'vigil: Wrong passphrase: the vault was not opened and nothing was changed.',
    ]);
    expect(await snapshot(vault)).toEqual(before);
    expect(await cases(unlock)).toEqual([]);
  });

  it('stops at a failing command with its exit code and says which line; --keep-going runs the rest', async () => {
    const { root, unlock } = await vaultWithPassFile();
    const file = join(root, 'cmds.txt');
    await writeFile(
      file,
      [
        'case add --title "Recorded before the failure"',
        '',
        'person add --case VIG-2099-0042 --name "Nobody" --role witness',
        'case add --title "After the failure"',
        'event add --case VIG-2026-0001 --type not-a-type --date 2025-01-01',
        'case add --title "Last line"',
      ].join('\n'),
    );
    const stopped = await runVigil(['batch', file, ...unlock]);
    expect(stopped.code).not.toBe(0);
    expect(stopped.stderr).toMatch(/VIG-2099-0042/);
    expect(stopped.stderr).toContain(
      `vigil: the batch stopped at line 3 (exit ${stopped.code}); the lines after it were not run.`,
    );
    expect((await cases(unlock)).map((c) => c.title)).toEqual(['Recorded before the failure']);

    const going = await runVigil(['batch', file, '--keep-going', ...unlock]);
    expect(going.code).toBe(stopped.code);
    expect(going.stderr).toContain('vigil: 2 of 5 command(s) failed, at line(s) 3, 5.');
    expect((await cases(unlock)).map((c) => c.title).sort()).toEqual([
      'After the failure',
      'Last line',
      'Recorded before the failure',
      'Recorded before the failure',
    ]);
  });

  it('refuses what cannot run in a batch, before running anything (exit 2)', async () => {
    const { root, vault, pass, unlock } = await vaultWithPassFile();
    const other = join(root, 'other-vault');
    const refusals: [string, RegExp][] = [
      [
        'case list --title "unclosed',
        /line 2 of .*: a double quote \("\) is not closed; nothing was run/,
      ],
      ['batch other.txt', /line 2 of .*: "batch" cannot run inside a batch or a shell/],
      ['shell', /"shell" cannot run inside a batch or a shell/],
      [`case list --passphrase-file ${pass}`, /give --passphrase-file to the batch or the shell/],
    ];
    for (const [line, message] of refusals) {
      const file = join(root, 'refused.txt');
      await writeFile(file, `case add --title "Must not be recorded"\n${line}\n`);
      const result = await runVigil(['batch', file, ...unlock]);
      expect(result.code, line).toBe(2);
      expect(result.stderr, line).toMatch(message);
    }
    expect(await cases(unlock)).toEqual([]);

    // A command for another vault, or one that asks for a passphrase of its own, fails alone.
    const file = join(root, 'mixed.txt');
    await writeFile(
      file,
      `case list --vault ${other}\npasswd --new-passphrase-file ${pass}\ncase add --title "Runs"\n`,
    );
    const mixed = await runVigil(['batch', file, '--keep-going', ...unlock]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain(`a command for another vault (${other}) runs outside it`);
    expect(mixed.stderr).toContain('asks for a passphrase of its own: run it alone');
    expect((await cases(unlock)).map((c) => c.title)).toEqual(['Runs']);

    // Commands on stdin leave no room for the passphrase there.
    const piped = await runVigil(['batch', '-', '--vault', vault], {
      stdin: `${PASS}\ncase list\n`,
    });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('give the passphrase with --passphrase-file FILE');
    for (const bad of ['0', '-1', 'five', '241']) {
      const result = await runVigil(['batch', file, `--lock-after=${bad}`, ...unlock]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toContain('--lock-after takes a number of minutes');
    }
  });

  it('wipes the key after --lock-after without a command; the next command asks again', async () => {
    const { pass, unlock } = await vaultWithPassFile();
    const batch = batchOnStdin([...unlock, '--json', '--lock-after', '0.01']);
    batch.send('case add --title "Before the idle lock"');
    await batch.until(() => batch.lines().length === 1, 'the first command');
    await batch.until(() => batch.stderr().includes('the key was wiped after'), 'the idle lock');
    // Asked again, the passphrase file no longer answers: the key is really gone.
    await rm(pass);
    batch.send('case add --title "After the idle lock"');
    batch.end();
    expect(await batch.exit).toBe(2);
    expect(batch.stderr()).toContain('cannot read the passphrase file');
  });
});

describe('UnlockedVault: the key of a batch or a shell', () => {
  it('is wiped in place when the session ends, and opens nothing afterwards', async () => {
    const { vault } = await vaultWithPassFile();
    const session = new UnlockedVault(vault, () => Promise.resolve(PASS), 60_000);
    await session.unlock();
    const key = (session as unknown as { unlocked: { vaultKey: Buffer } }).unlocked.vaultKey;
    expect(key.some((byte) => byte !== 0)).toBe(true);
    const opened = await session.open(vault, { access: 'read' });
    await opened.lock();
    await session.end();
    expect(session.isUnlocked).toBe(false);
    expect(key.every((byte) => byte === 0)).toBe(true);
    await expect(session.open(vault, { access: 'read' })).rejects.toThrow(
      'This session has ended.',
    );
  });
});

describe('UnlockedVault: loading ahead while the key is derived', () => {
  it('calls loadAhead once, after the passphrase and before the key is there; its failure changes nothing', async () => {
    const { vault } = await vaultWithPassFile();
    const steps: string[] = [];
    const session = new UnlockedVault(
      vault,
      () => {
        steps.push('passphrase asked');
        return Promise.resolve(PASS);
      },
      60_000,
    );
    await session.unlock(() => {
      steps.push(session.isUnlocked ? 'loadAhead after the key' : 'loadAhead while deriving');
      throw new Error('a module failed to load');
    });
    expect(steps).toEqual(['passphrase asked', 'loadAhead while deriving']);
    expect(session.isUnlocked).toBe(true);
    const opened = await session.open(vault, { access: 'read' });
    expect(await listCases(opened)).toEqual([]);
    await opened.lock();
    await session.end();
  });

  it('still refuses a wrong passphrase, whatever was loaded meanwhile', async () => {
    const { vault } = await vaultWithPassFile();
    let loaded = 0;
    const session = new UnlockedVault(vault, () => Promise.resolve(`${PASS}!`), 60_000);
    await expect(session.unlock(() => (loaded += 1))).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(loaded).toBe(1);
    expect(session.isUnlocked).toBe(false);
    await session.end();
  });
});

describe('UnlockedVault: one connection for the session', () => {
  it('keeps the connection between commands, frees the writer lock between them, closes it at the end', async () => {
    const { vault } = await vaultWithPassFile();
    const session = new UnlockedVault(vault, () => Promise.resolve(PASS), 60_000);
    const first = await session.open(vault, { access: 'write' });
    await createCase(first, { title: 'From the session' });
    await first.lock();
    expect(first.isLocked).toBe(true);
    // Another process writes between two commands: it gets the writer lock at once.
    const other = await openVault({ dir: vault, passphrase: PASS, waitMs: 0 });
    await createCase(other, { title: 'From another process' });
    await other.lock();
    const second = await session.open(vault, { access: 'read' });
    expect(second.db).toBe(first.db);
    const titles = (await listCases(second)).map((c) => c.title).sort();
    expect(titles).toEqual(['From another process', 'From the session']);
    await second.lock();
    await session.end();
    // SQLCipher zeroes its key copy when the connection closes.
    expect(first.db.isClosed).toBe(true);
  });

  it('opens the database anew when its file was replaced between commands, losing nothing', async () => {
    const { vault } = await vaultWithPassFile();
    const session = new UnlockedVault(vault, () => Promise.resolve(PASS), 60_000);
    const first = await session.open(vault, { access: 'write' });
    await createCase(first, { title: 'Before the file was replaced' });
    await first.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    await first.lock();
    // The same bytes under a new inode, as a restore or a sync tool would leave them.
    const file = join(vault, 'vault.db');
    await copyFile(file, `${file}.new`);
    await rename(`${file}.new`, file);
    const second = await session.open(vault, { access: 'write' });
    expect(second.db).not.toBe(first.db);
    await createCase(second, { title: 'After the file was replaced' });
    await second.lock();
    await session.end();
    // Written to the file in place, not to the replaced one that the old connection held.
    const check = await openVault({ dir: vault, passphrase: PASS });
    const titles = (await listCases(check)).map((c) => c.title).sort();
    await check.lock();
    expect(titles).toEqual(['After the file was replaced', 'Before the file was replaced']);
  });
});

describe.runIf(hasTool('python3'))('vigil shell on a terminal', () => {
  it('asks once without echo, runs commands, wipes the key when idle and asks again', async () => {
    const { vault, unlock } = await vaultWithPassFile();
    // A pseudo-terminal driven step by step: each step waits for a text, then types a line.
    const driver = `
import os, pty, sys, time, select, json
node, cli, vault, steps = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
pid, fd = pty.fork()
if pid == 0:
    os.execv(node, [node, cli, 'shell', '--vault', vault, '--lock-after', '0.02'])
out = b''
def wait_for(text, start, secs=30):
    global out
    end = time.time() + secs
    while text.encode() not in out[start:]:
        if time.time() > end:
            sys.stdout.write(out.decode('utf8', 'replace')); sys.exit('timed out waiting for ' + text)
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try: data = os.read(fd, 65536)
            except OSError: break
            if not data: break
            out += data
mark = 0
for expect, typed in steps:
    # Only what came after the last line typed counts: an earlier prompt must not answer.
    wait_for(expect, mark)
    mark = len(out)
    os.write(fd, typed.encode() + b'\\r')
    time.sleep(0.2)
end = time.time() + 20
while time.time() < end:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try: data = os.read(fd, 65536)
        except OSError: break
        if not data: break
        out += data
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf8', 'replace'))
sys.stdout.write('\\nEXIT %d\\n' % os.waitstatus_to_exitcode(status))
`;
    const steps = [
      ['Vault passphrase:', PASS],
      ['vigil> ', 'case add --title "Typed in the shell"'],
      ['vigil> ', 'not-a-command'],
      ['unknown command', 'case list'],
      ['Typed in the shell', ''],
      ['the key was wiped after', 'case list'],
      ['Vault passphrase:', PASS],
      ['VIG-2026-0001', 'exit'],
    ];
    const run = spawnSync(
      'python3',
      ['-c', driver, process.execPath, cliPath(), vault, JSON.stringify(steps)],
      { encoding: 'utf8', timeout: 90_000 },
    );
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const screen = run.stdout;
    expect(screen).toContain('EXIT 0');
    // The passphrase was asked twice (at the start and after the idle lock) and never shown.
    expect(screen.split('Vault passphrase:').length - 1).toBe(2);
    expect(screen).not.toContain(PASS);
    expect(screen).toContain('vigil: unknown command "not-a-command"');
    expect((await cases(unlock)).map((c) => c.title)).toEqual(['Typed in the shell']);
  });

  it('says to use vigil batch when stdin is not a terminal (exit 2)', async () => {
    const { unlock } = await vaultWithPassFile();
    const result = await runVigil(['shell', ...unlock], { stdin: 'case list\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'vigil shell needs a terminal; for commands from a file or a pipe, use vigil batch.',
    );
  });
});
