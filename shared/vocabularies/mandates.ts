import { term, vocabulary } from './types';

/**
 * The thematic UN Special Procedures mandates a communication can be
 * addressed to (the mechanism facts' `mandates`). Closed: the Special
 * Procedures communication names each in the body's own words, so an
 * organisation's own term would have no official title to print. The
 * Special Rapporteur on human rights defenders (`hrd`) is the default when
 * none is chosen.
 */
export const spMandate = vocabulary({
  name: 'sp-mandate',
  version: 1,
  extensible: false,
  terms: [
    term('hrd'),
    term('expression'),
    term('assembly-association'),
    term('torture'),
    term('judges-lawyers'),
    term('executions'),
    term('arbitrary-detention'),
    term('disappearances'),
    term('counter-terrorism'),
    term('privacy'),
    term('religion-belief'),
    term('violence-against-women'),
    term('indigenous-peoples'),
    term('environment'),
    term('business'),
  ],
});

/** The mandate a communication is addressed to when none is chosen. */
export const DEFAULT_SP_MANDATE = 'hrd';
export const SP_MANDATES = spMandate.terms.map((t) => t.id);
