import { filtersFromParams, formatDuration, queryOf, rangeInZone } from './format';

describe('analytics format', () => {
  it.each([
    [null, '—'],
    [45, '45s'],
    [60, '1m'],
    [1800, '30m'],
    [3600, '1h'],
    [18000, '5h'],
    [4500, '1h 15m'],
    [90_000, '1d 1h'],
    [172_800, '2d'],
  ])('formats %p seconds as %p', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('ranges end today in the chosen zone', () => {
    const now = new Date('2026-03-29T22:30:00Z'); // Monday 00:30 in Berlin, still Sunday in UTC
    expect(rangeInZone(7, 'Europe/Berlin', now)).toEqual({ from: '2026-03-24', to: '2026-03-30' });
    expect(rangeInZone(7, 'UTC', now)).toEqual({ from: '2026-03-23', to: '2026-03-29' });
  });

  it('reads filters from the URL and ignores malformed values', () => {
    const id = '0b6f7f6e-8a47-4d43-9a37-2f7d0b1c9a11';
    const f = filtersFromParams(new URLSearchParams(`range=7&tz=Asia/Kolkata&channel=${id}&platform=INSTAGRAM&agent=nope&bh=1`), 'UTC');
    expect(f).toEqual({
      custom: null,
      range: 7,
      tz: 'Asia/Kolkata',
      channelId: id,
      platform: 'INSTAGRAM',
      agentId: undefined,
      labelId: undefined,
      businessHours: true,
    });
    expect(filtersFromParams(new URLSearchParams('range=5&tz=Mars/Base&platform=TIKTOK'), 'Europe/Berlin')).toMatchObject({
      range: 28,
      tz: 'Europe/Berlin',
      platform: undefined,
      businessHours: false,
    });
    expect(queryOf(f, new Date('2026-01-10T12:00:00Z'))).toMatchObject({ from: '2026-01-04', to: '2026-01-10', tz: 'Asia/Kolkata', businessHours: true });
    const custom = filtersFromParams(new URLSearchParams('from=2026-02-01&to=2026-02-10'), 'UTC');
    expect(queryOf(custom)).toMatchObject({ from: '2026-02-01', to: '2026-02-10' });
    expect(filtersFromParams(new URLSearchParams('from=2026-02-10&to=2026-02-01'), 'UTC').custom).toBeNull();
    expect(filtersFromParams(new URLSearchParams('from=2026-02-01&to=yesterday'), 'UTC').custom).toBeNull();
  });
});
