import { term, vocabulary } from './types';

export const testimonyMethod = vocabulary({
  name: 'testimony-method',
  version: 1,
  extensible: true,
  terms: [
    term('in-person'),
    term('phone'),
    term('video-call'),
    term('secure-messaging'),
    term('email'),
    term('written-statement'),
    term('other'),
  ],
});
