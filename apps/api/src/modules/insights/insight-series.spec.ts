import { buildSeries, relativeChange } from './insight-series';

describe('buildSeries', () => {
  const range = { from: '2026-12-04', to: '2026-12-06' };
  const previous = { from: '2026-12-01', to: '2026-12-03' };

  it('sums daily flows, compares with the previous range and keeps missing days as null', () => {
    const rows = [
      { metric: 'reach', day: '2026-12-01', value: 10 },
      { metric: 'reach', day: '2026-12-02', value: 20 },
      { metric: 'reach', day: '2026-12-03', value: 10 },
      { metric: 'reach', day: '2026-12-04', value: 30 },
      { metric: 'reach', day: '2026-12-06', value: 20 },
      { metric: 'reach', day: '2026-12-07', value: 999 },
    ];
    const [reach] = buildSeries(['reach'], range, previous, rows);
    expect(reach).toEqual({
      metric: 'reach',
      total: 50,
      previousTotal: 40,
      change: 0.25,
      series: [
        { date: '2026-12-04', value: 30 },
        { date: '2026-12-05', value: null },
        { date: '2026-12-06', value: 20 },
      ],
    });
  });

  it('takes the last known value of a level such as the follower total', () => {
    const rows = [
      { metric: 'followers_total', day: '2026-12-02', value: 400 },
      { metric: 'followers_total', day: '2026-12-04', value: 410 },
      { metric: 'followers_total', day: '2026-12-05', value: 420 },
    ];
    const [followers] = buildSeries(['followers_total'], range, previous, rows);
    expect([followers?.total, followers?.previousTotal, followers?.change]).toEqual([420, 400, 0.05]);
  });

  it('has no total and no change when nothing was stored', () => {
    const [views] = buildSeries(['views'], range, previous, []);
    expect([views?.total, views?.previousTotal, views?.change]).toEqual([null, null, null]);
    expect(views?.series.every((p) => p.value === null)).toBe(true);
  });

  it('gives no change against a zero base', () => {
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(0, 4)).toBe(-1);
  });
});
