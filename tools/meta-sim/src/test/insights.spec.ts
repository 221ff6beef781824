import type { RunningMetaSim } from '../index';
import { SIM_SEED } from '../index';
import { sendDueStoryInsights } from '../lib/stories/story-insights';
import { control, graph, startTestSim, WebhookReceiver } from './sim-test-kit';

const PAGE = SIM_SEED.page;
const IG = SIM_SEED.instagram.id;
const DAY_S = 86_400;
type Metric = {
  name: string;
  values?: Array<{ value: unknown; end_time: string }>;
  total_value?: { value?: number; breakdowns?: Array<{ dimension_keys: string[]; results: Array<{ dimension_values: string[]; value: number }> }> };
};
type Insights = { data: Metric[]; error?: { code: number; error_subcode?: number } };

describe('meta-sim: Instagram insights', () => {
  let sim: RunningMetaSim;
  let hooks: WebhookReceiver;
  const today = (): number => Math.floor(Date.now() / 1000 / DAY_S) * DAY_S;
  const insights = (query: Record<string, string>, id: string = IG): Promise<{ status: number; body: Insights }> =>
    graph<Insights>(sim, 'GET', `/v27.0/${id}/insights`, PAGE.accessToken, { query });

  beforeAll(async () => {
    hooks = await new WebhookReceiver().start();
    sim = await startTestSim({ webhooks: { instagram: `${hooks.url}/ig`, page: `${hooks.url}/fb` } });
  });
  beforeEach(async () => {
    sim.reset();
    sim.setWebhookUrls({ instagram: `${hooks.url}/ig`, page: `${hooks.url}/fb` });
    await sim.flushWebhooks(); // deliveries already on the wire when the previous test ended
    hooks.received.length = 0;
  });
  afterAll(async () => {
    await sim.close();
    await hooks.close();
  });

  it('keeps ≥ 90 days of deterministic daily history, fetched in 30-day windows, empty before it', async () => {
    const windows = [0, 1, 2, 3].map((i) => ({ since: String(today() - (i + 1) * 30 * DAY_S), until: String(today() - i * 30 * DAY_S) }));
    const series = await Promise.all(windows.map(async (w) => (await insights({ metric: 'reach', period: 'day', ...w })).body.data[0]?.values ?? []));
    expect(series.map((s) => s.length)).toEqual([30, 30, 30, 30]);
    const withToday = await insights({ metric: 'reach', period: 'day', since: String(today() - 2 * DAY_S), until: String(today() + DAY_S) });
    expect(withToday.body.data[0]?.values).toHaveLength(2); // today is not computed yet (Meta lags up to 48 h)
    expect(series.flat().every((v) => typeof v.value === 'number' && (v.value as number) > 0)).toBe(true);
    const older = await insights({ metric: 'reach', period: 'day', since: String(today() - 150 * DAY_S), until: String(today() - 125 * DAY_S) });
    expect(older.body.data[0]?.values).toEqual([]);
    const other = await startTestSim();
    try {
      const again = await graph<Insights>(other, 'GET', `/v27.0/${IG}/insights`, PAGE.accessToken, {
        query: { metric: 'reach', period: 'day', ...windows[2] },
      });
      expect(again.body.data[0]?.values).toEqual(series[2]);
    } finally {
      await other.close();
    }
  });

  it('answers total_value with breakdowns that add up, and refuses what Meta refuses', async () => {
    const range = { period: 'day', metric_type: 'total_value', since: String(today() - 28 * DAY_S), until: String(today()) };
    const views = await insights({ metric: 'views,follows_and_unfollows', breakdown: 'media_product_type', ...range });
    expect(views.status).toBe(400); // follows_and_unfollows has no media_product_type breakdown
    const ok = await insights({ metric: 'views', breakdown: 'media_product_type,follower_type', ...range });
    const [v] = ok.body.data;
    for (const b of v?.total_value?.breakdowns ?? []) expect(b.results.reduce((a, r) => a + r.value, 0)).toBe(v?.total_value?.value);
    expect(v?.total_value?.breakdowns?.map((b) => b.dimension_keys[0])).toEqual(['media_product_type', 'follower_type']);
    const follows = (await insights({ metric: 'follows_and_unfollows', breakdown: 'follow_type', ...range })).body.data[0]?.total_value;
    expect(follows?.breakdowns?.[0]?.results.map((r) => r.dimension_values[0])).toEqual(['FOLLOWER', 'NON_FOLLOWER']);
    expect(follows?.breakdowns?.[0]?.results.reduce((a, r) => a + r.value, 0)).toBe(follows?.value);
    const all = (await insights({ metric: 'reach,accounts_engaged,views,likes,comments,shares,saves,replies,reposts,total_interactions', ...range })).body.data;
    const t = Object.fromEntries(all.map((m) => [m.name, m.total_value?.value ?? 0]));
    expect(t['views']).toBeGreaterThan(t['reach'] ?? 0);
    expect(t['reach']).toBeGreaterThan(t['accounts_engaged'] ?? 0);
    expect(t['total_interactions']).toBe(
      (t['likes'] ?? 0) + (t['comments'] ?? 0) + (t['shares'] ?? 0) + (t['saves'] ?? 0) + (t['replies'] ?? 0) + (t['reposts'] ?? 0),
    );

    const refused: Array<[string, Record<string, string>]> = [
      ['likes as time series', { metric: 'likes', period: 'day' }],
      ['breakdown on accounts_engaged', { metric: 'accounts_engaged', breakdown: 'media_product_type', ...range }],
      ['week for likes', { metric: 'likes', period: 'week', metric_type: 'total_value' }],
      ['impressions', { metric: 'impressions', ...range }],
      ['profile_views', { metric: 'profile_views', ...range }],
      ['over 30 days', { metric: 'reach', period: 'day', since: String(today() - 40 * DAY_S), until: String(today()) }],
      ['follower_count 60 days ago', { metric: 'follower_count', period: 'day', since: String(today() - 60 * DAY_S), until: String(today() - 40 * DAY_S) }],
    ];
    for (const [label, query] of refused) {
      const res = await insights(query);
      expect([label, res.body.error?.code]).toEqual([label, 100]);
    }
    const weekly = await insights({ metric: 'reach', period: 'week', since: String(today() - 10 * DAY_S), until: String(today()) });
    expect(weekly.body.data[0]?.values?.length).toBe(10);
  });

  it('serves demographics and online followers where the account qualifies (≥ 100 followers)', async () => {
    const demo = await insights({
      metric: 'follower_demographics',
      period: 'lifetime',
      metric_type: 'total_value',
      breakdown: 'age',
      timeframe: 'last_30_days',
    });
    const results = demo.body.data[0]?.total_value?.breakdowns?.[0]?.results ?? [];
    expect(results.map((r) => r.dimension_values[0])).toContain('25-34');
    expect(results.reduce((a, r) => a + r.value, 0)).toBe(1520);
    const engaged = await insights({
      metric: 'engaged_audience_demographics',
      period: 'lifetime',
      metric_type: 'total_value',
      breakdown: 'country',
      timeframe: 'last_90_days',
    });
    expect(engaged.body.data[0]?.total_value?.breakdowns?.[0]?.results[0]?.dimension_values).toEqual(['AT']);
    expect((await insights({ metric: 'follower_demographics', period: 'lifetime', metric_type: 'total_value' })).body.error?.code).toBe(100);
    const online = await insights({ metric: 'online_followers', period: 'lifetime', since: String(today() - 3 * DAY_S), until: String(today()) });
    expect(Object.keys((online.body.data[0]?.values?.[0]?.value ?? {}) as object)).toHaveLength(24);
    await control(sim, 'POST', `/instagram-accounts/${IG}`, { followersCount: 80 });
    expect((await insights({ metric: 'follower_demographics', period: 'lifetime', metric_type: 'total_value', breakdown: 'age' })).body.error?.code).toBe(100);
  });

  it("has per-media metrics for the archive (posts, reels, carousels) with Meta's breakdown rules", async () => {
    const media = await graph<{ data: Array<{ id: string; media_product_type: string }> }>(sim, 'GET', `/v27.0/${IG}/media`, PAGE.accessToken, {
      query: { fields: 'id,media_product_type', limit: '50' },
    });
    expect(media.body.data.length).toBeGreaterThanOrEqual(14);
    const reel = await insights({ metric: 'views,reach,ig_reels_avg_watch_time,reels_skip_rate,total_views' }, '18000000000000114');
    expect(reel.body.data.map((m) => [m.name, typeof m.values?.[0]?.value])).toEqual([
      ['views', 'number'],
      ['reach', 'number'],
      ['ig_reels_avg_watch_time', 'number'],
      ['reels_skip_rate', 'number'],
      ['total_views', 'number'],
    ]);
    const carousel = await insights({ metric: 'profile_activity', breakdown: 'action_type' }, '18000000000000112');
    const activity = carousel.body.data[0];
    expect(activity?.total_value?.breakdowns?.[0]?.results.reduce((a, r) => a + r.value, 0)).toBe(activity?.values?.[0]?.value);
    expect((await insights({ metric: 'likes', breakdown: 'action_type' }, '18000000000000112')).body.error?.code).toBe(1);
    const igLogin = await graph<Insights>(sim, 'GET', `/v27.0/${SIM_SEED.media.igLoginPost}/insights`, SIM_SEED.instagramLogin.accessToken, {
      base: sim.instagramBaseUrl,
      query: { metric: 'total_views' },
    });
    expect(igLogin.body.error?.code).toBe(100);
  });

  it('lists live stories only; story metrics for 24 h; story_insights about an hour after expiry (counts < 5 as -1)', async () => {
    const stories = await graph<{ data: Array<{ id: string }> }>(sim, 'GET', `/v27.0/${IG}/stories`, PAGE.accessToken);
    expect(stories.body.data.map((s) => s.id).sort()).toEqual([SIM_SEED.media.story, SIM_SEED.media.storyMorning].sort());
    expect((await insights({ metric: 'replies,navigation,link_clicks' }, SIM_SEED.media.storyMorning)).status).toBe(200);
    await control(sim, 'POST', `/stories/${SIM_SEED.media.story}/expire`);
    const posted = await control<{ id: string }>(sim, 'POST', '/stories', {});
    const story = sim.context.store.media.get(posted.body.id);
    if (story) story.createdAt -= 26 * 3_600_000;
    expect(sendDueStoryInsights(sim.context)).toBe(1);
    expect(sendDueStoryInsights(sim.context)).toBe(0);
    await sim.flushWebhooks();
    const reported = hooks
      .changes()
      .filter((c) => c.field === 'story_insights')
      .map((c) => c.value);
    expect(reported).toEqual([
      { media_id: SIM_SEED.media.story, exits: -1, replies: -1, reach: 152, taps_forward: 40, taps_back: 6, impressions: 190 },
      expect.objectContaining({ media_id: posted.body.id, reach: expect.any(Number) }),
    ]);
    expect((await insights({ metric: 'reach' }, SIM_SEED.media.story)).body.error?.code).toBe(100);
  });
});
