/** @jest-environment node */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_UNAVAILABLE_CODE, CLEAR_REFRESH_COOKIE, forwardToApi } from './forward-to-api';

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('forwardToApi (against a real HTTP server)', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
        if (req.url?.startsWith('/api/auth/login')) {
          res.writeHead(200, {
            'content-type': 'application/json',
            'x-request-id': 'req-9',
            'set-cookie': ['tg_refresh=abc; Path=/; HttpOnly; SameSite=Strict', 'other=1; Path=/'],
          });
          res.end(JSON.stringify({ ok: true }));
        } else if (req.url === '/api/auth/refresh') {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ statusCode: 401, code: 'AUTH_INVALID_REFRESH', message: 'no' }));
        } else if (req.url?.startsWith('/api/auth/logout')) {
          res.writeHead(204);
          res.end();
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ path: req.url }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('forwards method, path, query, cookies, auth and body; returns status, body and every Set-Cookie', async () => {
    const request = new Request('http://web.test/api/auth/login?x=1&y=two', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: 'tg_refresh=old',
        authorization: 'Bearer t',
        'x-request-id': 'from-browser',
        connection: 'keep-alive',
      },
      body: JSON.stringify({ email: 'a@b.test', password: 'secret-secret' }),
    });
    const response = await forwardToApi(request, `${base}/`);
    const last = seen[seen.length - 1];

    expect(last?.method).toBe('POST');
    expect(last?.url).toBe('/api/auth/login?x=1&y=two');
    expect(last?.headers['cookie']).toBe('tg_refresh=old');
    expect(last?.headers['authorization']).toBe('Bearer t');
    expect(last?.headers['x-request-id']).toBe('from-browser');
    expect(last?.headers['x-forwarded-host']).toBe('web.test');
    expect(JSON.parse(last?.body ?? '')).toEqual({ email: 'a@b.test', password: 'secret-secret' });

    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-9');
    expect(response.headers.getSetCookie()).toEqual(['tg_refresh=abc; Path=/; HttpOnly; SameSite=Strict', 'other=1; Path=/']);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('clears a dead refresh cookie when refresh answers 401', async () => {
    const response = await forwardToApi(new Request('http://web.test/api/auth/refresh', { method: 'POST' }), base);
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([CLEAR_REFRESH_COOKIE]);
  });

  it('passes 204 through without a body', async () => {
    const response = await forwardToApi(new Request('http://web.test/api/auth/logout', { method: 'POST' }), base);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('answers 502 with an ApiErrorBody when the api is down', async () => {
    const response = await forwardToApi(new Request('http://web.test/api/health'), 'http://127.0.0.1:1');
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ statusCode: 502, code: API_UNAVAILABLE_CODE });
  });

  describe('client address', () => {
    const mark = Symbol.for('ticklegram.web.forwardedForIsTrusted');
    const registry = globalThis as Record<symbol, unknown>;
    afterEach(() => {
      delete registry[mark];
    });
    const forged = () =>
      new Request('http://web.test/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '6.6.6.6', forwarded: 'for=6.6.6.6', 'x-real-ip': '6.6.6.6' },
        body: '{}',
      });

    it("never passes the browser's X-Forwarded-For, Forwarded or X-Real-IP through", async () => {
      await forwardToApi(forged(), base);
      const last = seen[seen.length - 1];
      expect(last?.headers['x-forwarded-for']).toBeUndefined();
      expect(last?.headers['forwarded']).toBeUndefined();
      expect(last?.headers['x-real-ip']).toBeUndefined();
    });

    it('forwards the address the client-address preload recorded from the TCP peer', async () => {
      registry[mark] = true;
      const request = new Request('http://web.test/api/auth/login', {
        method: 'POST',
        headers: { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '6.6.6.6' },
        body: '{}',
      });
      await forwardToApi(request, base);
      expect(seen[seen.length - 1]?.headers['x-forwarded-for']).toBe('203.0.113.7');
      expect(seen[seen.length - 1]?.headers['x-real-ip']).toBeUndefined();
    });
  });
});
