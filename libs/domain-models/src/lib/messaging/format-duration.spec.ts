import { formatDuration } from './format-duration';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './reply-policy.types';

describe('formatDuration', () => {
  it.each([
    [0, '0 min'],
    [-5 * MINUTE_MS, '0 min'],
    [1, 'under 1 min'],
    [59_999, 'under 1 min'],
    [MINUTE_MS, '1 min'],
    [45 * MINUTE_MS, '45 min'],
    [59 * MINUTE_MS + 59_999, '59 min'],
    [HOUR_MS, '1 h'],
    [3 * HOUR_MS + 12 * MINUTE_MS, '3 h 12 min'],
    [3 * HOUR_MS + 12 * MINUTE_MS + 59_999, '3 h 12 min'],
    [23 * HOUR_MS + 59 * MINUTE_MS, '23 h 59 min'],
    [DAY_MS, '1 d'],
    [DAY_MS + 59 * MINUTE_MS, '1 d'],
    [2 * DAY_MS + 4 * HOUR_MS, '2 d 4 h'],
    [2 * DAY_MS + 4 * HOUR_MS + 59 * MINUTE_MS, '2 d 4 h'],
    [7 * DAY_MS - 1, '6 d 23 h'],
    [7 * DAY_MS, '7 d'],
    [400 * DAY_MS, '400 d'],
  ])('%d ms → %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('rejects %d', (ms) => {
    expect(() => formatDuration(ms)).toThrow(RangeError);
  });
});
