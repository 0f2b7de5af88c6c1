import { spawnSync } from 'node:child_process';

/**
 * The real programs the tests check Vigil against (gpg, exiftool, qpdf,
 * poppler, Chromium…). On a developer's machine a test whose peer is missing
 * skips with a warning; in CI (`CI` set, as `.ci/run` does) a missing peer is
 * a failure, so the suite can never shrink silently.
 */
export const PEERS_REQUIRED = Boolean(process.env.CI) || process.env.VIGIL_REQUIRE_PEERS === '1';

const known = new Map<string, boolean>();
const warned = new Set<string>();

function onPath(tool: string): boolean {
  if (!known.has(tool)) {
    const found = tool.startsWith('/')
      ? spawnSync('test', ['-x', tool]).status === 0
      : spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
    known.set(tool, found);
  }
  return known.get(tool)!;
}

/**
 * Whether `tool` can be run. Outside CI, a missing tool returns false (and
 * warns once); in CI it throws, failing the test file that needs it.
 */
export function hasTool(tool: string, install = ''): boolean {
  if (onPath(tool)) return true;
  const hint = install ? ` (${install})` : '';
  if (PEERS_REQUIRED)
    throw new Error(`${tool} is not installed${hint}: CI requires every peer the tests use.`);
  if (!warned.has(tool)) {
    warned.add(tool);
    console.warn(`SKIPPED tests that need ${tool}: it is not installed${hint}.`);
  }
  return false;
}

/** Whether a file the tests need exists; the same rule as `hasTool` (CI fails, elsewhere skip). */
export function hasFile(present: boolean, what: string): boolean {
  if (present) return true;
  if (PEERS_REQUIRED) throw new Error(`${what} is missing: CI requires it.`);
  if (!warned.has(what)) {
    warned.add(what);
    console.warn(`SKIPPED tests that need ${what}.`);
  }
  return false;
}
