import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp';

const run = promisify(execFile);

async function gate(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/electronegativity.mjs', dir], {
      cwd: process.cwd(),
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('the electronegativity gate', () => {
  it('passes on electron/ (only the reviewed preload finding)', async () => {
    const result = await gate('electron');
    expect(result.output).toContain('no HIGH or MEDIUM finding');
    expect(result.code).toBe(0);
  });

  it('fails on an insecure window, so it is able to fail', async () => {
    const dir = join(await tempDir(), 'insecure');
    await mkdir(dir);
    await writeFile(
      join(dir, 'main.js'),
      `const { BrowserWindow } = require('electron');
       new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });`,
    );
    const result = await gate(dir);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toMatch(/FAIL +HIGH +CONTEXT_ISOLATION_JS_CHECK/);
    expect(result.output).toMatch(/FAIL +MEDIUM +SANDBOX_JS_CHECK/);
  });
});
