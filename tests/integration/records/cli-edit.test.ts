import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runVigilInProcess, type CliResult } from '../../helpers/cli';
import { newVault, PASSPHRASE } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

// The record commands rebuilt on the shared schemas: every `… edit` takes the
// options of `… add`, a bad value is refused naming the option the user typed
// (exit 1 for a record's fields, which the core refuses too; exit 2 for a
// list's filters, which are usage), and nothing in the vault changes.

let dir: string;
let work: string;

beforeEach(async () => {
  const created = await newVault();
  await created.vault.lock();
  dir = created.dir;
  work = await tempDir();
});

const vigil = (...args: string[]): Promise<CliResult> =>
  runVigilInProcess(['--vault', dir, ...args], { stdin: `${PASSPHRASE}\n` });

function ok(result: CliResult): string {
  expect(result.stderr, result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}
const json = <T = Record<string, unknown>>(result: CliResult): T => JSON.parse(ok(result)) as T;

async function refused(args: string[], code: number, message: RegExp): Promise<void> {
  const result = await vigil(...args);
  expect(result.code, args.join(' ')).toBe(code);
  expect(result.stdout, args.join(' ')).toBe('');
  expect(result.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
  expect(result.stderr, args.join(' ')).toMatch(/^vigil: /);
  expect(result.stderr, args.join(' ')).toMatch(message);
}

/** A case with a person, an event, a testimony and an intervention, named by reference. */
async function seed() {
  const c = json<{ id: string; reference: string }>(
    await vigil(
      'case',
      'add',
      '--title',
      'Detention of a land defender',
      '--reference',
      'UA MEX 7/2025',
      '--json',
    ),
  );
  const p = json<{ id: string }>(
    await vigil(
      'person',
      'add',
      '--case',
      c.reference,
      '--role',
      'victim',
      '--name',
      'Rosa Quispe',
      '--json',
    ),
  );
  const e = json<{ id: string }>(
    await vigil(
      'event',
      'add',
      '--case',
      c.reference,
      '--type',
      'arbitrary-arrest',
      '--date',
      '2025-01-14',
      '--victim',
      p.id,
      '--country',
      'MX',
      '--place',
      'Oaxaca',
      '--json',
    ),
  );
  const statement = join(work, 'statement.txt');
  await writeFile(statement, 'They came at night and took her to the station.\n');
  const t = json<{ id: string }>(
    await vigil(
      'testimony',
      'add',
      '--case',
      c.reference,
      '--text-file',
      statement,
      '--language',
      'es',
      '--json',
    ),
  );
  const i = json<{ id: string }>(
    await vigil(
      'intervention',
      'add',
      '--case',
      c.reference,
      '--type',
      'urgent-appeal',
      '--recipient',
      'SR HRD',
      '--sent',
      '2025-01-20',
      '--json',
    ),
  );
  return { c, p, e, t, i };
}

describe('record edit commands', () => {
  it('change only the options given and say what changed', async () => {
    const { c, p, e, t, i } = await seed();

    expect(
      ok(await vigil('event', 'edit', e.id, '--date', '2025-01-13', '--place', 'Oaxaca de Juárez')),
    ).toBe(`${e.id}\nChanged: start, location.\n`);
    const event = json<{ start: unknown; location: Record<string, unknown>; victims: string[] }>(
      await vigil('event', 'edit', e.id, '--forces', 'State police', '--json'),
    );
    // --place changed only the place: the country given at add stays.
    expect(event.location).toMatchObject({ country: 'MX', place: 'Oaxaca de Juárez' });
    expect(event.victims).toEqual([p.id]);
    expect(ok(await vigil('event', 'edit', e.id, '--date', '2025-01-13'))).toBe(
      `${e.id}\nNothing changed.\n`,
    );
    expect(
      json<{ victims: string[] }>(await vigil('event', 'edit', e.id, '--clear-victims', '--json'))
        .victims,
    ).toEqual([]);

    const corrected = join(work, 'corrected.txt');
    await writeFile(corrected, 'They came at night and took her to the police station.\n');
    const edited = json<{
      statementBytes: number;
      place: string;
      consent: Record<string, unknown>;
    }>(
      await vigil(
        'testimony',
        'edit',
        t.id,
        '--text-file',
        corrected,
        '--place',
        'Mexico City',
        '--consent-scope',
        'named-mechanisms',
        '--consent-mechanisms',
        'wgad',
        '--consent-naming',
        'initials',
        '--json',
      ),
    );
    expect(edited.statementBytes).toBe(
      Buffer.byteLength('They came at night and took her to the police station.\n'),
    );
    expect(edited.consent).toMatchObject({
      scope: 'named-mechanisms',
      mechanisms: ['wgad'],
      naming: 'initials',
    });
    // A later consent option changes its part only; the rest of the record stays.
    const narrowed = json<{ consent: Record<string, unknown>; place: string }>(
      await vigil('testimony', 'edit', t.id, '--consent-naming', 'none', '--json'),
    );
    expect(narrowed.consent).toMatchObject({
      scope: 'named-mechanisms',
      mechanisms: ['wgad'],
      naming: 'none',
    });
    expect(narrowed.place).toBe('Mexico City');
    expect(ok(await vigil('testimony', 'show', t.id))).toContain('police station');

    expect(
      ok(
        await vigil(
          'intervention',
          'edit',
          i.id,
          '--reference',
          'UA MEX 7/2025',
          '--follow-up',
          '2025-03-21',
        ),
      ),
    ).toBe(`${i.id}\nChanged: reference, followUpOn.\n`);
    expect(
      json<{ followUpOn: unknown; recipient: string }>(
        await vigil('intervention', 'edit', i.id, '--follow-up', '', '--json'),
      ),
    ).toMatchObject({ followUpOn: null, recipient: 'SR HRD' });

    const person = json<{ name: string; aliases: string[]; contact: Record<string, unknown> }>(
      await vigil(
        'person',
        'edit',
        p.id,
        '--alias',
        'R. Quispe',
        '--alias',
        'Rosa Q.',
        '--phone',
        '+52 1',
        '--json',
      ),
    );
    expect(person.aliases).toEqual(['R. Quispe', 'Rosa Q.']);
    expect(
      json<{ contact: Record<string, unknown> }>(
        await vigil('person', 'edit', p.id, '--email', 'r@example.org', '--json'),
      ).contact,
    ).toMatchObject({ phone: '+52 1', email: 'r@example.org' });

    expect(
      ok(
        await vigil(
          'case',
          'edit',
          c.reference,
          '--summary',
          'Arrested at a checkpoint.',
          '--tag',
          'wgad,urgent',
        ),
      ),
    ).toBe(`${c.id}\nChanged: summary, tags.\n`);
  });

  it('run the README forms as written', async () => {
    const { c, e, t, i } = await seed();
    const corrected = join(work, 'corrected.txt');
    await writeFile(corrected, 'Corrected statement.\n');
    ok(await vigil('event', 'edit', e.id, '--date', '2024-03-14', '--place', ''));
    ok(
      await vigil(
        'testimony',
        'edit',
        t.id,
        '--text-file',
        corrected,
        '--consent-naming',
        'initials',
      ),
    );
    ok(
      await vigil(
        'intervention',
        'edit',
        i.id,
        '--reference',
        'UA EGY 4/2024',
        '--follow-up',
        '2024-05-19',
      ),
    );
    const byReference = json<{ id: string; reference: string }>(
      await vigil('case', 'add', '--title', 'Second', '--json'),
    );
    expect(
      json<{ id: string; status: string; countries: string[] }>(
        await vigil(
          'case',
          'edit',
          byReference.reference,
          '--status',
          'submitted',
          '--country',
          'EG',
          '--country',
          'SD',
          '--json',
        ),
      ),
    ).toMatchObject({ id: byReference.id, status: 'submitted', countries: ['EG', 'SD'] });
    expect(
      json<{ location: { place: string } }>(
        await vigil('event', 'edit', e.id, '--place', 'x', '--json'),
      ).location.place,
    ).toBe('x');
    expect(c.reference).toBe('UA MEX 7/2025');
  });

  it('refuse bad input naming the option, and change nothing', async () => {
    const { c, p, e, t, i } = await seed();
    const missing = '00000000-0000-4000-8000-000000000000';
    const other = json<{ id: string }>(await vigil('case', 'add', '--title', 'Other', '--json'));
    const foreignEvent = json<{ id: string }>(
      await vigil('event', 'add', '--case', other.id, '--type', 'torture', '--json'),
    );
    const before = ok(await vigil('case', 'export-json', c.id));
    const cases: [string[], number, RegExp][] = [
      [
        ['event', 'edit', e.id, '--date', '2025-02-30'],
        1,
        /--date: 2025-02-30 is not a date: February 2025 has 28 days/,
      ],
      [['event', 'edit', e.id, '--end-date', '2024-12-01'], 1, /--end-date.*before the start/],
      [
        ['event', 'edit', e.id, '--type', 'tortue'],
        1,
        /"tortue" is not a term of the event-type vocabulary/,
      ],
      [['event', 'edit', e.id, '--lat', 'north'], 2, /--lat takes a number, not "north"/],
      [['event', 'edit', e.id, '--link', `${foreignEvent.id}:led-to`], 1, /case|not/i],
      [['event', 'edit', missing, '--date', '2025'], 1, /no event with the id/i],
      [['event', 'edit', 'not-an-id', '--date', '2025'], 1, /not-an-id/],
      [['event', 'edit', e.id], 2, /nothing to change/],
      [
        ['event', 'edit', e.id, '--ongoing', '--no-ongoing'],
        2,
        /give --ongoing or --no-ongoing, not both/,
      ],
      [['testimony', 'edit', t.id, '--date', '2031-13'], 1, /--date/],
      [['testimony', 'edit', t.id, '--witness', missing], 1, /person|witness/i],
      [['testimony', 'edit', t.id, '--consent-scope', 'everyone'], 1, /--consent-scope/],
      [['testimony', 'edit', t.id, '--text-file', join(work, 'missing.txt')], 1, /no such file/],
      [['intervention', 'edit', i.id, '--follow-up', 'soon'], 1, /--follow-up/],
      [['intervention', 'edit', i.id, '--type', 'postcard'], 1, /"postcard" is not a term/],
      [['person', 'edit', p.id, '--age', 'thirty'], 2, /--age takes a whole number, not "thirty"/],
      [['person', 'edit', p.id, '--nationality', 'XX'], 1, /--nationality "XX"/],
      [['person', 'edit', p.id, '--name', ''], 1, /--name/],
      [
        ['person', 'edit', p.id, '--id-document', 'number=1'],
        2,
        /--id-document starts with the document type/,
      ],
      [['case', 'edit', c.reference, '--title', ''], 1, /--title/],
      [['case', 'edit', c.reference, '--country', 'Mexico'], 1, /--country "Mexico"/],
      [
        ['case', 'edit', 'VIG-1999-0001', '--title', 'x'],
        1,
        /no case with the id or reference "VIG-1999-0001"/,
      ],
      [
        ['case', 'edit', c.reference, '--reference', 'x', '--clear-tags', '--tag', 'y'],
        2,
        /not both/,
      ],
    ];
    for (const [args, code, message] of cases) await refused(args, code, message);
    expect(ok(await vigil('case', 'export-json', c.id))).toBe(before);
  });

  it('refuse bad list filters as usage errors (exit 2) naming the option', async () => {
    const { c } = await seed();
    const cases: [string[], RegExp][] = [
      [['intervention', 'list', '--follow-up-by', '2025-03'], /--follow-up-by/],
      [['case', 'list', '--limit', '0'], /--limit/],
      [['case', 'list', '--limit', 'ten'], /--limit takes a whole number/],
      [['case', 'list', '--asc', '--desc'], /not both/],
      [['event', 'list', '--offset=-1'], /--offset/],
      [['person', 'list', '--case', c.reference, '--role', 'Victim!'], /--role/],
      [['search', 'x', '--lang', 'de'], /--lang/],
      [['vocab', 'list', '--lang', 'klingon'], /--lang/],
      [['search', 'x', '--from', '2025-13'], /--from/],
    ];
    for (const [args, message] of cases) await refused(args, 2, message);
  });

  it('take --case by id or by reference in every command that has it', async () => {
    const { c, e } = await seed();
    const photo = join(work, 'note.txt');
    await writeFile(photo, 'a note from the family\n');
    // Each command once, the forms in turn: the id, the reference, the reference in other case.
    const forms = [c.id, c.reference, c.reference.toLowerCase()];
    let turn = 0;
    const named = () => forms[turn++ % forms.length]!;
    {
      expect(
        json<{ events: { id: string }[] }>(
          await vigil('event', 'list', '--case', named(), '--json'),
        ).events.map((x) => x.id),
      ).toEqual([e.id]);
      expect(
        json<{ persons: unknown[] }>(await vigil('person', 'list', '--case', named(), '--json'))
          .persons,
      ).toHaveLength(1);
      expect(
        json<{ testimonies: unknown[] }>(
          await vigil('testimony', 'list', '--case', named(), '--json'),
        ).testimonies,
      ).toHaveLength(1);
      expect(
        json<{ interventions: unknown[] }>(
          await vigil('intervention', 'list', '--case', named(), '--json'),
        ).interventions,
      ).toHaveLength(1);
      expect(
        json<{ entries: unknown[] }>(await vigil('timeline', '--case', named(), '--json')).entries
          .length,
      ).toBeGreaterThan(0);
      expect(
        json<{ hits?: unknown[] }>(await vigil('search', 'Quispe', '--case', named(), '--json')),
      ).toBeTruthy();
      ok(await vigil('submission', 'show', '--case', named(), '--json'));
      ok(await vigil('case', 'show', named(), '--json'));
      // No key signs dossiers in this vault yet: the check says so about the case named (exit 3).
      const check = await vigil(
        'export',
        '--case',
        named(),
        '--template',
        'generic',
        '--check',
        '--json',
      );
      expect(check.stderr).toBe('');
      expect(check.code).toBe(3);
      expect((JSON.parse(check.stdout) as { signingKey: boolean }).signingKey).toBe(false);
      ok(await vigil('release', 'show', '--case', named(), '--for', 'wgad', '--json'));
    }
    const added = json<{ id: string }[]>(
      await vigil('evidence', 'add', '--case', c.reference, photo, '--json'),
    );
    expect(added).toHaveLength(1);
    expect(
      json<{ id: string }[]>(await vigil('evidence', 'list', '--case', c.reference, '--json')).map(
        (x) => x.id,
      ),
    ).toContain(added[0]!.id);
    const args = join(work, 'args.json');
    await writeFile(args, ok(await vigil('submission', 'show', '--case', c.reference)));
    ok(await vigil('submission', 'set', '--case', c.reference, '--file', args, '--json'));
    for (const command of [
      ['event', 'list', '--case', 'VIG-1999-0001'],
      ['evidence', 'list', '--case', 'VIG-1999-0001'],
      ['submission', 'show', '--case', 'VIG-1999-0001'],
      ['export', '--case', 'VIG-1999-0001', '--check'],
      ['release', 'show', '--case', 'VIG-1999-0001', '--for', 'wgad'],
    ])
      await refused(command, 1, /no case with the id or reference "VIG-1999-0001"/);
  });
});
