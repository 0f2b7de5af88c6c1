import {
  EMPTY_ORGANISATION,
  organisationSchema,
  organisationUpdateSchema,
  type Organisation,
} from '../../../shared/domain/organisation';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { parseInput } from './validate';

/**
 * The organisation profile: who submits the vault's communications (name,
 * address, e-mail, telephone). One row per vault, set once and used by every
 * submission; changes are audited with the names of the fields changed.
 */

interface OrganisationRow {
  name: string;
  address: string;
  email: string;
  phone: string;
}

export async function loadOrganisation(q: Queryable): Promise<Organisation> {
  const row = await q.get<OrganisationRow>(
    'SELECT name, address, email, phone FROM organisation WHERE id = 1',
  );
  return row
    ? { name: row.name, address: row.address, email: row.email, phone: row.phone }
    : { ...EMPTY_ORGANISATION };
}

export async function getOrganisation(vault: Vault): Promise<Organisation> {
  return loadOrganisation(vault.db);
}

/** Changes the fields given (an empty string clears one) and returns the whole profile. */
export async function updateOrganisation(vault: Vault, patch: unknown): Promise<Organisation> {
  const changes = parseInput(organisationUpdateSchema, patch, 'organisation');
  return vault.db.transaction(async (tx) => {
    const before = await loadOrganisation(tx);
    const after = organisationSchema.parse({ ...before, ...changes });
    const changed = (Object.keys(after) as (keyof Organisation)[]).filter(
      (key) => after[key] !== before[key],
    );
    if (changed.length === 0) return after;
    await tx.run(
      `INSERT INTO organisation (id, name, address, email, phone, updated_at) VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address,
         email = excluded.email, phone = excluded.phone, updated_at = excluded.updated_at`,
      [after.name, after.address, after.email, after.phone, vault.now().toISOString()],
    );
    await vault.record(tx, {
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: null,
      detail: { fields: changed },
    });
    return after;
  });
}
