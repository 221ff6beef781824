import type { RunningMetaSim } from '../index';
import { SIM_SEED } from '../index';
import { control, graph, startTestSim } from './sim-test-kit';

async function approve(sim: RunningMetaSim, dialogUrl: string, subject: string): Promise<URL> {
  const page = await fetch(dialogUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('data-testid="oauth-approve"');
  const form = new URLSearchParams({
    flavour: /name="flavour" value="([^"]+)"/.exec(html)?.[1] ?? '',
    redirect_uri: /name="redirect_uri" value="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '',
    state: /name="state" value="([^"]*)"/.exec(html)?.[1] ?? '',
    scope: /name="scope" value="([^"]*)"/.exec(html)?.[1] ?? '',
    subject,
    decision: 'allow',
  });
  const res = await fetch(`${sim.url}/_sim/oauth/decide`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

describe('meta-sim: OAuth dialogs and token endpoints', () => {
  let sim: RunningMetaSim;
  beforeAll(async () => {
    sim = await startTestSim();
  });
  afterAll(() => sim.close());

  it('Facebook Login: dialog → code → short-lived → long-lived user token → page tokens', async () => {
    const redirect = 'http://127.0.0.1:3001/api/meta/callback';
    const dialog = `${sim.url}/v23.0/dialog/oauth?client_id=${sim.appId}&redirect_uri=${encodeURIComponent(redirect)}&state=xyz&scope=pages_show_list,pages_messaging`;
    const back = await approve(sim, dialog, SIM_SEED.admin.id);
    expect(back.origin + back.pathname).toBe(redirect);
    expect(back.searchParams.get('state')).toBe('xyz');
    const code = back.searchParams.get('code') ?? '';
    const base = { client_id: sim.appId, client_secret: sim.appSecret, redirect_uri: redirect };
    const wrongRedirect = await graph(sim, 'GET', '/v23.0/oauth/access_token', undefined, { query: { ...base, redirect_uri: 'http://evil.example/', code } });
    expect(wrongRedirect.body).toMatchObject({ error: { code: 100, error_subcode: 36008 } });
    const short = await graph<{ access_token: string; expires_in: number }>(sim, 'GET', '/v23.0/oauth/access_token', undefined, { query: { ...base, code } });
    expect(short.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 3600 });
    const reused = await graph(sim, 'GET', '/v23.0/oauth/access_token', undefined, { query: { ...base, code } });
    expect(reused.body).toMatchObject({ error: { code: 100, error_subcode: 36009 } });
    const long = await graph<{ access_token: string; expires_in: number }>(sim, 'GET', '/v23.0/oauth/access_token', undefined, {
      query: { grant_type: 'fb_exchange_token', client_id: sim.appId, client_secret: sim.appSecret, fb_exchange_token: short.body.access_token },
    });
    expect(long.body.expires_in).toBeGreaterThan(5_000_000);
    const accounts = await graph<{ data: Array<{ id: string; access_token: string }> }>(sim, 'GET', '/v23.0/me/accounts', long.body.access_token);
    const pageToken = accounts.body.data[0]?.access_token ?? '';
    const dbg = await graph<{ data: Record<string, unknown> }>(sim, 'GET', '/v23.0/debug_token', SIM_SEED.app.accessToken, {
      query: { input_token: pageToken },
    });
    expect(dbg.body.data).toMatchObject({ type: 'PAGE', is_valid: true, expires_at: 0 });
    expect(dbg.body.data['scopes']).toEqual(['pages_show_list', 'pages_messaging']);
    // Granted scopes are enforced: pages_messaging yes, utility templates / webhooks subscription no.
    const send = await graph(sim, 'POST', `/v23.0/${SIM_SEED.page.id}/messages`, pageToken, {
      json: { recipient: { id: SIM_SEED.messengerCustomers[0].psid }, messaging_type: 'RESPONSE', message: { text: 'hi' } },
    });
    expect(send.status).toBe(200);
    const subscribe = await graph(sim, 'POST', `/v23.0/${SIM_SEED.page.id}/subscribed_apps`, pageToken, { query: { subscribed_fields: 'messages' } });
    expect(subscribe.body).toMatchObject({ error: { code: 200, message: '(#200) Requires pages_manage_metadata permission to manage the object' } });
    const bad = await graph(sim, 'GET', '/v23.0/oauth/access_token', undefined, {
      query: { grant_type: 'client_credentials', client_id: sim.appId, client_secret: 'nope' },
    });
    expect(bad.body).toMatchObject({ error: { code: 1 } });
    const app = await graph(sim, 'GET', '/v23.0/oauth/access_token', undefined, {
      query: { grant_type: 'client_credentials', client_id: sim.appId, client_secret: sim.appSecret },
    });
    expect(app.body).toEqual({ access_token: `${sim.appId}|${sim.appSecret}`, token_type: 'bearer' });
  });

  it('Instagram Login: authorize → code → short token → long-lived → refresh after 24 h', async () => {
    const redirect = 'http://127.0.0.1:3001/api/meta/ig-callback';
    const dialog = `${sim.url}/ig/oauth/authorize?client_id=${sim.appId}&redirect_uri=${encodeURIComponent(redirect)}&response_type=code&scope=instagram_business_basic,instagram_business_manage_messages&state=s1`;
    const back = await approve(sim, dialog, SIM_SEED.instagramLogin.id);
    expect(back.hash).toBe('#_');
    const code = back.searchParams.get('code') ?? '';
    const form = new URLSearchParams({ client_id: sim.appId, client_secret: sim.appSecret, grant_type: 'authorization_code', redirect_uri: redirect, code });
    const shortRes = await fetch(`${sim.instagramBaseUrl}/oauth/access_token`, { method: 'POST', body: form });
    const short = (await shortRes.json()) as { data: Array<{ access_token: string; user_id: string; permissions: string }> };
    expect(short.data[0]).toEqual({
      access_token: expect.any(String),
      user_id: SIM_SEED.instagramLogin.id,
      permissions: 'instagram_business_basic,instagram_business_manage_messages',
    });
    const shortToken = short.data[0]?.access_token ?? '';
    const long = await graph<{ access_token: string; expires_in: number }>(sim, 'GET', '/access_token', undefined, {
      base: sim.instagramBaseUrl,
      query: { grant_type: 'ig_exchange_token', client_secret: sim.appSecret, access_token: shortToken },
    });
    expect(long.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 5184000 });
    const tooEarly = await graph(sim, 'GET', '/refresh_access_token', undefined, {
      base: sim.instagramBaseUrl,
      query: { grant_type: 'ig_refresh_token', access_token: long.body.access_token },
    });
    expect(tooEarly.body).toMatchObject({ error: { code: 100 } });
    await control(sim, 'POST', '/tokens/age', { token: long.body.access_token, hours: 25 });
    const refreshed = await graph<{ access_token: string }>(sim, 'GET', '/refresh_access_token', undefined, {
      base: sim.instagramBaseUrl,
      query: { grant_type: 'ig_refresh_token', access_token: long.body.access_token },
    });
    expect(refreshed.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 5184000 });
    const me = await graph(sim, 'GET', '/v23.0/me', refreshed.body.access_token, { base: sim.instagramBaseUrl, query: { fields: 'user_id,username' } });
    expect(me.body).toEqual({ id: SIM_SEED.instagramLogin.appScopedId, user_id: SIM_SEED.instagramLogin.id, username: SIM_SEED.instagramLogin.username });
    // IG tokens are only valid on the Instagram host.
    const wrongHost = await graph(sim, 'GET', '/v23.0/me', refreshed.body.access_token);
    expect(wrongHost.body).toMatchObject({ error: { code: 190 } });
  });

  it('cancelling the dialog redirects with error=access_denied', async () => {
    const redirect = 'http://127.0.0.1:3001/cb';
    const res = await fetch(`${sim.url}/_sim/oauth/decide`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ flavour: 'facebook', redirect_uri: redirect, state: 'q', decision: 'cancel' }),
    });
    const loc = new URL(res.headers.get('location') ?? '');
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('error_reason')).toBe('user_denied');
    expect(loc.searchParams.get('state')).toBe('q');
  });

  it('reports invalidated and expired tokens with 190 subcodes', async () => {
    const accounts = await graph<{ data: Array<{ access_token: string }> }>(sim, 'GET', '/v23.0/me/accounts', SIM_SEED.admin.userToken);
    expect(accounts.status).toBe(200);
    await control(sim, 'POST', '/tokens/invalidate', { token: SIM_SEED.admin.userToken, subcode: 460 });
    const res = await graph(sim, 'GET', '/v23.0/me', SIM_SEED.admin.userToken);
    expect(res.body).toMatchObject({ error: { code: 190, error_subcode: 460 } });
    await control(sim, 'POST', '/tokens/age', { token: SIM_SEED.instagramLogin.accessToken, hours: 24 * 61 });
    const expired = await graph(sim, 'GET', '/v23.0/me', SIM_SEED.instagramLogin.accessToken, { base: sim.instagramBaseUrl });
    expect(expired.body).toMatchObject({ error: { code: 190, error_subcode: 463 } });
    sim.reset();
  });
});
