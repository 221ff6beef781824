import { MetaGraphError, MetaGraphErrorKind } from './meta-graph.error';
import { backoffDelayMs, decideRetry, resolveRetryOptions } from './retry-policy';

function err(kind: MetaGraphErrorKind, retryAfterMs?: number): MetaGraphError {
  return new MetaGraphError({ kind, message: kind, userMessage: kind, retryAfterMs });
}

describe('retry policy', () => {
  const options = resolveRetryOptions({ maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000, random: () => 0.5 });

  it('grows exponentially with jitter inside [d/2, d] and is capped', () => {
    expect(backoffDelayMs(1, options)).toBe(75);
    expect(backoffDelayMs(2, options)).toBe(150);
    expect(backoffDelayMs(3, options)).toBe(300);
    expect(backoffDelayMs(10, options)).toBe(750);
    const lo = resolveRetryOptions({ baseDelayMs: 100, random: () => 0 });
    const hi = resolveRetryOptions({ baseDelayMs: 100, random: () => 0.999999 });
    expect(backoffDelayMs(3, lo)).toBe(200);
    expect(backoffDelayMs(3, hi)).toBe(400);
  });

  it.each<MetaGraphErrorKind>([
    'reauth_required',
    'outside_window',
    'recipient_unavailable',
    'permission',
    'invalid_request',
    'temporarily_blocked',
    'thread_controlled',
    'unknown',
  ])('never retries %s', (kind) => {
    expect(decideRetry(err(kind), 1, options, false).retry).toBe(false);
  });

  it('retries retryable errors until maxAttempts', () => {
    expect(decideRetry(err('retryable'), 1, options, false)).toEqual({ retry: true, delayMs: 75 });
    expect(decideRetry(err('retryable'), 3, options, false).retry).toBe(true);
    expect(decideRetry(err('retryable'), 4, options, false).retry).toBe(false);
  });

  it('does not replay ambiguous failures of non-idempotent calls', () => {
    expect(decideRetry(err('retryable'), 1, options, true).retry).toBe(false);
  });

  it('honours a short rate-limit wait and gives up on a long one', () => {
    expect(decideRetry(err('rate_limited', 2000), 1, options, false)).toEqual({ retry: true, delayMs: 2000 });
    expect(decideRetry(err('rate_limited', 60_000), 1, options, false).retry).toBe(false);
    expect(decideRetry(err('rate_limited'), 2, options, false)).toEqual({ retry: true, delayMs: 150 });
  });
});
