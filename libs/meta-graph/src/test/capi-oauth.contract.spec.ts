import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { createHash } from 'node:crypto';
import { CapiEventInput, CapiValidationError, MetaGraphClient, MetaGraphError, collect, computeAppSecretProof } from '../index';
import { clearSimRequests, control, simClient, simOAuthCode, simRequests } from './sim-harness';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('Conversions API and tokens against the Meta simulator', () => {
  let sim: RunningMetaSim;
  let client: MetaGraphClient;
  const page = { accessToken: SIM_SEED.page.accessToken };

  beforeAll(async () => {
    sim = await startMetaSim({ port: 0 });
    client = simClient(sim).client;
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });
  beforeEach(() => clearSimRequests(sim));

  describe('Conversions API', () => {
    const nowS = (): number => Math.floor(Date.now() / 1000);
    const purchase = (i: number): CapiEventInput => ({
      event_name: 'Purchase',
      event_time: nowS() - 60,
      event_id: `order-${i}`,
      action_source: 'business_messaging',
      messaging_channel: 'messenger',
      user_data: { em: ' Jane@Example.com ', ph: '+43 660 1234567', page_id: SIM_SEED.page.id, page_scoped_user_id: SIM_SEED.messengerCustomers[0].psid },
      custom_data: { currency: 'EUR', value: 49.9 },
    });

    it('sends hashed user data and never hashes identifiers', async () => {
      const res = await client.capi.sendEvents(page, SIM_SEED.pixel.id, [purchase(1)], { testEventCode: 'TEST123' });
      expect(res.eventsReceived).toBe(1);
      expect(res.batches[0]?.fbtrace_id).toBeTruthy();
      const stored = await control<{ data: { testEventCode?: string; event: { user_data: Record<string, unknown> } }[] }>(
        sim,
        'GET',
        `/pixels/${SIM_SEED.pixel.id}/events`,
      );
      const last = stored.data[stored.data.length - 1];
      expect(last?.testEventCode).toBe('TEST123');
      expect(last?.event.user_data).toEqual({
        em: [sha('jane@example.com')],
        ph: [sha('436601234567')],
        page_id: SIM_SEED.page.id,
        page_scoped_user_id: SIM_SEED.messengerCustomers[0].psid,
      });
    });

    it('gets (or creates) the business-messaging dataset once per account and sends events to it', async () => {
      const first = await client.capi.getOrCreateDataset(page, SIM_SEED.page.id);
      const again = await client.capi.getOrCreateDataset(page, SIM_SEED.page.id);
      expect(first.id).toMatch(/^\d+$/);
      expect(again.id).toBe(first.id);
      const res = await client.capi.sendEvents(page, first.id, [purchase(7)]);
      expect(res.eventsReceived).toBe(1);
      const stored = await control<{ data: unknown[] }>(sim, 'GET', `/pixels/${first.id}/events`);
      expect(stored.data).toHaveLength(1);
      const ig = await client.capi.getOrCreateDataset(page, SIM_SEED.instagram.id);
      expect(ig.id).not.toBe(first.id);
    });

    it('splits 2 500 events into 3 requests of ≤ 1000', async () => {
      const events = Array.from({ length: 2500 }, (_, i) => purchase(i));
      const res = await client.capi.sendEvents(page, SIM_SEED.pixel.id, events);
      expect(res.eventsReceived).toBe(2500);
      const reqs = await simRequests(sim, '/events');
      expect(reqs.map((r) => (r.params['data'] as unknown[]).length)).toEqual([1000, 1000, 500]);
    });

    it('refuses the whole request when one event is older than 7 days, before sending anything', async () => {
      const stale = { ...purchase(2), event_time: nowS() - 8 * 86_400 };
      const error = await client.capi.sendEvents(page, SIM_SEED.pixel.id, [purchase(1), stale]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CapiValidationError);
      expect((error as CapiValidationError).problems).toEqual([expect.objectContaining({ index: 1, reason: expect.stringContaining('7 days') })]);
      expect(await simRequests(sim, '/events')).toHaveLength(0);
    });
  });

  describe('tokens', () => {
    const redirectUri = 'https://inbox.example/oauth/callback';

    it('exchanges a Facebook Login code, then makes the user token long-lived', async () => {
      const code = await simOAuthCode(sim, 'facebook', SIM_SEED.admin.id, redirectUri, ['pages_messaging', 'pages_show_list']);
      const short = await client.oauth.exchangeCode(code, redirectUri);
      expect(short).toMatchObject({ access_token: expect.any(String), token_type: 'bearer' });
      const [req] = await simRequests(sim, '/oauth/access_token');
      expect(req?.params).toMatchObject({ client_id: sim.appId, redirect_uri: redirectUri, code });
      const long = await client.oauth.exchangeForLongLivedUserToken(short.access_token);
      expect(long.expires_in).toBeGreaterThan(50 * 86_400);
      const reused = (await client.oauth.exchangeCode(code, redirectUri).catch((e: unknown) => e)) as MetaGraphError;
      expect(reused.kind).toBe('invalid_request');
    });

    it('inspects tokens with debug_token using the app token', async () => {
      const info = await client.oauth.debugToken(SIM_SEED.page.accessToken);
      expect(info).toMatchObject({ is_valid: true, type: 'PAGE', app_id: sim.appId });
      const [req] = await simRequests(sim, '/debug_token');
      expect(req?.params['access_token']).toBe(`${sim.appId}|${sim.appSecret}`);
      expect(req?.params['appsecret_proof']).toBe(computeAppSecretProof(`${sim.appId}|${sim.appSecret}`, sim.appSecret));
      expect((await client.oauth.debugToken('garbage')).is_valid).toBe(false);
    });

    it('fetches an app token with client_credentials', async () => {
      expect((await client.oauth.fetchAppAccessToken()).access_token).toBe(`${sim.appId}|${sim.appSecret}`);
    });

    it("gets a Page token via the app token and lists the user's Pages with their Instagram account", async () => {
      const viaApp = await client.oauth.getPageAccessToken(SIM_SEED.page.id);
      expect(viaApp).toMatchObject({ id: SIM_SEED.page.id, access_token: expect.any(String) });
      const pages = await collect(client.oauth.iterateUserPages(SIM_SEED.admin.userToken));
      expect(pages).toEqual([
        expect.objectContaining({
          id: SIM_SEED.page.id,
          access_token: expect.any(String),
          instagram_business_account: expect.objectContaining({ id: SIM_SEED.instagram.id }),
        }),
      ]);
    });

    it('runs the Instagram Login flow: code → short-lived → long-lived → refresh', async () => {
      const code = await simOAuthCode(sim, 'instagram', SIM_SEED.instagramLogin.id, redirectUri, [
        'instagram_business_basic',
        'instagram_business_manage_messages',
      ]);
      const short = await client.oauth.exchangeInstagramCode(code, redirectUri);
      expect(short).toMatchObject({
        access_token: expect.any(String),
        user_id: SIM_SEED.instagramLogin.id,
        permissions: ['instagram_business_basic', 'instagram_business_manage_messages'],
      });
      const [codeReq] = await simRequests(sim, '/oauth/access_token');
      expect(codeReq).toMatchObject({
        method: 'POST',
        host: 'instagram',
        params: expect.objectContaining({ grant_type: 'authorization_code', client_id: sim.appId }),
      });
      const long = await client.oauth.exchangeInstagramLongLivedToken(short.access_token);
      expect(long.expires_in).toBeGreaterThan(50 * 86_400);
      const tooFresh = (await client.oauth.refreshInstagramToken(long.access_token).catch((e: unknown) => e)) as MetaGraphError;
      expect(tooFresh.kind).toBe('invalid_request');
      await control(sim, 'POST', '/tokens/age', { token: long.access_token, hours: 25 });
      const refreshed = await client.oauth.refreshInstagramToken(long.access_token);
      expect(refreshed).toMatchObject({ access_token: expect.any(String), expires_in: expect.any(Number) });
      const [refreshReq] = await simRequests(sim, '/refresh_access_token');
      expect(refreshReq?.params).toMatchObject({ grant_type: 'ig_refresh_token', access_token: long.access_token });
    });

    it('classifies an invalidated token (password changed, 190/460) as re-auth required', async () => {
      const code = await simOAuthCode(sim, 'facebook', SIM_SEED.admin.id, redirectUri, ['pages_show_list']);
      const { access_token } = await client.oauth.exchangeCode(code, redirectUri);
      await control(sim, 'POST', '/tokens/invalidate', { token: access_token, subcode: 460 });
      const error = (await client.oauth.listUserPages(access_token).catch((e: unknown) => e)) as MetaGraphError;
      expect([error.kind, error.code, error.subcode]).toEqual(['reauth_required', 190, 460]);
      expect(error.userMessage).toContain('password');
    });
  });
});
