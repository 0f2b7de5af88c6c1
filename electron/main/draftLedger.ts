import type { DraftCounts } from '../../shared/drafts';

const total = (counts: DraftCounts) => Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);

/**
 * How many unsaved drafts of each kind the renderer holds (it reports them as
 * they come and go), and what a lock discarded, for the next unlock of the
 * same vault to say. Counts only, in main's memory: the drafts' content never
 * leaves the renderer, and nothing here is written anywhere.
 */
export class DraftLedger {
  private open: DraftCounts = {};
  private discarded: { dir: string; counts: DraftCounts } | null = null;

  /** The drafts open now (for closing the window: is there anything to lose?). */
  get openCounts(): DraftCounts {
    return { ...this.open };
  }

  report(counts: DraftCounts): void {
    this.open = { ...counts };
  }

  /** The vault in `dir` locked (null: none was open): the open drafts are gone with it. */
  locked(dir: string | null): void {
    const open = this.open;
    this.open = {};
    if (dir === null || total(open) === 0) return;
    const earlier = this.discarded?.dir === dir ? this.discarded.counts : {};
    const counts: DraftCounts = { ...earlier };
    for (const [kind, n] of Object.entries(open) as [keyof DraftCounts, number][])
      counts[kind] = (counts[kind] ?? 0) + n;
    this.discarded = { dir, counts };
  }

  /** What the last lock of the vault in `dir` discarded, told once; another vault's is dropped. */
  takeDiscarded(dir: string): DraftCounts {
    const found = this.discarded;
    this.discarded = null;
    return found?.dir === dir ? found.counts : {};
  }
}
