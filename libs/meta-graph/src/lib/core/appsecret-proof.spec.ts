import { createHmac } from 'node:crypto';
import { computeAppSecretProof } from './appsecret-proof';

describe('computeAppSecretProof', () => {
  it('is the hex HMAC-SHA256 of the token keyed with the app secret', () => {
    const expected = createHmac('sha256', 'app-secret').update('EAAB-token').digest('hex');
    expect(computeAppSecretProof('EAAB-token', 'app-secret')).toBe(expected);
    expect(expected).toMatch(/^[a-f0-9]{64}$/);
  });

  it('matches a published HMAC-SHA256 test vector (RFC 4231 case 2)', () => {
    expect(computeAppSecretProof('what do ya want for nothing?', 'Jefe')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('changes with the secret', () => {
    expect(computeAppSecretProof('t', 'a')).not.toBe(computeAppSecretProof('t', 'b'));
  });
});
