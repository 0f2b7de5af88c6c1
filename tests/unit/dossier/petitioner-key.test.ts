import { describe, expect, it } from 'vitest';
import {
  keyNamesOrganisation,
  petitionerWithheld,
} from '../../../electron/core/dossier/templates/iachr';

const org = { name: 'Colectivo Ixchel', email: 'casos@ixchel.example' };

describe('a petitioner withheld from the State and the key that signs', () => {
  it('withholds for a petition unless the facts say the identity may be disclosed', () => {
    expect(petitionerWithheld('iachr-petition', null)).toBe(true);
    expect(petitionerWithheld('iachr-petition', { identityWithheldFromState: null })).toBe(true);
    expect(petitionerWithheld('iachr-petition', { identityWithheldFromState: true })).toBe(true);
    expect(petitionerWithheld('iachr-petition', { identityWithheldFromState: false })).toBe(false);
    for (const template of ['iachr-precautionary', 'achpr', 'echr', 'wgad'])
      expect(petitionerWithheld(template, { identityWithheldFromState: true }), template).toBe(
        false,
      );
  });

  it('finds the organisation in a user id by its name or e-mail, in any case', () => {
    expect(keyNamesOrganisation(['Colectivo Ixchel <casos@ixchel.example>'], org)).toBe(true);
    expect(keyNamesOrganisation(['COLECTIVO IXCHEL'], org)).toBe(true);
    expect(keyNamesOrganisation(['Desk <CASOS@IXCHEL.EXAMPLE>'], org)).toBe(true);
    expect(keyNamesOrganisation(['Signing desk <desk@relay.example>'], org)).toBe(false);
    expect(keyNamesOrganisation([], org)).toBe(false);
    expect(keyNamesOrganisation(['Anyone'], { name: '', email: '' })).toBe(false);
  });
});
