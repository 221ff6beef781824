import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { MetaGraph } from '../../src/modules/meta/meta.module';
import { startTestApp, TEST_ADMIN, TestApp } from '../utils/test-app';
import { signSha256 } from '@ticklegram/meta-sim';

/**
 * With REDIS_URL set, two api replicas draw from one budget: the login throttle and the per-account
 * Graph rate limits. Runs only with TEST_REDIS_URL (jest.redis.config.cts); keys carry a prefix unique
 * to this run, so other runs on the same Redis are not touched.
 */
const redisUrl = process.env['TEST_REDIS_URL'] as string;

describe('rate limits shared across replicas through Redis (e2e)', () => {
  const prefix = `tg-test-${randomUUID().slice(0, 8)}:`;
  let replicaA: TestApp;
  let replicaB: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    const env = {
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      THROTTLE_LOGIN_LIMIT: '4',
      THROTTLE_LOGIN_ACCOUNT_LIMIT: '100',
      WEBHOOK_BAD_SIGNATURE_LIMIT_PER_MINUTE: '4',
    };
    replicaA = await startTestApp(env);
    replicaB = await startTestApp(env);
    redis = new Redis(redisUrl);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await Promise.all([replicaA?.close(), replicaB?.close()]);
  });

  it('counts failed sign-ins on either replica against one budget', async () => {
    const fail = (replica: TestApp) => replica.http.post('/api/auth/login').send({ email: 'shared@int.test', password: 'wrong-password' });
    expect((await fail(replicaA)).status).toBe(401);
    expect((await fail(replicaB)).status).toBe(401);
    expect((await fail(replicaA)).status).toBe(401);
    expect((await fail(replicaB)).status).toBe(401);
    // a fifth guess is refused by both replicas, although each saw only two
    expect((await fail(replicaA)).status).toBe(429);
    expect((await fail(replicaB)).status).toBe(429);
    expect(await redis.keys(`${prefix}login-client*`)).not.toHaveLength(0);
    // successful sign-ins elsewhere are unaffected
    expect((await replicaB.http.post('/api/auth/login').send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password })).status).toBe(200);
  });

  it('counts bad webhook signatures from one address on either replica against one budget', async () => {
    const forged = (replica: TestApp) =>
      fetch(`${replica.url}/webhooks/facebook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
        body: '{"object":"page","entry":[]}',
      });
    expect((await forged(replicaA)).status).toBe(401);
    expect((await forged(replicaB)).status).toBe(401);
    expect((await forged(replicaA)).status).toBe(401);
    expect((await forged(replicaB)).status).toBe(401);
    // spent: each replica saw two, both now refuse the address unread
    expect((await forged(replicaA)).status).toBe(429);
    expect((await forged(replicaB)).status).toBe(429);
    expect(await redis.keys(`${prefix}webhook-bad-signature*`)).not.toHaveLength(0);
  });

  it('reads an address budget once a second per replica: spent on B, A still admits it until its reading is a second old', async () => {
    // another address than the test above (which spent 127.0.0.1's budget): the test apps trust loopback proxies
    const from = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
    const post = (replica: TestApp, secret: string) => {
      const body = '{"object":"page","entry":[]}';
      return fetch(`${replica.url}/webhooks/facebook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from, 'x-hub-signature-256': signSha256(body, secret) },
        body,
      });
    };
    // A reads the budget (untouched) and remembers it
    expect((await post(replicaA, replicaA.config.meta.appSecret)).status).toBe(200);
    const readAt = Date.now();
    for (let i = 0; i < 4; i += 1) expect((await post(replicaB, 'not-the-secret')).status).toBe(401);
    expect((await post(replicaB, replicaB.config.meta.appSecret)).status).toBe(429);
    if (Date.now() - readAt < 900) expect((await post(replicaA, replicaA.config.meta.appSecret)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, readAt + 1100 - Date.now())));
    expect((await post(replicaA, replicaA.config.meta.appSecret)).status).toBe(429);
  });

  it("shares one account's Graph budget: what replica A used, replica B must wait for", async () => {
    const account = `acct-${randomUUID().slice(0, 8)}`;
    const limiterA = replicaA.app.get(MetaGraph).http.limiter;
    const limiterB = replicaB.app.get(MetaGraph).http.limiter;
    // the Conversations API allows 2 calls per second per account
    await limiterA.acquire(account, 'conversations');
    await limiterA.acquire(account, 'conversations');
    const started = Date.now();
    const third = limiterB.acquire(account, 'conversations').then(() => Date.now() - started);
    const winner = await Promise.race([
      third.then(() => 'replica B got a slot'),
      new Promise((resolve) => setTimeout(() => resolve('replica B is waiting'), 250)),
    ]);
    expect(winner).toBe('replica B is waiting');
    // and it gets the next window's slot
    expect(await third).toBeGreaterThanOrEqual(250);
    expect(await redis.exists(`${prefix}meta-conversations:${account}`)).toBe(1);
  });
});
