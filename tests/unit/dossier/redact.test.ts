import { describe, expect, it } from 'vitest';
import { caseDocumentSchema, type CaseDocumentInput } from '../../../shared/domain';
import { redactCase } from '../../../electron/core/dossier/redact';
import { buildNameIndex, findMentions } from '../../../electron/core/release';

const ids = {
  case: '00000000-0000-4000-8000-000000000001',
  victim: '00000000-0000-4000-8000-000000000002',
  witness: '00000000-0000-4000-8000-000000000003',
  officer: '00000000-0000-4000-8000-000000000004',
  t1: '00000000-0000-4000-8000-000000000005',
  t2: '00000000-0000-4000-8000-000000000006',
  e1: '00000000-0000-4000-8000-000000000007',
};

const wgad = { scope: 'named-mechanisms' as const, mechanisms: ['wgad'], givenOn: '2024-01-01' };
const words = {
  person: (n: number) => `Person ${n}`,
  someone: 'a person',
  anonymousWitness: 'Anonymous witness',
};

function doc(overrides: Partial<CaseDocumentInput> = {}) {
  const input: CaseDocumentInput = {
    format: 'vigil-case',
    version: 1,
    case: {
      id: ids.case,
      title: 'Arrest of José Martínez Ávila',
      summary: 'JOSE MARTINEZ was seen by Amal Hassan. Officer Hassan Youssef denied it.',
    },
    persons: [
      {
        id: ids.victim,
        name: 'José Martínez Ávila',
        familyName: 'Martínez Ávila',
        givenName: 'José',
        roles: ['victim'],
        contact: { phone: '+1 555 0100' },
        consent: { ...wgad, naming: 'initials' },
      },
      {
        id: ids.witness,
        name: 'Amal Hassan',
        aliases: ['أمل حسن'],
        roles: ['witness'],
        consent: { ...wgad, naming: 'name' },
      },
      { id: ids.officer, name: 'Hassan Youssef', roles: ['perpetrator'] },
    ],
    events: [
      {
        id: ids.e1,
        eventType: 'arbitrary-arrest',
        description: 'Martínez was beaten; amal hassan (أمل حسن) filmed it.',
        victims: [ids.victim],
      },
    ],
    testimonies: [
      {
        id: ids.t1,
        witnessId: ids.witness,
        statement: 'I saw José being taken.',
        interviewer: 'Interviewer X',
        consent: { ...wgad, naming: 'initials' },
      },
      {
        id: ids.t2,
        witnessId: ids.witness,
        statement: 'Second statement, withdrawn.',
        consent: { ...wgad, naming: 'name', withdrawn: true },
      },
    ],
    ...overrides,
  };
  return caseDocumentSchema.parse(input);
}

