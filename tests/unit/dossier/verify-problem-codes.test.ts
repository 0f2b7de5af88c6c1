import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyProblem } from '../../../electron/core/dossier/problemCodes';
import { VERIFY_PROBLEMS } from '../../../shared/verifyProblems';

const root = resolve(import.meta.dirname, '../../..');
const SOURCES = ['electron/core/dossier/verification.ts', 'electron/core/dossier/source.ts'];
const locale = (language: string) =>
  JSON.parse(readFileSync(join(root, 'shared/i18n/locales', language, 'ui.json'), 'utf8')) as {
    verify: { issues: Record<string, string> };
  };

/**
 * Every sentence the checks can write, read from their source (pushed
 * problems, case.json problems, the distrust sentence, the not-a-file one),
 * with its placeholders filled by a path with spaces and Arabic letters.
 */
function sentences(): string[] {
  const out: string[] = [];
  const literal = /(?:problems\.push\(|problem: |return |=>\s*)\s*(`[^`]*`|'[^']*')/g;
  for (const file of SOURCES) {
    const source = readFileSync(join(root, file), 'utf8');
    for (const m of source.matchAll(literal)) {
      const text = m[1]!.slice(1, -1);
      if (!/\s.*\s/.test(text) || text.startsWith('Cannot ')) continue; // not a sentence, or a thrown error
      out.push(
        text.replace(/\$\{((?:[^{}]|\{[^{}]*\})*)\}/g, (_, expr: string) =>
          /\b(who|signer|fingerprint)\b/i.test(expr)
            ? '0123456789ABCDEF0123456789ABCDEF01234567'
            : /\b(path|prefix|rel)\b/i.test(expr)
              ? 'evidence/صورة 1.jpg'
              : '3',
        ),
      );
    }
  }
  return out;
}

describe('verification problems as codes', () => {
  it('gives every sentence the checks can write a code, and the file it names', () => {
    const all = sentences();
    expect(all.length).toBeGreaterThan(30);
    const other = all.filter((s) => classifyProblem(s).code === 'other');
    expect(other).toEqual([]);
    expect(classifyProblem('evidence/صورة 1.jpg is listed in the manifest but missing')).toEqual({
      code: 'file-missing',
      subject: 'evidence/صورة 1.jpg',
    });
    expect(classifyProblem('a sentence nobody writes').code).toBe('other');
    // A signature problem quoting a reader's error is about the signature, not a file.
    expect(
      classifyProblem("the manifest's signature does not hold: The signature cannot be read: x"),
    ).toEqual({ code: 'signature-invalid', subject: null });
  });

  it('words every code in all five languages', () => {
    for (const language of ['en', 'es', 'fr', 'ar', 'ru'])
      expect(Object.keys(locale(language).verify.issues).sort(), language).toEqual(
        [...VERIFY_PROBLEMS].sort(),
      );
  });

  it('words each as a whole sentence: none ends with a colon waiting for a subject that may not come', () => {
    for (const language of ['en', 'es', 'fr', 'ar', 'ru'])
      for (const [code, text] of Object.entries(locale(language).verify.issues))
        expect(text, `${language} ${code}`).not.toMatch(/[:：؛]\s*$/u);
  });
});
