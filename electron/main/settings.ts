import { readFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/fs/atomic';

/**
 * Application settings (not vault data): the interface language, the
 * auto-lock delay, the privacy choices of the screens around the vault and
 * the recently opened vault folders. They are read before any vault is
 * unlocked, so they hold nothing from a case.
 */
const settingsSchema = z.object({
  /** Absent until the user chooses one: the interface then follows the system's language. */
  language: z.enum(['en', 'es', 'fr', 'ar', 'ru']).optional(),
  autoLockMinutes: z.number().int().min(1).max(240).default(5),
  /** Lock when the window is minimised or hidden. */
  lockOnHide: z.boolean().default(false),
  /** Show no vault name or path on the welcome and unlock screens. */
  hideVaultNames: z.boolean().default(false),
  /** What Vigil copies leaves the clipboard after this many seconds. */
  clipboardSeconds: z.number().int().min(5).max(600).default(30),
  /** Remind the user to back up when the last backup is older than this many days. */
  backupReminderDays: z.number().int().min(1).max(365).default(7),
  /** The user folded the navigation away (remembered; narrow windows fold it whatever this says). */
  navCollapsed: z.boolean().default(false),
  recentVaults: z.array(z.string().max(4096)).max(10).default([]),
});

export type Settings = z.infer<typeof settingsSchema>;
/** What the renderer may change (the recent vaults only through remember/forget). */
export type SettingsChange = Partial<Omit<Settings, 'recentVaults'>>;

export class SettingsStore {
  private current: Settings = settingsSchema.parse({});

  private constructor(private readonly file: string) {}

  static async load(file: string): Promise<SettingsStore> {
    const store = new SettingsStore(file);
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (parsed.success) store.current = parsed.data;
    } catch {
      // Missing or unreadable settings: start from the defaults.
    }
    return store;
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  async update(change: Partial<Settings>): Promise<Settings> {
    this.current = settingsSchema.parse({ ...this.current, ...change });
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, Buffer.from(JSON.stringify(this.current, null, 2)));
    return this.get();
  }

  async rememberVault(path: string): Promise<void> {
    const recent = [path, ...this.current.recentVaults.filter((p) => p !== path)].slice(0, 10);
    await this.update({ recentVaults: recent });
  }

  /** Forgets one recent vault (by its path), or all of them. The vaults themselves are untouched. */
  async forgetVaults(path?: string): Promise<void> {
    await this.update({
      recentVaults: path === undefined ? [] : this.current.recentVaults.filter((p) => p !== path),
    });
  }
}
