import { describe, expect, it } from 'vitest';
import {
  consentDecision,
  consentSchema,
  DEFAULT_CONSENT,
  initialsOf,
  nameForOutput,
  type ConsentRecord,
} from '../../../shared/domain/consent';

const consent = (over: Partial<ConsentRecord>): ConsentRecord => consentSchema.parse({ ...over });

describe('consent records', () => {
  it('default to the most protective record', () => {
    expect(consentSchema.parse({})).toEqual(DEFAULT_CONSENT);
    expect(DEFAULT_CONSENT).toMatchObject({
      scope: 'internal-only',
      naming: 'none',
      withdrawn: false,
    });
  });

  it('are checked for consistency', () => {
    const errors = (input: unknown) =>
      consentSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(errors({ scope: 'named-mechanisms' })).toEqual([
      'mechanisms: must name at least one mechanism when the scope is named-mechanisms',
    ]);
    expect(errors({ scope: 'public', mechanisms: ['wgad'] })).toEqual([
      'mechanisms: are listed only when the scope is named-mechanisms (it is public)',
    ]);
    expect(errors({ withdrawnOn: '2024-01-01' })).toEqual([
      'withdrawnOn: is set but the consent is not marked withdrawn',
    ]);
    expect(errors({ givenOn: '2024-02-01', withdrawn: true, withdrawnOn: '2024-01-01' })).toEqual([
      'withdrawnOn: (2024-01-01) is before the consent was given (2024-02-01)',
    ]);
    expect(errors({ givenOn: '2024-02-30' })?.[0]).toContain('February 2024 has 29 days');
    expect(errors({ naming: 'nickname' })?.[0]).toMatch(/^naming: /);
    expect(errors({ scope: 'public', extra: 1 })?.[0]).toMatch(/Unrecognized key/);
  });

  it('decide where a record may go, and say why not', () => {
    const wgadOnly = consent({ scope: 'named-mechanisms', mechanisms: ['wgad'] });
    expect(consentDecision(wgadOnly, { kind: 'mechanism', mechanism: 'wgad' })).toEqual({
      allowed: true,
      reasons: [],
      why: [],
    });
    expect(consentDecision(wgadOnly, { kind: 'mechanism', mechanism: 'iachr' })).toEqual({
      allowed: false,
      reasons: ['consent does not name the mechanism iachr'],
      why: [{ code: 'consent-other-mechanism', mechanism: 'iachr' }],
    });
    expect(consentDecision(wgadOnly, { kind: 'public' }).allowed).toBe(false);
    expect(
      consentDecision(consent({ scope: 'public' }), { kind: 'mechanism', mechanism: 'iachr' })
        .allowed,
    ).toBe(true);
    expect(consentDecision(consent({}), { kind: 'mechanism', mechanism: 'wgad' }).reasons).toEqual([
      'consent covers internal use only',
    ]);
    expect(consentDecision(null, { kind: 'public' }).reasons).toEqual(['no consent was recorded']);
    expect(consentDecision(null, { kind: 'internal' }).allowed).toBe(true);
    const withdrawn = consent({ scope: 'public', withdrawn: true, withdrawnOn: '2024-05-01' });
    expect(consentDecision(withdrawn, { kind: 'public' })).toEqual({
      allowed: false,
      reasons: ['consent was withdrawn on 2024-05-01'],
      why: [{ code: 'consent-withdrawn', on: '2024-05-01' }],
    });
    expect(consentDecision(null, { kind: 'public' }).why).toEqual([{ code: 'consent-missing' }]);
    expect(
      consentDecision(consent({ scope: 'partners' }), { kind: 'public' }).why.map((r) => r.code),
    ).toEqual(['consent-partners-not-public']);
  });

  it('name people only as agreed', () => {
    expect(nameForOutput('Amal Hassan', consent({ naming: 'name' }))).toBe('Amal Hassan');
    expect(nameForOutput('Amal Hassan', consent({ naming: 'initials' }))).toBe('A. H.');
    expect(nameForOutput('أمل حسن', consent({ naming: 'initials' }))).toBe('أ. ح.');
    expect(nameForOutput('Amal Hassan', consent({ naming: 'pseudonym', pseudonym: 'Rose' }))).toBe(
      'Rose',
    );
    expect(nameForOutput('Amal Hassan', consent({ naming: 'pseudonym' }), 'Lily')).toBe('Lily');
    expect(nameForOutput('Amal Hassan', consent({ naming: 'pseudonym' }))).toBeNull();
    expect(nameForOutput('Amal Hassan', consent({ naming: 'none' }))).toBeNull();
    expect(nameForOutput('Amal Hassan', null)).toBeNull();
    expect(nameForOutput('Amal Hassan', consent({ naming: 'name', withdrawn: true }))).toBeNull();
    expect(initialsOf('  Jean-Pierre  "Dupont" ')).toBe('J. D.');
  });
});
