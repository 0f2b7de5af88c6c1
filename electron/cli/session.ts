import { resolve } from 'node:path';
import type { Vault } from '../core';
import type { KeptConnection, SessionOptions } from '../core/vault/vault';
import type { SecretBytes } from '../core/crypto/secrets';
import { UsageError } from './command';

/** How long `vigil shell` and `vigil batch` keep the key without a command: the app's default auto-lock delay. */
export const DEFAULT_IDLE_MINUTES = 5;

/**
 * One vault unlocked once for many commands (`vigil batch`, `vigil shell`):
 * Argon2id runs at the first command that needs the vault, then each command
 * opens the vault with the key kept here, in guarded memory, with its own
 * access mode and writer lock as if run alone, on one database connection
 * kept for the session (see KeptConnection). The key never leaves this
 * process (no agent, no socket, nothing on disk); it is wiped, and the
 * connection closed, when the session ends or after `idleMs` without a
 * command; the next command then asks for the passphrase again.
 */
export class UnlockedVault {
  private unlocked: { vaultId: string; vaultKey: SecretBytes } | null = null;
  private connection: KeptConnection | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private wiped = false;
  private wipeKey: (key: SecretBytes) => void = (key) => key.fill(0);
  readonly dir: string;

  constructor(
    dir: string,
    private readonly askPassphrase: () => Promise<string>,
    private readonly idleMs: number,
    private readonly onIdleLock: () => void = () => undefined,
  ) {
    this.dir = resolve(dir);
  }

  /** Whether the key is held now (false before the first unlock and after an idle lock). */
  get isUnlocked(): boolean {
    return this.unlocked !== null;
  }

  /**
   * Derives the key now (a wrong passphrase fails here, before any command runs).
   * Only the header and key-slot code loads first; SQLCipher, the vault code and
   * whatever `loadAhead` starts (the commands' modules) load while Argon2id runs.
   */
  async unlock(loadAhead: () => void = () => undefined): Promise<void> {
    if (this.unlocked) return;
    if (this.wiped) throw new Error('This session has ended.');
    const [{ unlockVaultKey }, { wipe }] = await Promise.all([
      import('../core/vault/keyslots'),
      import('../core/crypto/secrets'),
    ]);
    this.wipeKey = wipe;
    this.unlocked = await unlockVaultKey(this.dir, await this.askPassphrase(), () => {
      // A failure here is met again, and reported, where the module is needed.
      void Promise.all([import('../core/vault/vault'), import('../core/vault/outgoing')]).catch(
        () => undefined,
      );
      loadAhead();
    });
  }

  /** Opens the vault for one command; `dir` must be the session's vault. */
  async open(dir: string, options: SessionOptions): Promise<Vault> {
    if (resolve(dir) !== this.dir)
      throw new UsageError(
        `this session unlocked the vault ${this.dir}; a command for another vault (${dir}) runs outside it.`,
      );
    this.stopIdleTimer();
    await this.unlock();
    const { openUnlockedVault, KeptConnection } = await import('../core/vault/vault');
    this.connection ??= new KeptConnection(this.dir);
    return openUnlockedVault(this.dir, this.unlocked!, options, this.connection);
  }

  /** Called after each command: the idle delay starts again. */
  touch(): void {
    this.stopIdleTimer();
    if (!this.unlocked) return;
    this.idleTimer = setTimeout(() => {
      void this.lock().then(this.onIdleLock);
    }, this.idleMs);
    // The timer alone never keeps the process alive.
    this.idleTimer.unref();
  }

  /** Wipes the key and closes the connection (SQLCipher zeroes its copy); a later command unlocks again. */
  async lock(): Promise<void> {
    this.stopIdleTimer();
    const connection = this.connection;
    this.connection = null;
    if (this.unlocked) {
      const { vaultKey } = this.unlocked;
      this.unlocked = null;
      this.wipeKey(vaultKey);
    }
    // Closing checkpoints the WAL; should it fail, the connection is gone all the same.
    await connection?.close().catch(() => undefined);
  }

  /** Wipes the key for good. */
  async end(): Promise<void> {
    this.wiped = true;
    await this.lock();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

/** The idle delay from --lock-after MINUTES (more than 0, at most 240, as the app's auto-lock). */
export function idleMinutes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_IDLE_MINUTES;
  const minutes = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(minutes > 0) || minutes > 240)
    throw new UsageError(
      `--lock-after takes a number of minutes above 0 and at most 240, not "${value}".`,
    );
  return minutes;
}
