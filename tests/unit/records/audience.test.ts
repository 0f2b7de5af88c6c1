import { describe, expect, it } from 'vitest';
import {
  audienceRule,
  audienceSchema,
  consentSchema,
  describeAudience,
  INTERNAL_FIELDS,
  parseAudience,
  PRIVATE_FIELDS,
  type Audience,
  type ConsentRecord,
} from '../../../shared/domain';

const consent = (over: Partial<ConsentRecord>): ConsentRecord => consentSchema.parse({ ...over });
const wgad: Audience = { kind: 'mechanism', mechanism: 'wgad' };
const iachr: Audience = { kind: 'mechanism', mechanism: 'iachr' };
const partners: Audience = { kind: 'partners' };
const publicAudience: Audience = { kind: 'public' };
const AUDIENCES = [wgad, iachr, partners, publicAudience];

/** Which of the four audiences a consent covers, as a compact string for the table below. */
function covered(record: ConsentRecord | null): string {
  return AUDIENCES.map((a) =>
    audienceRule(a, false).covers(record).allowed ? describeAudience(a) : '-',
  ).join(' | ');
}

describe('the audience rule', () => {
  it('decides from each scope which audiences a record may go to', () => {
    expect(covered(null)).toBe('- | - | - | -');
    expect(covered(consent({}))).toBe('- | - | - | -');
    expect(covered(consent({ scope: 'partners' }))).toBe('- | - | partner organisations | -');
    expect(covered(consent({ scope: 'named-mechanisms', mechanisms: ['wgad'] }))).toBe(
      'the mechanism wgad | - | - | -',
    );
    // Partners only when the consent names them as well.
    expect(
      covered(consent({ scope: 'named-mechanisms', mechanisms: ['wgad', 'partner-ngos'] })),
    ).toBe('the mechanism wgad | - | partner organisations | -');
    expect(covered(consent({ scope: 'named-mechanisms', mechanisms: ['partner-ngos'] }))).toBe(
      '- | - | partner organisations | -',
    );
    // Publication reaches everyone, so it covers every audience.
    expect(covered(consent({ scope: 'public' }))).toBe(
      'the mechanism wgad | the mechanism iachr | partner organisations | the public',
    );
    // A withdrawn consent covers nothing, whatever its scope.
    for (const scope of ['partners', 'public'] as const)
      expect(covered(consent({ scope, withdrawn: true }))).toBe('- | - | - | -');
  });

  it('says why a record may not go', () => {
    const reasons = (record: ConsentRecord | null, audience: Audience) =>
      audienceRule(audience, false).covers(record).reasons;
    expect(reasons(consent({ scope: 'partners' }), wgad)).toEqual([
      'consent covers partner organisations, not mechanisms',
    ]);
    expect(reasons(consent({ scope: 'partners' }), publicAudience)).toEqual([
      'consent covers partner organisations, not publication',
    ]);
    expect(reasons(consent({ scope: 'named-mechanisms', mechanisms: ['wgad'] }), partners)).toEqual(
      ['consent names mechanisms, not partner organisations'],
    );
    expect(reasons(consent({}), partners)).toEqual(['consent covers internal use only']);
    expect(
      reasons(consent({ scope: 'partners', withdrawn: true, withdrawnOn: '2024-05-01' }), partners),
    ).toEqual(['consent was withdrawn on 2024-05-01']);
    expect(reasons(null, partners)).toEqual(['no consent was recorded']);
  });

  it('gives internal working data to partners only, and private fields only when asked', () => {
    for (const audience of AUDIENCES) {
      const rule = audienceRule(audience, false);
      const paths = rule.withheldFields('person').map((f) => f.path);
      expect(paths, describeAudience(audience)).toEqual(
        expect.arrayContaining(PRIVATE_FIELDS.person.map((f) => f.path)),
      );
      const internal = INTERNAL_FIELDS.person.map((f) => f.path);
      if (audience.kind === 'partners') {
        expect(rule.internal).toBe(true);
        expect(rule.caseData).toBe('full');
        expect(paths.filter((p) => internal.includes(p))).toEqual([]);
      } else {
        expect(rule.internal).toBe(false);
        expect(rule.caseData).toBe('release');
        expect(paths).toEqual(expect.arrayContaining(internal));
        expect(rule.withheldFields('case').map((f) => f.path)).toEqual([
          'status',
          'tags',
          'confidentiality',
        ]);
        expect(rule.withheldFields('event').map((f) => f.path)).toContain('sources[].reliability');
      }
    }
    expect(audienceRule(partners, true).withheldFields('person')).toEqual([]);
    expect(
      audienceRule(wgad, true)
        .withheldFields('event')
        .map((f) => f.path),
    ).not.toContain('location.latitude');
  });

  it('never publishes private fields: asking for them with the public fails', () => {
    expect(() => audienceRule(publicAudience, true)).toThrow(/never published/);
  });

  it('reads the --for value, and refuses what names no audience', () => {
    expect(parseAudience('partners')).toEqual(partners);
    expect(parseAudience('public')).toEqual(publicAudience);
    expect(parseAudience('wgad')).toEqual(wgad);
    expect(parseAudience('partner-ngos')).toHaveProperty(
      'error',
      expect.stringMatching(/"partners"/),
    );
    for (const bad of ['', 'WGAD', '../x', 'a b', '-x'])
      expect(parseAudience(bad), bad).toHaveProperty('error');
    expect(audienceSchema.safeParse({ kind: 'partners' }).success).toBe(true);
    expect(audienceSchema.safeParse({ kind: 'mechanism', mechanism: 'partner-ngos' }).success).toBe(
      false,
    );
    expect(audienceSchema.safeParse({ kind: 'partners', mechanism: 'x' }).success).toBe(false);
  });
});
