import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EXIT, UsageError, type Command, type CommandContext } from '../command';
import {
  inspectFile,
  stripFile,
  stripMany,
  type InspectReport,
  type MetadataField,
  type MetadataGroup,
  type StripReport,
} from '../../core/metadata';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const GROUP_TITLES: Record<MetadataGroup, string> = {
  location: 'Location',
  device: 'Device',
  people: 'People',
  time: 'Time',
  software: 'Software',
  hidden: 'Hidden content',
  document: 'Document',
  other: 'Other',
  structure: 'Structure (not metadata)',
};
const GROUP_ORDER: MetadataGroup[] = [
  'location',
  'people',
  'device',
  'hidden',
  'document',
  'time',
  'software',
  'other',
  'structure',
];

function formatFields(fields: MetadataField[], indent = '  '): string[] {
  const lines: string[] = [];
  for (const group of GROUP_ORDER) {
    const inGroup = fields.filter((f) => f.group === group);
    if (inGroup.length === 0) continue;
    lines.push(`${indent}${GROUP_TITLES[group]}:`);
    for (const f of inGroup) lines.push(`${indent}  ${f.risky ? '!' : ' '} ${f.label}: ${f.value}`);
  }
  return lines;
}

const UNREADABLE =
  "Vigil cannot read this file's metadata, so it cannot tell what the file reveals (this does not mean it carries none).";

export function formatInspect(path: string, report: InspectReport): string {
  const lines = [
    `${path}: ${report.mime} (${report.type}), ${report.size} bytes`,
    `  SHA-256 ${report.sha256}`,
  ];
  const meta = report.fields.filter((f) => f.group !== 'structure');
  if (!report.readable) {
    // Never "nothing found" about what could not be read: an empty list here means "unknown".
    lines.push(`  ${UNREADABLE}`);
    if (report.unreadableReason) lines.push(`  Why: ${report.unreadableReason}`);
    if (meta.length > 0)
      lines.push(
        `  What Vigil could read anyway: ${meta.length} field(s), ${report.risky} risky (marked !):`,
      );
  } else if (meta.length === 0) lines.push('  No metadata found.');
  else lines.push(`  ${meta.length} metadata field(s), ${report.risky} risky (marked !):`);
  lines.push(...formatFields(report.fields));
  const { time, latitude, longitude, altitude } = report.capture;
  if (time || latitude !== undefined) {
    lines.push('  Capture facts:');
    if (time) lines.push(`    time: ${time}`);
    if (latitude !== undefined && longitude !== undefined)
      lines.push(
        `    position: ${latitude}, ${longitude}${altitude !== undefined ? `, altitude ${altitude} m` : ''}`,
      );
  }
  for (const w of report.warnings) if (w !== report.unreadableReason) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}

export function formatStrip(input: string, output: string, report: StripReport): string {
  const lines = [
    `Stripped ${input} -> ${output} (${report.mime})`,
    `  ${report.inputSize} bytes -> ${report.outputSize} bytes`,
    `  input  SHA-256 ${report.inputSha256}`,
    `  output SHA-256 ${report.outputSha256}`,
  ];
  if (report.removed.length === 0) lines.push('  No metadata was found to remove.');
  else {
    lines.push(`  Removed ${report.removed.length} field(s):`);
    lines.push(...formatFields(report.removed, '    '));
  }
  if (report.kept.length > 0) {
    lines.push('  Kept on purpose:');
    for (const k of report.kept)
      lines.push(`    ${k.label}${k.value ? `: ${k.value}` : ''} (${k.reason})`);
  }
  lines.push('  The output was re-read by Vigil and carries nothing outside the allow-list.');
  return lines.join('\n');
}

const inspect: Command = {
  name: 'inspect',
  summary: 'List the metadata a file carries (no vault needed).',
  positionals: [{ name: 'FILE', description: 'the file to inspect', required: true }],
  examples: ['vigil inspect photo.jpg', 'vigil inspect report.pdf --json'],
  details: `The type is read from the file's content, never its name. Fields are grouped
(location, people, device, hidden content, document, time, software); risky ones are marked "!".`,
  async run(context) {
    const path = context.positionals[0]!;
    const report = await inspectFile(path);
    context.output(report, () => formatInspect(path, report));
  },
};

