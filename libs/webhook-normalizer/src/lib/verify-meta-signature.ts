import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX = /^[0-9a-f]+$/i;

function matches(rawBody: Buffer, header: string | undefined, algorithm: 'sha256' | 'sha1', appSecret: string): boolean {
  if (header === undefined) return false;
  const prefix = `${algorithm}=`;
  const trimmed = header.trim();
  if (!trimmed.toLowerCase().startsWith(prefix)) return false;
  const received = trimmed.slice(prefix.length);
  if (!HEX.test(received)) return false;
  const expected = createHmac(algorithm, appSecret).update(rawBody).digest();
  const given = Buffer.from(received, 'hex');
  // timingSafeEqual throws on unequal lengths; the length itself is not secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Checks Meta's webhook signature over the exact bytes received (Meta signs the escaped-unicode
 * JSON it sent; re-serialising parsed JSON breaks the HMAC). `X-Hub-Signature-256: sha256=<hex>` is
 * preferred; when it is absent the legacy `X-Hub-Signature: sha1=<hex>` is accepted. A present but
 * wrong sha256 header fails even if a sha1 header would match. An empty app secret never verifies.
 */
export function verifyMetaSignature(rawBody: Buffer, headerValue256: string | undefined, headerValueSha1: string | undefined, appSecret: string): boolean {
  if (!Buffer.isBuffer(rawBody) || typeof appSecret !== 'string' || appSecret.length === 0) return false;
  const has256 = typeof headerValue256 === 'string' && headerValue256.trim().length > 0;
  if (has256) return matches(rawBody, headerValue256, 'sha256', appSecret);
  const hasSha1 = typeof headerValueSha1 === 'string' && headerValueSha1.trim().length > 0;
  return hasSha1 ? matches(rawBody, headerValueSha1, 'sha1', appSecret) : false;
}
