import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

interface Manifest {
  license?: string;
  version: string;
  dependencies: Record<string, string>;
}

function manifestOf(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

describe('licence and third-party notices', () => {
  it('carries the licence text that package.json names', () => {
    const manifest = manifestOf(join(root, 'package.json'));
    expect(manifest.license).toBe('AGPL-3.0-or-later');
    const licence = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(
      licence.startsWith('GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007'),
    ).toBe(true);
    expect(licence).toContain(
      '13. Remote Network Interaction; Use with the GNU General Public License.',
    );
  });

  it('lists every shipped package with its licence, and is up to date', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts/notices.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const notices = readFileSync(join(root, 'THIRD_PARTY_NOTICES.md'), 'utf8');
    const manifest = manifestOf(join(root, 'package.json'));
    // Every runtime dependency, and what the renderer bundles, is named with its version.
    for (const name of [...Object.keys(manifest.dependencies), 'react', 'react-dom', 'i18next']) {
      const { version } = manifestOf(join(root, 'node_modules', name, 'package.json'));
      expect(notices).toContain(`## ${name}@${version}\n`);
    }
    expect(notices).not.toMatch(/^## electron@/m);
  });

  it('ships both files with the packaged app', () => {
    const builder = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    expect(builder).toMatch(/from: LICENSE\b/);
    expect(builder).toMatch(/from: THIRD_PARTY_NOTICES\.md\b/);
  });
});
