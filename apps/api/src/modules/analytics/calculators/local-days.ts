import { firstSecond, offsetAt, rangeOf } from './time-zone';

const DAY_SECONDS = 86_400;
const SAMPLE_MS = 6 * 3_600_000;
const CACHED = 32;

/**
 * From `since` whole seconds after the range's start on (until the next shift's `since`), an instant `sinceStart`
 * seconds after the start falls on local day `floor((sinceStart + shift) / 86400)`, counted from the range's first
 * date (0). `shift` is the start's Unix time plus the zone's offset in that stretch, less the first date's
 * midnight as if it were UTC: the local wall time, in days since that date.
 */
export interface DayShift {
  since: number;
  shift: number;
}

/**
 * The stretches of constant UTC offset in the range `[from, to]` of a time zone, so that a database can tell
 * an instant's local date with integer arithmetic alone (the same date `Intl` gives). The offset is sampled
 * every six hours and each change found to the second; zones change their offset at most once between samples.
 */
export function localDayShifts(from: string, to: string, timeZone: string): DayShift[] {
  const key = `${timeZone}|${from}|${to}`;
  let shifts = cache.get(key);
  if (shifts) cache.delete(key);
  else shifts = computeShifts(from, to, timeZone);
  cache.set(key, shifts);
  if (cache.size > CACHED) cache.delete(cache.keys().next().value as string);
  return shifts;
}

const cache = new Map<string, DayShift[]>();

function computeShifts(from: string, to: string, timeZone: string): DayShift[] {
  const { start, end } = rangeOf(from, to, timeZone);
  const t0 = start.getTime();
  const firstMidnight = Date.parse(`${from}T00:00:00Z`);
  const shiftOf = (offset: number) => (t0 + offset - firstMidnight) / 1000;
  const offsetAfter = (seconds: number) => offsetAt(t0 + seconds * 1000, timeZone);
  const last = (end.getTime() - t0) / 1000 - 1;
  let offset = offsetAfter(0);
  const shifts: DayShift[] = [{ since: 0, shift: shiftOf(offset) }];
  for (let sample = 0; sample < last; ) {
    const next = Math.min(sample + SAMPLE_MS / 1000, last);
    const nextOffset = offsetAfter(next);
    if (nextOffset !== offset) {
      // the first second with the new offset
      const since = firstSecond(sample, next, (second) => offsetAfter(second) !== offset);
      shifts.push({ since, shift: shiftOf(nextOffset) });
      offset = nextOffset;
    }
    sample = next;
  }
  return shifts;
}

/** The local day (counted from the range's first date) of an instant `sinceStart` whole seconds after the range's start. */
export function localDayOf(shifts: readonly DayShift[], sinceStart: number): number {
  let i = shifts.length - 1;
  while (i > 0 && sinceStart < shifts[i].since) i--;
  return Math.floor((sinceStart + shifts[i].shift) / DAY_SECONDS);
}
