/** Local calendar arithmetic in an IANA time zone with `Intl` only (DST handled per instant). */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function localParts(instant: Date | number, timeZone: string): LocalParts & { second: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(typeof instant === 'number' ? instant : instant.getTime())) parts[p.type] = p.value;
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
    weekday: WEEKDAYS[parts['weekday']] ?? 0,
  };
}

/** Local time minus UTC at this instant, in ms (whole seconds). */
export function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant of a local wall time (`YYYY-MM-DD`, minutes after midnight) in `timeZone`. */
export function zonedToUtc(date: string, minutes: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d) + minutes * 60_000;
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return new Date(second);
}

const pad = (n: number) => String(n).padStart(2, '0');

export function localDate(instant: Date | number, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday of a calendar date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const js = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return js === 0 ? 7 : js;
}

/** Whether `YYYY-MM-DD` names a real calendar date. */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number);
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

/**
 * The first instant of a local date: its midnight, or — where a DST change skips midnight (America/Santiago on
 * 2026-09-06: 00:00 −04 becomes 01:00 −03) — the change itself. `zonedToUtc` gives a skipped midnight as an instant
 * of the day before (23:00 −04), which would put an hour of that day in the range, before its first midnight.
 */
export function dayStart(date: string, timeZone: string): Date {
  const midnight = zonedToUtc(date, 0, timeZone);
  if (localDate(midnight, timeZone) === date) return midnight;
  // the change lies within hours after that instant: the first second whose local date is `date`
  const from = midnight.getTime() / 1000;
  const isDate = (second: number) => localDate(second * 1000, timeZone) === date;
  if (!isDate(from + 12 * 3600)) return midnight;
  return new Date(firstSecond(from, from + 12 * 3600, isDate) * 1000);
}

/** The first whole second in `(lo, hi]` for which `after` holds, given it is false at `lo` and true at `hi` (bisection). */
export function firstSecond(lo: number, hi: number, after: (second: number) => boolean): number {
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (after(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** `[from's first instant, to+1's first instant)` in `timeZone` (`dayStart`: local midnights, unless skipped). */
export function rangeOf(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return { start: dayStart(from, timeZone), end: dayStart(addDays(to, 1), timeZone) };
}
