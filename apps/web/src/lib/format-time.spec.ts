import { dayLabel, relativeTime } from './format-time';

const NOW = Date.parse('2026-12-04T15:00:00');
const at = (local: string) => new Date(local).toISOString();

describe('relativeTime', () => {
  it.each([
    [null, ''],
    ['not a date', ''],
    [at('2026-12-04T14:59:30'), 'now'],
    [at('2026-12-04T14:55:00'), '5m'],
    [at('2026-12-04T12:00:00'), '3h'],
    [at('2026-12-03T20:00:00'), 'Yesterday'],
    [at('2026-12-01T10:00:00'), 'Tue'],
    [at('2026-11-03T10:00:00'), 'Nov 3'],
    [at('2024-11-03T10:00:00'), 'Nov 3, 2024'],
  ])('%s → %j', (iso, expected) => {
    expect(relativeTime(iso, NOW)).toBe(expected);
  });
});

describe('dayLabel', () => {
  it('names today and yesterday, then the date', () => {
    expect(dayLabel(at('2026-12-04T09:00:00'), NOW)).toBe('Today');
    expect(dayLabel(at('2026-12-03T09:00:00'), NOW)).toBe('Yesterday');
    expect(dayLabel(at('2026-12-01T09:00:00'), NOW)).toBe('Tuesday, December 1');
  });
});
