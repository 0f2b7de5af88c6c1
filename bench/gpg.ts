import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MIB = 1024 * 1024;

/** Stops a benchmark at once, saying what to install, when its gpg baseline cannot run. */
export function requireGpg(bench: string): void {
  if (spawnSync('gpg', ['--version']).status !== 0)
    throw new Error(`the ${bench} benchmark needs gpg, GnuPG 2.2 or later (apt-get install gnupg)`);
}

/**
 * A throw-away GnuPG home for the baselines: keys made here never touch the
 * user's keyring. `close()` stops its agent and removes it.
 */
export class GpgHome {
  private constructor(readonly home: string) {}

  static async create(): Promise<GpgHome> {
    // gpg-agent's socket path must stay short: a directory right under the temp dir.
    return new GpgHome(await mkdtemp(join(tmpdir(), 'vg-')));
  }

  /** gpg's arguments for this home, without prompts; `passphrase` answers any passphrase question. */
  args(args: readonly string[], passphrase = ''): string[] {
    const batch = ['--batch', '--no-tty', '--pinentry-mode', 'loopback'];
    return ['--homedir', this.home, ...batch, '--passphrase', passphrase, ...args];
  }

  /** Runs gpg and returns what it printed; its diagnostics stay quiet unless it fails. */
  output(args: readonly string[], input?: string): string {
    return execFileSync('gpg', this.args(args), {
      input,
      encoding: 'utf8',
      maxBuffer: 64 * MIB,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  /** Runs gpg with its output going to files (overwritten); returns the wall-clock seconds. */
  run(args: readonly string[], passphrase = ''): number {
    const start = performance.now();
    const run = spawnSync('gpg', this.args(['--yes', ...args], passphrase), {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const seconds = (performance.now() - start) / 1000;
    if (run.status !== 0) throw new Error(`gpg ${args.join(' ')} failed: ${run.stderr.toString()}`);
    return seconds;
  }

  /** A key as a partner's gpg makes it: Ed25519 to sign, a Curve25519 subkey to encrypt; returns its fingerprint. */
  generate(userId: string): string {
    this.output(['--quick-gen-key', userId, 'ed25519', 'sign', 'never']);
    const listing = this.output(['--with-colons', '--list-keys', userId]);
    const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(listing)?.[1];
    if (!fingerprint) throw new Error(`gpg made no key for ${userId}`);
    this.output(['--quick-add-key', fingerprint, 'cv25519', 'encr', 'never']);
    return fingerprint;
  }

  async close(): Promise<void> {
    spawnSync('gpgconf', ['--homedir', this.home, '--kill', 'gpg-agent']);
    await rm(this.home, { recursive: true, force: true });
  }
}
