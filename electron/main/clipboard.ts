/** The system clipboard as main sees it (Electron's `clipboard`; a stand-in in tests and the e2e bridge). */
export interface ClipboardPort {
  writeText(text: string): void | Promise<void>;
  readText(): string | Promise<string>;
  clear(): void;
}

export interface ClipboardTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: ClipboardTimers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Everything Vigil copies (a hash, a fingerprint, a recovery group) leaves
 * the clipboard after a delay, and at once when the vault locks. Only what
 * Vigil put there is cleared: if the user has copied something else since,
 * it is left alone. The copied text is held only until then.
 */
export class ClipboardGuard {
  private pending: { text: string; timer: unknown } | null = null;

  constructor(
    private readonly clipboard: ClipboardPort,
    private readonly timers: ClipboardTimers = realTimers,
  ) {}

  async copy(text: string, seconds: number): Promise<void> {
    this.forget();
    await this.clipboard.writeText(text);
    const timer = this.timers.setTimeout(() => void this.clearIfOurs(), seconds * 1000);
    this.pending = { text, timer };
  }

  /** Clears the clipboard if it still holds what Vigil put there; forgets it either way. */
  async clearIfOurs(): Promise<boolean> {
    const pending = this.pending;
    this.forget();
    if (!pending) return false;
    let current: string;
    try {
      current = await this.clipboard.readText();
    } catch {
      return false;
    }
    if (current !== pending.text) return false;
    this.clipboard.clear();
    return true;
  }

  private forget(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.timer);
    this.pending = null;
  }
}

/** An in-memory clipboard: for the end-to-end bridge and tests, which must not touch the desktop's. */
export class MemoryClipboard implements ClipboardPort {
  text = '';
  writeText(text: string): void {
    this.text = text;
  }
  readText(): string {
    return this.text;
  }
  clear(): void {
    this.text = '';
  }
}
