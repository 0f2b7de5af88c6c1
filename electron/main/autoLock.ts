import type { LockReason } from './session';

export interface AutoLockOptions {
  /** Seconds the whole system has been idle (powerMonitor.getSystemIdleTime in Electron). */
  systemIdleSeconds(): number;
  /** The delay the user chose, in minutes. */
  delayMinutes(): number;
  isUnlocked(): boolean;
  lock(reason: LockReason): Promise<void>;
  /** How often idleness is checked. */
  intervalMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Locks the vault after the idle delay, on screen lock, on suspend and on
 * the panic shortcut. Idle time is the system's (keyboard and mouse anywhere),
 * so a researcher who walks away is covered even if Vigil is in the background.
 */
export class AutoLock {
  private timer: unknown;

  constructor(private readonly options: AutoLockOptions) {}

  start(): void {
    const every = this.options.intervalMs ?? 10_000;
    const set = this.options.setInterval ?? ((fn, ms) => setInterval(fn, ms).unref());
    this.timer = set(() => void this.tick(), every);
  }

  stop(): void {
    const clear =
      this.options.clearInterval ?? ((handle) => clearInterval(handle as NodeJS.Timeout));
    if (this.timer !== undefined) clear(this.timer);
    this.timer = undefined;
  }

  async tick(): Promise<void> {
    if (!this.options.isUnlocked()) return;
    if (this.options.systemIdleSeconds() >= this.options.delayMinutes() * 60)
      await this.options.lock('idle');
  }

  /** powerMonitor's 'lock-screen' and 'suspend', and the panic shortcut. */
  async onSystemEvent(event: 'lock-screen' | 'suspend' | 'panic'): Promise<void> {
    if (!this.options.isUnlocked()) return;
    await this.options.lock(event === 'lock-screen' ? 'screen-lock' : event);
  }
}
