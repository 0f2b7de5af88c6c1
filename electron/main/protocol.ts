import { readFile } from 'node:fs/promises';
import { extname, normalize, relative, resolve, sep } from 'node:path';
import { APP_HOST, CONTENT_SECURITY_POLICY } from './security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * Resolves a request for app://vigil/… to a file inside the renderer folder,
 * or null: another host, an escape with .. or an encoded separator, or a
 * file outside the folder is refused.
 */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, normalize(`.${pathname === '/' ? '/index.html' : pathname}`));
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || inside.split(sep).includes('..')) return null;
  return file;
}

/** Serves the renderer's own files, with the CSP and no caching; everything else is a 404. */
export async function serveAppRequest(
  rendererDir: string,
  request: { url: string; method: string },
): Promise<Response> {
  const headers = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  const file = request.method === 'GET' ? resolveAppFile(rendererDir, request.url) : null;
  const type = file ? TYPES[extname(file)] : undefined;
  if (!file || !type) return new Response('Not found', { status: 404, headers });
  try {
    return new Response(await readFile(file), {
      status: 200,
      headers: { ...headers, 'Content-Type': type },
    });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}
