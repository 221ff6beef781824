/** The longest wait between two attempts of one delivery. */
export const MAX_BACKOFF_MS = 10 * 60_000;

export interface RetrySettings {
  maxAttempts: number;
  retryBaseMs: number;
}

/**
 * What happens to a delivery whose attempt number `attempts` (1-based, already counted by the claim)
 * failed: `dead` after the last attempt (or when `final`: retrying cannot help), otherwise due again
 * after an exponential backoff with ±20 % jitter, capped at {@link MAX_BACKOFF_MS}.
 */
export function nextAttempt(
  attempts: number,
  settings: RetrySettings,
  final: boolean,
  now = Date.now(),
  random = Math.random,
): { dead: boolean; nextAttemptAt: Date } {
  const dead = final || attempts >= settings.maxAttempts;
  if (dead) return { dead, nextAttemptAt: new Date(now) };
  const backoff = Math.min(MAX_BACKOFF_MS, settings.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  return { dead, nextAttemptAt: new Date(now + Math.round(backoff * (0.8 + random() * 0.4))) };
}
