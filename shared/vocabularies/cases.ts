import { term, vocabulary } from './types';

export const caseStatus = vocabulary({
  name: 'case-status',
  version: 1,
  extensible: true,
  terms: [
    term('open'),
    term('documenting'),
    term('submitted'),
    term('follow-up'),
    term('closed'),
    term('archived'),
  ],
});

export const confidentiality = vocabulary({
  name: 'confidentiality',
  version: 1,
  // Exports decide what to withhold from these levels: their meaning is fixed.
  extensible: false,
  terms: [term('public'), term('internal'), term('confidential'), term('restricted')],
});
