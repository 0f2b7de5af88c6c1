import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../../helpers/tmp';

/** Sparse files: large enough that taking them in lasts a while, cheap to create. */
export async function bigFiles(count: number, size: number): Promise<string[]> {
  const dir = await tempDir('vigil-e2e-big-');
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const path = join(dir, `recording-${i}.bin`);
    const handle = await open(path, 'w');
    await handle.truncate(size);
    await handle.write(Buffer.from(`distinct content ${i}`), 0, undefined, size - 64);
    await handle.close();
    paths.push(path);
  }
  return paths;
}
