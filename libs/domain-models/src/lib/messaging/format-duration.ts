import { DAY_MS, HOUR_MS, MINUTE_MS } from './reply-policy.types';

/**
 * A duration for people: "2 d 4 h", "3 h 12 min", "45 min", "under 1 min", "0 min".
 * Rounds down so a countdown never promises more time than is left; shows the two largest units.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`formatDuration needs a finite number of milliseconds, got ${ms}`);
  if (ms <= 0) return '0 min';
  if (ms < MINUTE_MS) return 'under 1 min';
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}
