/** Calendar days as `YYYY-MM-DD` strings in UTC: what Meta reports per day and what we store. */

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function toDay(at: Date | number): string {
  return new Date(typeof at === 'number' ? at : at.getTime()).toISOString().slice(0, 10);
}

/** Midnight UTC of the day, in epoch ms. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, days: number): string {
  return toDay(dayStartMs(day) + days * DAY_MS);
}

/** Number of days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInclusive(from: string, to: string): number {
  return Math.max(0, Math.round((dayStartMs(to) - dayStartMs(from)) / DAY_MS) + 1);
}

export function isValidDay(value: string): boolean {
  return DAY_PATTERN.test(value) && Number.isFinite(dayStartMs(value)) && toDay(dayStartMs(value)) === value;
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** Consecutive windows of at most `size` days covering `from`..`to` (Meta allows ≤ 30 days between since and until). */
export function dayWindows(from: string, to: string, size: number): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (let start = from; start <= to; start = addDays(start, size)) {
    const end = addDays(start, size - 1);
    out.push({ from: start, to: end < to ? end : to });
  }
  return out;
}

/**
 * The day a daily value belongs to, from Meta's `end_time` (the end of the period, e.g. the next
 * morning in Pacific time): the UTC day 24 h before it.
 */
export function dayOfEndTime(endTime: string): string | null {
  const at = Date.parse(endTime);
  return Number.isFinite(at) ? toDay(at - DAY_MS) : null;
}
