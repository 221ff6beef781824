import { createHmac } from 'node:crypto';
import { verifyMetaSignature } from '@ticklegram/webhook-normalizer';
import { claimedSignature, StreamingSignature } from './streaming-signature';

const sign = (algorithm: 'sha256' | 'sha1', body: Buffer, secret: string) => `${algorithm}=${createHmac(algorithm, secret).update(body).digest('hex')}`;

/** Feeds the body in uneven chunks, as a socket would. */
function streamed(body: Buffer, sha256: string | undefined, sha1: string | undefined, secrets: string[]): boolean {
  const claimed = claimedSignature(sha256, sha1);
  if (!claimed) return false;
  const check = new StreamingSignature(claimed, secrets);
  for (let i = 0; i < body.length; i += 7) check.update(body.subarray(i, i + 7));
  return check.matches();
}

describe('streaming webhook signature', () => {
  const body = Buffer.from('{"object":"page","entry":[{"id":"1","messaging":[{"message":{"text":"h\\u00e9llo \\ud83d\\ude00"}}]}]}');
  const secret = 'app-secret';

  it.each([
    ['a good sha256 signature', sign('sha256', body, secret), undefined],
    ['a good legacy sha1 signature without sha256', undefined, sign('sha1', body, secret)],
    ['an upper-case hex digest', sign('sha256', body, secret).toUpperCase().replace('SHA256=', 'sha256='), undefined],
    ['a wrong sha256 even with a good sha1', sign('sha256', body, 'other'), sign('sha1', body, secret)],
    ['the signature of other bytes', sign('sha256', Buffer.from(body.toString('utf8').replace('1', '2')), secret), undefined],
    ['no signature', undefined, undefined],
    ['a malformed header', 'sha256=zz', undefined],
    ['a truncated digest', sign('sha256', body, secret).slice(0, 40), undefined],
    ['an sha1 digest in the sha256 header', `sha256=${createHmac('sha1', secret).update(body).digest('hex')}`, undefined],
  ])('agrees with verifyMetaSignature on %s', (_label, sha256, sha1) => {
    expect(streamed(body, sha256, sha1, [secret])).toBe(verifyMetaSignature(body, sha256, sha1, secret));
  });

  it('accepts a signature by any configured secret (Facebook or Instagram app), never by an empty one', () => {
    expect(streamed(body, sign('sha256', body, 'instagram-secret'), undefined, [secret, 'instagram-secret'])).toBe(true);
    expect(streamed(body, sign('sha256', body, ''), undefined, [''])).toBe(false);
  });

  it('knows a missing or malformed signature from the headers alone', () => {
    expect(claimedSignature(undefined, undefined)).toBeNull();
    expect(claimedSignature('  ', undefined)).toBeNull();
    expect(claimedSignature('sha1=abc', undefined)).toBeNull();
    expect(claimedSignature(`sha256=${'a'.repeat(64)}`, undefined)?.algorithm).toBe('sha256');
  });
});
