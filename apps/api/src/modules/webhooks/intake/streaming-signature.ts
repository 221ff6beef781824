import { createHmac, Hmac, timingSafeEqual } from 'node:crypto';

type Algorithm = 'sha256' | 'sha1';

/** The signature a request claims: `X-Hub-Signature-256`, or the legacy sha1 header when that is absent. */
export interface ClaimedSignature {
  algorithm: Algorithm;
  digest: Buffer;
}

const PATTERN: Record<Algorithm, RegExp> = { sha256: /^sha256=([0-9a-f]{64})$/i, sha1: /^sha1=([0-9a-f]{40})$/i };

/**
 * Reads the claimed signature from the headers, or null when it is missing or malformed — known before
 * a byte of the body is read, so such a request is refused without buffering anything. Same precedence
 * as `verifyMetaSignature`: a present sha256 header decides, even if a sha1 header would match.
 */
export function claimedSignature(sha256: string | undefined, sha1: string | undefined): ClaimedSignature | null {
  const pick = (algorithm: Algorithm, header: string): ClaimedSignature | null => {
    const hex = PATTERN[algorithm].exec(header.trim())?.[1];
    return hex ? { algorithm, digest: Buffer.from(hex, 'hex') } : null;
  };
  if (sha256 !== undefined && sha256.trim() !== '') return pick('sha256', sha256);
  if (sha1 !== undefined && sha1.trim() !== '') return pick('sha1', sha1);
  return null;
}

/**
 * HMAC of the body as it streams in, under every accepted app secret, so the signature is known the
 * moment the last chunk arrives (no second pass over a large body).
 */
export class StreamingSignature {
  private readonly hmacs: Hmac[];

  constructor(
    private readonly claimed: ClaimedSignature,
    secrets: readonly string[],
  ) {
    this.hmacs = secrets.filter((s) => s.length > 0).map((secret) => createHmac(claimed.algorithm, secret));
  }

  update(chunk: Buffer): void {
    for (const hmac of this.hmacs) hmac.update(chunk);
  }

  /** Whether one of the secrets signed exactly the bytes seen; call once, after the last chunk. */
  matches(): boolean {
    let ok = false;
    for (const hmac of this.hmacs) {
      const expected = hmac.digest();
      // evaluate every secret: the time taken does not tell which one matched
      if (expected.length === this.claimed.digest.length && timingSafeEqual(expected, this.claimed.digest)) ok = true;
    }
    return ok;
  }
}
