import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openVault } from '../electron/core';
import {
  decryptMessage,
  encryptToRecipients,
  exportPublicKey,
  exportSecretKey,
  generateOrgKey,
  importKeys,
  verifyDetached,
} from '../electron/core/pgp';
import { GpgHome, requireGpg } from './gpg';
import {
  BENCH_PASSPHRASE,
  createBenchVault,
  median,
  randomFile,
  round,
  type Bench,
} from './harness';

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
  const vault = await openVault({ dir: task.vault, passphrase: BENCH_PASSPHRASE, actor: 'bench' });
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

/** gpg's baseline: sign and encrypt a file to `recipients`, uncompressed; returns the seconds. */
function signAndEncrypt(
  gpg: GpgHome,
  signer: string,
  recipients: readonly string[],
  output: string,
  input: string,
): number {
  return gpg.run([
    '--trust-model',
    'always',
    '--local-user',
    signer,
    '--sign',
    '--encrypt',
    '-z',
    '0',
    ...recipients.flatMap((r) => ['-r', r]),
    '-o',
    output,
    input,
  ]);
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
    requireGpg('pgp');
    const size = quick ? 128 << 20 : 1 << 30;
    const rounds = 3;
    const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-pgp-'));
    const gpg = await GpgHome.create();
    try {
      const input = join(dir, 'dossier.zip');
      await randomFile(input, size);
      const signer = gpg.generate('Signer <signer@example.org>');
      const alice = gpg.generate('Alice <alice@example.org>');
      const bob = gpg.generate('Bob <bob@example.org>');

      const vaultDir = join(dir, 'vault');
      const vault = await createBenchVault(vaultDir);
      const org = await generateOrgKey(vault, { name: 'Bench Org', email: 'org@example.org' });
      for (const fingerprint of [alice, bob, signer])
        await importKeys(vault, gpg.output(['--armor', '--export', fingerprint]), { trust: true });
      const orgPublic = await exportPublicKey(vault);
      await vault.lock();
      const orgKeyFile = join(dir, 'org.asc');
      await writeFile(orgKeyFile, orgPublic);
      gpg.run(['--import', orgKeyFile]);

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
        theirs.push(signAndEncrypt(gpg, signer, [alice, bob], join(dir, 'gpg.pgp'), input));
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
      gpg.run(['--local-user', signer, '--detach-sign', '-o', join(dir, 'dossier.sig'), input]);
      const verifyOurs: number[] = [];
      const verifyTheirs: number[] = [];
      for (let i = 0; i < rounds; i += 1) {
        const result = await runChild(
          { op: 'verify', vault: vaultDir, input, signature: join(dir, 'dossier.sig') },
          dir,
        );
        if (!result.ok) throw new Error('verification failed in the benchmark');
        verifyOurs.push(result.seconds);
        verifyTheirs.push(gpg.run(['--verify', join(dir, 'dossier.sig'), input]));
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
      signAndEncrypt(gpg, signer, [org.fingerprint], incoming, input);
      const decryptOurs: ChildResult[] = [];
      for (let i = 0; i < rounds; i += 1)
        decryptOurs.push(await runChild({ op: 'decrypt', vault: vaultDir, input: incoming }, dir));
      const decryptTheirs: number[] = [];
      // gpg needs the organisation's secret key for the baseline; it is exported only into this throw-away home.
      const reopened = await openVault({
        dir: vaultDir,
        passphrase: BENCH_PASSPHRASE,
        actor: 'bench',
      });
      await writeFile(
        join(dir, 'org-secret.asc'),
        await exportSecretKey(reopened, { passphrase: BENCH_PASSPHRASE }),
      );
      await reopened.lock();
      gpg.run(['--import', join(dir, 'org-secret.asc')], BENCH_PASSPHRASE);
      for (let i = 0; i < rounds; i += 1) {
        const plain = join(dir, 'gpg-plain');
        decryptTheirs.push(gpg.run(['-o', plain, '--decrypt', incoming], BENCH_PASSPHRASE));
        await rm(plain, { force: true });
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
      await gpg.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
