// Checks the common-word lists of the mention search (electron/core/release/words)
// against the Hunspell dictionaries Debian ships: every entry must be a word
// of its language. Prints the entries a dictionary does not know; exits 1 if
// any. Needs: apt-get install hunspell hunspell-en-us hunspell-es hunspell-fr
// hunspell-ru hunspell-uk hunspell-ar
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '../electron/core/release/words');
const DICTIONARIES = { en: 'en_US', es: 'es_ES', fr: 'fr_FR', ru: 'ru_RU', uk: 'uk_UA', ar: 'ar' };

// Ordinary words the dictionary writes with a capital only (English months).
const CAPITALISED = new Set(['april', 'june', 'may']);

let unknown = 0;
for (const [language, dictionary] of Object.entries(DICTIONARIES)) {
  const source = readFileSync(join(DIR, `${language}.ts`), 'utf8');
  const words = (/`([^`]*)`/u.exec(source)?.[1] ?? '').split(/\s+/u).filter(Boolean);
  const out = execFileSync('hunspell', ['-d', dictionary, '-l'], {
    input: `${words.join('\n')}\n`,
    encoding: 'utf8',
  });
  const missing = [...new Set(out.split('\n').filter(Boolean))].filter((w) => !CAPITALISED.has(w));
  unknown += missing.length;
  console.log(
    `${language}: ${words.length} words, ${missing.length} unknown to ${dictionary}${missing.length ? `: ${missing.join(' ')}` : ''}`,
  );
}
process.exit(unknown > 0 ? 1 : 0);
