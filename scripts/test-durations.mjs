// Writes tests/durations.json (each test file's seconds, which tests/sequencer.ts starts
// longest first) from a vitest JSON report of a whole run on the machine the suite is
// timed on:
//   npx vitest run --reporter=default --reporter=json --outputFile=report.json
//   node scripts/test-durations.mjs report.json
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const [reportPath] = process.argv.slice(2);
if (!reportPath) {
  process.stderr.write('usage: node scripts/test-durations.mjs <vitest JSON report>\n');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const rows = report.testResults
  .map((file) => [
    relative(root, file.name).split('\\').join('/'),
    Math.round((file.endTime - file.startTime) / 100) / 10,
  ])
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const target = resolve(root, 'tests/durations.json');
writeFileSync(target, `${JSON.stringify(Object.fromEntries(rows), null, 2)}\n`);
process.stdout.write(`${rows.length} files written to ${relative(root, target)}\n`);
