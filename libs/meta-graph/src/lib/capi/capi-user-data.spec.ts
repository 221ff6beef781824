import { createHash } from 'node:crypto';
import { buildCapiUserData, hashUserDataValue, normalizeDateOfBirth, normalizeUserDataValue } from './capi-user-data';

const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

describe('CAPI user_data normalisation', () => {
  it.each([
    ['em', '  John.Doe@Example.COM ', 'john.doe@example.com'],
    ['ph', '+1 (650) 555-1212', '16505551212'],
    ['ph', '0044 20 7946 0958', '442079460958'],
    ['fn', '  Mary-Ann ', 'maryann'],
    ['fn', 'Émilie', 'émilie'],
    ['ln', "O'Brien", 'obrien'],
    ['ct', 'San Francisco', 'sanfrancisco'],
    ['ct', 'Saint-Étienne', 'saintétienne'],
    ['st', 'CA', 'ca'],
    ['st', ' ny ', 'ny'],
    ['zp', '94025-1234', '94025'],
    ['zp', 'SW1A 1AA', 'sw1a1aa'],
    ['country', 'US', 'us'],
    ['ge', 'Female', 'f'],
    ['ge', 'M', 'm'],
    ['db', '1990-02-07', '19900207'],
    ['db', '19900207', '19900207'],
    ['external_id', ' crm-42 ', 'crm-42'],
  ] as const)('%s %j → %j', (field, input, normalized) => {
    expect(normalizeUserDataValue(field, input)).toBe(normalized);
    expect(hashUserDataValue(field, input)).toBe(sha(normalized));
  });

  it('drops values that normalise to nothing', () => {
    expect(normalizeUserDataValue('em', '   ')).toBeUndefined();
    expect(normalizeUserDataValue('ge', 'x')).toBeUndefined();
    expect(normalizeUserDataValue('db', 'yesterday')).toBeUndefined();
  });

  it('reads a Date of birth in UTC', () => {
    expect(normalizeDateOfBirth(new Date(Date.UTC(1985, 11, 3)))).toBe('19851203');
  });

  it('does not re-hash values that are already SHA-256 digests', () => {
    const digest = sha('john@example.com');
    expect(hashUserDataValue('em', digest)).toBe(digest);
  });

  it('hashes contact fields into arrays and never hashes technical identifiers', () => {
    const wire = buildCapiUserData({
      em: ['A@x.com', 'a@X.com '],
      ph: '+44 7700 900123',
      client_ip_address: '203.0.113.7',
      client_user_agent: 'Mozilla/5.0',
      fbc: 'fb.1.1700000000000.AbCdEf',
      fbp: 'fb.1.1700000000000.123456',
      page_id: '104825791234560',
      page_scoped_user_id: '7123456789012345',
      ig_account_id: '17841400000000001',
      ig_sid: '6543210987654321',
    });
    expect(wire.em).toEqual([sha('a@x.com')]);
    expect(wire.ph).toEqual([sha('447700900123')]);
    expect(wire.client_ip_address).toBe('203.0.113.7');
    expect(wire.client_user_agent).toBe('Mozilla/5.0');
    expect(wire.fbc).toBe('fb.1.1700000000000.AbCdEf');
    expect(wire.fbp).toBe('fb.1.1700000000000.123456');
    expect(wire.page_scoped_user_id).toBe('7123456789012345');
    expect(wire.ig_sid).toBe('6543210987654321');
    expect(wire.fn).toBeUndefined();
  });
});
