// THIRD_PARTY_NOTICES.md: the licence of every package the packaged app ships.
//
// What ships is (a) the production dependency tree (left in node_modules by electron-builder)
// and (b) whatever the builds bundle from other packages: every package that the app's own
// sources import (electron/, renderer/, shared/), with its dependencies. Electron itself is the
// runtime: electron-builder ships its and Chromium's licences beside the binary.
//
//   node scripts/notices.mjs          writes THIRD_PARTY_NOTICES.md
//   node scripts/notices.mjs --check  exits 1 when the committed file is out of date
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const OUT = join(root, 'THIRD_PARTY_NOTICES.md');
const SOURCE_DIRS = ['electron', 'renderer', 'shared'];
const NOT_SHIPPED = new Set(['electron']);
const BUILTINS = new Set(builtinModules);

function sourceFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|js|mjs|css)$/.test(entry.name)) files.push(path);
  }
  return files;
}

/** The package a bare specifier names ("@scope/name/sub" → "@scope/name"), or null. */
function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (BUILTINS.has(name) || !/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/i.test(name)) return null;
  return name;
}

function importedPackages() {
  const found = new Set();
  const pattern =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|@import\s+)['"]([^'"]+)['"]/g;
  for (const dir of SOURCE_DIRS) {
    for (const file of sourceFiles(join(root, dir))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(pattern)) {
        // Type-only imports vanish from the build.
        const before = text.slice(Math.max(0, match.index - 40), match.index + 12);
        if (/import\s+type\b/.test(before) && !/import\s+type\s*\(/.test(before)) continue;
        const name = packageOf(match[1]);
        if (name) found.add(name);
      }
    }
  }
  return found;
}

/** Node's resolution: the nearest node_modules/<name> from `from` upwards. */
function locate(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return dirname(candidate);
    if (dir === root || dir === dirname(dir)) return null;
  }
}

function closure(names) {
  const packages = new Map(); // directory → package.json
  const queue = [...names].map((name) => [name, root]);
  while (queue.length > 0) {
    const [name, from] = queue.shift();
    if (NOT_SHIPPED.has(name)) continue;
    const dir = locate(name, from);
    if (!dir) {
      // Optional dependencies for other platforms are absent here; a required one is an error.
      continue;
    }
    if (packages.has(dir)) continue;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    packages.set(dir, manifest);
    const deps = { ...manifest.dependencies, ...manifest.optionalDependencies };
    for (const dep of Object.keys(deps)) queue.push([dep, dir]);
  }
  return packages;
}

function licenceText(dir) {
  const file = readdirSync(dir).find(
    (name) =>
      /^(licen[cs]e|copying|notice)([.-].*)?$/i.test(name) && statSync(join(dir, name)).isFile(),
  );
  return file ? readFileSync(join(dir, file), 'utf8').replace(/\r\n?/g, '\n').trim() : null;
}

function licenceName(manifest) {
  const l = manifest.license ?? manifest.licenses;
  if (typeof l === 'string') return l;
  if (Array.isArray(l)) return l.map((x) => x.type ?? x).join(' OR ');
  if (l && typeof l === 'object') return l.type ?? 'see below';
  return 'not stated';
}

function render() {
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const roots = new Set([...Object.keys(own.dependencies ?? {}), ...importedPackages()]);
  const packages = [...closure(roots).entries()]
    .map(([dir, manifest]) => ({ dir, manifest }))
    .sort(
      (a, b) =>
        a.manifest.name.localeCompare(b.manifest.name, 'en') ||
        a.manifest.version.localeCompare(b.manifest.version, 'en'),
    );
  const seen = new Set();
  const lines = [
    '# Third-party notices',
    '',
    'Vigil is free software under the GNU Affero General Public License, version 3 or later',
    '(see LICENSE). The packaged app ships the following third-party software. The fonts in',
    '`resources/fonts` are under the SIL Open Font License 1.1 (`resources/fonts/OFL.txt`).',
    'Electron and Chromium ship their own licence files beside the app.',
    '',
    'This file is generated by `node scripts/notices.mjs`; a test fails when it is out of date.',
    '',
  ];
  for (const { dir, manifest } of packages) {
    const key = `${manifest.name}@${manifest.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = licenceText(dir);
    lines.push(`## ${key}`, '', `Licence: ${licenceName(manifest)}`, '');
    if (text) lines.push('```text', text.replace(/```/g, "'''"), '```', '');
    else
      lines.push(
        `(The package carries no licence file; its package.json names the licence above.)`,
        '',
      );
  }
  return lines.join('\n');
}

const text = render();
if (process.argv.includes('--check')) {
  const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (current !== text) {
    process.stderr.write(
      `${relative(process.cwd(), OUT)} is out of date: run node scripts/notices.mjs and commit it.\n`,
    );
    process.exit(1);
  }
} else {
  writeFileSync(OUT, text);
}