describe('redaction by consent', () => {
  it('matches names whatever their case and accents, as whole words only', () => {
    const index = buildNameIndex([{ id: 'p', names: ['José Martínez'] }]);
    const text = 'jose martinez, JOSÉ MARTÍNEZ, Jose\u0301 Marti\u0301nez and Josémartínez';
    expect(findMentions(index, text).map((m) => m.text)).toEqual([
      'jose martinez',
      'JOSÉ MARTÍNEZ',
      'Jose\u0301 Marti\u0301nez',
    ]);
  });

  it('names each person only as their consent and their testimonies allow, everywhere', () => {
    const redacted = redactCase(doc(), null, {
      audience: { kind: 'mechanism', mechanism: 'wgad' },
      includePrivate: false,
      words,
    });
    // The victim allows initials; the witness allows her name, but her included testimony allows initials only.
    expect(redacted.persons.map((p) => p.label)).toEqual(['J. M. Á.', 'A. H.', 'Hassan Youssef']);
    const text = JSON.stringify(redacted.document);
    for (const name of ['José', 'Martínez', 'Ávila', 'JOSE MARTINEZ', 'Amal', 'أمل حسن'])
      expect(text).not.toContain(name);
    // The perpetrator shares a word with the witness's name: his own name stays whole.
    expect(text).toContain('Officer Hassan Youssef denied it');
    expect(redacted.testimonies.map((t) => t.witnessLabel)).toEqual(['A. H.']);
    expect(text).not.toContain('Second statement');
    expect(text).not.toContain('+1 555 0100');
    expect(text).not.toContain('Interviewer X');
    expect(redacted.withheld.map((w) => `${w.kind}: ${w.reason}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^testimony: consent was withdrawn/),
        'field: contact details',
        'field: who took the testimony',
        // Internal working data never goes to a mechanism.
        'field: case status',
        expect.stringMatching(/^name: consent allows only/),
      ]),
    );
    // The same lines as data, for a UI in another language: the record's own name and codes.
    const coded = redacted.withheld.map((w) => [w.kind, w.field, w.why?.map((r) => r.code)]);
    expect(coded).toEqual(
      expect.arrayContaining([
        ['testimony', null, ['consent-withdrawn']],
        ['field', 'contact', ['private-field']],
        ['field', 'interviewer', ['private-field']],
        ['field', 'status', ['internal-field']],
        ['name', 'name', ['name-initials-only']],
      ]),
    );
    for (const item of redacted.withheld) {
      expect(item.subject, `${item.kind} ${item.what}`).toBeDefined();
      expect(item.why?.length, `${item.kind} ${item.what}`).toBeGreaterThan(0);
    }
    const name = redacted.withheld.find((w) => w.kind === 'name')!;
    expect(name.subject).toMatchObject({ shownAs: 'J. M. Á.' });
    expect(redacted.releaser.mentions(text).filter((m) => m.certain)).toEqual([]);
    expect(
      redacted.releaser.mentions('a report about jose martinez').map((m) => [m.text, m.certain]),
    ).toEqual([['jose martinez', true]]);
  });

  it('leaves out a person, and their testimony, when consent does not cover the audience', () => {
    const redacted = redactCase(doc(), null, {
      audience: { kind: 'mechanism', mechanism: 'iachr' },
      includePrivate: false,
      words,
    });
    // Neither appears at all: no placeholder, no row, no victim reference; the perpetrator stays.
    expect(redacted.persons.map((p) => p.label)).toEqual(['Hassan Youssef']);
    expect(redacted.document.persons.map((p) => p.id)).toEqual([ids.officer]);
    expect(redacted.document.events[0]!.victims).toEqual([]);
    expect(redacted.document.testimonies).toEqual([]);
    expect(redacted.consent.filter((c) => !c.covers).map((c) => c.reasons[0])).toEqual([
      'consent does not name the mechanism iachr',
      'consent does not name the mechanism iachr',
    ]);
    const text = JSON.stringify(redacted.document);
    for (const name of ['José', 'Martínez', 'Amal', 'أمل', 'Person 1', ids.victim, ids.witness])
      expect(text).not.toContain(name);
    // A mention of someone left out becomes a neutral word, never a numbered placeholder.
    const description = redacted.document.events[0]!.description;
    expect(description).not.toMatch(/Person \d/);
    expect(description).toMatch(/^A victim was beaten; .* filmed it\.$/);
    // The sender's report says who was left out, and why.
    expect(redacted.withheld.filter((w) => w.kind === 'person').map((w) => w.record.id)).toEqual([
      ids.victim,
      ids.witness,
    ]);
  });

  it('keeps private fields when the user includes them, never a withdrawn testimony', () => {
    const redacted = redactCase(doc(), null, {
      audience: { kind: 'mechanism', mechanism: 'wgad' },
      includePrivate: true,
      words,
    });
    const text = JSON.stringify(redacted.document);
    expect(text).toContain('+1 555 0100');
    expect(text).toContain('Interviewer X');
    expect(text).not.toContain('Second statement, withdrawn.');
  });

  it('names nobody without a consent record, except perpetrators', () => {
    const redacted = redactCase(
      doc({
        persons: [
          { id: ids.victim, name: 'Nadia Karim', roles: ['victim'] },
          { id: ids.officer, name: 'Hassan Youssef', roles: ['perpetrator'] },
        ],
        events: [],
        testimonies: [],
      }),
      null,
      {
        audience: { kind: 'public' },
        includePrivate: false,
        words,
      },
    );
    expect(redacted.persons.map((p) => p.label)).toEqual(['Hassan Youssef']);
    expect(redacted.consent[0]).toMatchObject({ consent: 'missing', covers: false, label: null });
  });
});
