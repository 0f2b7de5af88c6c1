import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasTool } from './peers';

/** GnuPG on PATH, and its version line (tests that need it skip with this reason when it is absent). */
const probe = spawnSync('gpg', ['--version'], { encoding: 'utf8' });
export const GPG_VERSION = probe.status === 0 ? (probe.stdout.split('\n')[0] ?? 'gpg') : null;
export const hasGpg = hasTool('gpg', 'apt-get install gnupg');
export const NO_GPG_REASON =
  'gpg is not installed: the GnuPG interop tests are skipped (apt-get install gnupg)';

export interface GpgResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * A throw-away GnuPG home: keys made here never touch the user's keyring.
 * `close()` stops its agent and removes it.
 */
export class Gpg {
  private constructor(readonly home: string) {}

  static async create(): Promise<Gpg> {
    // gpg-agent's socket path must stay short: a directory right under the temp dir.
    return new Gpg(await mkdtemp(join(tmpdir(), 'vg-')));
  }

  /** Runs gpg in this home, non-interactively; `passphrase` answers any passphrase prompt (default: empty). */
  run(args: string[], input?: Uint8Array | string, passphrase = ''): Promise<GpgResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        'gpg',
        [
          '--homedir',
          this.home,
          '--batch',
          '--no-tty',
          '--pinentry-mode',
          'loopback',
          '--passphrase',
          passphrase,
          ...args,
        ],
        {
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.on('error', reject);
      child.on('close', (code) =>
        resolve({
          code: code ?? -1,
          stdout: Buffer.concat(out),
          stderr: Buffer.concat(err).toString('utf8'),
        }),
      );
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    });
  }

  async ok(args: string[], input?: Uint8Array | string, passphrase?: string): Promise<GpgResult> {
    const result = await this.run(args, input, passphrase);
    if (result.code !== 0)
      throw new Error(`gpg ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
    return result;
  }

  /** A gpg-made key: Ed25519 primary (sign, certify) and a Curve25519 encryption subkey; returns its fingerprint. */
  async generate(
    userId: string,
    options: { encrypt?: boolean; algo?: string } = {},
  ): Promise<string> {
    await this.ok(['--quick-gen-key', userId, options.algo ?? 'ed25519', 'sign', 'never']);
    const fingerprint = await this.fingerprint(userId);
    if (options.encrypt !== false) {
      await this.ok([
        '--quick-add-key',
        fingerprint,
        options.algo === 'rsa3072' ? 'rsa3072' : 'cv25519',
        'encr',
        'never',
      ]);
    }
    return fingerprint;
  }

  async fingerprint(userId: string): Promise<string> {
    const { stdout } = await this.ok(['--with-colons', '--list-keys', userId]);
    const line = stdout
      .toString('utf8')
      .split('\n')
      .find((l) => l.startsWith('fpr:'));
    if (!line) throw new Error(`no key for ${userId}`);
    return line.split(':')[9]!;
  }

  async exportPublic(fingerprint: string): Promise<string> {
    return (await this.ok(['--armor', '--export', fingerprint])).stdout.toString('utf8');
  }

  async exportSecret(fingerprint: string): Promise<string> {
    return (await this.ok(['--armor', '--export-secret-keys', fingerprint])).stdout.toString(
      'utf8',
    );
  }

  async import(key: string | Uint8Array): Promise<GpgResult> {
    return this.ok(['--import'], key);
  }

  /** `gpg --list-packets` of a file, as text (it may fail on a damaged file; the text is returned anyway). */
  async listPackets(file: string): Promise<string> {
    const result = await this.run(['--list-packets', file]);
    return result.stdout.toString('utf8') + result.stderr;
  }

  async close(): Promise<void> {
    spawnSync('gpgconf', ['--homedir', this.home, '--kill', 'gpg-agent']);
    await rm(this.home, { recursive: true, force: true });
  }
}
