import { term, vocabulary } from './types';

const D = ['detention'];

/** Acts and violations, after the HURIDOCS Events Standard Formats' micro-thesauri, for defenders' cases. */
export const eventType = vocabulary({
  name: 'event-type',
  version: 2,
  extensible: true,
  terms: [
    term('arbitrary-arrest', D),
    term('arbitrary-detention', D),
    term('incommunicado-detention', D),
    term('enforced-disappearance', D),
    term('house-arrest', D),
    term('abduction'),
    term('torture'),
    term('ill-treatment'),
    term('sexual-violence'),
    term('killing'),
    term('attempted-killing'),
    term('physical-attack'),
    term('threats'),
    term('judicial-harassment'),
    term('criminal-charges'),
    term('court-hearing'),
    term('unfair-trial'),
    term('conviction'),
    term(
      // Starts the regional bodies' time limits (shared/deadlines.ts): date it with the day
      // the decision was given or notified, as the body counts it.
      'final-domestic-decision',
    ),
    term('denial-of-legal-counsel'),
    term('denial-of-medical-care'),
    term('release'),
    term('surveillance'),
    term('digital-attack'),
    term('online-harassment'),
    term('raid'),
    term('confiscation'),
    term('destruction-of-property'),
    term('forced-eviction'),
    term('travel-ban'),
    term('deportation'),
    term('dismissal'),
    term('administrative-harassment'),
    term('defamation-campaign'),
    term('reprisal-for-cooperation'),
    term('other'),
  ],
});

export const eventRelation = vocabulary({
  name: 'event-relation',
  version: 1,
  extensible: true,
  terms: [term('led-to'), term('followed-by'), term('part-of'), term('related-to')],
});

export const involvementDegree = vocabulary({
  name: 'involvement-degree',
  version: 1,
  extensible: true,
  terms: [
    term('direct-perpetrator'),
    term('ordered'),
    term('instigated'),
    term('complicit'),
    term('acquiesced'),
    term('failed-to-act'),
    term('suspected'),
  ],
});

export const sourceReliability = vocabulary({
  name: 'source-reliability',
  version: 1,
  extensible: true,
  terms: [term('high'), term('medium'), term('low'), term('unknown')],
});

export const detentionPlaceType = vocabulary({
  name: 'detention-place-type',
  version: 1,
  extensible: true,
  terms: [
    term('police-station'),
    term('pretrial-detention-centre'),
    term('prison'),
    term('military-facility'),
    term('intelligence-facility'),
    term('secret-place'),
    term('immigration-detention'),
    term('psychiatric-facility'),
    term('home'),
    term('unknown'),
    term('other'),
  ],
});
