import type { EvidenceItem } from '../../../shared/evidence';
import type { Command } from '../command';
import {
  custodyLog,
  deleteEvidence,
  exportEvidence,
  getEvidence,
  intakeFiles,
  listEvidence,
  stripEvidence,
  updateEvidence,
  verifyEvidence,
} from '../../core/evidence';
import { evidenceEditSchema } from '../../../shared/domain/evidenceEdit';
import { TEXT_LIMITS } from '../../../shared/domain/text';
import { UsageError } from '../command';
import { changedLine } from './records/common';
import {
  checkRecord,
  fromFile,
  inputFrom,
  naming,
  optionsOf,
  text,
  type FieldOptions,
} from './records/fields';
import { EXIT } from '../command';
import { caseIdFrom, caseOption } from '../caseOption';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function describeItem(item: EvidenceItem): string {
  const lines = [
    `${item.id}  ${item.kind}  ${item.type}  ${item.size} bytes`,
    `  sha256   ${item.sha256}`,
    `  name     ${item.originalName ?? '—'}`,
    `  intake   ${item.intakeAt} by ${item.intakeBy}`,
  ];
  if (item.parentId) lines.push(`  copy of  ${item.parentId}`);
  if (item.derivatives.length > 0) lines.push(`  copies   ${item.derivatives.join(', ')}`);
  if (item.title) lines.push(`  title    ${item.title}`);
  if (item.description)
    lines.push(`  about    ${item.description.replace(/\n/g, '\n           ')}`);
  if (item.source) lines.push(`  source   ${item.source}`);
  if (item.capture.time || item.capture.latitude !== null) {
    const where =
      item.capture.latitude !== null
        ? ` at ${item.capture.latitude}, ${item.capture.longitude}`
        : '';
    lines.push(`  captured ${item.capture.time ?? 'time unknown'}${where}`);
  }
  const risky = item.metadata.filter((f) => f.risky);
  if (risky.length > 0)
    lines.push(`  RISKY metadata in this file: ${risky.map((f) => f.label).join(', ')}`);
  return lines.join('\n');
}

const add: Command = {
  name: 'evidence add',
  summary: 'Take files into the vault as evidence of a case (hashed, encrypted, logged).',
  options: {
    case: caseOption('the case the files belong to (id or reference)'),
    source: {
      type: 'string',
      valueName: 'TEXT',
      description: 'provenance: where and from whom the files came',
    },
    title: { type: 'string', valueName: 'TEXT', description: 'a title for the item(s)' },
  },
  positionals: [
    { name: 'FILE', description: 'the files to take in', required: true, variadic: true },
  ],
  examples: [
    'vigil evidence add --case VIG-2026-0001 photo.jpg scan.pdf',
    'vigil evidence add --case 3f2a… --source "sent by the family via Signal" *.jpg --json',
  ],
  details: `Each file is read once: its SHA-256 is computed while it is encrypted into the vault, and
the original is kept bit for bit. A file already in the case is recognised by its hash and not
stored twice. With --json: an array of {id, sha256, size, type}, one per file.`,
  async run(context) {
    const vault = await context.openVault();
    const paths = context.positionals;
    const caseId = await caseIdFrom(vault, context);
    const results = await intakeFiles(
      vault,
      {
        caseId,
        paths,
        source: context.string('source'),
        title: context.string('title'),
      },
      {
        signal: context.signal,
        onProgress: (file, bytes, size) =>
          context.progress(`${paths[file]}: ${mb(bytes)} of ${mb(size)}`),
      },
    );
    context.progress('');
    for (const [index, result] of results.entries()) {
      if (result.duplicate)
        context.warn(
          `${paths[index]} is already in this case as ${result.id}; it was not stored twice.`,
        );
    }
    context.output(
      results.map(({ id, sha256, size, type }) => ({ id, sha256, size, type })),
      () =>
        results
          .map((r, i) => `${r.id}  ${r.type}  ${r.size} bytes  sha256 ${r.sha256}  ${paths[i]}`)
          .join('\n'),
    );
  },
};

const list: Command = {
  name: 'evidence list',
  access: 'read',
  summary: "List a case's evidence: originals and their working copies.",
  options: { case: caseOption() },
  async run(context) {
    const vault = await context.openVault();
    const items = await listEvidence(vault, await caseIdFrom(vault, context));
    context.output(items, () =>
      items.length === 0 ? 'No evidence in this case.' : items.map(describeItem).join('\n\n'),
    );
  },
};

const show: Command = {
  name: 'evidence show',
  access: 'read',
  summary: 'Show an evidence item, the metadata found in it, and its custody log.',
  positionals: [{ name: 'ID', description: 'the evidence item', required: true }],
  async run(context) {
    const vault = await context.openVault();
    const id = context.positionals[0]!;
    const item = await getEvidence(vault, id);
    const custody = await custodyLog(vault, id);
    context.output({ ...item, custody }, () =>
      [
        describeItem(item),
        '',
        'Metadata found at intake:',
        ...(item.metadataReadable
          ? []
          : [
              `  Vigil cannot read this file's metadata, so it cannot tell what the file reveals: ${item.metadataProblem ?? ''}`,
            ]),
        ...(item.metadata.length === 0
          ? item.metadataReadable
            ? ['  (none found)']
            : []
          : item.metadata.map(
              (f) => `  ${f.risky ? '!' : ' '} [${f.group}] ${f.label}: ${f.value}`,
            )),
        '',
        'Custody log:',
        ...custody.map(
          (c) => `  #${c.seq} ${c.at} ${c.actor} ${c.action} ${JSON.stringify(c.detail)}`,
        ),
      ].join('\n'),
    );
  },
};

