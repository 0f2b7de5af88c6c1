import { readFile } from 'node:fs/promises';
import { parseAudience } from '../../../shared/domain/audience';
import type {
  ReleaseChangeView,
  ReleaseRecordView,
  ReleaseReview,
  ReleaseSettled,
} from '../../../shared/release';
import { UsageError, type Command, type CommandContext } from '../command';
import { approveRelease, editRelease, reviewRelease } from '../../core/dossier';
import { caseIdFrom, caseOption } from '../caseOption';
import type { Vault } from '../../core';

/**
 * vigil release show / approve / edit: the release review of a case's free
 * texts for one audience, from the terminal. Everything goes through the same
 * core functions as the desktop app's export wizard.
 */

const REASONS: Record<string, string> = {
  'lower-case': 'written in small letters',
  'common-word': 'also an ordinary word',
  'used-as-word': 'the same word is used in small letters in this text',
  'shared-name': 'also part of the name of someone who is named',
  short: 'a name part of two letters',
  article: 'with the Arabic article added',
  'name-part': 'a Chinese or Japanese name part written alone',
};

const common = {
  case: caseOption(),
  for: {
    type: 'string',
    valueName: 'AUDIENCE',
    description: 'a mechanism term (wgad, iachr…), partners or public: the audience of the export',
    required: true,
  },
} as const;

const recordOption = {
  type: 'string',
  valueName: 'ID',
  description: 'the record (as release show names it)',
  required: true,
} as const;

async function target(
  context: CommandContext,
): Promise<{ vault: Vault; caseId: string; audience: string }> {
  const value = context.requireString('for');
  const audience = parseAudience(value);
  if ('error' in audience) throw new UsageError(`--for ${audience.error}`);
  const vault = await context.openVault();
  return { vault, caseId: await caseIdFrom(vault, context), audience: value.trim() };
}

function changeLine(change: ReleaseChangeView): string {
  const decision = change.decision
    ? change.decision.decision === 'accept'
      ? 'replaced (decided)'
      : change.decision.decision === 'reject'
        ? 'KEPT as an ordinary word'
        : `replaced by "${change.decision.text}"`
    : change.certain
      ? ''
      : 'UNDECIDED';
  const why = change.certain
    ? `name of ${change.person.name}`
    : `AMBIGUOUS (${change.reasons.map((r) => REASONS[r] ?? r).join('; ')}), name of ${change.person.name}?`;
  return `    #${change.n}  "${change.original}" => "${change.replacement}"  ${why}${decision ? `  ${decision}` : ''}`;
}

/** The source with each change marked in place: {#2? said => the witness}. */
function marked(source: string, changes: readonly ReleaseChangeView[]): string {
  let out = '';
  let at = 0;
  for (const c of changes) {
    out += source.slice(at, c.start);
    const flag = c.certain ? '' : c.decision ? (c.decision.decision === 'reject' ? '-' : '+') : '?';
    out += `{#${c.n}${flag} ${c.original} => ${c.decision?.decision === 'edit' ? c.decision.text : c.replacement}}`;
    at = c.end;
  }
  return out + source.slice(at);
}

const indent = (text: string, by: string) => text.replace(/^/gmu, by);

function describeRecord(record: ReleaseRecordView): string {
  const lines = [`${record.kind} ${record.id}${record.title ? ` (${record.title})` : ''}`];
  for (const field of record.fields) {
    const changes = record.changes.filter((c) => c.field === field.path);
    const approval = field.approval
      ? `, version ${field.approval.version} by ${field.approval.actor} on ${field.approval.at}`
      : '';
    lines.push(
      `  ${field.path} [${field.language}]: ${field.status}${approval}${field.leaves ? '' : ' (leaves only with --include-private)'}`,
    );
    if (field.problem) lines.push(`    ${field.problem}`);
    lines.push(...changes.map(changeLine));
    lines.push('    proposed:', indent(marked(field.source, changes), '      '));
    if (field.release !== field.source) lines.push('    release:', indent(field.release, '      '));
  }
  return lines.join('\n');
}

