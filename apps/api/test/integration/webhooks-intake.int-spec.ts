import { signSha256 } from '@ticklegram/meta-sim';
import { request as httpRequest, IncomingMessage } from 'node:http';
import { startTestApp, TestApp } from '../utils/test-app';

const BAD_SIGNATURE_BUDGET = 3;
const PER_SECOND = 5;

/** A raw POST whose body we control byte by byte: resolves with the answer, whether or not we finished sending. */
function rawPost(
  url: string,
  headers: Record<string, string | number>,
  send: (write: (chunk: string) => boolean) => Promise<void> | void,
  end = true,
): Promise<{ status: number; headers: IncomingMessage['headers']; body: string; answeredBeforeEnd: boolean }> {
  return new Promise((resolve, reject) => {
    let ended = false;
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const answeredBeforeEnd = !ended;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, answeredBeforeEnd }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // the server may close the socket while we still write: the answer already arrived
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    // headers go out now, even if no body byte ever follows
    req.flushHeaders();
    void Promise.resolve(send((chunk) => req.write(chunk))).then(() => {
      if (end) {
        ended = true;
        req.end();
      }
    });
  });
}

/**
 * The webhook intake (POST /webhooks/*): signature over raw bytes, limits applied before and while
 * the body streams, a per-client budget, and none of the dashboard's middleware on the way. Runs on
 * SQLite, and on MySQL/MariaDB with TEST_DATABASE_URL.
 */
