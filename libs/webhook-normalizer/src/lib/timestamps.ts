import { readNumber } from './read-values';

/**
 * Below this, a numeric time is epoch seconds; at or above it, epoch milliseconds.
 * 1e11 s is the year 5138 and 1e11 ms is 1973, so real values of either unit never collide.
 */
const SECONDS_CEILING = 1e11;

/**
 * Epoch milliseconds from any time Meta sends: messaging `timestamp`/`watermark` and messaging
 * `entry.time` are ms; `changes` `entry.time` and `created_time` are seconds (numbers, numeric strings
 * in dashboard samples, or ISO 8601 strings such as `2026-01-01T00:00:00+0000`). Null when unusable.
 */
export function toEpochMs(value: unknown): number | null {
  const numeric = readNumber(value);
  if (numeric !== null) {
    if (numeric <= 0) return null;
    return Math.round(numeric < SECONDS_CEILING ? numeric * 1000 : numeric);
  }
  if (typeof value === 'string' && value.trim().length > 0) {
    const parsed = Date.parse(value.trim());
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}
