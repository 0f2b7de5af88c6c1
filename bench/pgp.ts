import { spawn, spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argon2idParams } from '../electron/core/crypto/kdf';
import { createVault, openVault } from '../electron/core';
import {
  decryptMessage,
  encryptToRecipients,
  exportPublicKey,
  exportSecretKey,
  generateOrgKey,
  importKeys,
  verifyDetached,
} from '../electron/core/pgp';
import { median, round, type Bench } from './harness';

const PASSPHRASE = 'benchmark passphrase with several words';
const CHILD_ENV = 'VIGIL_BENCH_PGP_CHILD';

/** What the parent asks a child process to do, so that the child's memory is the operation's alone. */
type ChildTask =
  | {
      op: 'encrypt';
      vault: string;
      input: string;
      output: string;
      recipients: string[];
      result: string;
    }
  | { op: 'decrypt'; vault: string; input: string; result: string }
  | { op: 'verify'; vault: string; input: string; signature: string; result: string };

interface ChildResult {
  seconds: number;
  /** Highest RSS seen while the operation ran (sampled every 10 ms), bytes. */
  peakRss: number;
  /** The child's high-water mark over its whole life (vault unlock included), bytes. */
  maxRss: number;
  ok: boolean;
}

async function runChildTask(task: ChildTask): Promise<void> {
  const vault = await openVault({ dir: task.vault, passphrase: PASSPHRASE, actor: 'bench' });
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
  const start = performance.now();
  let ok = true;
  try {
    if (task.op === 'encrypt') {
      await encryptToRecipients(vault, task.input, task.output, {
        recipients: task.recipients,
        sign: true,
        overwrite: true,
        filename: 'dossier.zip',
      });
    } else if (task.op === 'decrypt') {
      await decryptMessage(vault, task.input, {
        onPlaintext: async (plaintext) => {
          // Read the verified plaintext once, as an import would.
          for await (const chunk of plaintext.stream()) void chunk;
        },
      });
    } else {
      const check = await verifyDetached(
        vault,
        createReadStream(task.input, { highWaterMark: 1 << 20 }),
        await readFile(task.signature),
      );
      ok = check.valid;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - start) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  await vault.lock();
  const result: ChildResult = {
    seconds,
    peakRss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    ok,
  };
  await writeFile(task.result, JSON.stringify(result));
}

type Task = ChildTask extends infer T ? (T extends unknown ? Omit<T, 'result'> : never) : never;

function runChild(task: Task, dir: string): Promise<ChildResult> {
  const result = join(dir, `child-${Date.now()}-${Math.random().toString(16).slice(2)}.json`);
  const entry = process.argv[1]!;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, 'pgp', '--json'], {
      env: { ...process.env, [CHILD_ENV]: JSON.stringify({ ...task, result }) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`benchmark child (${task.op}) exited with ${code}`));
      readFile(result, 'utf8').then((text) => resolve(JSON.parse(text) as ChildResult), reject);
    });
  });
}

