import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runVigil, runVigilInProcess, type CliResult } from '../../helpers/cli';
import { newVault, PASSPHRASE } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';
import { COMMANDS } from '../../../electron/cli/commands';
import { caseDocument } from '../../../bench/recordsWorkload';

let dir: string;
let work: string;

beforeEach(async () => {
  const created = await newVault();
  await created.vault.lock();
  dir = created.dir;
  work = await tempDir();
});

/** The real command line in this process (fast); the passphrase comes on stdin, as from a script. */
const vigil = (...args: string[]): Promise<CliResult> =>
  runVigilInProcess(['--vault', dir, ...args], { stdin: `${PASSPHRASE}\n` });
/** The built `vigil` in a child process, exactly as a user or a script runs it. */
const vigilProcess = (...args: string[]): Promise<CliResult> =>
  runVigil(['--vault', dir, ...args], { stdin: `${PASSPHRASE}\n` });

function ok(result: CliResult): string {
  expect(result.stderr, result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}
const json = <T = Record<string, unknown>>(result: CliResult): T => JSON.parse(ok(result)) as T;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('vigil records commands', () => {
  it('run the documented forms as written (built CLI, child processes)', async () => {
    const caseId = ok(await vigilProcess('case', 'add', '--title', 'Arrest of a lawyer')).trim();
    expect(caseId).toMatch(UUID);
    const second = json<{ id: string; reference: string }>(
      await vigilProcess('case', 'add', '--title', 'Second', '--json'),
    );
    expect(second.id).toMatch(UUID);
    expect(second.reference).toMatch(/^VIG-\d{4}-0002$/);

    const personId = ok(
      await vigilProcess(
        'person',
        'add',
        '--case',
        caseId,
        '--name',
        'أمل حسن',
        '--role',
        'victim',
      ),
    ).trim();
    expect(personId).toMatch(UUID);
    const person = json<{ id: string; name: string }>(
      await vigilProcess(
        'person',
        'add',
        '--case',
        caseId,
        '--name',
        'Фёдор Семёнов',
        '--role',
        'witness',
        '--json',
      ),
    );
    expect(person.id).toMatch(UUID);
    expect(person.name).toBe('Фёдор Семёнов');

    const eventId = ok(
      await vigilProcess(
        'event',
        'add',
        '--case',
        caseId,
        '--type',
        'arbitrary-detention',
        '--date',
        '2024-03',
      ),
    ).trim();
    expect(eventId).toMatch(UUID);
    const event = json<{ id: string; start: unknown }>(
      await vigilProcess(
        'event',
        'add',
        '--case',
        caseId,
        '--type',
        'torture',
        '--date',
        '~2024-03-20',
        '--json',
      ),
    );
    expect(event.start).toEqual({ value: '2024-03-20', qualifier: 'approximate' });

    const statement = join(work, 'statement.txt');
    await writeFile(statement, 'They took him from the courthouse at night. Фёдор видел это.\n');
    const testimonyId = ok(
      await vigilProcess('testimony', 'add', '--case', caseId, '--text-file', statement),
    ).trim();
    expect(testimonyId).toMatch(UUID);
    const testimony = json<{ id: string }>(
      await vigilProcess('testimony', 'add', '--case', caseId, '--text-file', statement, '--json'),
    );
    expect(testimony.id).toMatch(UUID);

    const found = json<{ hits: { id: string; kind: string }[] }>(
      await vigilProcess('search', 'Федор', '--json'),
    );
    expect(found.hits.map((h) => h.id).sort()).toEqual(
      [person.id, testimonyId, testimony.id].sort(),
    );
    expect(ok(await vigilProcess('search', 'courthouse'))).toContain(testimonyId);

    const document = ok(await vigilProcess('case', 'export-json', caseId));
    const parsed = JSON.parse(document) as {
      format: string;
      testimonies: unknown[];
      persons: unknown[];
    };
    expect(parsed).toMatchObject({ format: 'vigil-case' });
    expect(parsed.testimonies).toHaveLength(2);
    const file = join(work, 'case.json');
    await writeFile(file, document);
    // Imported next to the original: its reference is taken, so it gets a new one (and says so on stderr).
    const first = await vigilProcess('case', 'import', file);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(
      /^vigil: the reference was already in use here; the case is now VIG-\d{4}-0003\.\n$/,
    );
    const importedId = first.stdout.trim();
    expect(importedId).toMatch(UUID);
    expect(importedId).not.toBe(caseId);
    const again = await vigilProcess('case', 'import', file, '--json');
    expect(again.code).toBe(0);
    const imported = JSON.parse(again.stdout) as { id: string; created: Record<string, number> };
    expect(imported.created).toEqual({
      cases: 1,
      persons: 2,
      events: 2,
      testimonies: 2,
      interventions: 0,
    });
  });

  it('list, show, edit, link, intervene, follow the timeline and manage vocabularies', async () => {
    const c = json<{ id: string; reference: string }>(
      await vigil(
        'case',
        'add',
        '--title',
        'Journalist beaten',
        '--country',
        'ru',
        '--tag',
        'press',
        '--json',
      ),
    );
    const p = json<{ id: string }>(
      await vigil(
        'person',
        'add',
        '--case',
        c.reference,
        '--name',
        'Ivan',
        '--role',
        'victim',
        '--alias',
        'Ваня',
        '--hrd-work',
        'journalist',
        '--nationality',
        'RU',
        '--phone',
        '+7 900',
        '--consent-naming',
        'initials',
        '--consent-date',
        '2024-01-10',
        '--json',
      ),
    );
    const other = json<{ id: string }>(await vigil('case', 'add', '--title', 'Other', '--json'));
    expect(
      json(
        await vigil(
          'person',
          'add',
          '--case',
          other.id,
          '--person',
          p.id,
          '--role',
          'witness',
          '--json',
        ),
      ),
    ).toMatchObject({ id: p.id, linked: true });
    const e = json<{ id: string; victims: string[] }>(
      await vigil(
        'event',
        'add',
        '--case',
        c.id,
        '--type',
        'physical-attack',
        '--date',
        'before 2024-02',
        '--victim',
        p.id,
        '--country',
        'RU',
        '--place',
        'metro',
        '--json',
      ),
    );
    expect(e.victims).toEqual([p.id]);
    json(
      await vigil(
        'event',
        'add',
        '--case',
        c.id,
        '--type',
        'arbitrary-arrest',
        '--date',
        '2024-02-01',
        '--forces',
        'police',
        '--warrant-shown',
        'no',
        '--detention-place',
        'Station 5',
        '--link',
        `${e.id}:followed-by`,
        '--json',
      ),
    );
    const i = json<{ id: string; status: string }>(
      await vigil(
        'intervention',
        'add',
        '--case',
        c.id,
        '--type',
        'urgent-appeal',
        '--recipient',
        'SR',
        '--sent',
        '2024-02-05',
        '--follow-up',
        '2024-04-05',
        '--json',
      ),
    );
    expect(i.status).toBe('sent');

    const list = json<{ cases: { id: string; counts: Record<string, number> }[] }>(
      await vigil('case', 'list', '--sort', 'events', '--json'),
    );
    expect(list.cases[0]).toMatchObject({
      id: c.id,
      counts: { persons: 1, events: 2, testimonies: 0, interventions: 1 },
    });
    expect(ok(await vigil('case', 'list'))).toMatch(/REFERENCE\s+STATUS/);
    expect(
      json<{ cases: unknown[] }>(await vigil('case', 'list', '--country', 'RU', '--json')).cases,
    ).toHaveLength(1);

    const shown = json<{
      case: { id: string };
      counts: Record<string, number>;
      persons: { roles: string[] }[];
    }>(await vigil('case', 'show', c.reference, '--json'));
    expect(shown.counts).toEqual({ persons: 1, events: 2, testimonies: 0, interventions: 1 });
    expect(ok(await vigil('case', 'show', c.id))).toContain('Journalist beaten');

    expect(
      ok(
        await vigil(
          'case',
          'edit',
          c.id,
          '--status',
          'submitted',
          '--country',
          'RU',
          '--country',
          'BY',
        ),
      ),
    ).toContain('Changed: status, countries.');
    expect(
      json<{ status: string; countries: string[] }>(
        await vigil('case', 'edit', c.id, '--tag', 'wgad', '--json'),
      ),
    ).toMatchObject({ status: 'submitted', countries: ['RU', 'BY'] });

    expect(
      json<{ persons: { id: string; cases: unknown[] }[] }>(await vigil('person', 'list', '--json'))
        .persons[0]?.cases,
    ).toHaveLength(2);
    expect(ok(await vigil('person', 'show', p.id))).toContain('phone (private): +7 900');
    expect(
      json<{ events: unknown[] }>(await vigil('event', 'list', '--case', c.id, '--json')).events,
    ).toHaveLength(2);
    expect(
      json<{ interventions: unknown[] }>(
        await vigil('intervention', 'list', '--follow-up-by', '2024-12-31', '--json'),
      ).interventions,
    ).toHaveLength(1);

    const timeline = json<{ entries: { kind: string; uncertain: boolean }[] }>(
      await vigil('timeline', '--case', c.id, '--json'),
    );
    expect(timeline.entries.map((x) => x.kind)).toEqual([
      'event',
      'event',
      'intervention-sent',
      'intervention-follow-up',
    ]);
    expect(timeline.entries[0]?.uncertain).toBe(true);
    expect(ok(await vigil('timeline', '--person', p.id))).toContain('Physical attack');

    expect(
      ok(
        await vigil(
          'vocab',
          'add',
          'event-type',
          'forced-confession',
          '--label-en',
          'Forced confession',
          '--label-ar',
          'اعتراف قسري',
        ),
      ),
    ).toBe('forced-confession\n');
    expect(ok(await vigil('vocab', 'list', 'event-type', '--lang', 'ar'))).toContain('اعتراف قسري');
    json(await vigil('event', 'add', '--case', c.id, '--type', 'forced-confession', '--json'));
    expect(
      json<{ vocabularies: { name: string }[] }>(
        await vigil('vocab', 'list', '--json'),
      ).vocabularies.map((v) => v.name),
    ).toContain('event-type');
    const terms = join(work, 'terms.json');
    await writeFile(
      terms,
      JSON.stringify({
        format: 'vigil-vocabulary',
        version: 1,
        terms: [
          { vocabulary: 'hrd-work', id: 'midwife', labels: { en: 'Midwife', es: 'Partera' } },
        ],
      }),
    );
    expect(json(await vigil('vocab', 'import', terms, '--json'))).toEqual({
      added: 1,
      relabelled: 0,
      unchanged: 0,
    });
  });

  it('testimony: consent options, show, withdrawal, and refusal of bad files', async () => {
    const c = json<{ id: string }>(await vigil('case', 'add', '--title', 'T', '--json'));
    const statement = join(work, 's.txt');
    await writeFile(statement, '\ufeffشهادة مكتوبة بالعربية.');
    const t = json<{ id: string; consent: Record<string, unknown> }>(
      await vigil(
        'testimony',
        'add',
        '--case',
        c.id,
        '--text-file',
        statement,
        '--language',
        'ar',
        '--method',
        'secure-messaging',
        '--consent-mechanisms',
        'wgad,sr-hrd',
        '--consent-naming',
        'initials',
        '--consent-date',
        '2024-04-02',
        '--consent-knows-government-contacted',
        '--json',
      ),
    );
    expect(t.consent).toMatchObject({
      scope: 'named-mechanisms',
      mechanisms: ['wgad', 'sr-hrd'],
      naming: 'initials',
      givenOn: '2024-04-02',
      knowsGovernmentContacted: true,
      withdrawn: false,
    });
    const shown = ok(await vigil('testimony', 'show', t.id));
    expect(shown).toContain('شهادة مكتوبة بالعربية.');
    expect(shown).not.toContain('\ufeff');
    expect(
      json<{ consent: { withdrawn: boolean } }>(
        await vigil('testimony', 'withdraw-consent', t.id, '--date', '2024-05-01', '--json'),
      ).consent.withdrawn,
    ).toBe(true);
    expect(ok(await vigil('testimony', 'list', '--case', c.id))).toContain('WITHDRAWN');

    const latin1 = join(work, 'latin1.txt');
    await writeFile(latin1, Buffer.from('Jos\xe9 was taken', 'latin1'));
    const bad = await vigil('testimony', 'add', '--case', c.id, '--text-file', latin1);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^vigil: .*latin1\.txt is not UTF-8 text \(invalid byte at offset 3\)/,
    );
    const big = join(work, 'big.txt');
    await writeFile(big, Buffer.alloc(2 * 1024 * 1024, 0x61));
    expect((await vigil('testimony', 'add', '--case', c.id, '--text-file', big)).stderr).toMatch(
      /too large for the statement: 2 MiB, and at most 1 MiB is allowed/,
    );
    expect(
      (await vigil('testimony', 'add', '--case', c.id, '--text-file', join(work, 'missing.txt')))
        .stderr,
    ).toMatch(/no such file/);
    expect(
      json<{ testimonies: unknown[] }>(await vigil('testimony', 'list', '--case', c.id, '--json'))
        .testimonies,
    ).toHaveLength(1);
  });

  it('reports bad input in one line with the right exit code, and changes nothing', async () => {
    const c = json<{ id: string }>(await vigil('case', 'add', '--title', 'T', '--json'));
    const cases: [string[], number, RegExp][] = [
      [
        ['event', 'add', '--case', c.id, '--type', 'arbitary-detention', '--date', '2024-03'],
        1,
        /"arbitary-detention" is not a term of the event-type vocabulary \(did you mean arbitrary-detention\?\)/,
      ],
      [
        ['event', 'add', '--case', c.id, '--type', 'torture', '--date', '2024-02-30'],
        1,
        /2024-02-30 is not a date: February 2024 has 29 days/,
      ],
      [
        [
          'event',
          'add',
          '--case',
          c.id,
          '--type',
          'torture',
          '--date',
          '2024-03-10',
          '--end-date',
          '2024-03-01',
        ],
        1,
        /end \(2024-03-01\) is before the start \(2024-03-10\)/,
      ],
      [
        ['event', 'add', '--case', 'VIG-1999-9999', '--type', 'torture'],
        1,
        /There is no case with the id or reference "VIG-1999-9999"/,
      ],
      [['event', 'add', '--case', c.id], 2, /--type is required/],
      [['person', 'add', '--case', c.id, '--name', 'X'], 2, /--case needs --role/],
      [['search'], 2, /missing QUERY/],
      [['search', 'x', '--type', 'evidence'], 2, /--type "evidence" is not a record type/],
      [['timeline'], 2, /give --case or --person/],
      [['case', 'edit', c.id], 2, /nothing to change/],
      [['case', 'list', '--sort', 'colour'], 2, /--sort must be one of/],
    ];
    const before = ok(await vigil('case', 'export-json', c.id));
    for (const [args, code, message] of cases) {
      const result = await vigil(...args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr, args.join(' ')).toMatch(/^vigil: /);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
    const malformed = join(work, 'bad.json');
    await writeFile(malformed, '{"format": "vigil-case", "version": 1, "case": ');
    const imported = await vigil('case', 'import', malformed);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(
      /^vigil: The case document is not valid JSON \(it ends too early\)\. Nothing was changed\.\n$/,
    );
    await writeFile(malformed, JSON.stringify({ format: 'vigil-case', version: 9 }));
    expect((await vigil('case', 'import', malformed)).stderr).toMatch(
      /version is 9, and this Vigil reads version 1/,
    );
    // The export itself is recorded in the audit log, so compare the document, not the log.
    expect(ok(await vigil('case', 'export-json', c.id))).toBe(before);
  });

  it('imports several case documents in one transaction: all of them, or none', async () => {
    const small = { cases: 1, personsPerCase: 2, eventsPerCase: 2, testimoniesPerCase: 3 };
    const files: string[] = [];
    for (const [i, name] of ['a.json', 'b c.json', 'ц.json'].entries()) {
      const doc = caseDocument(500 + i, small);
      files.push(join(work, name));
      await writeFile(
        files[i]!,
        JSON.stringify({ ...doc, case: { ...doc.case, reference: `MANY-${i}` } }),
      );
    }
    const count = async () =>
      json<{ cases: unknown[] }>(await vigil('case', 'list', '--json')).cases.length;
    const before = await count();

    // A bad file anywhere: named, and nothing of the others is imported.
    const broken = join(work, 'broken.json');
    await writeFile(broken, '{"format": "vigil-case", ');
    const refused = await vigil('case', 'import', files[0]!, files[1]!, broken, '--json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`The case document ${broken} is not valid JSON`);
    const invalid = join(work, 'invalid.json');
    const doc = caseDocument(510, small);
    doc.testimonies![0]!.witnessId = '00000000-0000-4000-8000-000000000000';
    await writeFile(invalid, JSON.stringify(doc));
    const refusedToo = await vigil('case', 'import', files[0]!, invalid, files[2]!);
    expect(refusedToo.code).toBe(1);
    expect(refusedToo.stderr).toContain(`The case document ${invalid} is not valid`);
    expect(await count()).toBe(before);

    // Together no larger than one document may be (256 MiB), checked before any is read.
    const huge = [join(work, 'huge-1.json'), join(work, 'huge-2.json')];
    for (const path of huge) {
      // Sparse: 200 MiB each on paper, nothing on the disk.
      await writeFile(path, '');
      await truncate(path, 200 * 1024 * 1024);
    }
    const tooMuch = await vigil('case', 'import', files[0]!, ...huge);
    expect(tooMuch.code).toBe(1);
    expect(tooMuch.stderr).toMatch(
      /These 3 files hold 400(\.\d+)? MiB in all, and one import takes at most 256 MiB: import them in smaller groups\. Nothing was changed\./,
    );
    expect(await count()).toBe(before);

    // All of them: one id per line, in the order of the files.
    const ids = ok(await vigil('case', 'import', ...files))
      .trim()
      .split('\n');
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(await count()).toBe(before + 3);
    // Again, with --json: their references are taken now, and each warning names its file.
    const again = await vigil('case', 'import', ...files, '--json');
    expect(again.code).toBe(0);
    const warnings = again.stderr.trim().split('\n');
    expect(warnings).toHaveLength(files.length);
    for (const [i, line] of warnings.entries()) {
      expect(line.startsWith(`vigil: ${files[i]!}: `), line).toBe(true);
      expect(line).toMatch(
        /: the reference was already in use here; the case is now VIG-\d{4}-\d{4}\.$/,
      );
    }
    const report = JSON.parse(again.stdout) as {
      cases: { file: string; id: string; reference: string; created: { testimonies: number } }[];
    };
    expect(report.cases.map((c) => c.file)).toEqual(files);
    expect(report.cases.map((c) => c.created.testimonies)).toEqual([3, 3, 3]);
    expect(new Set(report.cases.map((c) => c.id)).size).toBe(3);
    expect(await count()).toBe(before + 6);
  });

  it('every records command has help with examples', async () => {
    const names = COMMANDS.filter((c) =>
      /^(case|person|event|testimony|intervention|search|timeline|vocab)\b/.test(c.name),
    ).map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'case add',
        'case list',
        'case show',
        'case edit',
        'case import',
        'case export-json',
        'person add',
        'person list',
        'person show',
        'event add',
        'event list',
        'testimony add',
        'testimony list',
        'testimony show',
        'intervention add',
        'intervention list',
        'search',
        'timeline',
        'vocab list',
        'vocab add',
      ]),
    );
    for (const name of names) {
      const help = await runVigilInProcess([...name.split(' '), '--help']);
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toMatch(/^Usage: vigil /);
      expect(help.stdout, name).toContain('Examples:');
    }
  });
});
