import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A unique, single-token marker (so a full-text index would store it whole).
 * Lower-case ASCII letters and digits only: an unencrypted index would hold
 * it exactly as written, since FTS tokenizers lower-case.
 */
export function canary(label: string): string {
  return `canary${label.toLowerCase().replace(/[^a-z0-9]/g, '')}${randomBytes(6).toString('hex')}`;
}

async function filesUnder(root: string): Promise<string[]> {
  const info = await stat(root).catch(() => null);
  if (!info) return [];
  if (info.isFile()) return [root];
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

export interface CanaryHit {
  file: string;
  canary: string;
  encoding: string;
}

/**
 * Searches every byte of every file under `roots` for each canary, as UTF-8,
 * as UTF-16 (little and big endian) and in base64, and returns every hit.
 */
export async function findCanaries(
  roots: string[],
  canaries: string[],
): Promise<{ hits: CanaryHit[]; filesScanned: number; bytesScanned: number }> {
  const needles = canaries.flatMap((c) => [
    { canary: c, encoding: 'utf8', bytes: Buffer.from(c, 'utf8') },
    { canary: c, encoding: 'utf8-upper', bytes: Buffer.from(c.toUpperCase(), 'utf8') },
    { canary: c, encoding: 'utf16le', bytes: Buffer.from(c, 'utf16le') },
    { canary: c, encoding: 'utf16be', bytes: Buffer.from(c, 'utf16le').swap16() },
    {
      canary: c,
      encoding: 'base64',
      bytes: Buffer.from(Buffer.from(c).toString('base64').slice(0, 16), 'utf8'),
    },
  ]);
  const hits: CanaryHit[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  for (const root of roots) {
    for (const file of await filesUnder(root)) {
      const content = await readFile(file).catch(() => null);
      if (!content) continue;
      filesScanned += 1;
      bytesScanned += content.length;
      for (const needle of needles) {
        if (content.includes(needle.bytes))
          hits.push({ file, canary: needle.canary, encoding: needle.encoding });
      }
    }
  }
  return { hits, filesScanned, bytesScanned };
}
