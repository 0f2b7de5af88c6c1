import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDossier, getMechanismFacts, importDossier } from '../../../electron/core/dossier';
import { generateOrgKey } from '../../../electron/core/pgp';
import {
  createCase,
  createPerson,
  listCasePersons,
  updateOrganisation,
} from '../../../electron/core/records';
import type { Vault } from '../../../electron/core/vault/vault';
import { checkCaseDocument } from '../../../shared/domain';
import type { MechanismFacts } from '../../../shared/mechanismFacts';
import { runVigilInProcess } from '../../helpers/cli';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';

/**
 * The mechanism facts of a case (issue 16 part 2): edited with `vigil case
 * facts` (--set, --procedure, --file), shown with --json; every hostile value
 * refused with its field named and the vault unchanged; carried to partners
 * in case.json with the beneficiaries mapped to the importing vault's persons
 * and the names consent keeps from partners replaced in the texts; a partner's
 * facts never replace local ones.
 */

const DEFENDER = 'Nasta Loika';
const LAWYER = 'Ales Bialiatski';
/** A witness whose consent keeps them inside the vault; the decision text names them in another form. */
const WITNESS = { name: 'Ірына Кавалёва', inText: 'Ірыну Кавалёву' };

describe('mechanism facts', () => {
  let root: string;
  let vault: Vault;
  let vaultDir: string;
  let passFile: string;
  let caseId: string;
  let reference: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-facts-'));
    const created = await newVault({ root });
    vault = created.vault;
    vaultDir = created.dir;
    passFile = join(root, 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    await generateOrgKey(vault, { name: 'Viasna Partners', email: 'cases@partners.example' });
    await updateOrganisation(vault, { name: 'Viasna Partners', email: 'cases@partners.example' });
    const c = await createCase(vault, {
      title: 'Detention of a human rights educator',
      reference: 'FACTS-2025-001',
      countries: ['BY'],
    });
    caseId = c.id;
    reference = c.reference;
    const person = async (key: string, name: string, role: string, scope: string) =>
      (ids[key] = (
        await createPerson(
          vault,
          { name, consent: { scope, naming: 'name', givenOn: '2025-01-10' } },
          { caseId, role },
        )
      ).id);
    await person('defender', DEFENDER, 'victim', 'partners');
    await person('lawyer', LAWYER, 'legal-representative', 'partners');
    await person('witness', WITNESS.name, 'witness', 'internal-only');
    // A person of the vault who is not in this case.
    ids.stranger = (await createPerson(vault, { name: 'Someone Else' })).id;
  }, 120_000);

  afterAll(async () => {
    await vault?.lock();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** Runs the CLI on the vault, which this process closes for the while. */
  const vigil = async (args: string[]) => {
    await vault.lock();
    try {
      return await runVigilInProcess([...args, '--vault', vaultDir, '--passphrase-file', passFile]);
    } finally {
      vault = await reopen(vaultDir);
    }
  };
  const facts = () => getMechanismFacts(vault, caseId);
  const auditCount = async () =>
    (await vault.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n;

  it('are empty until written, and --set and --procedure edit them field by field', async () => {
    const empty = await vigil(['case', 'facts', reference, '--json']);
    expect(empty.code).toBe(0);
    const shown = JSON.parse(empty.stdout) as MechanismFacts;
    expect(shown).toMatchObject({
      states: [],
      beneficiaries: [],
      mandates: [],
      otherProcedures: [],
      victimKnowsGovernmentContacted: null,
      finalDecision: { decidedOn: null, notifiedOn: null, authority: '' },
      remedies: { status: null },
    });

    const set = await vigil([
      'case',
      'facts',
      reference,
      '--set',
      'states=by, ru',
      '--set',
      'finalDecision.authority=Supreme Court of Belarus',
      '--set',
      'finalDecision.reference=No. 1-77/2024',
      '--set',
      `finalDecision.decision=Upheld the sentence of 7 years; it relied on the statement of ${WITNESS.inText}.`,
      '--set',
      'finalDecision.decidedOn=2024-10-31',
      '--set',
      'finalDecision.notifiedOn=2024-11-04',
      '--set',
      'remedies.status=exhausted',
      '--set',
      'remedies.steps=Appeal to the Minsk City Court (rejected), cassation to the Supreme Court (rejected).',
      '--set',
      `beneficiaries=${ids.defender},${ids.lawyer!.toUpperCase()}`,
      '--set',
      'mandates=hrd,arbitrary-detention,hrd',
      '--set',
      'victimKnowsGovernmentContacted=yes',
      '--set',
      'identityWithheldFromState=no',
      '--set',
      'authoritiesInformedOfRisk=unknown',
      '--procedure',
      'UN Human Rights Committee; reference=4321/2024; date=2024-12-02; status=pending',
      '--procedure',
      'WGAD',
      '--json',
    ]);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    const saved = await facts();
    expect(JSON.parse(set.stdout)).toEqual(saved);
    expect(saved).toMatchObject({
      states: ['BY', 'RU'],
      finalDecision: {
        authority: 'Supreme Court of Belarus',
        decidedOn: '2024-10-31',
        notifiedOn: '2024-11-04',
      },
      remedies: { status: 'exhausted', whyNot: '' },
      beneficiaries: [ids.defender, ids.lawyer],
      mandates: ['hrd', 'arbitrary-detention'],
      victimKnowsGovernmentContacted: true,
      identityWithheldFromState: false,
      authoritiesInformedOfRisk: null,
      otherProcedures: [
        {
          body: 'UN Human Rights Committee',
          reference: '4321/2024',
          date: '2024-12-02',
          status: 'pending',
        },
        { body: 'WGAD', reference: '', date: null, status: null },
      ],
    });

    // One more --set changes that field alone; the human form lists every field.
    expect(
      (await vigil(['case', 'facts', reference, '--set', 'remedies.whyNot=Not needed'])).code,
    ).toBe(0);
    expect(await facts()).toEqual({
      ...saved,
      remedies: { ...saved.remedies, whyNot: 'Not needed' },
    });
    const human = await vigil(['case', 'facts', reference]);
    expect(human.stdout).toContain('Supreme Court of Belarus, No. 1-77/2024');
    expect(human.stdout).toContain('2024-11-04');
    expect(human.stdout).toContain('UN Human Rights Committee; 4321/2024; 2024-12-02; pending');

    // The audit log says which fields were written, never their text.
    const audit = await vault.db.all<{ detail: string }>(
      "SELECT detail FROM audit_log WHERE action = 'submission.save' AND entity_id = ?",
      [caseId],
    );
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit.map((a) => a.detail).join('\n')).not.toContain('Supreme Court');
  });

  const hostile: { name: string; args?: string[]; file?: unknown; code: number; says: RegExp }[] = [
    { name: 'an unknown country', args: ['--set', 'states=BY,XZ'], code: 1, says: /states.*XZ.*country/ },
    { name: 'a three-letter code', args: ['--set', 'states=BLR'], code: 1, says: /states.*country/ },
    { name: 'a day that does not exist', args: ['--set', 'finalDecision.notifiedOn=2025-02-29'], code: 1, says: /notifiedOn.*calendar day/ },
    { name: 'a date in another form', args: ['--set', 'finalDecision.decidedOn=31/10/2024'], code: 1, says: /decidedOn.*calendar day/ },
    { name: 'notified before decided', args: ['--set', 'finalDecision.notifiedOn=2024-10-30'], code: 1, says: /notifiedOn.*before the decision/ },
    { name: 'an unknown mandate', args: ['--set', 'mandates=hrd,sr-weather'], code: 1, says: /mandates.*Special Procedures mandate/ },
    { name: 'a beneficiary that is not an id', args: ['--set', 'beneficiaries=Nasta'], code: 1, says: /beneficiaries.*record id/ },
    { name: 'a remedy status not in the list', args: ['--set', 'remedies.status=appealed'], code: 1, says: /remedies\.status/ },
    { name: 'an answer that is not yes or no', args: ['--set', 'victimKnowsGovernmentContacted=maybe'], code: 2, says: /yes, no or unknown/ },
    { name: 'a path that does not exist', args: ['--set', 'finalDecision.judge=X'], code: 2, says: /PATH one of/ },
    { name: 'no = sign', args: ['--set', 'states'], code: 2, says: /PATH=VALUE/ },
    { name: 'a control character in a line', args: ['--set', 'finalDecision.authority=Court\u0007'], code: 1, says: /authority.*control/ },
    { name: 'a text over the limit', args: ['--set', `remedies.steps=${'x'.repeat(70_000)}`], code: 1, says: /steps.*too long/ },
    { name: 'a procedure without a body', args: ['--procedure', 'reference=1; status=pending'], code: 2, says: /starts with the body/ },
    { name: 'a procedure status not in the list', args: ['--procedure', 'CAT; status=won'], code: 1, says: /otherProcedures.*status/ },
    { name: 'a procedure key given twice', args: ['--procedure', 'CAT; date=2024-01-01; date=2024-01-02'], code: 2, says: /twice/ },
    { name: 'a field the schema does not know', file: { states: ['BY'], secret: 'x' }, code: 1, says: /secret|unrecognized/i },
    { name: 'a list where an object belongs', file: { finalDecision: [] }, code: 1, says: /finalDecision/ },
    { name: 'a JSON array', file: [1, 2], code: 2, says: /not a JSON object/ },
    { name: 'a boolean as text', file: { identityWithheldFromState: 'yes' }, code: 1, says: /identityWithheldFromState/ },
    { name: 'too many states', file: { states: ['AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD', 'BE', 'BF'] }, code: 1, says: /states.*too many/ },
  ]; // prettier-ignore

  it.each(hostile)('refuse $name, naming the field, and change nothing', async (c) => {
    const before = { facts: await facts(), audit: await auditCount() };
    const args = [...(c.args ?? [])];
    if (c.file !== undefined) {
      const path = join(root, 'hostile.json');
      await writeFile(path, JSON.stringify(c.file));
      args.push('--file', path);
    }
    const result = await vigil(['case', 'facts', reference, ...args]);
    expect(result.code, result.stderr).toBe(c.code);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^vigil: /);
    expect(result.stderr).toMatch(c.says);
    expect({ facts: await facts(), audit: await auditCount() }).toEqual(before);
  });

  it('refuse a beneficiary who is not a person of the case, and a file that is not JSON', async () => {
    const before = await facts();
    for (const id of [ids.stranger!, '3f2a8c1e-0000-4000-8000-000000000000']) {
      const r = await vigil([
        'case',
        'facts',
        reference,
        '--set',
        `beneficiaries=${ids.defender},${id}`,
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`beneficiaries.1 ${id} is not a person of this case`);
    }
    const bad = join(root, 'bad.json');
    await writeFile(bad, '{"states": ["BY"');
    expect((await vigil(['case', 'facts', reference, '--file', bad])).code).not.toBe(0);
    const missing = await vigil(['case', 'facts', 'NO-SUCH-CASE', '--set', 'states=BY']);
    expect(missing.code).toBe(1);
    expect(await facts()).toEqual(before);
  });

  it('go to partners in case.json as released, and come back mapped to the importing vault', async () => {
    const out = join(root, 'to-partners');
    await exportDossier(
      vault,
      {
        caseId,
        template: 'generic',
        language: 'en',
        audience: { kind: 'partners' },
        includePrivate: false,
      },
      { kind: 'directory', path: out },
    );
    const caseJson = await readFile(join(out, 'case.json'), 'utf8');
    const document = JSON.parse(caseJson) as {
      persons: { id: string; name: string }[];
      submissions: { facts: MechanismFacts };
    };
    expect(checkCaseDocument(document).ok).toBe(true);
    const carried = document.submissions.facts;
    expect(carried.states).toEqual(['BY', 'RU']);
    expect(carried.finalDecision.notifiedOn).toBe('2024-11-04');
    // The witness consent keeps inside the vault: in no form, anywhere in case.json.
    expect(caseJson).not.toContain(WITNESS.name);
    expect(caseJson).not.toContain(WITNESS.inText);
    expect(carried.finalDecision.decision).toMatch(
      /^Upheld the sentence of 7 years; it relied on the statement of .+\.$/,
    );
    const names = (list: string[]) =>
      list.map((id) => document.persons.find((p) => p.id === id)?.name);
    expect(names(carried.beneficiaries)).toEqual([DEFENDER, LAWYER]);

    // Imported as a separate copy: the beneficiaries are the copy's persons.
    const imported = await importDossier(vault, out, { duplicate: 'as-new', acceptSigner: true });
    expect(imported.facts).toBe('added');
    expect(imported.caseId).not.toBe(caseId);
    const copy = await getMechanismFacts(vault, imported.caseId);
    const copyPersons = await listCasePersons(vault, imported.caseId);
    expect(copy.beneficiaries.map((id) => copyPersons.find((p) => p.id === id)?.name)).toEqual([
      DEFENDER,
      LAWYER,
    ]);
    expect(copy).toEqual({ ...carried, beneficiaries: copy.beneficiaries });

    // Coming back onto the case that has its own facts: the local ones stay.
    const local = await facts();
    const again = await importDossier(vault, out, { duplicate: 'update', acceptSigner: true });
    expect(again.caseId).toBe(caseId);
    expect(again.facts).toBe('kept-local');
    expect(await facts()).toEqual(local);
  });

  it('a case.json whose facts name a person it does not hold is refused', () => {
    const doc = {
      format: 'vigil-case',
      version: 1,
      case: { id: '0b7c2f1e-1111-4111-8111-111111111111', title: 'T' },
      submissions: { facts: { beneficiaries: ['0b7c2f1e-2222-4222-8222-222222222222'] } },
    };
    const check = checkCaseDocument(doc);
    expect(check.ok).toBe(false);
    expect(JSON.stringify(check)).toContain('submissions.facts.beneficiaries[0]');
  });
});
