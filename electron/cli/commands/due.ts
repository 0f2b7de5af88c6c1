import type { Command } from '../command';
import { integerOption } from '../parse';
import { listDue } from '../../core/records';
import { deadlineRule, type DueItem } from '../../../shared/deadlines';

function label(item: DueItem): string {
  if (item.kind === 'rule') {
    const rule = deadlineRule(item.rule ?? '');
    return `${rule?.labels.en ?? item.rule} — from ${item.from}${item.approximate ? ' (approximate)' : ''}`;
  }
  return 'Follow-up date of an intervention';
}

function when(item: DueItem): string {
  if (item.daysLeft === 0) return 'today';
  if (item.overdue) return `${-item.daysLeft} day(s) overdue`;
  return `in ${item.daysLeft} day(s)`;
}

const due: Command = {
  name: 'due',
  access: 'read',
  summary: 'List every follow-up and procedural deadline across cases, overdue first.',
  options: {
    within: {
      type: 'string',
      valueName: 'DAYS',
      description: 'only what is due within DAYS days from today (overdue included)',
    },
    overdue: { type: 'boolean', description: 'only what is overdue' },
  },
  examples: ['vigil due --vault ./vault', 'vigil due --within 14', 'vigil due --overdue --json'],
  details: `Shown: the follow-up dates typed on interventions (--follow-up), and the deadlines the
procedures set, computed from the records (the table in shared/deadlines.ts):
  WGAD: the government's reply, 60 days from the date a communication to the WGAD was sent
    (until a response date, or the status response-received, decision-issued or closed);
  European Court: 4 months, and Inter-American Commission: 6 months, from an event of type
    final-domestic-decision (until an intervention to that body is sent; only for cases in its
    member states, or with no country recorded).
Months are calendar months: the same day N months later, or that month's last day if shorter.
A trigger date must be a full day (2025-10-31, or ~2025-10-31 for an approximate one).`,
  async run(context) {
    const withinDays = integerOption(context, 'within');
    const vault = await context.openVault();
    const items = await listDue(vault, { withinDays, overdueOnly: context.flag('overdue') });
    context.output(
      items.map((item) => ({ ...item, label: label(item) })),
      () =>
        items.length === 0
          ? 'Nothing due.'
          : items
              .map(
                (item) =>
                  `${item.overdue ? 'OVERDUE ' : '        '}${item.dueOn}  ${when(item).padEnd(18)}  ${item.caseReference}  ${item.caseTitle}\n          ${label(item)}`,
              )
              .join('\n'),
    );
  },
};

export const dueCommands: Command[] = [due];
