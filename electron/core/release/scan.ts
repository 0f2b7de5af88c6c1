import type { Releaser } from './releaser';

/**
 * The last check before a dossier is signed: every text of every output
 * (the submission's text, the DOCX parts, case.json, manifest.json,
 * VERIFY.txt, the file names) is searched again for the names of people who
 * may not be named. Only certain mentions stop the export here: ambiguous
 * ones were settled in the release review (where a person may have kept
 * "said" as the ordinary word it is), and template words are no names.
 */

export interface ScanText {
  /** Where the text is inside the file: a JSON path, an XML part, "text". */
  where: string;
  text: string;
}

export interface ScanTarget {
  file: string;
  texts: ScanText[];
}

export interface ScanFinding {
  file: string;
  where: string;
  /** The words found, as written. */
  found: string;
  /** Some text around them, to find the place. */
  context: string;
  /** The record the text belongs to, when known (case.json). */
  record: string | null;
}

/** Every certain mention in the outputs (none means the outputs may be signed). */
export function scanOutputs(
  releaser: Releaser,
  targets: readonly ScanTarget[],
  recordOf: (file: string, where: string) => string | null = () => null,
): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const target of targets)
    for (const { where, text } of target.texts)
      for (const mention of releaser.mentions(text)) {
        if (!mention.certain) continue;
        findings.push({
          file: target.file,
          where,
          found: mention.text,
          context: text
            .slice(Math.max(0, mention.start - 30), mention.end + 30)
            .replace(/\s+/gu, ' ')
            .trim(),
          record: recordOf(target.file, where),
        });
      }
  return findings;
}

/** The string leaves of a JSON value, each with its path ("testimonies[0].statement"). */
export function jsonTexts(value: unknown, path = ''): ScanText[] {
  if (typeof value === 'string') return [{ where: path || '(value)', text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => jsonTexts(item, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => [
      { where: path ? `${path}.${key}` : key, text: key },
      ...jsonTexts(item, path ? `${path}.${key}` : key),
    ]);
  return [];
}

/** One sentence for the sender: what was found, and where. */
export function describeFindings(findings: readonly ScanFinding[]): string {
  const shown = findings
    .slice(0, 5)
    .map(
      (f) =>
        `"${f.found}" in ${f.file} at ${f.where}${f.record ? ` (${f.record})` : ''}: "…${f.context}…"`,
    );
  const more = findings.length > 5 ? `; and ${findings.length - 5} more` : '';
  return `The export was stopped before anything was written or signed: a name of a person who may not be named in this export is still in the output: ${shown.join('; ')}${more}.`;
}
