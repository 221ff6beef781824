import { RateLimiterAbstract, RateLimiterMemory, RateLimiterQueue } from 'rate-limiter-flexible';
import { MetaGraphError } from './meta-graph.error';
import { GraphUsage, peakPercent, regainAccessMs } from './usage-headers';

/**
 * Which per-account budget a call draws from (reference §6.2):
 * - `text`: Send API text, links, reactions, stickers, sender actions, images, templates — 300/s
 * - `media`: Send API audio and video — 10/s
 * - `private_reply`: private replies to comments/posts — 750/h
 * - `conversations`: Conversations API — 2/s
 * - `insights`: Instagram insights reads. Meta's budget (4,800 × impressions per 24 h) is unknown to us,
 *   so a background sync is paced at a few calls per second and backs off on the usage headers.
 */
export type RateClass = 'text' | 'media' | 'private_reply' | 'conversations' | 'insights';

export interface LimiterSpec {
  rateClass: RateClass;
  /** Points per window. */
  points: number;
  /** Window length in seconds (per-second classes include the safety margin, e.g. 1.1). */
  durationSec: number;
  keyPrefix: string;
}

export interface LimiterOptions {
  /** Set false to disable client-side limiting entirely (e.g. in a benchmark of the sim). Default true. */
  enabled?: boolean;
  textPerSecond?: number;
  mediaPerSecond?: number;
  privateRepliesPerHour?: number;
  conversationsPerSecond?: number;
  /** Pace of insights reads per account. Default 5/s. */
  insightsPerSecond?: number;
  /**
   * Extra length added to each 1-second window. Calls leave the limiter a little after their slot is
   * taken (event-loop and network jitter), which can bunch two windows together at Meta's side; the
   * margin keeps any sliding second at or under the limit. Default 100 ms.
   */
  windowSafetyMs?: number;
  /** Usage percentage (X-App-Usage / X-Business-Use-Case-Usage) above which an account is paused. Default 90. */
  highUsagePercent?: number;
  /** Pause length when usage is high but Meta gives no `estimated_time_to_regain_access`. Default 30 000 ms. */
  highUsagePauseMs?: number;
  /**
   * Longest a call will wait for its budget or a pause; beyond that it fails at once with a
   * `rate_limited` MetaGraphError carrying `retryAfterMs`, so callers can reschedule. Default 10 000 ms.
   */
  maxQueueWaitMs?: number;
  /**
   * Builds the underlying limiter. Defaults to RateLimiterMemory; pass a RateLimiterRedis factory to
   * share budgets across api replicas.
   */
  factory?: (spec: LimiterSpec) => RateLimiterAbstract;
  /** Clock used for pauses; injectable for tests. */
  now?: () => number;
}

export interface ThrottleEvent {
  accountKey: string;
  pauseMs: number;
  reason: 'app_usage' | 'business_use_case_usage' | 'rate_limited_error';
}

