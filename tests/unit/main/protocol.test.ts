import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile, serveAppRequest } from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';
import { tempDir } from '../../helpers/tmp';

describe('app:// protocol', () => {
  it('serves only files inside the renderer folder', async () => {
    const root = await tempDir();
    const dir = join(root, 'renderer');
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'index.html'), '<html></html>');
    await writeFile(join(dir, 'assets', 'app.js'), 'x');
    await writeFile(join(root, 'secret.txt'), 'secret');

    expect(resolveAppFile(dir, 'app://vigil/')).toBe(join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://vigil/assets/app.js')).toBe(join(dir, 'assets', 'app.js'));
    // Dot segments are resolved by the URL parser itself; whatever is left must stay inside.
    for (const url of [
      'app://vigil/../secret.txt',
      'app://vigil/%2e%2e/secret.txt',
      'app://vigil/assets/../../secret.txt',
    ]) {
      const file = resolveAppFile(dir, url);
      expect(file === null || file.startsWith(`${dir}/`), url).toBe(true);
      expect(file).not.toBe(join(root, 'secret.txt'));
    }
    for (const url of [
      'app://vigil/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://vigil/..%5csecret.txt',
      'app://vigil/%00index.html',
      'app://other/index.html',
      'app://vigil/%E0%A4%A',
      'not a url',
    ]) {
      expect(resolveAppFile(dir, url), url).toBeNull();
    }

    const ok = await serveAppRequest(dir, { url: 'app://vigil/index.html', method: 'GET' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.text()).toBe('<html></html>');
    expect(
      (await serveAppRequest(dir, { url: 'app://vigil/%2e%2e/secret.txt', method: 'GET' })).status,
    ).toBe(404);
    expect(
      (await serveAppRequest(dir, { url: 'app://vigil/missing.js', method: 'GET' })).status,
    ).toBe(404);
    expect(
      (await serveAppRequest(dir, { url: 'app://vigil/index.html', method: 'POST' })).status,
    ).toBe(404);
  });

  it('has a strict content security policy: nothing remote, no inline script, no eval, no network', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
