import { addDays, dayOfEndTime, dayWindows, daysInclusive, eachDay, isValidDay, toDay } from './insight-days';

describe('insight days', () => {
  it('does calendar arithmetic on UTC days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysInclusive('2026-12-01', '2026-12-28')).toBe(28);
    expect(daysInclusive('2026-12-02', '2026-12-01')).toBe(0);
    expect(eachDay('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(toDay(new Date('2026-12-03T23:59:59.999Z'))).toBe('2026-12-03');
  });

  it('accepts real dates only', () => {
    expect(isValidDay('2026-02-28')).toBe(true);
    expect(isValidDay('2026-02-30')).toBe(false);
    expect(isValidDay('2026-2-3')).toBe(false);
    expect(isValidDay('2026-13-01')).toBe(false);
  });

  it('splits a range into windows Meta accepts', () => {
    expect(dayWindows('2026-09-01', '2026-11-29', 30)).toEqual([
      { from: '2026-09-01', to: '2026-09-30' },
      { from: '2026-10-01', to: '2026-10-30' },
      { from: '2026-10-31', to: '2026-11-29' },
    ]);
    expect(dayWindows('2026-12-01', '2026-12-01', 30)).toEqual([{ from: '2026-12-01', to: '2026-12-01' }]);
  });

  it("maps Meta's end_time to the day the value describes", () => {
    expect(dayOfEndTime('2026-12-03T08:00:00+0000')).toBe('2026-12-02');
    expect(dayOfEndTime('not a time')).toBeNull();
  });
});
