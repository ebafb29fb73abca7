import { normaliseEmail, normalisePhone } from '../../../src/domain/contacts/normalise';

describe('contact normal forms', () => {
  it('lower-cases and trims e-mail, and refuses what is not an address', () => {
    expect(normaliseEmail('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
    expect(normaliseEmail('not-an-email')).toBeUndefined();
    expect(normaliseEmail('')).toBeUndefined();
  });

  it('writes international phone notations as E.164 and refuses a national number it would have to guess', () => {
    expect(normalisePhone('+44 7700 900123')).toBe('+447700900123');
    expect(normalisePhone('0044 (7700) 900-123')).toBe('+447700900123');
    expect(normalisePhone('447700900123')).toBe('+447700900123');
    expect(normalisePhone('\u202a+49 151 2345678\u202c')).toBe('+491512345678');
    expect(normalisePhone('07700 900123')).toBeUndefined();
    expect(normalisePhone('+12')).toBeUndefined();
    expect(normalisePhone('call me')).toBeUndefined();
  });
});