const APP_WIDE_KEY = '*';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class AccountRateLimiter {
  private readonly enabled: boolean;
  private readonly queues = new Map<RateClass, { limiter: RateLimiterAbstract; queue: RateLimiterQueue }>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly highUsagePercent: number;
  private readonly highUsagePauseMs: number;
  readonly maxQueueWaitMs: number;
  private readonly now: () => number;

  constructor(
    options: LimiterOptions = {},
    private readonly onThrottle?: (event: ThrottleEvent) => void,
  ) {
    this.enabled = options.enabled ?? true;
    this.highUsagePercent = options.highUsagePercent ?? 90;
    this.highUsagePauseMs = options.highUsagePauseMs ?? 30_000;
    this.maxQueueWaitMs = options.maxQueueWaitMs ?? 10_000;
    this.now = options.now ?? Date.now;
    const factory =
      options.factory ?? ((spec: LimiterSpec) => new RateLimiterMemory({ points: spec.points, duration: spec.durationSec, keyPrefix: spec.keyPrefix }));
    const second = 1 + Math.max(0, options.windowSafetyMs ?? 100) / 1000;
    const specs: LimiterSpec[] = [
      { rateClass: 'text', points: options.textPerSecond ?? 300, durationSec: second, keyPrefix: 'meta-send-text' },
      { rateClass: 'media', points: options.mediaPerSecond ?? 10, durationSec: second, keyPrefix: 'meta-send-media' },
      { rateClass: 'private_reply', points: options.privateRepliesPerHour ?? 750, durationSec: 3600, keyPrefix: 'meta-private-reply' },
      { rateClass: 'conversations', points: options.conversationsPerSecond ?? 2, durationSec: second, keyPrefix: 'meta-conversations' },
      { rateClass: 'insights', points: options.insightsPerSecond ?? 5, durationSec: second, keyPrefix: 'meta-insights' },
    ];
    for (const spec of specs) {
      const limiter = factory(spec);
      this.queues.set(spec.rateClass, { limiter, queue: new RateLimiterQueue(limiter) });
    }
  }

  /** Milliseconds this account (or the whole app) is still paused for; 0 when free. */
  pauseRemainingMs(accountKey: string): number {
    const now = this.now();
    const until = Math.max(this.pausedUntil.get(accountKey) ?? 0, this.pausedUntil.get(APP_WIDE_KEY) ?? 0);
    return Math.max(0, until - now);
  }

  pause(accountKey: string, ms: number, reason: ThrottleEvent['reason']): void {
    if (ms <= 0) return;
    const until = this.now() + ms;
    if ((this.pausedUntil.get(accountKey) ?? 0) < until) {
      this.pausedUntil.set(accountKey, until);
      this.onThrottle?.({ accountKey, pauseMs: ms, reason });
    }
  }

  /**
   * Waits for this account's budget in `rateClass`; throws `rate_limited` when the wait would be too long,
   * or at once while the account is paused when `deferWhenPaused` (a background job that has other work).
   */
  async acquire(accountKey: string, rateClass: RateClass | undefined, deferWhenPaused = false): Promise<void> {
    if (!this.enabled) return;
    const paused = this.pauseRemainingMs(accountKey);
    if (paused > this.maxQueueWaitMs || (paused > 0 && deferWhenPaused)) throw this.tooLong(paused, accountKey);
    if (paused > 0) await sleep(paused);
    if (!rateClass) return;
    const entry = this.queues.get(rateClass);
    if (!entry) return;
    const state = await entry.limiter.get(accountKey);
    if (state && state.remainingPoints <= 0 && state.msBeforeNext > this.maxQueueWaitMs) {
      throw this.tooLong(state.msBeforeNext, accountKey);
    }
    await entry.queue.removeTokens(1, accountKey);
  }

  /** Feeds usage headers from a response; pauses accounts whose usage crossed the threshold. */
  observeUsage(accountKey: string | undefined, usage: GraphUsage): void {
    if (!this.enabled) return;
    if (peakPercent(usage.app) >= this.highUsagePercent) {
      this.pause(APP_WIDE_KEY, this.highUsagePauseMs, 'app_usage');
    }
    let anyHigh = false;
    for (const [id, entries] of Object.entries(usage.businessUseCase ?? {})) {
      const high = entries.some((e) => peakPercent(e) >= this.highUsagePercent || (e.estimated_time_to_regain_access ?? 0) > 0);
      if (!high) continue;
      anyHigh = true;
      this.pause(id, regainAccessMs(usage, id) ?? this.highUsagePauseMs, 'business_use_case_usage');
    }
    if (anyHigh && accountKey) {
      this.pause(accountKey, regainAccessMs(usage) ?? this.highUsagePauseMs, 'business_use_case_usage');
    }
  }

  private tooLong(waitMs: number, accountKey: string): MetaGraphError {
    return new MetaGraphError({
      kind: 'rate_limited',
      message: `Client-side rate limit for account ${accountKey}: next slot in ${waitMs} ms`,
      userMessage: 'This account is sending faster than Meta allows right now. The message will be retried after a short wait.',
      retryAfterMs: waitMs,
    });
  }
}
