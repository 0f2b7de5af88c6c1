import { describe, expect, it } from 'vitest';
import { consentChange, DEFAULT_CONSENT, type ConsentRecord } from '../../../shared/domain/consent';

// How a consent record changed: granted, widened, narrowed, withdrawn, changed.

const c = (over: Partial<ConsentRecord>): ConsentRecord => ({ ...DEFAULT_CONSENT, ...over });
const wgad = c({ scope: 'named-mechanisms', mechanisms: ['wgad'] });
const wgadTorture = c({ scope: 'named-mechanisms', mechanisms: ['wgad', 'sr-torture'] });
const torture = c({ scope: 'named-mechanisms', mechanisms: ['sr-torture'] });
const partners = c({ scope: 'partners' });
const publicNamed = c({ scope: 'public', naming: 'name' });

describe('consentChange', () => {
  const cases: [string, ConsentRecord | null, ConsentRecord | null, string | null][] = [
    ['nothing changed', wgad, { ...wgad }, null],
    ['first given', null, wgad, 'granted'],
    ['from internal-only to a mechanism', c({}), wgad, 'granted'],
    ['internal-only naming only', c({}), c({ naming: 'initials' }), 'granted'],
    ['a mechanism added', wgad, wgadTorture, 'widened'],
    ['a mechanism removed', wgadTorture, wgad, 'narrowed'],
    ['one mechanism for another', wgad, torture, 'changed'],
    ['named mechanisms to public', wgadTorture, c({ scope: 'public' }), 'widened'],
    ['public to partners', c({ scope: 'public' }), partners, 'narrowed'],
    ['partners to a mechanism', partners, wgad, 'changed'],
    [
      'partner-ngos term keeps partners',
      partners,
      c({ scope: 'named-mechanisms', mechanisms: ['partner-ngos', 'wgad'] }),
      'widened',
    ],
    [
      'naming more plainly',
      c({ ...wgad, naming: 'initials' }),
      c({ ...wgad, naming: 'name' }),
      'widened',
    ],
    [
      'naming less plainly',
      publicNamed,
      c({ scope: 'public', naming: 'pseudonym', pseudonym: 'Z' }),
      'narrowed',
    ],
    [
      'more audiences, plainer naming withheld',
      c({ ...wgad, naming: 'name' }),
      c({ ...wgadTorture, naming: 'none' }),
      'changed',
    ],
    [
      'only the date and notes',
      wgad,
      c({ ...wgad, givenOn: '2025-01-02', notes: 'по телефону' }),
      'changed',
    ],
    ['withdrawn', wgad, c({ ...wgad, withdrawn: true, withdrawnOn: '2025-03-01' }), 'withdrawn'],
    [
      'given again',
      c({ ...wgad, withdrawn: true, withdrawnOn: '2025-03-01' }),
      c({ ...wgad, givenOn: '2025-04-01' }),
      'granted',
    ],
    [
      'widened while withdrawn',
      c({ ...wgad, withdrawn: true, withdrawnOn: '2025-03-01' }),
      c({ scope: 'public', withdrawn: true, withdrawnOn: '2025-03-01' }),
      'changed',
    ],
    ['all to internal-only', publicNamed, c({}), 'narrowed'],
    ['record removed', wgad, null, 'narrowed'],
  ];
  for (const [name, before, after, expected] of cases)
    it(name, () => expect(consentChange(before, after)).toBe(expected));
});
