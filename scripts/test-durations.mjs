// Updates tests/durations.json (each test file's seconds, which vitest.config.ts starts
// longest first) from a vitest JSON report, of the whole suite or of some files, run on
// the machine the suite is timed on:
//   npx vitest run --reporter=default --reporter=json --outputFile=report.json
//   node scripts/test-durations.mjs report.json
// Files the report does not cover keep their seconds; files that no longer exist are dropped.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const [reportPath] = process.argv.slice(2);
if (!reportPath) {
  process.stderr.write('usage: node scripts/test-durations.mjs <vitest JSON report>\n');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const target = resolve(root, 'tests/durations.json');
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const table = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : {};
for (const file of report.testResults)
  table[relative(root, file.name).split('\\').join('/')] =
    Math.round((file.endTime - file.startTime) / 100) / 10;
const rows = Object.entries(table)
  .filter(([path]) => existsSync(resolve(root, path)))
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
writeFileSync(target, `${JSON.stringify(Object.fromEntries(rows), null, 2)}\n`);
process.stdout.write(
  `${report.testResults.length} files timed; ${rows.length} in ${relative(root, target)}\n`,
);
