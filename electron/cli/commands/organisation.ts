import type { Organisation } from '../../../shared/domain/organisation';
import { UsageError, type Command } from '../command';
import { getOrganisation, updateOrganisation } from '../../core/records';
import { defined, str } from './recordsOptions';

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

const orgSet: Command = {
  name: 'org set',
  summary:
    "Set the organisation's name, address, e-mail and telephone (only the options given change).",
  options: {
    name: str('TEXT', "the organisation's full name"),
    address: str('TEXT', 'its postal address (use \\n or a quoted newline for several lines)'),
    email: str('ADDRESS', 'its e-mail address for the mechanisms, e.g. cases@example.org'),
    phone: str('NUMBER', 'its telephone number, e.g. "+41 22 917 90 00"'),
  },
  examples: [
    'vigil org set --name "Defenders Watch" --address "PO Box 1, 1211 Geneva" --email cases@defenders.example --phone "+41 22 000 00 00"',
    'vigil org set --phone ""',
  ],
  details: `These are the organisation's own contact details, printed as they are in part VI of every
WGAD communication and carried in partner bundles. They are not a person's private fields and are
never withheld. An empty value clears a field. Every change is recorded in the audit log.`,
  async run(context) {
    const patch = defined({
      name: context.string('name'),
      address: context.string('address')?.replace(/\\n/g, '\n'),
      email: context.string('email'),
      phone: context.string('phone'),
    });
    if (Object.keys(patch).length === 0)
      throw new UsageError('give at least one of --name, --address, --email, --phone.');
    const vault = await context.openVault();
    const org = await updateOrganisation(vault, patch);
    context.output(org, () => describe(org));
  },
};

export const organisationCommands: Command[] = [orgShow, orgSet];
