import { afterEach, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core';
import {
  createCase,
  createPerson,
  findPersonChoices,
  linkPerson,
} from '../../../electron/core/records';
import { VigilError } from '../../../electron/core/errors';
import { newVault } from '../../helpers/vault';

let open: Vault[] = [];
afterEach(async () => {
  await Promise.all(open.map((v) => v.lock()));
  open = [];
});

async function vault(): Promise<Vault> {
  const created = await newVault();
  open.push(created.vault);
  return created.vault;
}

describe('finding someone already in the vault to add to a case', () => {
  it('tells namesakes apart by birth year, age, other names, cases and roles, in every script', async () => {
    const v = await vault();
    const north = await createCase(v, { title: 'Northern arrests', reference: 'N-7' });
    const south = await createCase(v, { title: 'قضية الجنوب', reference: 'S-12' });
    for (const name of ['Mariam Haddad', 'مريم حداد']) {
      const a = await createPerson(
        v,
        { name, birthDate: '1981', aliases: ['Umm Ali'] },
        { caseId: north.id, role: 'victim' },
      );
      await linkPerson(v, { caseId: south.id, personId: a.id, role: 'witness' });
      await createPerson(
        v,
        { name, birthDate: { value: '1990', qualifier: 'approximate' } },
        { caseId: south.id, role: 'family-member' },
      );
      await createPerson(v, { name, age: 34 }, { caseId: north.id, role: 'witness' });
    }
    for (const name of ['Mariam Haddad', 'مريم حداد']) {
      const found = await findPersonChoices(v, { text: name });
      expect(found.total).toBe(3);
      const details = found.persons.map((p) => ({
        name: p.name,
        born: p.born,
        age: p.age,
        aliases: p.aliases,
        cases: p.cases.map((c) => `${c.reference} ${c.title}: ${c.roles.join(',')}`).sort(),
      }));
      expect(details).toHaveLength(3);
      expect(details).toContainEqual({
        name,
        born: { year: 1981, qualifier: 'exact' },
        age: null,
        aliases: ['Umm Ali'],
        cases: ['N-7 Northern arrests: victim', 'S-12 قضية الجنوب: witness'],
      });
      expect(details).toContainEqual({
        name,
        born: { year: 1990, qualifier: 'approximate' },
        age: null,
        aliases: [],
        cases: ['S-12 قضية الجنوب: family-member'],
      });
      expect(details).toContainEqual({
        name,
        born: null,
        age: 34,
        aliases: [],
        cases: ['N-7 Northern arrests: witness'],
      });
    }
    // An alias finds its person.
    const alias = await findPersonChoices(v, { text: 'umm ali' });
    expect(alias.total).toBe(2);
  });

  it('pages through many results with an exact total, never cut short silently', async () => {
    const v = await vault();
    const c = await createCase(v, { title: 'Mass detention' });
    const names = Array.from(
      { length: 47 },
      (_, i) => `Detainee Karimov ${String(i).padStart(2, '0')}`,
    );
    for (const name of names) await createPerson(v, { name }, { caseId: c.id, role: 'victim' });
    await createPerson(v, { name: 'Someone else' }, { caseId: c.id, role: 'witness' });

    const seen: string[] = [];
    for (let offset = 0; offset < 47; offset += 20) {
      const page = await findPersonChoices(v, { text: 'karimov', limit: 20, offset });
      expect(page.total).toBe(47);
      expect(page.persons.length).toBe(Math.min(20, 47 - offset));
      seen.push(...page.persons.map((p) => p.name));
    }
    expect(seen.sort()).toEqual(names);

    // Nothing typed: everyone, by name, with the total.
    const everyone = await findPersonChoices(v, { text: '', limit: 10 });
    expect(everyone.total).toBe(48);
    expect(everyone.persons.map((p) => p.name)).toEqual(names.slice(0, 10));
    const last = await findPersonChoices(v, { text: '  ', limit: 10, offset: 40 });
    expect(last.persons.map((p) => p.name)).toEqual([...names.slice(40), 'Someone else']);

    // Text that is only punctuation finds nobody, without an error.
    expect(await findPersonChoices(v, { text: '"*()' })).toEqual({ total: 0, persons: [] });
  });

  it('refuses bad input with a precise message', async () => {
    const v = await vault();
    for (const bad of [
      { text: 'x', limit: 0 },
      { text: 'x', limit: 101 },
      { text: 'x', offset: -1 },
      { text: 'x'.repeat(1001) },
      { text: 'x', extra: true },
      { limit: 5 },
    ]) {
      const error = await findPersonChoices(v, bad as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VigilError);
      expect((error as VigilError).code).toBe('INVALID_INPUT');
      expect((error as VigilError).message).toMatch(/person search/);
    }
  });
});
