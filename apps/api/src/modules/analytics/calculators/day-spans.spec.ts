import { daySpans } from './day-spans';

const t = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

/** What the spans add up to, hour by hour over a few days around the range: 1 inside it, 0 outside. */
function coverage(start: number, end: number): number[] {
  const spans = daySpans(start, end);
  if (!spans) return [];
  const out: number[] = [];
  for (let h = start - 48 * HOUR; h < end + 48 * HOUR; h += HOUR) {
    const inside = (s: { start: number; end: number }) => (h >= s.start && h < s.end ? 1 : 0);
    out.push(inside(spans.days) + spans.edges.reduce((n, e) => n + e.sign * inside(e), 0) - (h >= start && h < end ? 1 : 0));
  }
  return out;
}

describe('daySpans', () => {
  it('a Berlin week: one hour added at the start, the hour after the end taken off', () => {
    expect(daySpans(t('2026-03-22T23:00:00Z'), t('2026-03-29T22:00:00Z'))).toEqual({
      days: { start: t('2026-03-23T00:00:00Z'), end: t('2026-03-30T00:00:00Z') },
      edges: [
        { start: t('2026-03-22T23:00:00Z'), end: t('2026-03-23T00:00:00Z'), sign: 1 },
        { start: t('2026-03-29T22:00:00Z'), end: t('2026-03-30T00:00:00Z'), sign: -1 },
      ],
    });
  });

  it('UTC days need no edges', () => {
    expect(daySpans(t('2026-03-28T00:00:00Z'), t('2026-03-30T00:00:00Z'))).toEqual({
      days: { start: t('2026-03-28T00:00:00Z'), end: t('2026-03-30T00:00:00Z') },
      edges: [],
    });
  });

  it.each([
    ['2026-03-27T23:00:00Z', '2026-03-29T22:00:00Z'],
    ['2026-03-27T10:00:00Z', '2026-03-27T14:00:00Z'], // inside one day: both sides taken off the day
    ['2026-03-27T13:00:00Z', '2026-03-29T11:00:00Z'],
    ['2026-03-27T18:30:00Z', '2026-04-03T18:30:00Z'], // +05:30
    ['2026-03-27T04:00:00Z', '2026-03-28T04:00:00Z'],
  ])('covers exactly [%s, %s)', (from, to) => {
    const cover = coverage(t(from), t(to));
    expect(cover.length).toBeGreaterThan(0);
    expect(cover.every((n) => n === 0)).toBe(true);
  });

  it('a range inside one day whose shorter sides are its inside has no whole day to use', () => {
    expect(daySpans(t('2026-03-27T23:00:00Z'), t('2026-03-28T01:00:00Z'))).toBeNull();
  });
});
