import { localDayOf, localDayShifts } from './local-days';
import { addDays, localDate, rangeOf } from './time-zone';

/** Every 7 minutes 13 seconds of the range get the date `Intl` gives, and the seconds either side of each offset change. */
function expectSameAsIntl(from: string, to: string, timeZone: string) {
  const shifts = localDayShifts(from, to, timeZone);
  const { start, end } = rangeOf(from, to, timeZone);
  const t0 = start.getTime();
  // no instant of the range lies before `from` (SQL divides the local seconds as whole, not negative, numbers)
  expect(localDate(start, timeZone)).toBe(from);
  expect(localDate(end.getTime() - 1000, timeZone)).toBe(to);
  const seconds = new Set<number>();
  for (let s = 0; t0 + s * 1000 < end.getTime(); s += 433) seconds.add(s);
  for (const { since } of shifts) for (const s of [since - 1, since, since + 1]) if (s >= 0 && t0 + s * 1000 < end.getTime()) seconds.add(s);
  seconds.add((end.getTime() - t0) / 1000 - 1);
  const mismatches: string[] = [];
  for (const s of seconds) {
    const got = addDays(from, localDayOf(shifts, s));
    const expected = localDate(t0 + s * 1000, timeZone);
    if (got !== expected) mismatches.push(`${new Date(t0 + s * 1000).toISOString()}: ${got} ≠ ${expected}`);
  }
  expect(mismatches).toEqual([]);
}

describe('localDayShifts', () => {
  it.each([
    ['Europe/Berlin', '2026-03-27', '2026-03-31', 2], // spring forward
    ['Europe/Berlin', '2026-10-23', '2026-10-27', 2], // fall back
    ['Europe/Berlin', '2026-01-01', '2026-12-31', 3], // both
    ['America/Santiago', '2026-04-03', '2026-04-07', 2], // DST ends at midnight
    ['America/Santiago', '2026-09-04', '2026-09-08', 2], // DST starts at midnight (no 00:00 that day)
    ['America/Santiago', '2026-09-06', '2026-09-08', 1], // … from that day: it starts at the change
    ['Australia/Lord_Howe', '2026-04-03', '2026-04-07', 2], // half-hour DST
    ['Asia/Kolkata', '2026-01-01', '2026-01-03', 1], // +05:30
    ['Asia/Kathmandu', '2026-01-01', '2026-01-03', 1], // +05:45
    ['Pacific/Chatham', '2026-04-01', '2026-04-10', 2], // +12:45 / +13:45
    ['UTC', '2025-01-01', '2025-12-31', 1],
  ])('dates instants like Intl in %s from %s to %s (%d stretches)', (timeZone, from, to, stretches) => {
    expect(localDayShifts(from, to, timeZone)).toHaveLength(stretches);
    expectSameAsIntl(from, to, timeZone);
  });

  it('reuses the stretches of a range asked for again', () => {
    expect(localDayShifts('2026-03-01', '2026-03-31', 'Europe/Berlin')).toBe(localDayShifts('2026-03-01', '2026-03-31', 'Europe/Berlin'));
  });
});
