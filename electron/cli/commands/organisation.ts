import type { Organisation } from '../../../shared/domain/organisation';
import { UsageError, type Command } from '../command';
import { getOrganisation, updateOrganisation } from '../../core/records';
import { organisationUpdateSchema } from '../../../shared/domain/organisation';
import { checkRecord, inputFrom, naming, text, type FieldOptions } from './records/fields';
import { specs } from './records/common';

// `vigil org show|set`: the organisation that submits the vault's communications.

function describe(org: Organisation): string {
  const line = (label: string, value: string) =>
    `${label.padEnd(9)}${value ? value.replace(/\n/g, `\n${' '.repeat(9)}`) : '(not set)'}`;
  return [
    line('name', org.name),
    line('address', org.address),
    line('e-mail', org.email),
    line('phone', org.phone),
  ].join('\n');
}

const orgShow: Command = {
  name: 'org show',
  summary: 'Show the organisation profile: the submitter of every communication (WGAD part VI).',
  examples: ['vigil org show', 'vigil org show --json'],
  async run(context) {
    const vault = await context.openVault();
    const org = await getOrganisation(vault);
    context.output(org, () => describe(org));
  },
};

const ORGANISATION_FIELDS: FieldOptions = {
  name: text('name', 'TEXT', "the organisation's full name"),
  address: text(
    'address',
    'TEXT',
    'its postal address (use \\n or a quoted newline for several lines)',
    {
      value: (raw) => raw.replace(/\\n/g, '\n'),
    },
  ),
  email: text('email', 'ADDRESS', 'its e-mail address for the mechanisms, e.g. cases@example.org'),
  phone: text('phone', 'NUMBER', 'its telephone number, e.g. "+41 22 917 90 00"'),
};

const orgSet: Command = {
  name: 'org set',
  summary:
    "Set the organisation's name, address, e-mail and telephone (only the options given change).",
  options: specs(ORGANISATION_FIELDS),
  examples: [
    'vigil org set --name "Defenders Watch" --address "PO Box 1, 1211 Geneva" --email cases@defenders.example --phone "+41 22 000 00 00"',
    'vigil org set --phone ""',
  ],
  details: `These are the organisation's own contact details, printed as they are in part VI of every
WGAD communication and carried in partner bundles. They are not a person's private fields and are
never withheld. An empty value clears a field. Every change is recorded in the audit log.`,
  async run(context) {
    const input = await inputFrom(context, ORGANISATION_FIELDS, 'edit');
    if (Object.keys(input.value).length === 0)
      throw new UsageError('give at least one of --name, --address, --email, --phone.');
    const patch = checkRecord(organisationUpdateSchema, input, 'organisation');
    const vault = await context.openVault();
    const org = await naming(input, () => updateOrganisation(vault, patch));
    context.output(org, () => describe(org));
  },
};

export const organisationCommands: Command[] = [orgShow, orgSet];
