import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Vault } from '../core';
import type { SessionOptions } from '../core/vault/vault';
import type { SecretBytes } from '../core/crypto/secrets';
import { isVigilError } from '../core/errors';
import { readFirstLineOfFile, type CliIo } from './io';

/**
 * The first words of commands that all open the vault with its passphrase, and
 * ask for no passphrase of their own: the record commands, due, trash, evidence
 * and check (not init, passwd, recover, backup or keys).
 */
const OPENING_WORDS = new Set([
  'case',
  'person',
  'event',
  'testimony',
  'intervention',
  'search',
  'timeline',
  'vocab',
  'due',
  'trash',
  'evidence',
  'check',
]);

type Unlocked = { vaultId: string; vaultKey: SecretBytes };
type Outcome = { passphrase: string } & ({ unlocked: Unlocked } | { error: unknown });

/**
 * A command run alone with --passphrase-file that opens the vault (see
 * OPENING_WORDS): Argon2id (on libuv's pool, most of a second) starts before
 * the command's code loads (for a record command, the records code and its
 * schemas: a few hundred KiB), so that the two overlap instead of following
 * each other. The derivation is speculative: its key serves only if the
 * command then opens the same vault with the same passphrase, which it reads
 * and checks itself as always; otherwise the key is wiped unused. Nothing is
 * reported from here: a problem (no such file, no vault, a damaged header) is
 * met again, and reported, by the command's own opening.
 */
export class EarlyUnlock {
  private used = false;

  private constructor(
    private readonly dir: string,
    private readonly outcome: Promise<Outcome>,
  ) {}

  /**
   * Starts the derivation when `argv` is such a command with --passphrase-file
   * and a vault, and returns once Argon2id runs: the command's code loads after
   * that (a module graph being loaded would hold up the key-slot code until all
   * of it had run).
   */
  static async start(
    argv: string[],
    env: CliIo['env'],
    word: string | undefined,
  ): Promise<EarlyUnlock | null> {
    if (word === undefined || !OPENING_WORDS.has(word)) return null;
    let values: Record<string, unknown>;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          vault: { type: 'string' },
          'passphrase-file': { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: false,
        allowPositionals: true,
      }));
    } catch {
      return null;
    }
    const file = values['passphrase-file'];
    const dir = values.vault ?? env.VIGIL_VAULT;
    if (typeof file !== 'string' || typeof dir !== 'string' || !dir || values.help === true)
      return null;
    try {
      const passphrase = await readFirstLineOfFile(file);
      if (!passphrase) return null;
      const { unlockVaultKey } = await import('../core/vault/keyslots');
      let running = () => {};
      const started = new Promise<void>((resolve) => (running = resolve));
      const outcome = unlockVaultKey(dir, passphrase, running).then(
        (unlocked): Outcome => ({ passphrase, unlocked }),
        (error: unknown): Outcome => ({ passphrase, error }),
      );
      await Promise.race([started, outcome]);
      return new EarlyUnlock(resolve(dir), outcome);
    } catch {
      return null;
    }
  }

  /**
   * The vault opened with the key derived ahead, or null when that key does not
   * fit this opening (another vault, another passphrase, a derivation that did
   * not get as far as the key): the caller then opens the vault as usual. A
   * wrong passphrase is the same answer either way, so it is given at once.
   */
  async open(dir: string, passphrase: string, options: SessionOptions): Promise<Vault | null> {
    if (this.used || resolve(dir) !== this.dir) return null;
    this.used = true;
    const outcome = await this.outcome;
    if (outcome.passphrase !== passphrase) return null;
    if ('error' in outcome) {
      if (isVigilError(outcome.error) && outcome.error.code === 'WRONG_PASSPHRASE')
        throw outcome.error;
      return null;
    }
    const [{ openUnlockedVault }, { wipe }] = await Promise.all([
      import('../core/vault/vault'),
      import('../core/crypto/secrets'),
    ]);
    try {
      return await openUnlockedVault(dir, outcome.unlocked, options);
    } finally {
      wipe(outcome.unlocked.vaultKey);
    }
  }

  /** Waits for the derivation to end and wipes its key if no opening took it (safe after `open`). */
  async discard(): Promise<void> {
    this.used = true;
    const outcome = await this.outcome;
    if ('unlocked' in outcome) {
      const { wipe } = await import('../core/crypto/secrets');
      wipe(outcome.unlocked.vaultKey);
    }
  }
}
