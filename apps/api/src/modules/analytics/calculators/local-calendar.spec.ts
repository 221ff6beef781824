import { LocalCalendar, localCalendar } from './local-calendar';
import { localDate, localParts, rangeOf } from './time-zone';

const QUARTER_HOUR = 15 * 60_000;

/** Every 15 minutes of the range (and a day either side) answered as `localParts`/`localDate` answer. */
function expectSameAsIntl(from: string, to: string, timeZone: string) {
  const calendar = new LocalCalendar(from, to, timeZone);
  const { start, end } = rangeOf(from, to, timeZone);
  const mismatches: string[] = [];
  for (let t = start.getTime() - 86_400_000; t < end.getTime() + 86_400_000; t += QUARTER_HOUR) {
    const p = localParts(t, timeZone);
    const expected = { date: localDate(t, timeZone), weekday: p.weekday, hour: p.hour };
    const got = calendar.slotOf(t);
    if (got.date !== expected.date || got.weekday !== expected.weekday || got.hour !== expected.hour)
      mismatches.push(`${new Date(t).toISOString()}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
    if (calendar.dateOf(t) !== expected.date) mismatches.push(`${new Date(t).toISOString()}: dateOf ${calendar.dateOf(t)} ≠ ${expected.date}`);
  }
  expect(mismatches).toEqual([]);
}

describe('LocalCalendar', () => {
  it.each([
    ['Europe/Berlin', '2026-03-27', '2026-03-31'], // spring forward
    ['Europe/Berlin', '2026-10-23', '2026-10-27'], // fall back
    ['America/Santiago', '2026-04-03', '2026-04-07'], // DST ends at midnight
    ['America/Santiago', '2026-09-04', '2026-09-08'], // DST starts at midnight (no 00:00 that day)
    ['Australia/Lord_Howe', '2026-04-03', '2026-04-07'], // half-hour DST
    ['Asia/Kolkata', '2026-01-01', '2026-01-03'], // +05:30
    ['Asia/Kathmandu', '2026-01-01', '2026-01-03'], // +05:45
    ['UTC', '2025-12-30', '2026-01-02'],
  ])('answers like Intl in %s from %s to %s', (timeZone, from, to) => {
    expectSameAsIntl(from, to, timeZone);
  });

  it('reuses the calendar of a range asked for again', () => {
    expect(localCalendar('2026-03-01', '2026-03-31', 'Europe/Berlin')).toBe(localCalendar('2026-03-01', '2026-03-31', 'Europe/Berlin'));
    expect(localCalendar('2026-03-01', '2026-03-31', 'Europe/Berlin')).not.toBe(localCalendar('2026-03-01', '2026-03-31', 'UTC'));
  });
});