function describeReview(review: ReleaseReview): string {
  if (review.records.length === 0)
    return `No text of this case going to ${review.audience} mentions a person who may not be named.`;
  const lines = [
    `Release review for ${review.audience}: ${review.records.length} record(s) mention a person who may not be named. {#N => …} is a change that will be made, {#N? …} waits for a decision, {#N- …} was kept, {#N+ …} was replaced by decision.`,
    '',
    ...review.records.map(describeRecord).flatMap((r) => [r, '']),
  ];
  if (review.issues.length === 0) lines.push('Nothing waits for a decision: an export may go on.');
  else {
    lines.push(
      `${review.issues.length} text(s) must be settled before an export to ${review.audience}:`,
    );
    for (const issue of review.issues) {
      lines.push(
        `  ${issue.recordKind} ${issue.recordId} (${issue.field}): ${issue.status === 'stale' ? (issue.problem ?? 'approval no longer holds') : `changes ${issue.changes.join(', ')} undecided`}`,
      );
      for (const command of issue.commands) lines.push(`    ${command}`);
    }
  }
  return lines.join('\n');
}

function describeSettled(settled: ReleaseSettled): string {
  const lines = [describeRecord(settled.record), ''];
  if (settled.kept.length > 0)
    lines.push(`Kept as ordinary words: ${settled.kept.map((w) => `"${w}"`).join(', ')}.`);
  lines.push(
    settled.approved
      ? 'Approved: every later export to this audience uses this release version until the text changes.'
      : `Saved. Changes ${settled.undecided.join(', ')} still wait for a decision (--accept N or --reject N).`,
  );
  return lines.join('\n');
}

function numbers(context: CommandContext, name: string): number[] {
  return context.strings(name).map((value) => {
    if (!/^[1-9]\d{0,5}$/u.test(value))
      throw new UsageError(
        `--${name} takes a change number as vigil release show prints it, not "${value}".`,
      );
    return Number(value);
  });
}

const show: Command = {
  name: 'release show',
  summary:
    'Show the release version of every text of a case that mentions a person who may not be named in an export to AUDIENCE, with its proposed changes.',
  options: {
    ...common,
    record: { type: 'string', valueName: 'ID', description: 'only this record' },
  },
  examples: [
    'vigil release show --case VIG-2026-0001 --for wgad',
    'vigil release show --case VIG-2026-0001 --for public --record 5b1c… --json',
  ],
  details: `Each text is printed with its changes marked in place. A change is certain (a name: it is
always replaced) or ambiguous (a word that may be a name or an ordinary word, such as "said" for
Said or "Вера" for Vera): an ambiguous change waits for a decision, and an export to the audience
stops until every one is decided. Replacements follow consent: initials, the pseudonym, or a
neutral description of the person's role in the language of the text ("a witness",
"свидетельницу", "أحد الشهود"). --json prints {caseId, audience, records, issues}.`,
  async run(context) {
    const { vault, caseId, audience } = await target(context);
    const review = await reviewRelease(vault, caseId, audience, context.string('record'));
    context.output(review, () => describeReview(review));
  },
};

