import { term, vocabulary } from './types';

// The consent vocabularies are closed: exporters act on each term's meaning,
// so an organisation cannot add a scope or a naming rule they would not know.

export const consentScope = vocabulary({
  name: 'consent-scope',
  version: 2,
  extensible: false,
  terms: [term('internal-only'), term('partners'), term('named-mechanisms'), term('public')],
});

export const consentNaming = vocabulary({
  name: 'consent-naming',
  version: 1,
  extensible: false,
  terms: [term('name'), term('initials'), term('pseudonym'), term('none')],
});

export const consentGivenBy = vocabulary({
  name: 'consent-given-by',
  version: 1,
  extensible: false,
  terms: [term('self'), term('family-member'), term('legal-representative')],
});

export const consentForm = vocabulary({
  name: 'consent-form',
  version: 1,
  extensible: false,
  terms: [term('oral'), term('written'), term('recorded')],
});

/** The bodies a case may be sent to; consent names them, interventions record them. */
export const mechanism = vocabulary({
  name: 'mechanism',
  version: 1,
  extensible: true,
  terms: [
    term('wgad'),
    term('wgeid'),
    term('sr-hrd'),
    term('sr-torture'),
    term('sr-expression'),
    term('un-special-procedures'),
    term('un-treaty-body'),
    term('iachr'),
    term('achpr'),
    term('echr'),
    term('partner-ngos'),
    term('national-authorities'),
  ],
});
