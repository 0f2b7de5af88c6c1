import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { EventPayload } from '../../shared/ipc/contract';
import { VigilError } from '../core/errors';
import type { Vault } from '../core/vault/vault';

export type LockReason = EventPayload<'locked'>['reason'];

/**
 * What main holds for the renderer between requests: the unlocked vault (if
 * any) and the opaque references handed out for paths the user chose in
 * dialogs. Locking closes the vault (SQLCipher zeroes its key), forgets every
 * reference, and tells the renderer to drop all case data.
 */
export class Session {
  private vault: Vault | null = null;
  private label: string | null = null;
  /** Where the vault locked last was, and why: a fresh window offers to unlock it again. */
  private lastLocked: { dir: string; reason: LockReason } | null = null;
  private readonly references = new Map<
    string,
    { kind: 'location' | 'file' | 'output'; path: string }
  >();

  constructor(private readonly onLocked: (reason: LockReason) => void) {}

  get current(): Vault | null {
    return this.vault;
  }

  get currentLabel(): string | null {
    return this.label;
  }

  requireVault(): Vault {
    if (!this.vault || this.vault.isLocked)
      throw new VigilError('VAULT_LOCKED', 'The vault is locked; unlock it first.');
    return this.vault;
  }

  async open(vault: Vault): Promise<void> {
    if (this.vault) await this.lock('user');
    this.vault = vault;
    this.label = basename(vault.dir);
  }

  /** A reference the renderer can hold instead of a path. */
  remember(kind: 'location' | 'file' | 'output', path: string): string {
    const id = randomBytes(12).toString('base64url');
    this.references.set(id, { kind, path });
    return id;
  }

  resolve(kind: 'location' | 'file' | 'output', id: string): string {
    const found = this.references.get(id);
    if (!found || found.kind !== kind) {
      throw new VigilError(
        'INVALID_INPUT',
        'That choice is no longer valid; choose the file or folder again.',
      );
    }
    return found.path;
  }

  get lastLockedVault(): { dir: string; reason: LockReason } | null {
    return this.lastLocked;
  }

  async lock(reason: LockReason): Promise<void> {
    const vault = this.vault;
    if (vault) this.lastLocked = { dir: vault.dir, reason };
    // A panic after a plain lock must not leave the vault named in the next window either.
    else if (this.lastLocked && (reason === 'panic' || reason === 'quick-exit'))
      this.lastLocked = { ...this.lastLocked, reason };
    this.vault = null;
    this.label = null;
    for (const [id, ref] of this.references)
      if (ref.kind !== 'location') this.references.delete(id);
    if (vault) await vault.lock();
    this.onLocked(reason);
  }
}
