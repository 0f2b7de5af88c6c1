import type { Command, OptionSpec } from './command';

function optionLines(specs: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`;
    const more = `${spec.multiple ? ' (repeatable)' : ''}${spec.required ? ' (required)' : ''}`;
    return [flag, `${spec.description}${more}`] as const;
  });
  const width = Math.max(0, ...rows.map(([flag]) => flag.length));
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`);
}

export function usageLine(command: Command): string {
  const required = Object.entries(command.options ?? {})
    .filter(([, s]) => s.required)
    .map(([n, s]) => `--${n}${s.type === 'string' ? ` ${s.valueName ?? 'VALUE'}` : ''}`);
  const positionals = (command.positionals ?? []).map((p) => {
    const word = `${p.name}${p.variadic ? '…' : ''}`;
    return p.required ? word : `[${word}]`;
  });
  return ['vigil', command.name, ...required, '[options]', ...positionals].join(' ');
}

export function commandHelp(command: Command, globals: Record<string, OptionSpec>): string {
  const lines = [`Usage: ${usageLine(command)}`, '', command.summary, ''];
  if (command.positionals?.length) {
    lines.push('Arguments:');
    const width = Math.max(...command.positionals.map((p) => p.name.length));
    for (const p of command.positionals) lines.push(`  ${p.name.padEnd(width)}  ${p.description}`);
    lines.push('');
  }
  if (command.options && Object.keys(command.options).length > 0) {
    lines.push('Options:', ...optionLines(command.options), '');
  }
  lines.push('Global options:', ...optionLines(globals), '');
  if (command.details) lines.push(command.details.trim(), '');
  if (command.examples?.length)
    lines.push('Examples:', ...command.examples.map((e) => `  ${e}`), '');
  return `${lines.join('\n')}\n`;
}

function commandTable(commands: readonly Command[]): string[] {
  const width = Math.max(...commands.map((c) => c.name.length));
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
}

export function mainHelp(
  commands: readonly Command[],
  globals: Record<string, OptionSpec>,
): string {
  return [
    'vigil: the command line of Vigil, an encrypted case vault for human-rights documentation.',
    '',
    'Usage: vigil [global options] COMMAND [options]',
    '',
    'Commands:',
    ...commandTable(commands),
    '',
    'Global options:',
    ...optionLines(globals),
    '',
    'Passphrases are read from --passphrase-file FILE, else from the first line of stdin when it',
    'is not a terminal, else from a hidden prompt; never from arguments or the environment.',
    '',
    'Exit codes: 0 success, 1 error, 2 usage error, 3 verification or integrity failure,',
    '4 the vault cannot be unlocked (wrong passphrase or recovery key, damaged header).',
    '',
    'Run "vigil COMMAND --help" for the options of a command.',
    '',
  ].join('\n');
}

export function groupHelp(group: string, commands: readonly Command[]): string {
  const members = commands.filter((c) => c.name.startsWith(`${group} `));
  return (
    [
      `Usage: vigil ${group} SUBCOMMAND [options]`,
      '',
      'Subcommands:',
      ...commandTable(members),
      '',
    ].join('\n') + '\n'
  );
}