const approve: Command = {
  name: 'release approve',
  summary: "Decide on a record's proposed changes and approve its release version for AUDIENCE.",
  options: {
    ...common,
    record: recordOption,
    accept: {
      type: 'string',
      multiple: true,
      valueName: 'N',
      description: 'replace the words of ambiguous change N (repeatable)',
    },
    reject: {
      type: 'string',
      multiple: true,
      valueName: 'N',
      description:
        'keep the words of ambiguous change N as written: they are an ordinary word (repeatable)',
    },
  },
  examples: [
    'vigil release approve --case VIG-2026-0001 --for wgad --record 5b1c… --reject 2 --reject 4',
    'vigil release approve --case VIG-2026-0001 --for wgad --record 5b1c… --accept 3',
  ],
  details: `Certain changes are always made. Each ambiguous change is accepted (replaced) or rejected
(kept); decisions are saved even when some remain open, and the record's release version is
approved once none is left. It is stored in the vault with who and when, in the audit log, and
used by every later export to this audience until the source text changes. A name that is
certainly a name cannot be kept: use vigil release edit to write other words.`,
  async run(context) {
    const { vault, caseId, audience } = await target(context);
    const accept = numbers(context, 'accept');
    const reject = numbers(context, 'reject');
    const both = accept.filter((n) => reject.includes(n));
    if (both.length > 0) throw new UsageError(`Change ${both[0]} is both accepted and rejected.`);
    const settled = await approveRelease(vault, {
      caseId,
      audience,
      recordId: context.requireString('record'),
      decisions: [
        ...accept.map((change) => ({ change, decision: { decision: 'accept' as const } })),
        ...reject.map((change) => ({ change, decision: { decision: 'reject' as const } })),
      ],
    });
    context.output(settled, () => describeSettled(settled));
  },
};

const edit: Command = {
  name: 'release edit',
  summary:
    'Write the replacement of one change, or a whole text, of a release version for AUDIENCE.',
  options: {
    ...common,
    record: recordOption,
    change: {
      type: 'string',
      valueName: 'N',
      description: 'the change whose replacement to write',
    },
    replacement: {
      type: 'string',
      valueName: 'TEXT',
      description: 'the words that replace change N',
    },
    field: {
      type: 'string',
      valueName: 'PATH',
      description:
        'the text of the record to replace whole (e.g. statement; default: its only text)',
    },
    'text-file': {
      type: 'string',
      valueName: 'FILE',
      description: 'a UTF-8 file holding the whole release text of the field',
    },
  },
  examples: [
    'vigil release edit --case VIG-2026-0001 --for wgad --record 5b1c… --change 3 --replacement "her colleague"',
    'vigil release edit --case VIG-2026-0001 --for public --record 5b1c… --field statement --text-file statement.txt',
  ],
  details: `With --change and --replacement, the replacement of that change is yours (and the record is
approved if nothing else is open). With --text-file, the whole text is yours: it may not hold a
name of a person who may not be named (it is refused, and nothing is saved), and the ambiguous words
it holds are kept as you wrote them. Either way a new version is stored, with who and when.`,
  async run(context) {
    const { vault, caseId, audience } = await target(context);
    const recordId = context.requireString('record');
    const change = context.string('change');
    const replacement = context.string('replacement');
    const file = context.string('text-file');
    if ((change === undefined) !== (replacement === undefined))
      throw new UsageError('--change and --replacement go together.');
    if ((change === undefined) === (file === undefined))
      throw new UsageError('Give either --change N --replacement TEXT, or --text-file FILE.');
    let settled: ReleaseSettled;
    if (change !== undefined) {
      if (context.string('field') !== undefined)
        throw new UsageError('--field goes with --text-file, not with --change.');
      const [n] = numbers(context, 'change');
      settled = await approveRelease(vault, {
        caseId,
        audience,
        recordId,
        decisions: [{ change: n!, decision: { decision: 'edit', text: replacement! } }],
      });
    } else {
      let text: string;
      try {
        text = await readFile(file!, 'utf8');
      } catch (error) {
        throw new UsageError(
          `cannot read --text-file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
        );
      }
      let field = context.string('field');
      if (field === undefined) {
        const review = await reviewRelease(vault, caseId, audience, recordId);
        const fields = review.records[0]!.fields.map((f) => f.path);
        if (fields.length !== 1)
          throw new UsageError(
            `The record has several texts (${fields.join(', ')}): say which with --field.`,
          );
        field = fields[0]!;
      }
      settled = await editRelease(vault, {
        caseId,
        audience,
        recordId,
        field,
        text: text.replace(/\n$/u, ''),
      });
    }
    context.output(settled, () => describeSettled(settled));
  },
};

export const releaseCommands: readonly Command[] = [show, approve, edit];
