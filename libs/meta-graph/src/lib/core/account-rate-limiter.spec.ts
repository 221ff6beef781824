import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AccountRateLimiter, LimiterSpec, RateClass } from './account-rate-limiter';
import { MetaGraphError } from './meta-graph.error';

/** Largest number of calls that fell inside any sliding window of `windowMs`. */
function maxInWindow(timestamps: number[], windowMs: number): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

async function burst(limiter: AccountRateLimiter, key: string, rateClass: RateClass, n: number): Promise<number[]> {
  const stamps: number[] = [];
  await Promise.all(
    Array.from({ length: n }, () =>
      limiter.acquire(key, rateClass).then(() => {
        stamps.push(performance.now());
      }),
    ),
  );
  return stamps;
}

describe('AccountRateLimiter', () => {
  it('never lets more than 10 audio/video sends per second through for one account', async () => {
    const limiter = new AccountRateLimiter();
    const stamps = await burst(limiter, 'page-1', 'media', 25);
    expect(stamps).toHaveLength(25);
    expect(maxInWindow(stamps, 1000)).toBeLessThanOrEqual(10);
    // the burst really was throttled: 25 calls need at least two extra windows
    expect(Math.max(...stamps) - Math.min(...stamps)).toBeGreaterThanOrEqual(1900);
  });

  it('never lets more than 300 text sends per second through, and accounts are independent', async () => {
    const limiter = new AccountRateLimiter();
    const [a, b] = await Promise.all([burst(limiter, 'ig-A', 'text', 650), burst(limiter, 'ig-B', 'text', 300)]);
    expect(maxInWindow(a, 1000)).toBeLessThanOrEqual(300);
    expect(maxInWindow(a, 1000)).toBe(300);
    expect(Math.max(...a) - Math.min(...a)).toBeGreaterThanOrEqual(1900);
    // account B had its own budget: all 300 went through at once
    expect(Math.max(...b) - Math.min(...b)).toBeLessThan(900);
  });

  it('fails fast with rate_limited when the private-reply budget (750/h) is spent', async () => {
    const limiter = new AccountRateLimiter({ maxQueueWaitMs: 1000 });
    await burst(limiter, 'page-1', 'private_reply', 750);
    const error = await limiter.acquire('page-1', 'private_reply').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetaGraphError);
    expect((error as MetaGraphError).kind).toBe('rate_limited');
    expect((error as MetaGraphError).retryAfterMs).toBeGreaterThan(3_500_000);
  });

  it('pauses an account whose Business Use Case usage crosses 90%, for the regain time Meta gives', async () => {
    let now = 1_000_000;
    const throttles: string[] = [];
    const limiter = new AccountRateLimiter({ now: () => now, maxQueueWaitMs: 50 }, (e) => throttles.push(`${e.accountKey}:${e.pauseMs}:${e.reason}`));
    limiter.observeUsage('page-1', { businessUseCase: { 'page-1': [{ type: 'messenger', call_count: 95, estimated_time_to_regain_access: 2 }] } });
    expect(limiter.pauseRemainingMs('page-1')).toBe(120_000);
    expect(limiter.pauseRemainingMs('page-2')).toBe(0);
    expect(throttles).toContain('page-1:120000:business_use_case_usage');
    const error = (await limiter.acquire('page-1', 'text').catch((e: unknown) => e)) as MetaGraphError;
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(120_000);
    now += 120_000;
    await expect(limiter.acquire('page-1', 'text')).resolves.toBeUndefined();
  });

  it('pauses every account when X-App-Usage is high, and ignores usage below the threshold', () => {
    const now = 5_000;
    const limiter = new AccountRateLimiter({ now: () => now, highUsagePauseMs: 7_000 });
    limiter.observeUsage('page-1', { app: { call_count: 50, total_cputime: 10, total_time: 89 } });
    expect(limiter.pauseRemainingMs('anything')).toBe(0);
    limiter.observeUsage('page-1', { app: { call_count: 91 } });
    expect(limiter.pauseRemainingMs('anything')).toBe(7_000);
  });

  it('waits out a short pause instead of failing', async () => {
    const limiter = new AccountRateLimiter({ maxQueueWaitMs: 1000 });
    limiter.pause('page-1', 150, 'rate_limited_error');
    const started = performance.now();
    await limiter.acquire('page-1', 'text');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('defers at once instead of waiting out a short pause when the caller asks (deferWhenPaused)', async () => {
    const limiter = new AccountRateLimiter({ maxQueueWaitMs: 10_000 });
    limiter.pause('page-1', 5_000, 'rate_limited_error');
    const started = performance.now();
    const error = (await limiter.acquire('page-1', 'conversations', true).catch((e: unknown) => e)) as MetaGraphError;
    expect(performance.now() - started).toBeLessThan(100);
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBeGreaterThan(4_000);
    await expect(limiter.acquire('page-2', 'conversations', true)).resolves.toBeUndefined();
  });

  it('builds its limiters through the factory (so a RateLimiterRedis can be swapped in)', async () => {
    const specs: LimiterSpec[] = [];
    const limiter = new AccountRateLimiter({
      factory: (spec) => {
        specs.push(spec);
        return new RateLimiterMemory({ points: spec.points, duration: spec.durationSec, keyPrefix: spec.keyPrefix });
      },
    });
    expect(specs.map((s) => [s.rateClass, s.points, s.durationSec])).toEqual([
      ['text', 300, 1.1],
      ['media', 10, 1.1],
      ['private_reply', 750, 3600],
      ['conversations', 2, 1.1],
      ['insights', 5, 1.1],
    ]);
    await limiter.acquire('x', 'conversations');
  });

  it('can be disabled', async () => {
    const limiter = new AccountRateLimiter({ enabled: false });
    const stamps = await burst(limiter, 'k', 'media', 50);
    expect(Math.max(...stamps) - Math.min(...stamps)).toBeLessThan(500);
  });
});