const ACCEPT_CHANGES = {
  type: 'boolean',
  description:
    "accept a document's tracked changes in the working copy (without it, a document with tracked changes is refused)",
} as const;

const strip: Command = {
  name: 'evidence strip',
  summary: 'Make the stripped working copy of an original (the original is never modified).',
  positionals: [{ name: 'ID', description: 'the original evidence item', required: true }],
  options: { 'accept-changes': ACCEPT_CHANGES },
  async run(context) {
    const vault = await context.openVault();
    const copy = await stripEvidence(vault, context.positionals[0]!, {
      acceptChanges: context.flag('accept-changes'),
    });
    context.output(copy, () =>
      [
        `Working copy ${copy.id} (sha256 ${copy.sha256}, ${copy.size} bytes)`,
        `Removed: ${copy.stripReport?.removed.map((f) => f.label).join(', ') || 'nothing'}`,
        `Kept on purpose: ${copy.stripReport?.kept.map((k) => `${k.label} (${k.reason})`).join(', ') || 'nothing'}`,
      ].join('\n'),
    );
  },
};

const exportCommand: Command = {
  name: 'evidence export',
  summary:
    'Write an evidence item to a file: the stripped working copy, or the original with --original.',
  options: {
    out: { type: 'string', valueName: 'FILE', description: 'where to write it', required: true },
    original: {
      type: 'boolean',
      description: 'write the original, with all its metadata, instead of the working copy',
    },
    force: { type: 'boolean', description: 'overwrite FILE if it exists' },
    'accept-changes': ACCEPT_CHANGES,
  },
  positionals: [{ name: 'ID', description: 'the evidence item', required: true }],
  details: `Every chunk is authenticated before it is written and the whole file is re-hashed against
the hash taken at intake; a damaged blob gives an error and no output file.`,
  async run(context) {
    const vault = await context.openVault();
    const result = await exportEvidence(
      vault,
      context.positionals[0]!,
      {
        out: context.requireString('out'),
        original: context.flag('original'),
        force: context.flag('force'),
        acceptChanges: context.flag('accept-changes'),
      },
      { signal: context.signal },
    );
    context.output(
      result,
      () => `Wrote the ${result.kind} copy to ${result.out} (sha256 ${result.sha256}).`,
    );
  },
};

const verify: Command = {
  name: 'evidence verify',
  summary: 'Decrypt and re-hash an item against the hash taken at intake (exit 3 if it differs).',
  positionals: [{ name: 'ID', description: 'the evidence item', required: true }],
  async run(context) {
    const vault = await context.openVault();
    const result = await verifyEvidence(vault, context.positionals[0]!);
    context.output(result, () =>
      result.ok ? `${result.id}: intact.` : `${result.id}: ${result.problem}`,
    );
    return result.ok ? EXIT.ok : EXIT.integrity;
  },
};

const remove: Command = {
  name: 'evidence delete',
  summary:
    'Move an item and its working copies to the trash (vigil trash empty destroys their keys).',
  options: { yes: { type: 'boolean', description: 'accepted for older scripts; not needed' } },
  positionals: [{ name: 'ID', description: 'the evidence item', required: true }],
  examples: ['vigil evidence delete 4c1d…'],
  async run(context) {
    const vault = await context.openVault();
    const result = await deleteEvidence(vault, context.positionals[0]!);
    context.output(
      result,
      () =>
        `Moved ${result.deleted.join(', ')} to the trash; \`vigil trash restore ${result.trash}\` brings ${result.deleted.length === 1 ? 'it' : 'them'} back.`,
    );
  },
};

const EDIT_FIELDS: FieldOptions = {
  title: text('title', 'TEXT', 'a title for the item', { nullable: true }),
  description: text('description', 'TEXT', 'what the file shows', { nullable: true }),
  'description-file': fromFile(
    'description',
    'read the description from a UTF-8 file',
    TEXT_LIMITS.text,
    'the description',
  ),
  source: text('source', 'TEXT', 'provenance: where and from whom the file came', {
    nullable: true,
  }),
};

const edit: Command = {
  name: 'evidence edit',
  summary: "Correct an item's title, description or provenance (the file itself never changes).",
  positionals: [{ name: 'ID', description: 'the original evidence item', required: true }],
  options: optionsOf(EDIT_FIELDS, 'edit'),
  examples: [
    'vigil evidence edit 4c1d… --title "Court order, page 1" --source "sent by the lawyer via Signal"',
    'vigil evidence edit 4c1d… --description-file about.txt --json',
    'vigil evidence edit 4c1d… --title ""     # an empty value clears it',
  ],
  details: `Only the options given change; the item's working copies carry the same words and follow.
The file, its SHA-256 and the metadata read from it stay as taken in. The change is in the
item's custody log (evidence.update, naming the fields).`,
  async run(context) {
    const input = await inputFrom(context, EDIT_FIELDS, 'edit');
    if (Object.keys(input.value).length === 0)
      throw new UsageError(
        'give at least one of --title, --description, --description-file, --source.',
      );
    const patch = checkRecord(evidenceEditSchema, input, 'evidence update');
    const vault = await context.openVault();
    let changed: readonly string[] = [];
    const item = await naming(input, () =>
      updateEvidence(vault, context.positionals[0]!, patch, { onChange: (f) => (changed = f) }),
    );
    context.output(item, () => changedLine(item.id, changed));
  },
};

export const evidenceCommands: Command[] = [
  add,
  list,
  show,
  edit,
  strip,
  exportCommand,
  verify,
  remove,
];
