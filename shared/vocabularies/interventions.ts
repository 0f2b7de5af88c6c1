import { term, vocabulary } from './types';

export const interventionType = vocabulary({
  name: 'intervention-type',
  version: 1,
  extensible: true,
  terms: [
    term('urgent-appeal'),
    term('allegation-letter'),
    term('wgad-communication'),
    term('un-communication'),
    term('treaty-body-complaint'),
    term('regional-petition'),
    term('precautionary-measures'),
    term('letter-to-authorities'),
    term('public-statement'),
    term('other'),
  ],
});

export const interventionStatus = vocabulary({
  name: 'intervention-status',
  version: 1,
  extensible: true,
  terms: [
    term('draft'),
    term('sent'),
    term('acknowledged'),
    term('response-received'),
    term('decision-issued'),
    term('no-response'),
    term('closed'),
  ],
});
