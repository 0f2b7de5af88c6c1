import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** What the page itself can see of its storage: all of it must be empty. */
export async function pageStorage(page: Page): Promise<{
  localStorage: number;
  sessionStorage: number;
  indexedDB: string[];
  caches: string[];
}> {
  return page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((d) => d.name ?? ''),
    caches: await caches.keys(),
  }));
}

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Chrome's own session-restore files (the browser's tab and form state for
 * "continue where you left off"). Electron has no session restore, so they
 * do not exist in the app; everything else in the profile is searched.
 */
const BROWSER_ONLY = /[\\/](Sessions|Current Session|Last Session|Current Tabs|Last Tabs)([\\/]|$)/;

/** Files of a Chromium profile (HTTP cache, Local Storage, IndexedDB, Session Storage…) that contain any of the strings. */
export async function profileFilesContaining(
  profileDir: string,
  needles: readonly string[],
): Promise<{ file: string; needle: string }[]> {
  return filesContaining(profileDir, needles, (file) => !BROWSER_ONLY.test(file));
}

/** Files under `dir` that contain any of the strings, in UTF-8 or UTF-16. */
export async function filesContaining(
  dir: string,
  needles: readonly string[],
  keep: (file: string) => boolean = () => true,
): Promise<{ file: string; needle: string }[]> {
  const found: { file: string; needle: string }[] = [];
  const encoded = needles.flatMap((needle) => [
    { needle, bytes: Buffer.from(needle, 'utf8') },
    { needle, bytes: Buffer.from(needle, 'utf16le') },
  ]);
  for await (const file of files(dir)) {
    if (!keep(file)) continue;
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) continue;
    for (const { needle, bytes: pattern } of encoded)
      if (bytes.includes(pattern)) found.push({ file, needle });
  }
  return found;
}

/** Strings that are still reachable in the page's JavaScript heap after a full garbage collection. */
export async function heapContains(page: Page, needles: readonly string[]): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const chunks: string[] = [];
    session.on('HeapProfiler.addHeapSnapshotChunk', (event: { chunk: string }) =>
      chunks.push(event.chunk),
    );
    await session.send('HeapProfiler.takeHeapSnapshot', {
      reportProgress: false,
      captureNumericValue: false,
    });
    const snapshot = chunks.join('');
    return needles.filter((needle) => snapshot.includes(needle));
  } finally {
    await session.detach();
  }
}