const strip: Command = {
  name: 'strip',
  summary: 'Write a copy of a file without its metadata (no vault needed).',
  positionals: [
    {
      name: 'FILE',
      description: 'the file(s) to strip (left untouched)',
      required: true,
      variadic: true,
    },
  ],
  options: {
    out: {
      type: 'string',
      valueName: 'OUT',
      description: 'where to write the stripped copy (one FILE)',
    },
    'out-dir': {
      type: 'string',
      valueName: 'DIR',
      description:
        'an existing folder for the stripped copies of one or more FILEs, by their names',
    },
    force: { type: 'boolean', description: 'replace an output that exists' },
    'keep-annotation-text': {
      type: 'boolean',
      description: "PDF: keep annotations' review text, popups and replies (removed by default)",
    },
    'keep-annotation-authors': {
      type: 'boolean',
      description: "PDF: keep the names of annotations' authors (removed by default)",
    },
    'accept-changes': {
      type: 'boolean',
      description:
        "accept an office document's tracked changes (insertions kept, deletions dropped) instead of refusing the document",
    },
  },
  examples: [
    'vigil strip photo.jpg --out photo-clean.jpg',
    'vigil strip reviewed.pdf --out shared.pdf --keep-annotation-text',
    'vigil strip report.pdf --out clean.pdf --json',
    'vigil strip statement.docx --out clean.docx --accept-changes',
    'vigil strip photos/*.jpg --out-dir clean/',
  ],
  details: `Supported: JPEG, PNG, WebP, GIF, TIFF, HEIC/AVIF, PDF; DOCX, XLSX, PPTX, ODT, ODS and ODP;
MP3, M4A, Ogg Vorbis and Opus, FLAC, WAV (and RF64); MP4, MOV, M4V and 3GP. Stripping is lossless
(pixels, page content, document text, audio samples and video packets are unchanged) and keeps
only what the format needs to play or display. A document with tracked changes is refused unless
--accept-changes is given (insertions kept, deletions dropped); macros and OLE objects are refused.
Audio and video are streamed, whatever their size. The copy is re-read before it is put in place;
if anything unexpected remains, or the file is encrypted, damaged or ambiguous, nothing is written
and the command exits with status 1. Ctrl-C cancels and leaves nothing behind.
With --out-dir, each FILE's copy goes into DIR under its own name; a file refused is reported
(vigil: FILE: reason) and the others are still stripped; the status is 1 if any was refused.
The copies are written as a batch: each one's data is on the disk before its name appears (a
crash leaves a copy complete or absent), with the disk's flushes shared by the batch.
In a PDF every image is reached (image objects, inline images, forms, patterns, Type3 glyphs,
annotation appearances, masks) whatever its filters; dictionaries keep only the keys the PDF
specification defines for them; colour profiles lose their descriptive text; annotations lose
their review text and authors unless --keep-annotation-text / --keep-annotation-authors.`,
  async run(context) {
    const out = context.string('out');
    const outDir = context.string('out-dir');
    if ((out === undefined) === (outDir === undefined))
      throw new UsageError('give either --out OUT (one FILE) or --out-dir DIR.');
    if (outDir !== undefined) return stripIntoFolder(context, outDir);
    if (context.positionals.length !== 1)
      throw new UsageError(
        `--out takes one FILE; ${context.positionals.length} were given (use --out-dir DIR).`,
      );
    const input = context.positionals[0]!;
    const output = out!;
    let report: StripReport;
    try {
      report = await stripFile(input, output, {
        force: context.flag('force'),
        keepAnnotationText: context.flag('keep-annotation-text'),
        keepAnnotationAuthors: context.flag('keep-annotation-authors'),
        acceptChanges: context.flag('accept-changes'),
        signal: context.signal,
        onProgress: (done, total) => context.progress(`${input}: ${mb(done)} of ${mb(total)}`),
      });
    } finally {
      context.progress('');
    }
    context.output(report, () => formatStrip(input, output, report));
  },
};

/** `vigil strip FILE… --out-dir DIR`: one JSON document, one line per file, status 1 if any was refused. */
async function stripIntoFolder(context: CommandContext, outDir: string): Promise<number> {
  let info;
  try {
    info = await stat(outDir);
  } catch {
    throw new UsageError(`--out-dir ${outDir} does not exist; create the folder first.`);
  }
  if (!info.isDirectory()) throw new UsageError(`--out-dir ${outDir} is not a folder.`);
  const inputs = context.positionals;
  const total = inputs.length;
  let result;
  try {
    result = await stripMany(
      inputs.map((input) => ({ input, output: join(outDir, basename(input)) })),
      {
        force: context.flag('force'),
        keepAnnotationText: context.flag('keep-annotation-text'),
        keepAnnotationAuthors: context.flag('keep-annotation-authors'),
        acceptChanges: context.flag('accept-changes'),
        signal: context.signal,
        onFile: (index) => context.progress(`${index + 1} of ${total} files`),
      },
    );
  } finally {
    context.progress('');
  }
  const { outcomes, cancelled } = result;
  const refused = outcomes.filter((o) => 'error' in o);
  for (const o of refused) if ('error' in o) context.warn(`${o.input}: ${o.error.message}`);
  const files = outcomes.map((o) =>
    'error' in o
      ? {
          input: o.input,
          output: o.output,
          error: { code: o.error.code, message: o.error.message },
        }
      : { input: o.input, output: o.output, ...o.report },
  );
  context.output(
    {
      files,
      stripped: outcomes.length - refused.length,
      refused: refused.length,
      notStarted: total - outcomes.length,
      cancelled,
    },
    () => {
      const lines = outcomes.flatMap((o) =>
        'error' in o ? [] : [`Stripped ${o.input} -> ${o.output} (${o.report.mime})`],
      );
      lines.push(
        `${outcomes.length - refused.length} of ${total} file(s) stripped into ${outDir}${refused.length > 0 ? `; ${refused.length} refused (nothing written for them)` : ''}${cancelled ? `; cancelled, ${total - outcomes.length} not started` : ''}. Every copy was re-read by Vigil and carries nothing outside the allow-list.`,
      );
      return lines.join('\n');
    },
  );
  return refused.length > 0 || cancelled ? EXIT.error : EXIT.ok;
}

export const metadataCommands: Command[] = [inspect, strip];
