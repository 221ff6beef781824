import { formatAgo, formatChange, formatCount, parseRange, rangeFor } from './format';

describe('insights formatting', () => {
  it('reads the range from the URL, defaulting to 28 days', () => {
    expect(parseRange('7')).toBe(7);
    expect(parseRange('90')).toBe(90);
    expect(parseRange('13')).toBe(28);
    expect(parseRange(null)).toBe(28);
  });

  it('turns a preset into inclusive UTC days ending today', () => {
    expect(rangeFor(7, new Date('2026-12-03T23:30:00Z'))).toEqual({ from: '2026-11-27', to: '2026-12-03' });
    expect(rangeFor(1, new Date('2026-12-03T00:00:00Z'))).toEqual({ from: '2026-12-03', to: '2026-12-03' });
  });

  it('shows counts in full below 10 000 and compact above; unknown as a dash', () => {
    expect(formatCount(9_876)).toBe('9,876');
    expect(formatCount(12_345)).toBe('12.3K');
    expect(formatCount(null)).toBe('—');
    expect(formatCount(0)).toBe('0');
  });

  it('labels the change against the previous period', () => {
    expect(formatChange(0.125)).toEqual({ label: '+12.5%', tone: 'up' });
    expect(formatChange(-0.03)).toEqual({ label: '−3%', tone: 'down' });
    expect(formatChange(0.0001)).toEqual({ label: '0%', tone: 'flat' });
    expect(formatChange(null)).toBeNull();
  });

  it('says how long ago the last sync was', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    expect(formatAgo(null, now)).toBe('never');
    expect(formatAgo('2026-12-03T11:59:40Z', now)).toBe('just now');
    expect(formatAgo('2026-12-03T11:15:00Z', now)).toBe('45 min ago');
    expect(formatAgo('2026-12-03T06:00:00Z', now)).toBe('6 h ago');
    expect(formatAgo('2026-12-01T12:00:00Z', now)).toBe('2 d ago');
  });
});
