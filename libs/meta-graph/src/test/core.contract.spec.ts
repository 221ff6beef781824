import { RunningMetaSim, SIM_SEED, startMetaSim } from '@ticklegram/meta-sim';
import { MetaGraphClient, MetaGraphError, computeAppSecretProof } from '../index';
import { clearSimRequests, control, simClient, simRequests } from './sim-harness';

async function faultHits(sim: RunningMetaSim): Promise<number[]> {
  return (await control<{ data: { hits: number }[] }>(sim, 'GET', '/faults')).data.map((f) => f.hits);
}

describe('Graph HTTP core against the Meta simulator', () => {
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
  afterEach(async () => {
    await control(sim, 'DELETE', '/faults');
    await control(sim, 'POST', '/usage', {});
    await clearSimRequests(sim);
  });

  it('classifies GET /<ver>/me with a bogus token as re-auth required (190), without leaking the token', async () => {
    const error = (await client.profiles.getMe({ accessToken: 'bogus-token-value' }).catch((e: unknown) => e)) as MetaGraphError;
    expect(error).toBeInstanceOf(MetaGraphError);
    expect(error.kind).toBe('reauth_required');
    expect(error.code).toBe(190);
    expect(error.httpStatus).toBe(400);
    expect(error.message).not.toContain('bogus-token-value');
    expect(JSON.stringify(error)).not.toContain('bogus-token-value');
    const [req] = await simRequests(sim, '/me');
    expect(req?.params['access_token']).toBe('bogus-token-value');
    expect(req?.path).toBe('/me');
  });

  it('never puts a token or proof into log events', async () => {
    const { client: logged, events } = simClient(sim);
    try {
      await logged.profiles.getMe(page);
      await logged.profiles.getMe({ accessToken: 'bogus-token-value' }).catch(() => undefined);
      expect(events.map((e) => e.type)).toEqual(['request', 'response', 'request', 'error']);
      const text = JSON.stringify(events);
      expect(text).not.toContain(page.accessToken);
      expect(text).not.toContain('bogus-token-value');
      expect(text).not.toContain(computeAppSecretProof(page.accessToken, sim.appSecret));
      expect(events[3]).toMatchObject({ kind: 'reauth_required', code: 190, status: 400 });
    } finally {
      logged.close();
    }
  });

  it('sends appsecret_proof with every token, which the sim verifies', async () => {
    const me = await client.profiles.getMe(page);
    expect(me.id).toBe(SIM_SEED.page.id);
    const [req] = await simRequests(sim, '/me');
    expect(req?.params['appsecret_proof']).toBe(computeAppSecretProof(SIM_SEED.page.accessToken, sim.appSecret));
  });

  it('a wrong app secret makes the sim reject the proof, and that is not retried', async () => {
    const bad = simClient(sim, { appSecret: 'not-the-secret' }).client;
    try {
      const error = (await bad.profiles.getMe(page).catch((e: unknown) => e)) as MetaGraphError;
      expect(error).toBeInstanceOf(MetaGraphError);
      expect(error.isRetryable).toBe(false);
      expect(await simRequests(sim, '/me')).toHaveLength(1);
    } finally {
      bad.close();
    }
  });

  it('retries a 5xx and then succeeds', async () => {
    await control(sim, 'POST', '/faults', { pattern: `GET /${SIM_SEED.page.id}`, httpStatus: 503, code: 2, times: 1 });
    const res = await client.http.request<{ id: string }>({
      method: 'GET',
      path: `/${SIM_SEED.page.id}`,
      accessToken: page.accessToken,
      query: { fields: 'id,name' },
    });
    expect(res.data.id).toBe(SIM_SEED.page.id);
    expect(res.attempts).toBe(2);
    const reqs = await simRequests(sim, `/${SIM_SEED.page.id}`);
    expect(reqs.map((r) => r.status)).toEqual([503, 200]);
  });

  it('never replays a POST send after a transient 500: Meta may have delivered it, so the outcome is unknown', async () => {
    await control(sim, 'POST', '/faults', { pattern: `POST /${SIM_SEED.page.id}/messages`, code: 1, times: 1, afterHandling: true });
    const target = { auth: page, senderId: SIM_SEED.page.id, platform: 'messenger' as const };
    const error = (await client.messaging
      .sendText(target, SIM_SEED.messengerCustomers[0].psid, 'hello after a hiccup')
      .catch((e: unknown) => e)) as MetaGraphError;
    expect(error).toMatchObject({ kind: 'retryable', httpStatus: 500, outcomeUnknown: true });
    expect((await simRequests(sim, '/messages')).map((r) => r.status)).toEqual([500]);
  });

  it('does not retry an invalid request (100)', async () => {
    await control(sim, 'POST', '/faults', { pattern: `GET /${SIM_SEED.page.id}/posts`, code: 100, times: 3 });
    const error = (await client.comments.listPagePosts(page, SIM_SEED.page.id).catch((e: unknown) => e)) as MetaGraphError;
    expect(error.kind).toBe('invalid_request');
    expect(error.code).toBe(100);
    expect(await simRequests(sim, `/${SIM_SEED.page.id}/posts`)).toHaveLength(1);
  });

  it('gives up after maxAttempts on a persistent 5xx', async () => {
    await control(sim, 'POST', '/faults', { pattern: `GET /${SIM_SEED.page.id}`, httpStatus: 500, code: 2 });
    const error = (await client.http
      .request({ method: 'GET', path: `/${SIM_SEED.page.id}`, accessToken: page.accessToken })
      .catch((e: unknown) => e)) as MetaGraphError;
    expect(error.kind).toBe('retryable');
    expect(await simRequests(sim, `/${SIM_SEED.page.id}`)).toHaveLength(3);
  });

  it('reports a BUC rate limit with the wait from estimated_time_to_regain_access and pauses the account', async () => {
    const local = simClient(sim).client;
    try {
      await control(sim, 'POST', '/faults', { pattern: `POST /${SIM_SEED.page.id}/messages`, code: 80006, regainAccessMinutes: 2, times: 1 });
      const target = { auth: page, senderId: SIM_SEED.page.id, platform: 'messenger' as const };
      const error = (await local.messaging.sendText(target, SIM_SEED.messengerCustomers[0].psid, 'x').catch((e: unknown) => e)) as MetaGraphError;
      expect(error.kind).toBe('rate_limited');
      expect(error.code).toBe(80006);
      expect(error.retryAfterMs).toBe(120_000);
      // too long to sit out inside the call: not retried, and the account is now paused client-side
      expect(await simRequests(sim, '/messages')).toHaveLength(1);
      const second = (await local.messaging.sendText(target, SIM_SEED.messengerCustomers[0].psid, 'y').catch((e: unknown) => e)) as MetaGraphError;
      expect(second.kind).toBe('rate_limited');
      expect(second.retryAfterMs).toBeGreaterThan(100_000);
      expect(await simRequests(sim, '/messages')).toHaveLength(1);
    } finally {
      local.close();
    }
  });

  it('pauses an account when usage headers report more than 90%', async () => {
    const local = simClient(sim, { limiter: { maxQueueWaitMs: 10 } }).client;
    try {
      await control(sim, 'POST', '/usage', { call_count: 95, total_cputime: 10, total_time: 10 });
      await local.profiles.getMe(page);
      expect(local.http.limiter.pauseRemainingMs(SIM_SEED.page.id)).toBeGreaterThan(0);
    } finally {
      local.close();
    }
  });

  it('times out a hanging GET, retries it, and classifies the timeout as retryable', async () => {
    const local = simClient(sim, { timeoutMs: 150 }).client;
    try {
      await control(sim, 'POST', '/faults', { pattern: `GET /${SIM_SEED.page.id}`, timeout: true });
      const error = (await local.http
        .request({ method: 'GET', path: `/${SIM_SEED.page.id}`, accessToken: page.accessToken })
        .catch((e: unknown) => e)) as MetaGraphError;
      expect(error.kind).toBe('retryable');
      expect(error.networkCode).toBe('ECONNABORTED');
      expect(error.message).not.toContain(page.accessToken);
      expect(await faultHits(sim)).toEqual([3]);
    } finally {
      local.close();
    }
  });

  it('does not replay a timed-out send (it may have been delivered)', async () => {
    const local = simClient(sim, { timeoutMs: 150 }).client;
    try {
      await control(sim, 'POST', '/faults', { pattern: `POST /${SIM_SEED.page.id}/messages`, timeout: true });
      const error = (await local.messaging
        .sendText({ auth: page, senderId: SIM_SEED.page.id, platform: 'messenger' }, SIM_SEED.messengerCustomers[0].psid, 'once')
        .catch((e: unknown) => e)) as MetaGraphError;
      expect(error.kind).toBe('retryable');
      expect(await faultHits(sim)).toEqual([1]);
    } finally {
      local.close();
    }
  });
});
