import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { hasFile } from './peers';
import { tempDir } from './tmp';

let mountable: boolean | undefined;

/**
 * Whether this process may mount a tmpfs (root on Linux). Outside CI a test
 * that needs one is skipped, saying why; in CI (which runs as root) it is a
 * failure, so the disk-full tests can never disappear silently.
 */
export function canMountTmpfs(): boolean {
  if (mountable === undefined) {
    const probe = join(process.env.TMPDIR ?? '/tmp', `vigil-mount-probe-${process.pid}`);
    spawnSync('mkdir', ['-p', probe]);
    const mounted =
      process.platform === 'linux' &&
      spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' })
        .status === 0;
    if (mounted) spawnSync('umount', [probe]);
    spawnSync('rmdir', [probe]);
    mountable = mounted;
  }
  return hasFile(
    mountable,
    'permission to mount a small tmpfs (the disk-full tests run as root on Linux; here `mount -t tmpfs` was refused)',
  );
}

export interface SmallDisk {
  dir: string;
  /** Fills every free byte (a filler file grown until ENOSPC). */
  fill(): Promise<void>;
  /** Frees what `fill` took. */
  free(): Promise<void>;
  unmount(): void;
}

/** A tmpfs of `mib` MiB mounted on a fresh directory. */
export async function smallDisk(mib: number): Promise<SmallDisk> {
  const dir = join(await tempDir('vigil-disk-'), 'disk');
  await mkdir(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mib}m,mode=0700`, 'tmpfs', dir]);
  const filler = join(dir, 'filler');
  return {
    dir,
    async fill() {
      const handle = await open(filler, 'a');
      try {
        for (const size of [1 << 20, 1 << 12, 1 << 9, 1]) {
          const block = Buffer.alloc(size, 0x55);
          for (;;) {
            try {
              await handle.write(block);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        await handle.close();
      }
    },
    async free() {
      await rm(filler, { force: true });
    },
    unmount() {
      spawnSync('umount', ['-l', dir]);
    },
  };
}
