import { MetaGraphError } from './meta-graph.error';

export interface RetryOptions {
  /** Total attempts including the first one. Default 3. */
  maxAttempts?: number;
  /** First backoff delay in ms. Default 300. */
  baseDelayMs?: number;
  /** Cap for one backoff delay. Default 10 000. */
  maxDelayMs?: number;
  /**
   * Longest rate-limit wait (from `estimated_time_to_regain_access` / Retry-After) we will sit out
   * inside one call. Longer waits are thrown to the caller, who can reschedule. Default 15 000.
   */
  maxRetryAfterMs?: number;
  /** Random source in [0, 1); injectable for tests. */
  random?: () => number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export function resolveRetryOptions(options: RetryOptions | undefined): ResolvedRetryOptions {
  return {
    maxAttempts: Math.max(1, options?.maxAttempts ?? 3),
    baseDelayMs: Math.max(0, options?.baseDelayMs ?? 300),
    maxDelayMs: Math.max(0, options?.maxDelayMs ?? 10_000),
    maxRetryAfterMs: Math.max(0, options?.maxRetryAfterMs ?? 15_000),
    random: options?.random ?? Math.random,
  };
}

/** Exponential backoff with "equal jitter": half fixed, half random, so delays never collapse to zero. */
export function backoffDelayMs(attempt: number, options: ResolvedRetryOptions): number {
  const exp = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + options.random() * (exp / 2));
}

export interface RetryDecision {
  retry: boolean;
  delayMs: number;
}

/**
 * Decides whether attempt number `attempt` (1-based) that failed with `error` gets another try.
 * Only `retryable` and `rate_limited` kinds are ever retried. `ambiguous` marks failures where the
 * request may have reached Meta (timeout / reset / 5xx on a non-idempotent call): those are not retried,
 * because a second send could deliver the message twice.
 */
export function decideRetry(error: MetaGraphError, attempt: number, options: ResolvedRetryOptions, ambiguous: boolean): RetryDecision {
  if (attempt >= options.maxAttempts) return { retry: false, delayMs: 0 };
  if (error.kind === 'retryable') {
    if (ambiguous) return { retry: false, delayMs: 0 };
    return { retry: true, delayMs: backoffDelayMs(attempt, options) };
  }
  if (error.kind === 'rate_limited') {
    const backoff = backoffDelayMs(attempt, options);
    if (error.retryAfterMs === undefined) return { retry: true, delayMs: backoff };
    if (error.retryAfterMs > options.maxRetryAfterMs) return { retry: false, delayMs: 0 };
    return { retry: true, delayMs: Math.max(error.retryAfterMs, backoff) };
  }
  return { retry: false, delayMs: 0 };
}