function gpg(home: string, args: string[]): { seconds: number } {
  const start = performance.now();
  const run = spawnSync(
    'gpg',
    [
      '--homedir',
      home,
      '--batch',
      '--no-tty',
      '--pinentry-mode',
      'loopback',
      '--passphrase',
      '',
      '--yes',
      ...args,
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`gpg ${args.join(' ')} failed: ${run.stderr.toString()}`);
  return { seconds };
}

function gpgFingerprint(home: string, userId: string): string {
  const out = spawnSync('gpg', ['--homedir', home, '--with-colons', '--list-keys', userId], {
    encoding: 'utf8',
  }).stdout;
  return out
    .split('\n')
    .find((l) => l.startsWith('fpr:'))!
    .split(':')[9]!;
}

function gpgKey(home: string, userId: string): string {
  gpg(home, ['--quick-gen-key', userId, 'ed25519', 'sign', 'never']);
  const fingerprint = gpgFingerprint(home, userId);
  gpg(home, ['--quick-add-key', fingerprint, 'cv25519', 'encr', 'never']);
  return fingerprint;
}

async function randomFile(path: string, size: number): Promise<void> {
  const handle = await open(path, 'w');
  const block = Buffer.alloc(16 << 20);
  try {
    for (let written = 0; written < size; written += block.length) {
      randomFillSync(block);
      await handle.write(block, 0, Math.min(block.length, size - written));
    }
  } finally {
    await handle.close();
  }
}

const mbPerSecond = (bytes: number, seconds: number) => round(bytes / 1e6 / seconds, 1);

export const pgpBench: Bench = {
  name: 'pgp',
  description:
    'bundle signed and encrypted to two recipients vs gpg --sign --encrypt -z 0 (same bytes), peak memory; detached verification vs gpg --verify; decryption vs gpg --decrypt',
  async run(report, { quick }) {
    const childTask = process.env[CHILD_ENV];
    if (childTask) {
      await runChildTask(JSON.parse(childTask) as ChildTask);
      return;
    }
    if (spawnSync('gpg', ['--version']).status !== 0)
      throw new Error('the pgp benchmark needs gpg (GnuPG 2.2) on PATH');
    const size = quick ? 128 << 20 : 1 << 30;
    const rounds = 3;
    const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-pgp-'));
    const home = await mkdtemp(join(tmpdir(), 'vg-'));
    try {
      const input = join(dir, 'dossier.zip');
      await randomFile(input, size);
      const signer = gpgKey(home, 'Signer <signer@example.org>');
      const alice = gpgKey(home, 'Alice <alice@example.org>');
      const bob = gpgKey(home, 'Bob <bob@example.org>');

      const vaultDir = join(dir, 'vault');
      // The cheapest Argon2id the vault allows: unlocking is not what is measured.
      const { vault } = await createVault({
        dir: vaultDir,
        passphrase: PASSPHRASE,
        kdf: argon2idParams({ memoryMiB: 64, iterations: 1 }),
        actor: 'bench',
      });
      const org = await generateOrgKey(vault, { name: 'Bench Org', email: 'org@example.org' });
      for (const fingerprint of [alice, bob, signer]) {
        const armored = spawnSync('gpg', [
          '--homedir',
          home,
          '--armor',
          '--export',
          fingerprint,
        ]).stdout;
        await importKeys(vault, armored, { trust: true });
      }
      const orgPublic = await exportPublicKey(vault);
      await vault.lock();
      const orgKeyFile = join(dir, 'org.asc');
      await writeFile(orgKeyFile, orgPublic);
      gpg(home, ['--import', orgKeyFile]);

      // Encryption: alternate ours and gpg's so that both see the same machine load.
      const ours: ChildResult[] = [];
      const theirs: number[] = [];
      for (let i = 0; i < rounds; i += 1) {
        ours.push(
          await runChild(
            {
              op: 'encrypt',
              vault: vaultDir,
              input,
              output: join(dir, 'ours.pgp'),
              recipients: [alice, bob],
            },
            dir,
          ),
        );
        theirs.push(
          gpg(home, [
            '--trust-model',
            'always',
            '--local-user',
            signer,
            '--sign',
            '--encrypt',
            '-z',
            '0',
            '-r',
            alice,
            '-r',
            bob,
            '-o',
            join(dir, 'gpg.pgp'),
            input,
          ]).seconds,
        );
      }
      const sizeLabel = `${size >> 20} MiB`;
      report({
        metric: `sign_encrypt_2_recipients (${sizeLabel}, Ed25519 + AES-256 SEIPD v1, streamed)`,
        value: mbPerSecond(size, median(ours.map((r) => r.seconds))),
        unit: 'MB/s',
        baseline: 'gpg --sign --encrypt -z 0 -r A -r B',
        baselineValue: mbPerSecond(size, median(theirs)),
      });
      report({
        metric: `sign_encrypt_peak_rss (${sizeLabel}; budget 300 MB)`,
        value: round(Math.max(...ours.map((r) => r.peakRss)) / 1e6, 1),
        unit: 'MB',
        baseline: null,
        baselineValue: null,
      });
      report({
        metric:
          'sign_encrypt_child_max_rss (whole process: node, vault unlock with Argon2id 64 MiB, encryption)',
        value: round(Math.max(...ours.map((r) => r.maxRss)) / 1e6, 1),
        unit: 'MB',
        baseline: null,
        baselineValue: null,
      });

      // Detached verification of a signature gpg made over the same file.
      gpg(home, ['--local-user', signer, '--detach-sign', '-o', join(dir, 'dossier.sig'), input]);
      const verifyOurs: number[] = [];
      const verifyTheirs: number[] = [];
      for (let i = 0; i < rounds; i += 1) {
        const result = await runChild(
          { op: 'verify', vault: vaultDir, input, signature: join(dir, 'dossier.sig') },
          dir,
        );
        if (!result.ok) throw new Error('verification failed in the benchmark');
        verifyOurs.push(result.seconds);
        verifyTheirs.push(gpg(home, ['--verify', join(dir, 'dossier.sig'), input]).seconds);
      }
      report({
        metric: `verify_detached (${sizeLabel}, streamed)`,
        value: mbPerSecond(size, median(verifyOurs)),
        unit: 'MB/s',
        baseline: 'gpg --verify',
        baselineValue: mbPerSecond(size, median(verifyTheirs)),
      });

      // Decryption of a bundle gpg signed and encrypted to the organisation key.
      const incoming = join(dir, 'incoming.pgp');
      gpg(home, [
        '--trust-model',
        'always',
        '--local-user',
        signer,
        '--sign',
        '--encrypt',
        '-z',
        '0',
        '-r',
        org.fingerprint,
        '-o',
        incoming,
        input,
      ]);
      const decryptOurs: ChildResult[] = [];
      for (let i = 0; i < rounds; i += 1)
        decryptOurs.push(await runChild({ op: 'decrypt', vault: vaultDir, input: incoming }, dir));
      const decryptTheirs: number[] = [];
      // gpg needs the organisation's secret key for the baseline; it is exported only into this throw-away home.
      const reopened = await openVault({ dir: vaultDir, passphrase: PASSPHRASE, actor: 'bench' });
      await writeFile(
        join(dir, 'org-secret.asc'),
        await exportSecretKey(reopened, { passphrase: PASSPHRASE }),
      );
      await reopened.lock();
      spawnSync('gpg', [
        '--homedir',
        home,
        '--batch',
        '--pinentry-mode',
        'loopback',
        '--passphrase',
        PASSPHRASE,
        '--import',
        join(dir, 'org-secret.asc'),
      ]);
      for (let i = 0; i < rounds; i += 1) {
        const start = performance.now();
        const run = spawnSync(
          'gpg',
          [
            '--homedir',
            home,
            '--batch',
            '--pinentry-mode',
            'loopback',
            '--passphrase',
            PASSPHRASE,
            '--yes',
            '-o',
            join(dir, 'gpg-plain'),
            '--decrypt',
            incoming,
          ],
          { stdio: 'ignore' },
        );
        if (run.status !== 0) throw new Error('gpg --decrypt failed in the benchmark');
        decryptTheirs.push((performance.now() - start) / 1000);
        await rm(join(dir, 'gpg-plain'), { force: true });
      }
      report({
        metric: `decrypt_verify (${sizeLabel} from gpg, plaintext sealed until verified, then read once)`,
        value: mbPerSecond(size, median(decryptOurs.map((r) => r.seconds))),
        unit: 'MB/s',
        baseline: 'gpg --decrypt -o FILE',
        baselineValue: mbPerSecond(size, median(decryptTheirs)),
      });
      report({
        metric: `decrypt_peak_rss (${sizeLabel})`,
        value: round(Math.max(...decryptOurs.map((r) => r.peakRss)) / 1e6, 1),
        unit: 'MB',
        baseline: null,
        baselineValue: null,
      });
    } finally {
      spawnSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent']);
      await rm(home, { recursive: true, force: true });
      await rm(dir, { recursive: true, force: true });
    }
  },
};