describe('webhook intake (integration)', () => {
  let t: TestApp;
  const delivery = (mid: string) =>
    JSON.stringify({
      object: 'page',
      entry: [
        {
          id: 'intake-page',
          time: Date.now(),
          messaging: [{ sender: { id: '1' }, recipient: { id: 'intake-page' }, timestamp: Date.now(), message: { mid, text: 'hi' } }],
        },
      ],
    });
  const rows = async () => Number(((await t.dataSource.query('SELECT COUNT(*) AS n FROM webhook_events')) as { n: number | string }[])[0].n);
  const signed = (body: string) =>
    fetch(`${t.url}/webhooks/facebook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signSha256(body, t.config.meta.appSecret), 'x-request-id': 'meta-delivery-0001' },
      body,
    });

  beforeAll(async () => {
    t = await startTestApp({
      WEBHOOK_WORKER_ENABLED: 'false',
      WEBHOOK_BODY_LIMIT_BYTES: '65536',
      WEBHOOK_BAD_SIGNATURE_LIMIT_PER_MINUTE: String(BAD_SIGNATURE_BUDGET),
      WEBHOOK_RATE_LIMIT_PER_SECOND: String(PER_SECOND),
    });
  });
  afterAll(() => t?.close());

  it('acknowledges a signed delivery with one stored row, keeps the request id, and skips the dashboard middleware', async () => {
    const before = await rows();
    const res = await signed(delivery('m-intake-1'));
    expect([res.status, await res.text()]).toEqual([200, 'EVENT_RECEIVED']);
    expect(res.headers.get('x-request-id')).toBe('meta-delivery-0001');
    // helmet and CORS never ran for it
    expect(res.headers.get('x-content-type-options')).toBeNull();
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(await rows()).toBe(before + 1);
    // the dashboard's routes still get them
    expect((await fetch(`${t.url}/api/health`)).headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("takes Meta's POSTs however the path is written (query, trailing slash, case) and leaves every other request to Express", async () => {
    const post = (path: string, body: string) =>
      fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signSha256(body, t.config.meta.appSecret) },
        body,
      });
    const endpoints = async () =>
      ((await t.dataSource.query(`SELECT endpoint FROM webhook_events WHERE raw_body LIKE '%m-intake-route-%' ORDER BY id`)) as { endpoint: string }[]).map(
        (r) => r.endpoint,
      );
    for (const path of ['/webhooks/facebook/?appsecret_proof=abc', '/Webhooks/Instagram', '/webhook']) {
      const res = await post(path, delivery(`m-intake-route-${path.length}`));
      expect([path, res.status, await res.text()]).toEqual([path, 200, 'EVENT_RECEIVED']);
    }
    expect(await endpoints()).toEqual(['facebook', 'instagram', 'alias']);
    // the subscription handshake (GET) is the dashboard's controller; a POST to another path is Express's 404
    const token = encodeURIComponent(t.config.meta.webhookVerifyToken);
    const handshake = await fetch(`${t.url}/webhooks/facebook?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=4242`);
    expect([handshake.status, await handshake.text()]).toEqual([200, '4242']);
    const elsewhere = await post('/webhooks/other', delivery('m-intake-route-elsewhere'));
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await endpoints()).toHaveLength(3);
  });

  it('refuses a too-large declared length with 413 without waiting for the body', async () => {
    const res = await rawPost(
      `${t.url}/webhooks/instagram`,
      { 'content-length': 65537, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
      (write) => void write('{"object":'),
      false,
    );
    expect(res.status).toBe(413);
    expect(res.answeredBeforeEnd).toBe(true);
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: 413, code: 'WEBHOOKS_BODY_TOO_LARGE' });
  });

  it('stops reading a chunked body at the limit (413 while the client is still sending)', async () => {
    const before = await rows();
    const body = delivery('m-intake-big');
    const res = await rawPost(
      `${t.url}/webhooks/instagram`,
      { 'transfer-encoding': 'chunked', 'x-hub-signature-256': signSha256(body, t.config.meta.appSecret) },
      async (write) => {
        write(body);
        for (let sent = 0; sent <= 70_000; sent += 10_000) {
          write(' '.repeat(10_000));
          await new Promise((r) => setTimeout(r, 5));
        }
      },
      false,
    );
    expect(res.status).toBe(413);
    expect(res.answeredBeforeEnd).toBe(true);
    expect(await rows()).toBe(before);
  });

  it('bounds the webhook POSTs of one address per second (429 with Retry-After), storing only what it acknowledged', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const before = await rows();
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signed(delivery(`m-intake-burst-${i}`))));
    const windows = Math.ceil((Date.now() - started) / 1000) + 1;
    const ok = answers.filter((r) => r.status === 200).length;
    const limited = answers.filter((r) => r.status === 429);
    expect(ok + limited.length).toBe(40);
    // at most the budget per one-second window the burst touched
    expect(ok).toBeLessThanOrEqual(PER_SECOND * windows);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0].headers.get('retry-after'))).toBe(1);
    expect(await rows()).toBe(before + ok);
    await new Promise((r) => setTimeout(r, 2000));
  });

  it('refuses a missing or malformed signature with 401 before reading the body', async () => {
    const before = await rows();
    // the client announces 1 KB and sends none of it: the answer cannot have waited for the body
    const missing = await rawPost(`${t.url}/webhooks/facebook`, { 'content-length': 1024 }, () => undefined, false);
    expect(missing.status).toBe(401);
    expect(missing.answeredBeforeEnd).toBe(true);
    expect(JSON.parse(missing.body)).toMatchObject({ statusCode: 401, code: 'WEBHOOKS_BAD_SIGNATURE' });
    const malformed = await rawPost(`${t.url}/webhook`, { 'content-length': 1024, 'x-hub-signature-256': 'sha256=not-hex' }, () => undefined, false);
    expect(malformed.status).toBe(401);
    expect(await rows()).toBe(before);
  });

  it('an address that keeps failing the signature is refused unread (429) for the rest of the minute', async () => {
    // the previous test spent 2 of the 3 bad signatures allowed per minute
    const body = delivery('m-intake-forged');
    const forged = await fetch(`${t.url}/webhooks/facebook`, { method: 'POST', headers: { 'x-hub-signature-256': signSha256(body, 'not-the-secret') }, body });
    expect(forged.status).toBe(401);
    const refused = await rawPost(
      `${t.url}/webhooks/facebook`,
      { 'content-length': 4096, 'x-hub-signature-256': signSha256(body, t.config.meta.appSecret) },
      () => undefined,
      false,
    );
    expect(refused.status).toBe(429);
    expect(refused.answeredBeforeEnd).toBe(true);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'WEBHOOKS_RATE_LIMITED' });
  });
});
