import type { RunningMetaSim } from '../index';
import { SIM_SEED } from '../index';
import { control, graph, startTestSim } from './sim-test-kit';

describe('meta-sim: tokens, appsecret_proof and basic reads', () => {
  let sim: RunningMetaSim;
  beforeAll(async () => {
    sim = await startTestSim();
  });
  afterAll(() => sim.close());

  it('rejects an unknown token with Meta error 190 OAuthException', async () => {
    const res = await graph(sim, 'GET', '/v23.0/me', 'bogus', { proof: false });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: expect.objectContaining({ code: 190, type: 'OAuthException', message: expect.any(String), fbtrace_id: expect.any(String) }),
    });
    expect(res.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('requires appsecret_proof for page tokens and validates it', async () => {
    const missing = await graph(sim, 'GET', '/v23.0/me', SIM_SEED.page.accessToken, { proof: false });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: 100, message: 'API calls from the server require an appsecret_proof argument' } });
    const wrong = await graph(sim, 'GET', '/v23.0/me', SIM_SEED.page.accessToken, { proof: false, query: { appsecret_proof: 'a'.repeat(64) } });
    expect(wrong.body).toMatchObject({ error: { code: 100, message: 'Invalid appsecret_proof provided in the API argument' } });
    const ok = await graph(sim, 'GET', '/v23.0/me', SIM_SEED.page.accessToken, { query: { fields: 'id,name' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ id: SIM_SEED.page.id, name: SIM_SEED.page.name });
  });

  it('accepts Bearer tokens, any version prefix and no version', async () => {
    for (const prefix of ['/v21.0', '/v25.0', '']) {
      const res = await fetch(
        `${sim.url}${prefix}/me?fields=id&appsecret_proof=${(await import('../index')).appSecretProof(SIM_SEED.page.accessToken, sim.appSecret)}`,
        {
          headers: { authorization: `Bearer ${SIM_SEED.page.accessToken}` },
        },
      );
      expect(await res.json()).toEqual({ id: SIM_SEED.page.id });
    }
  });

  it('reports BUC rate-limit usage for page tokens and app usage for app tokens', async () => {
    const page = await graph(sim, 'GET', '/v23.0/me', SIM_SEED.page.accessToken);
    const buc = JSON.parse(page.headers.get('x-business-use-case-usage') ?? '{}') as Record<string, Array<Record<string, unknown>>>;
    expect(buc[SIM_SEED.page.id]?.[0]).toEqual(expect.objectContaining({ type: 'pages', call_count: expect.any(Number), estimated_time_to_regain_access: 0 }));
    const app = await graph(sim, 'GET', `/v23.0/${SIM_SEED.page.id}`, SIM_SEED.app.accessToken, { query: { fields: 'access_token' } });
    expect(JSON.parse(app.headers.get('x-app-usage') ?? '{}')).toEqual({
      call_count: expect.any(Number),
      total_cputime: expect.any(Number),
      total_time: expect.any(Number),
    });
    expect(app.body).toEqual({ access_token: SIM_SEED.page.accessToken, id: SIM_SEED.page.id });
  });

  it('rejects unknown fields like Graph does', async () => {
    const res = await graph(sim, 'GET', `/v23.0/${SIM_SEED.messengerCustomers[0].psid}`, SIM_SEED.page.accessToken, { query: { fields: 'username' } });
    expect(res.body).toMatchObject({ error: { code: 100, message: '(#100) Tried accessing nonexisting field (username) on node type (User)' } });
  });

  it('serves profiles, media with nested comments and replies', async () => {
    const ig = SIM_SEED.instagramCustomers[0];
    const profile = await graph(sim, 'GET', `/v23.0/${ig.igsid}`, SIM_SEED.page.accessToken, {
      query: { fields: 'name,username,profile_pic,follower_count,is_user_follow_business' },
    });
    expect(profile.body).toMatchObject({ id: ig.igsid, username: ig.username, name: ig.name, profile_pic: expect.stringContaining('/cdn/avatar/') });
    const media = await graph<{ data: Array<Record<string, unknown>> }>(sim, 'GET', `/v23.0/${SIM_SEED.instagram.id}/media`, SIM_SEED.page.accessToken, {
      query: { fields: 'id,caption,comments{id,text,username,timestamp,replies{id,text,username}}' },
    });
    const post = media.body.data.find((m) => m['id'] === SIM_SEED.media.post);
    expect(post).toMatchObject({
      comments: { data: [{ id: SIM_SEED.igComments.onPost, username: ig.username, replies: { data: [{ id: SIM_SEED.igComments.businessReply }] } }] },
    });
  });

  it('returns Facebook feed with comments, reaction summary and nested replies', async () => {
    const res = await graph<{ data: Array<Record<string, unknown>> }>(sim, 'GET', `/v23.0/${SIM_SEED.page.id}/feed`, SIM_SEED.page.accessToken, {
      query: {
        fields:
          'id,message,permalink_url,comments.limit(25){id,message,created_time,from{id,name,picture{url}},comments.limit(25){id,message}},reactions.summary(total_count)',
        limit: '25',
      },
    });
    const photo = res.body.data.find((p) => p['id'] === SIM_SEED.posts.photo);
    expect(photo).toMatchObject({
      reactions: { data: [], summary: { total_count: 42 } },
      comments: {
        data: [
          {
            id: SIM_SEED.fbComments.onPhoto,
            from: { id: expect.any(String), name: 'Jane Example', picture: { data: { url: expect.any(String) } } },
            comments: { data: [{ id: SIM_SEED.fbComments.pageReply }] },
          },
        ],
      },
    });
  });

  it('pages edges with cursors and supports filter/order/summary as query params', async () => {
    const first = await graph<{ data: Array<{ id: string }>; paging: { cursors: { after: string }; next?: string } }>(
      sim,
      'GET',
      `/v23.0/${SIM_SEED.instagram.id}/media`,
      SIM_SEED.page.accessToken,
      { query: { limit: '2' } },
    );
    expect(first.body.data).toHaveLength(2);
    expect(first.body.paging.next).toContain(`after=${first.body.paging.cursors.after}`);
    const seen = [...first.body.data];
    let next: string | undefined = first.body.paging.next;
    while (next) {
      const page = (await (await fetch(next)).json()) as { data: Array<{ id: string }>; paging?: { next?: string } };
      expect(page.data.length).toBeGreaterThan(0);
      seen.push(...page.data);
      next = page.paging?.next;
    }
    const ids = seen.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const grid = (await control<{ data: Array<{ id: string; accountId: string; mediaProductType: string }> }>(sim, 'GET', '/media')).body.data.filter(
      (m) => m.accountId === SIM_SEED.instagram.id && ['FEED', 'REELS'].includes(m.mediaProductType),
    );
    expect(ids.sort()).toEqual(grid.map((m) => m.id).sort());
    expect(ids).toEqual(expect.arrayContaining([SIM_SEED.media.post, SIM_SEED.media.reel, SIM_SEED.media.carousel]));
    expect(ids).not.toContain(SIM_SEED.media.story);
    expect(ids).not.toContain(SIM_SEED.media.ad);
    expect(ids).not.toContain(SIM_SEED.media.live);
    const stream = await graph<{ data: unknown[]; summary: { total_count: number } }>(
      sim,
      'GET',
      `/v23.0/${SIM_SEED.posts.photo}/comments`,
      SIM_SEED.page.accessToken,
      { query: { filter: 'stream', summary: 'true', order: 'reverse_chronological' } },
    );
    expect(stream.body.data).toHaveLength(2);
    expect(stream.body.summary.total_count).toBe(2);
    const top = await graph<{ data: unknown[] }>(sim, 'GET', `/v23.0/${SIM_SEED.posts.photo}/comments`, SIM_SEED.page.accessToken, {
      query: { filter: 'toplevel' },
    });
    expect(top.body.data).toHaveLength(1);
  });

  it('reads several nodes at once with ?ids=', async () => {
    const [a, b] = SIM_SEED.instagramCustomers;
    const res = await graph(sim, 'GET', '/v23.0/', SIM_SEED.page.accessToken, { query: { ids: `${a.igsid},${b.igsid}`, fields: 'username' } });
    expect(res.body).toEqual({ [a.igsid]: { username: a.username, id: a.igsid }, [b.igsid]: { username: b.username, id: b.igsid } });
  });

  it('serves /me/accounts with page tokens for a user token, and debug_token', async () => {
    const accounts = await graph<{ data: Array<Record<string, unknown>> }>(sim, 'GET', '/v23.0/me/accounts', SIM_SEED.admin.userToken);
    expect(accounts.body.data[0]).toMatchObject({
      id: SIM_SEED.page.id,
      access_token: SIM_SEED.page.accessToken,
      tasks: expect.arrayContaining(['MESSAGING']),
    });
    const dbg = await graph<{ data: Record<string, unknown> }>(sim, 'GET', '/v23.0/debug_token', SIM_SEED.app.accessToken, {
      query: { input_token: SIM_SEED.page.accessToken },
    });
    expect(dbg.body.data).toMatchObject({ app_id: SIM_SEED.app.id, type: 'PAGE', is_valid: true, expires_at: 0, profile_id: SIM_SEED.page.id });
  });
});
