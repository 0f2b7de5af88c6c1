import type { Command } from '../command';
import {
  inspectFile,
  stripFile,
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
    { name: 'FILE', description: 'the file to strip (left untouched)', required: true },
  ],
  options: {
    out: {
      type: 'string',
      valueName: 'OUT',
      description: 'where to write the stripped copy',
      required: true,
    },
    force: { type: 'boolean', description: 'replace OUT if it exists' },
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
  ],
  details: `Supported: JPEG, PNG, WebP, GIF, TIFF, HEIC/AVIF, PDF; DOCX, XLSX, PPTX, ODT, ODS and ODP;
MP3, M4A, Ogg Vorbis and Opus, FLAC, WAV (and RF64); MP4, MOV, M4V and 3GP. Stripping is lossless
(pixels, page content, document text, audio samples and video packets are unchanged) and keeps
only what the format needs to play or display. A document with tracked changes is refused unless
--accept-changes is given (insertions kept, deletions dropped); macros and OLE objects are refused.
Audio and video are streamed, whatever their size. The copy is re-read before it is put in place;
if anything unexpected remains, or the file is encrypted, damaged or ambiguous, nothing is written
and the command exits with status 1. Ctrl-C cancels and leaves nothing behind.
In a PDF every image is reached (image objects, inline images, forms, patterns, Type3 glyphs,
annotation appearances, masks) whatever its filters; dictionaries keep only the keys the PDF
specification defines for them; colour profiles lose their descriptive text; annotations lose
their review text and authors unless --keep-annotation-text / --keep-annotation-authors.`,
  async run(context) {
    const input = context.positionals[0]!;
    const output = context.requireString('out');
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

export const metadataCommands: Command[] = [inspect, strip];
