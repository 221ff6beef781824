import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { GraphHttpClient, MetaGraphLogEvent } from './graph-http.client';
import { MetaGraphError } from './meta-graph.error';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A bare local HTTP server for edge cases the simulator has no reason to produce. */
async function withServer(handler: Handler, run: (baseUrl: string, hits: () => number) => Promise<void>): Promise<void> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits++;
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await run(`http://127.0.0.1:${port}`, () => hits);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function client(baseUrl: string): GraphHttpClient {
  return new GraphHttpClient({
    graphBaseUrl: baseUrl,
    instagramBaseUrl: `${baseUrl}/ig`,
    appId: '1',
    appSecret: 'secret-xyz',
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 2000 },
  });
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

describe('GraphHttpClient edge cases', () => {
  it('honours a short Retry-After on a 429 and then succeeds', async () => {
    let n = 0;
    await withServer(
      (_req, res) => (n++ === 0 ? json(res, 429, { error: { message: 'slow down' } }, { 'retry-after': '0.2' }) : json(res, 200, { ok: true })),
      async (base, hits) => {
        const http = client(base);
        const started = Date.now();
        const res = await http.request<{ ok: boolean }>({ method: 'GET', path: '/x', accessToken: 't', accountKey: 'acc' });
        expect(res.data.ok).toBe(true);
        expect(hits()).toBe(2);
        expect(Date.now() - started).toBeGreaterThanOrEqual(190);
        http.close();
      },
    );
  });

  it('deferWhenPaused: a rate-limit answer is thrown at once (not sat out), and the paused account is not called again until the pause ends', async () => {
    await withServer(
      (_req, res) => json(res, 429, { error: { message: 'slow down' } }, { 'retry-after': '1' }),
      async (base, hits) => {
        const http = client(base);
        const started = Date.now();
        const first = (await http
          .request({ method: 'GET', path: '/x', accessToken: 't', accountKey: 'acc', deferWhenPaused: true })
          .catch((e: unknown) => e)) as MetaGraphError;
        expect([first.kind, hits()]).toEqual(['rate_limited', 1]);
        const second = (await http
          .request({ method: 'GET', path: '/x', accessToken: 't', accountKey: 'acc', deferWhenPaused: true })
          .catch((e: unknown) => e)) as MetaGraphError;
        expect([second.kind, hits()]).toEqual(['rate_limited', 1]);
        expect(Date.now() - started).toBeLessThan(500);
        http.close();
      },
    );
  });

  it('treats a 200 carrying an error object as a failure', async () => {
    await withServer(
      (_req, res) => json(res, 200, { error: { message: 'Invalid parameter', code: 100, error_subcode: 33, fbtrace_id: 'AbC' } }),
      async (base, hits) => {
        const http = client(base);
        const error = (await http.request({ method: 'GET', path: '/x', accessToken: 't' }).catch((e: unknown) => e)) as MetaGraphError;
        expect(error).toMatchObject({ kind: 'invalid_request', code: 100, subcode: 33, fbtraceId: 'AbC', httpStatus: 200 });
        expect(hits()).toBe(1);
        http.close();
      },
    );
  });

  it('marks an error the caller expects, and only that one, in its log event (the call still throws)', async () => {
    await withServer(
      (_req, res) => json(res, 400, { error: { message: 'Not enough viewers for the media to show insights', code: 10 } }),
      async (base) => {
        const events: MetaGraphLogEvent[] = [];
        const http = new GraphHttpClient({ graphBaseUrl: base, appId: '1', appSecret: 'secret-xyz', logger: (e) => events.push(e) });
        const expected = (await http
          .request({ method: 'GET', path: '/x', accessToken: 't', expectedErrorCodes: [10] })
          .catch((e: unknown) => e)) as MetaGraphError;
        const other = (await http
          .request({ method: 'GET', path: '/y', accessToken: 't', expectedErrorCodes: [100] })
          .catch((e: unknown) => e)) as MetaGraphError;
        expect([expected.code, other.code]).toEqual([10, 10]);
        const errors = events.filter((e) => e.type === 'error');
        expect(errors.map((e) => [e.endpoint?.split('/').pop(), e.expected])).toEqual([
          ['x', true],
          ['y', undefined],
        ]);
        http.close();
      },
    );
  });

  it("keeps Meta's error_user_msg (with the token redacted) apart from our plain userMessage", async () => {
    await withServer(
      (_req, res) =>
        json(res, 400, { error: { message: 'Invalid parameter', code: 100, error_user_msg: 'BODY text must be at most 1024 characters (token t-secret-1)' } }),
      async (base) => {
        const http = client(base);
        const error = (await http.request({ method: 'POST', path: '/x', accessToken: 't-secret-1', body: {} }).catch((e: unknown) => e)) as MetaGraphError;
        expect(error.metaUserMessage).toBe('BODY text must be at most 1024 characters (token [redacted])');
        expect(error.userMessage).not.toContain('1024');
        http.close();
      },
    );
  });

  it('copes with a non-JSON 502 from a proxy and retries it', async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html>Bad gateway</html>');
      },
      async (base, hits) => {
        const http = client(base);
        const error = (await http.request({ method: 'GET', path: '/x', accessToken: 't' }).catch((e: unknown) => e)) as MetaGraphError;
        expect(error).toMatchObject({ kind: 'retryable', httpStatus: 502 });
        expect(hits()).toBe(3);
        http.close();
      },
    );
  });

  it('never replays a non-idempotent POST after a 5xx: the outcome is unknown, the caller must check first', async () => {
    await withServer(
      (_req, res) => json(res, 500, { error: { message: 'An unknown error occurred', code: 1, is_transient: true } }),
      async (base, hits) => {
        const http = client(base);
        const error = (await http
          .request({ method: 'POST', path: '/1/messages', accessToken: 't', body: { a: 1 } })
          .catch((e: unknown) => e)) as MetaGraphError;
        expect(error).toMatchObject({ kind: 'retryable', httpStatus: 500, outcomeUnknown: true });
        expect(hits()).toBe(1);
        http.close();
      },
    );
  });

  it('a timed-out POST is not replayed and is marked outcome unknown; a refused connection is known not sent', async () => {
    await withServer(
      () => undefined,
      async (base, hits) => {
        const http = client(base);
        const error = (await http
          .request({ method: 'POST', path: '/1/messages', accessToken: 't', body: {}, timeoutMs: 150 })
          .catch((e: unknown) => e)) as MetaGraphError;
        expect(error).toMatchObject({ kind: 'retryable', outcomeUnknown: true });
        expect(hits()).toBe(1);
        http.close();
      },
    );
    const refused = new GraphHttpClient({
      graphBaseUrl: 'http://127.0.0.1:1',
      instagramBaseUrl: 'http://127.0.0.1:1/ig',
      appId: '1',
      appSecret: 's',
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const error = (await refused.request({ method: 'POST', path: '/1/messages', accessToken: 't', body: {} }).catch((e: unknown) => e)) as MetaGraphError;
    expect(error).toMatchObject({ kind: 'retryable', networkCode: 'ECONNREFUSED', outcomeUnknown: false });
    refused.close();
  });

  it('rate limits reject before Meta acts: a POST is still retried after the wait', async () => {
    let n = 0;
    await withServer(
      (_req, res) =>
        n++ === 0
          ? json(res, 400, { error: { message: 'Application request limit reached', code: 4 } }, { 'retry-after': '0.05' })
          : json(res, 200, { message_id: 'm_1' }),
      async (base, hits) => {
        const http = client(base);
        const res = await http.request<{ message_id: string }>({ method: 'POST', path: '/1/messages', accessToken: 't', body: {} });
        expect(res.data.message_id).toBe('m_1');
        expect(hits()).toBe(2);
        http.close();
      },
    );
  });

  it('scrubs tokens, proofs and secrets that Meta echoes back in an error message', async () => {
    await withServer(
      (req, res) => json(res, 400, { error: { message: `bad ${req.url ?? ''} secret-xyz`, code: 100 } }),
      async (base) => {
        const http = client(base);
        const error = (await http
          .request({
            method: 'GET',
            path: '/oauth/access_token',
            query: { fb_exchange_token: 'short-lived-tok', client_secret: 'secret-xyz' },
            accessToken: 'long-token-abc',
          })
          .catch((e: unknown) => e)) as MetaGraphError;
        expect(error.message).toContain('[redacted]');
        for (const secret of ['short-lived-tok', 'secret-xyz', 'long-token-abc']) expect(error.message).not.toContain(secret);
        http.close();
      },
    );
  });

  it('sends a Bearer token on the Instagram host and the token as a query parameter on the Facebook host', async () => {
    const seen: { url: string; auth?: string }[] = [];
    await withServer(
      (req, res) => {
        seen.push({ url: req.url ?? '', auth: req.headers.authorization });
        json(res, 200, { id: '1' });
      },
      async (base) => {
        const http = client(base);
        await http.request({ method: 'GET', host: 'instagram', path: '/me', accessToken: 'ig-tok' });
        await http.request({ method: 'POST', path: '/1/messages', accessToken: 'fb-tok', body: { a: 1 } });
        expect(seen[0]?.auth).toBe('Bearer ig-tok');
        expect(seen[0]?.url).toMatch(/^\/ig\/v27\.0\/me\?appsecret_proof=[a-f0-9]{64}$/);
        expect(seen[1]?.auth).toBeUndefined();
        expect(seen[1]?.url).toMatch(/^\/v27\.0\/1\/messages\?access_token=fb-tok&appsecret_proof=[a-f0-9]{64}$/);
        http.close();
      },
    );
  });

  it('refuses to start without app credentials', () => {
    expect(() => new GraphHttpClient({ appId: '', appSecret: 'x' })).toThrow(/appId and appSecret/);
  });
});
