import type { Command } from '../../command';
import { UsageError } from '../../command';
import {
  consentHistory,
  getPerson,
  getTestimony,
  getVersion,
  listVersions,
  restorePersonVersion,
  restoreTestimonyVersion,
  sealTestimony,
  type ConsentHistoryEntry,
  type UpdateOptions,
  type VersionedKind,
  type VersionSummary,
} from '../../../core/records';
import { changedLine } from './common';
import type { Vault } from '../../../core';
import * as format from './format';
import type { PersonRecord } from '../../../../shared/domain/person';
import type { TestimonyRecord } from '../../../../shared/domain/testimony';

// `vigil testimony versions|version|restore-version|seal` and
// `vigil person versions|version|restore-version`: every version of a record, kept.

function versionNumber(raw: string): number {
  if (!/^[1-9]\d{0,8}$/.test(raw))
    throw new UsageError(`the version is a whole number from 1, not "${raw}".`);
  return Number(raw);
}

function versionLine(v: VersionSummary): string {
  const at = v.createdAt.slice(0, 16).replace('T', ' ');
  const what =
    v.version === 1 && v.fields.length === 0
      ? 'first version kept'
      : v.fields.length
        ? `changed ${v.fields.join(', ')}`
        : 'created';
  const seal = v.sealed
    ? `  SEALED ${v.sealed.at.slice(0, 10)} by ${v.sealed.by} (sha256 ${v.sealed.sha256})`
    : '';
  return `v${v.version}  ${at}  ${v.actor}  ${what}${seal}`;
}

function versionsCommand(kind: VersionedKind): Command {
  return {
    name: `${kind} versions`,
    summary: `List every version of a ${kind}: who changed which fields, and when.`,
    positionals: [{ name: 'ID', description: `the ${kind} id`, required: true }],
    examples: [`vigil ${kind} versions 7d4e…`, `vigil ${kind} versions 7d4e… --json`],
    async run(context) {
      const vault = await context.openVault();
      const id = context.positionals[0]!;
      const versions = await listVersions(vault, kind, id);
      context.output({ id, versions }, () =>
        versions.length
          ? versions.map(versionLine).join('\n')
          : `No earlier version of this ${kind} is kept: it was not changed since versions were kept.`,
      );
    },
  };
}

function versionCommand(kind: VersionedKind): Command {
  return {
    name: `${kind} version`,
    summary: `Show one version of a ${kind}, whole.`,
    positionals: [
      { name: 'ID', description: `the ${kind} id`, required: true },
      { name: 'N', description: 'the version number (see versions)', required: true },
    ],
    examples: [`vigil ${kind} version 7d4e… 1`],
    async run(context) {
      const n = versionNumber(context.positionals[1]!);
      const vault = await context.openVault();
      const version = await getVersion<TestimonyRecord & PersonRecord>(
        vault,
        kind,
        context.positionals[0]!,
        n,
      );
      const witness =
        kind === 'testimony' && version.record.witnessId
          ? await getPerson(vault, version.record.witnessId).then(
              (p) => p.name,
              () => null,
            )
          : null;
      context.output(version, () =>
        kind === 'person'
          ? `${versionLine(version)}\n\n${format.personDetail(version.record, [])}`
          : `${versionLine(version)}\n\n${format.testimonyDetail(version.record, witness)}`,
      );
    },
  };
}

const RESTORE: Record<
  VersionedKind,
  (vault: Vault, id: string, n: number, options: UpdateOptions) => Promise<{ id: string }>
> = { testimony: restoreTestimonyVersion, person: restorePersonVersion };

function restoreVersionCommand(kind: VersionedKind): Command {
  return {
    name: `${kind} restore-version`,
    summary: `Make an earlier version of a ${kind} the current one again (as a new version).`,
    positionals: [
      { name: 'ID', description: `the ${kind} id`, required: true },
      { name: 'N', description: 'the version to restore', required: true },
    ],
    examples: [`vigil ${kind} restore-version 7d4e… 2`],
    details: `Nothing is overwritten: the versions in between stay, and the restore is a version of its own,
checked as any edit is and recorded in the audit log. A consent record it brings back shows in
\`vigil ${kind} consent-history\`.`,
    async run(context) {
      const n = versionNumber(context.positionals[1]!);
      const vault = await context.openVault();
      let changed: readonly string[] = [];
      const record = await RESTORE[kind](vault, context.positionals[0]!, n, {
        onChange: (fields) => (changed = fields),
      });
      // The texts of a testimony stay out of the summary, as after an edit.
      const { statement: _s, translation: _t, ...summary } = record as Record<string, unknown>;
      context.output(summary, () => changedLine(record.id, changed));
    },
  };
}

const testimonySeal: Command = {
  name: 'testimony seal',
  summary:
    'Seal the current version of a testimony: it never changes again; an edit makes a new version.',
  positionals: [{ name: 'ID', description: 'the testimony id', required: true }],
  examples: ['vigil testimony seal 7d4e…', 'vigil testimony seal 7d4e… --json'],
  details: `The seal records the SHA-256 of the version's content, who sealed it and when, in the
version list and the audit log. The vault refuses any change to a sealed version.`,
  async run(context) {
    const vault = await context.openVault();
    const id = context.positionals[0]!;
    const sealed = await sealTestimony(vault, id);
    context.output(
      { id, ...sealed },
      () => `${id}\nSealed version ${sealed.version} (sha256 ${sealed.sealed!.sha256}).`,
    );
  },
};

function consentLine(e: ConsentHistoryEntry): string {
  const c = e.consent;
  const what = c
    ? [
        c.scope === 'named-mechanisms' ? `named-mechanisms (${c.mechanisms.join(', ')})` : c.scope,
        `naming ${c.naming}`,
      ].join(', ')
    : 'no consent record';
  const at = e.recordedAt.slice(0, 16).replace('T', ' ');
  return `v${e.version}  ${e.change.padEnd(9)}  ${e.on ?? '(no date)'}  ${what}  (recorded ${at} by ${e.actor})`;
}

function consentHistoryCommand(kind: VersionedKind): Command {
  return {
    name: `${kind} consent-history`,
    access: 'read',
    summary: `Every change of a ${kind}'s consent: granted, widened, narrowed, withdrawn, dated.`,
    positionals: [{ name: 'ID', description: `the ${kind} id`, required: true }],
    examples: [`vigil ${kind} consent-history 7d4e…`, `vigil ${kind} consent-history 7d4e… --json`],
    details: `Read from the ${kind}'s versions: each version whose consent differs from the one before.
Widened: it reaches more audiences or names more plainly, and nothing less; narrowed: the reverse;
changed: both, or only its details. The date is the day given (or withdrawn), as recorded.`,
    async run(context) {
      const vault = await context.openVault();
      const id = context.positionals[0]!;
      const changes = await consentHistory(vault, kind, id);
      if (changes.length === 0)
        await (kind === 'person' ? getPerson(vault, id) : getTestimony(vault, id));
      context.output({ id, changes }, () =>
        changes.length
          ? changes.map(consentLine).join('\n')
          : `No change of this ${kind}'s consent is kept: it was not changed since versions were kept.`,
      );
    },
  };
}

export const versionCommands: Command[] = [
  versionsCommand('testimony'),
  versionCommand('testimony'),
  restoreVersionCommand('testimony'),
  testimonySeal,
  consentHistoryCommand('testimony'),
  versionsCommand('person'),
  versionCommand('person'),
  restoreVersionCommand('person'),
  consentHistoryCommand('person'),
];
