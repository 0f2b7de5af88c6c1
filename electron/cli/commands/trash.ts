import { UsageError, type Command } from '../command';
import { integerOption } from '../parse';
import { caseIdOf } from '../caseOption';
import {
  listTrash,
  restoreTrashEntry,
  TRASH_KINDS,
  type TrashEntry,
  type TrashKind,
} from '../../core/records';
import { emptyTrash } from '../../core/evidence';

// `vigil trash list|restore|empty`: what `… delete` moved aside, and the way
// back. Emptying is the only step that destroys anything.

function table(entries: readonly TrashEntry[]): string {
  if (entries.length === 0) return 'The trash is empty.';
  const lines = entries.map((e) =>
    [
      e.id,
      e.deletedAt.slice(0, 16).replace('T', ' '),
      e.kind.padEnd(12),
      e.label || e.recordId,
    ].join('  '),
  );
  return [`${'ENTRY'.padEnd(36)}  DELETED (UTC)     KIND          WHAT`, ...lines].join('\n');
}

const trashList: Command = {
  name: 'trash list',
  summary: 'List what was deleted and can still be restored, most recent first.',
  options: {
    kind: { type: 'string', valueName: 'KIND', description: `only ${TRASH_KINDS.join(', ')}` },
    case: {
      type: 'string',
      valueName: 'CASE',
      description: 'only what was deleted from this case (id or reference)',
    },
  },
  examples: ['vigil trash list', 'vigil trash list --kind testimony --json'],
  async run(context) {
    const kind = context.string('kind');
    if (kind !== undefined && !(TRASH_KINDS as readonly string[]).includes(kind))
      throw new UsageError(`--kind must be one of ${TRASH_KINDS.join(', ')}.`);
    const vault = await context.openVault();
    const caseRef = context.string('case');
    const entries = await listTrash(vault, {
      ...(kind ? { kind: kind as TrashKind } : {}),
      ...(caseRef !== undefined
        ? { caseId: await caseIdOf(vault, caseRef).catch(() => caseRef) }
        : {}),
    });
    context.output({ entries }, () => table(entries));
  },
};

const trashRestore: Command = {
  name: 'trash restore',
  summary: 'Put a deleted record back as it was, with everything that went with it.',
  positionals: [
    { name: 'ID', description: 'the trash entry, or the id of the record deleted', required: true },
  ],
  examples: ['vigil trash restore 9a0c…', 'vigil trash restore 9a0c… --json'],
  details: `All or nothing. A record that needs another one still in the trash (an event its case, a
testimony its witness) is refused, naming what to restore first. Its links to records still in
the trash (a person's roles in a trashed case) wait in that record's entry and come back when it
is restored; they are listed. Links to records destroyed meanwhile (the trash was emptied) are
left out and listed. A case whose reference was given
to another case comes back under the next free reference.`,
  async run(context) {
    const vault = await context.openVault();
    const result = await restoreTrashEntry(vault, context.positionals[0]!);
    if (result.referenceChanged)
      context.warn(
        `the reference ${result.referenceChanged.from} is used by another case; this case is now ${result.referenceChanged.to}.`,
      );
    for (const dropped of result.dropped)
      context.warn(`left out, it no longer exists: ${dropped}.`);
    for (const waiting of result.waiting)
      context.warn(
        `its links to the ${waiting.kind} "${waiting.label}" come back when that is restored (vigil trash restore ${waiting.entry}).`,
      );
    context.output(
      {
        id: result.entry.recordId,
        kind: result.entry.kind,
        trash: result.entry.id,
        dropped: result.dropped,
        waiting: result.waiting,
        ...(result.referenceChanged ? { reference: result.referenceChanged.to } : {}),
      },
      () => result.entry.recordId,
    );
  },
};

const trashEmpty: Command = {
  name: 'trash empty',
  summary: 'Destroy what is in the trash for good (evidence keys with it), or only older entries.',
  options: {
    'older-than': {
      type: 'string',
      valueName: 'DAYS',
      description: 'only entries deleted more than DAYS days ago',
    },
  },
  examples: ['vigil trash empty', 'vigil trash empty --older-than 30 --json'],
  details: `This cannot be undone: the records are removed, and the evidence files they held are
deleted with their keys (crypto-erasure). Recorded in the audit log.`,
  async run(context) {
    const days = integerOption(context, 'older-than');
    const vault = await context.openVault();
    const result = await emptyTrash(vault, days === undefined ? {} : { olderThanDays: days });
    context.output(
      {
        emptied: result.entries.map((e) => ({ id: e.id, kind: e.kind, recordId: e.recordId })),
        blobs: result.blobs,
      },
      () =>
        result.entries.length === 0
          ? 'Nothing to empty.'
          : `Destroyed ${result.entries.length} ${result.entries.length === 1 ? 'entry' : 'entries'} and ${result.blobs} evidence ${result.blobs === 1 ? 'file' : 'files'}.`,
    );
  },
};

export const trashCommands: Command[] = [trashList, trashRestore, trashEmpty];
