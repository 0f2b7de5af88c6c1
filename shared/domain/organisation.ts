import { z } from 'zod';
import { lineText, longText } from './text';

/**
 * The organisation that keeps the vault and submits its communications (the
 * WGAD questionnaire's part VI). Set once per vault and used by every
 * submission. These are an organisation's public contact details, not a
 * person's private fields: exports print them as they are.
 */

/** A loose but real check: one @, something on both sides, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
/** Digits with the usual separators: +41 22 917 90 00, (022) 917-9000, 022.917.90.00 ext. 12. */
const PHONE = /^\+?[\d\s().\-/]*\d[\d\s().\-/]*(?:\s*(?:ext\.?|x)\s*\d+)?$/iu;

export const organisationEmail = lineText.refine((value) => value === '' || EMAIL.test(value), {
  message: 'is not an e-mail address (such as cases@example.org)',
});
export const organisationPhone = lineText.refine((value) => value === '' || PHONE.test(value), {
  message: 'is not a telephone number (digits, spaces, + ( ) . - /, such as +41 22 917 90 00)',
});

export const organisationFields = {
  /** The organisation's full name, as it signs its communications. */
  name: lineText,
  /** Postal address, several lines allowed. */
  address: longText,
  email: organisationEmail,
  phone: organisationPhone,
};

export const organisationSchema = z
  .object({
    name: organisationFields.name.default(''),
    address: organisationFields.address.default(''),
    email: organisationFields.email.default(''),
    phone: organisationFields.phone.default(''),
  })
  .strict();

/** Only the fields given change. */
export const organisationUpdateSchema = z.object(organisationFields).partial().strict();

export type Organisation = z.output<typeof organisationSchema>;
export type OrganisationUpdate = z.input<typeof organisationUpdateSchema>;

export const EMPTY_ORGANISATION: Readonly<Organisation> = Object.freeze({
  name: '',
  address: '',
  email: '',
  phone: '',
});
