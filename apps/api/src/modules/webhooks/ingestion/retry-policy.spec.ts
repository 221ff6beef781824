import { MAX_BACKOFF_MS, nextAttempt } from './retry-policy';

describe('nextAttempt (webhook retry policy)', () => {
  const settings = { maxAttempts: 5, retryBaseMs: 1000 };
  const now = 1_000_000;

  it('doubles the wait per attempt, with the jitter inside ±20 %', () => {
    expect(nextAttempt(1, settings, false, now, () => 0.5).nextAttemptAt.getTime()).toBe(now + 1000);
    expect(nextAttempt(3, settings, false, now, () => 0.5).nextAttemptAt.getTime()).toBe(now + 4000);
    expect(nextAttempt(3, settings, false, now, () => 0).nextAttemptAt.getTime()).toBe(now + 3200);
    expect(nextAttempt(3, settings, false, now, () => 0.999999).nextAttemptAt.getTime()).toBe(now + 4800);
  });

  it('caps the wait at ten minutes', () => {
    const { nextAttemptAt } = nextAttempt(40, { maxAttempts: 50, retryBaseMs: 1000 }, false, now, () => 0.5);
    expect(nextAttemptAt.getTime()).toBe(now + MAX_BACKOFF_MS);
  });

  it('is dead after the last attempt, or at once when retrying cannot help', () => {
    expect(nextAttempt(4, settings, false, now).dead).toBe(false);
    expect(nextAttempt(5, settings, false, now)).toEqual({ dead: true, nextAttemptAt: new Date(now) });
    expect(nextAttempt(1, settings, true, now).dead).toBe(true);
  });
});
