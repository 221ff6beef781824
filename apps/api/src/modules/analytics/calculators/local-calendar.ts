import { addDays, isoWeekday, localDate, localParts, offsetAt, zonedToUtc } from './time-zone';

const HOUR_MS = 3_600_000;
const CACHED = 32;

interface Day {
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** UTC instant of local midnight. */
  start: number;
  /** Local time minus UTC during the whole day; null on a day the offset changes (or midnight does not exist). */
  offset: number | null;
  /** `start` and the next day's start are the local midnights (true on DST days too, unless midnight is skipped). */
  bounded: boolean;
}

export interface LocalSlot {
  date: string;
  weekday: number;
  hour: number;
}

/**
 * The local date, weekday and hour of instants inside `[from, to]` in one time zone. `Intl` is asked a few
 * times per day when built; an instant then costs a binary search and an addition, except on a day whose
 * offset changes (DST), which asks `Intl` per instant. Same answers as `localParts`, without its cost per
 * row (tens of thousands of cycles and buckets per overview).
 */
export class LocalCalendar {
  private readonly days: Day[] = [];
  private readonly end: number;

  constructor(
    from: string,
    to: string,
    private readonly timeZone: string,
  ) {
    let start = zonedToUtc(from, 0, timeZone).getTime();
    let offset = offsetAt(start, timeZone);
    for (let date = from; date <= to; ) {
      const next = addDays(date, 1);
      const nextStart = zonedToUtc(next, 0, timeZone).getTime();
      const nextOffset = offsetAt(nextStart, timeZone);
      const [y, m, d] = date.split('-').map(Number);
      const constant = offset === nextOffset && Date.UTC(y, m - 1, d) === start + offset;
      const bounded = constant || (this.startsAt(start, date) && this.startsAt(nextStart, next));
      this.days.push({ date, weekday: isoWeekday(date) - 1, start, offset: constant ? offset : null, bounded });
      [date, start, offset] = [next, nextStart, nextOffset];
    }
    this.end = start;
  }

  /** Where the instant falls in local time (outside the calendar's days too, at `Intl`'s cost). */
  slotOf(instant: Date | number): LocalSlot {
    const t = typeof instant === 'number' ? instant : instant.getTime();
    const day = this.dayOf(t);
    if (!day) return this.slowSlot(t);
    return { date: day.date, weekday: day.weekday, hour: Math.floor((t - day.start) / HOUR_MS) };
  }

  /** The local date of the instant: `slotOf(t).date` without the object (and without `Intl` on most DST days). */
  dateOf(t: number): string {
    const day = this.dayOf(t, true);
    return day ? day.date : localDate(t, this.timeZone);
  }

  private startsAt(instant: number, date: string): boolean {
    return localDate(instant, this.timeZone) === date && localDate(instant - 1, this.timeZone) !== date;
  }

  /** The calendar's day holding the instant when its offset is constant (or, for dates only, its bounds are right); null for the slow path. */
  private dayOf(t: number, dateOnly = false): Day | null {
    if (!this.days.length || t < this.days[0].start || t >= this.end) return null;
    let lo = 0;
    let hi = this.days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.days[mid].start <= t) lo = mid;
      else hi = mid - 1;
    }
    const day = this.days[lo];
    return day.offset !== null || (dateOnly && day.bounded) ? day : null;
  }

  private slowSlot(t: number): LocalSlot {
    const p = localParts(t, this.timeZone);
    return { date: localDate(t, this.timeZone), weekday: p.weekday, hour: p.hour };
  }
}

const calendars = new Map<string, LocalCalendar>();

/** A calendar for the range, reused across requests for the same range (the most recently used few are kept). */
export function localCalendar(from: string, to: string, timeZone: string): LocalCalendar {
  const key = `${timeZone}|${from}|${to}`;
  let calendar = calendars.get(key);
  if (calendar) calendars.delete(key);
  else calendar = new LocalCalendar(from, to, timeZone);
  calendars.set(key, calendar);
  if (calendars.size > CACHED) calendars.delete(calendars.keys().next().value as string);
  return calendar;
}
