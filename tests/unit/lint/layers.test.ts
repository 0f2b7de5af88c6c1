import { resolve } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of the lint configuration, without types
import { vigilPlugin } from '../../../scripts/eslint/layers.js';

const root = resolve(import.meta.dirname, '../../..');
const linter = new Linter({ cwd: root });

function problems(file: string, code: string): string[] {
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          plugins: { vigil: vigilPlugin as never },
          rules: { 'vigil/core-layers': 'error' },
        },
      ],
      resolve(root, file),
    )
    .map((m) => m.message);
}

describe('the core layer rule', () => {
  it('lets a module import lower layers and itself', () => {
    expect(problems('electron/core/dossier/plan.ts', "import { x } from '../records';")).toEqual(
      [],
    );
    expect(problems('electron/core/records/cases.ts', "import { x } from './table';")).toEqual([]);
    expect(problems('electron/core/vault/vault.ts', "import { x } from '../errors';")).toEqual([]);
    expect(problems('electron/core/checks.ts', "import { x } from './evidence';")).toEqual([]);
  });

  it('refuses an import of the same or a higher layer, and says why', () => {
    expect(
      problems('electron/core/records/cases.ts', "import { x } from '../dossier/plan';"),
    ).toEqual([expect.stringMatching(/records may not import electron\/core\/dossier/)]);
    expect(problems('electron/core/pgp/keys.ts', "export * from '../metadata';")).toHaveLength(1);
    expect(
      problems('electron/core/vault/vault.ts', "const m = await import('../evidence');"),
    ).toHaveLength(1);
  });

  it('asks for a new module to be placed in a layer', () => {
    expect(problems('electron/core/newthing/a.ts', "import { x } from '../vault';")).toEqual([
      expect.stringMatching(/newthing has no layer/),
    ]);
  });

  it('leaves files outside the core alone', () => {
    expect(problems('electron/cli/main.ts', "import { x } from '../core/dossier';")).toEqual([]);
  });
});
