import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_CODES } from '../../../shared/vault';
import { WARNING_CODES } from '../../../shared/warnings';

const root = resolve(import.meta.dirname, '../../..');
const LANGUAGES = ['en', 'es', 'fr', 'ar', 'ru'] as const;
type Tree = { [key: string]: string | Tree };
const locale = (language: string) =>
  JSON.parse(readFileSync(join(root, 'shared/i18n/locales', language, 'ui.json'), 'utf8')) as Tree;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}
const core = sources(join(root, 'electron/core'));

/** Every code the core passes to coreWarning (or to a local `warn` wrapper of it). */
const emitted = new Set(
  core.flatMap((text) =>
    [...text.matchAll(/\b(?:coreWarning|warn)\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]!),
  ),
);
/** Every check code the core writes into a check item (`code: '…'` in a file that builds CheckItems). */
const checkCodes = new Set(
  core
    .filter((text) => /CheckItem/.test(text))
    .flatMap((text) => [
      ...[...text.matchAll(/\bcode: '([a-z0-9-]+)'/g)].map((m) => m[1]!),
      ...[...text.matchAll(/\[\w+, \['([a-z0-9-]+)'/g)].map((m) => m[1]!),
      ...[...text.matchAll(/\b\w+: '([a-z0-9-]+)',\n/g)]
        .map((m) => m[1]!)
        .filter((c) => (CHECK_CODES as readonly string[]).includes(c)),
      ...[...text.matchAll(/runOne\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]!),
    ]),
);

/** The message for a code in one language: a plain string, or its plural forms. */
function messages(section: Tree, code: string): string[] {
  return Object.entries(section)
    .filter(([key]) => key === code || key.replace(/_(zero|one|two|few|many|other)$/, '') === code)
    .map(([, value]) => value)
    .filter((value): value is string => typeof value === 'string');
}

describe('warning and check codes', () => {
  it('finds the codes in the core itself, and only listed ones', () => {
    expect(emitted.size).toBeGreaterThan(10);
    expect([...emitted].sort()).toEqual([...WARNING_CODES].sort());
    for (const code of checkCodes) expect(CHECK_CODES, code).toContain(code);
    expect(checkCodes.size).toBeGreaterThanOrEqual(CHECK_CODES.length - 1);
  });

  it('words every warning the core can give and every check in all five languages', () => {
    for (const language of LANGUAGES) {
      const tree = locale(language);
      const warnings = tree.warnings as Tree;
      for (const code of new Set([...WARNING_CODES, ...emitted]))
        expect(messages(warnings, code).length, `${language} warnings.${code}`).toBeGreaterThan(0);
      const checks = (tree.settings as Tree).checks as Tree;
      for (const code of new Set([...CHECK_CODES, ...checkCodes]))
        expect(messages(checks, code).length, `${language} settings.checks.${code}`).toBe(1);
    }
  });
});
