import { BusinessHoursDto } from '@ticklegram/domain-models';
import { addDays, isoWeekday, localDate, zonedToUtc } from './time-zone';

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** Seconds of `[start, end)` inside the business hours (each local day's window in the hours' own zone). */
export function businessSecondsBetween(start: Date, end: Date, hours: BusinessHoursDto): number {
  if (end.getTime() <= start.getTime()) return 0;
  const open = minutesOf(hours.start);
  const close = minutesOf(hours.end);
  const last = localDate(end, hours.timeZone);
  let total = 0;
  for (let day = localDate(start, hours.timeZone); day <= last; day = addDays(day, 1)) {
    if (!hours.weekdays.includes(isoWeekday(day))) continue;
    const from = Math.max(zonedToUtc(day, open, hours.timeZone).getTime(), start.getTime());
    const to = Math.min(zonedToUtc(day, close, hours.timeZone).getTime(), end.getTime());
    if (to > from) total += to - from;
  }
  return Math.round(total / 1000);
}
