import { createHmac } from 'node:crypto';
import { verifyMetaSignature } from './verify-meta-signature';

const SECRET = 'app-secret-for-tests';
// Meta sends non-ASCII as \uXXXX escapes and signs exactly those bytes.
const RAW = Buffer.from('{"object":"page","entry":[{"message":{"text":"\\u00e4\\u00f6\\u00e5 \\ud83d\\ude00"}}]}', 'utf8');

const sign = (algorithm: 'sha256' | 'sha1', body: Buffer, secret = SECRET) => `${algorithm}=${createHmac(algorithm, secret).update(body).digest('hex')}`;

describe('verifyMetaSignature', () => {
  it('accepts a valid sha256 signature over the raw escaped bytes', () => {
    expect(verifyMetaSignature(RAW, sign('sha256', RAW), undefined, SECRET)).toBe(true);
  });

  it('accepts upper-case hex and surrounding whitespace', () => {
    expect(verifyMetaSignature(RAW, ` ${sign('sha256', RAW).toUpperCase().replace('SHA256=', 'sha256=')} `, undefined, SECRET)).toBe(true);
  });

  it('rejects a signature computed over the decoded (re-serialised) JSON', () => {
    const decoded = Buffer.from(JSON.stringify(JSON.parse(RAW.toString('utf8'))), 'utf8');
    expect(decoded.equals(RAW)).toBe(false);
    expect(verifyMetaSignature(RAW, sign('sha256', decoded), undefined, SECRET)).toBe(false);
  });

  it('rejects a wrong secret, a tampered body, and a different algorithm prefix', () => {
    expect(verifyMetaSignature(RAW, sign('sha256', RAW, 'other'), undefined, SECRET)).toBe(false);
    expect(verifyMetaSignature(Buffer.concat([RAW, Buffer.from(' ')]), sign('sha256', RAW), undefined, SECRET)).toBe(false);
    expect(verifyMetaSignature(RAW, sign('sha256', RAW).replace('sha256=', 'sha1='), undefined, SECRET)).toBe(false);
  });

  it('rejects missing or empty headers and an empty secret', () => {
    expect(verifyMetaSignature(RAW, undefined, undefined, SECRET)).toBe(false);
    expect(verifyMetaSignature(RAW, '', '', SECRET)).toBe(false);
    expect(verifyMetaSignature(RAW, 'sha256=', undefined, SECRET)).toBe(false);
    expect(verifyMetaSignature(RAW, sign('sha256', RAW, ''), undefined, '')).toBe(false);
  });

  it('rejects length mismatches and non-hex without throwing', () => {
    const good = sign('sha256', RAW);
    expect(verifyMetaSignature(RAW, good.slice(0, -2), undefined, SECRET)).toBe(false);
    expect(verifyMetaSignature(RAW, `${good}00`, undefined, SECRET)).toBe(false);
    expect(verifyMetaSignature(RAW, `${good.slice(0, -1)}`, undefined, SECRET)).toBe(false);
    expect(verifyMetaSignature(RAW, 'sha256=zz' + good.slice(9), undefined, SECRET)).toBe(false);
  });

  it('accepts the legacy sha1 header when no sha256 header is present', () => {
    expect(verifyMetaSignature(RAW, undefined, sign('sha1', RAW), SECRET)).toBe(true);
    expect(verifyMetaSignature(RAW, undefined, sign('sha1', RAW, 'other'), SECRET)).toBe(false);
    expect(verifyMetaSignature(RAW, undefined, sign('sha256', RAW), SECRET)).toBe(false);
  });

  it('prefers sha256: a wrong sha256 is not rescued by a valid sha1', () => {
    expect(verifyMetaSignature(RAW, sign('sha256', RAW, 'other'), sign('sha1', RAW), SECRET)).toBe(false);
    expect(verifyMetaSignature(RAW, sign('sha256', RAW), 'sha1=garbage', SECRET)).toBe(true);
  });
});
