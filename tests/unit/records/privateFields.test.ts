import { describe, expect, it } from 'vitest';
import {
  isPrivateField,
  PRIVATE_FIELDS,
  withholdPrivate,
} from '../../../shared/domain/privateFields';

describe('private fields', () => {
  it('are listed per record type in one place', () => {
    expect(PRIVATE_FIELDS.person.map((f) => f.path)).toEqual(
      expect.arrayContaining(['contact', 'residence', 'identityDocuments[].number']),
    );
    expect(PRIVATE_FIELDS.event.map((f) => f.path)).toEqual([
      'location.latitude',
      'location.longitude',
    ]);
    expect(isPrivateField('person', 'contact.phone')).toBe(true);
    expect(isPrivateField('person', 'name')).toBe(false);
  });

  it('are withheld from a copy of a record, which lists what it withheld', () => {
    const person = {
      name: 'Amal',
      residence: '12 Nile Street',
      contact: { phone: '+20', email: '', messaging: '', address: '', other: '' },
      identityDocuments: [
        { type: 'passport', number: 'A123', issuedBy: 'MoI' },
        { type: 'national-id', number: '', issuedBy: '' },
      ],
      notes: '',
      consent: { scope: 'public', notes: 'asked twice' },
    };
    const { record, withheld } = withholdPrivate('person', person);
    expect(record).toEqual({
      name: 'Amal',
      residence: '',
      contact: { phone: '', email: '', messaging: '', address: '', other: '' },
      identityDocuments: [
        { type: 'passport', number: '', issuedBy: 'MoI' },
        { type: 'national-id', number: '', issuedBy: '' },
      ],
      notes: '',
      // Notes on consent are internal working data, not a private field (see the audience rule).
      consent: { scope: 'public', notes: 'asked twice' },
    });
    expect(withheld).toEqual(['contact', 'residence', 'identityDocuments[0].number']);
    expect(person.contact.phone).toBe('+20');
    const event = withholdPrivate('event', {
      location: { country: 'EG', latitude: 30.1, longitude: 31.2 },
    });
    expect(event.record).toEqual({ location: { country: 'EG', latitude: null, longitude: null } });
  });
});
