import { readFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/fs/atomic';

/**
 * Application settings (not vault data): the interface language, the
 * auto-lock delay and the recently opened vault folders. They are read
 * before any vault is unlocked, so they hold nothing from a case.
 */
const settingsSchema = z.object({
  language: z.enum(['en', 'es', 'fr', 'ar', 'ru']).default('en'),
  autoLockMinutes: z.number().int().min(1).max(240).default(5),
  recentVaults: z.array(z.string().max(4096)).max(10).default([]),
});

export type Settings = z.infer<typeof settingsSchema>;

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
}
