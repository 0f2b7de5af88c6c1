import { term, vocabulary } from './types';

export const personType = vocabulary({
  name: 'person-type',
  version: 1,
  extensible: false,
  terms: [term('individual'), term('group'), term('organisation')],
});

export const personRole = vocabulary({
  name: 'person-role',
  version: 1,
  extensible: true,
  terms: [
    term('victim'),
    term('witness'),
    term('perpetrator'),
    term('source'),
    term('intervening-party'),
    term('submitter'),
    term('legal-representative'),
    term('family-member'),
  ],
});

export const sexGender = vocabulary({
  name: 'sex-gender',
  version: 1,
  extensible: true,
  terms: [term('female'), term('male'), term('non-binary'), term('other'), term('unknown')],
});

export const hrdWork = vocabulary({
  name: 'hrd-work',
  version: 1,
  extensible: true,
  terms: [
    term('human-rights-defender'),
    term('journalist'),
    term('lawyer'),
    term('environmental-defender'),
    term('land-defender'),
    term('indigenous-rights-defender'),
    term('womens-rights-defender'),
    term('lgbti-rights-defender'),
    term('minority-rights-defender'),
    term('trade-unionist'),
    term('student-activist'),
    term('academic'),
    term('online-activist'),
    term('community-leader'),
    term('religious-leader'),
    term('health-worker'),
    term('artist'),
    term('political-activist'),
    term('anti-corruption-activist'),
    term('humanitarian-worker'),
    term('whistleblower'),
    term('ngo-worker'),
    term('other'),
  ],
});

export const identityDocumentType = vocabulary({
  name: 'identity-document-type',
  version: 1,
  extensible: true,
  terms: [
    term('passport'),
    term('national-id'),
    term('driving-licence'),
    term('residence-permit'),
    term('refugee-document'),
    term('birth-certificate'),
    term('other'),
  ],
});
