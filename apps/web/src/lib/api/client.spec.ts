/** @jest-environment node */
import { Role, type SessionResponse } from '@ticklegram/domain-models';
import { ApiError } from './api-error';
import { createApiClient } from './client';

function session(token: string): SessionResponse {
  return {
    accessToken: token,
    expiresIn: 900,
    user: {
      id: 'u1',
      email: 'admin@example.test',
      name: 'Ada Admin',
      role: Role.ADMIN,
      active: true,
      lastLoginAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

const unauthorized = () => json(401, { statusCode: 401, code: 'AUTH_UNAUTHORIZED', message: 'Unauthorized' });

interface Call {
  url: string;
  method: string;
  authorization: string | null;
}

/** A fake api: `/api/auth/refresh` hands out tok-1, tok-2, …; other routes accept only the newest token. */
function fakeApi(options: { refreshOk?: boolean; refreshDelayMs?: number } = {}) {
  const calls: Call[] = [];
  let issued = 0;
  let validToken: string | null = null;
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    calls.push({ url, method: init?.method ?? 'GET', authorization: headers.get('authorization') });
    if (url.endsWith('/api/auth/refresh')) {
      if (options.refreshDelayMs) await new Promise((r) => setTimeout(r, options.refreshDelayMs));
      if (options.refreshOk === false) return unauthorized();
      issued += 1;
      validToken = `tok-${issued}`;
      return json(200, session(validToken));
    }
    if (headers.get('authorization') !== `Bearer ${validToken}` || validToken === null) return unauthorized();
    return json(200, { ok: true, url });
  };
  return { fetchImpl, calls, refreshCount: () => calls.filter((c) => c.url.endsWith('/refresh')).length };
}

describe('createApiClient', () => {
  it('refreshes once for many concurrent 401s and retries each request with the new token', async () => {
    const api = fakeApi({ refreshDelayMs: 20 });
    const client = createApiClient({ fetch: api.fetchImpl });

    const results = await Promise.all([
      client.request<{ url: string }>('/api/users'),
      client.request<{ url: string }>('/api/auth/me'),
      client.request<{ url: string }>('/api/health'),
    ]);

    expect(results.map((r) => r.url)).toEqual(['/api/users', '/api/auth/me', '/api/health']);
    expect(api.refreshCount()).toBe(1);
    const retried = api.calls.filter((c) => !c.url.endsWith('/refresh') && c.authorization === 'Bearer tok-1');
    expect(retried).toHaveLength(3);
    expect(client.getAccessToken()).toBe('tok-1');
  });

  it('shares one refresh between explicit refresh() callers', async () => {
    const api = fakeApi({ refreshDelayMs: 10 });
    const client = createApiClient({ fetch: api.fetchImpl });
    const [a, b] = await Promise.all([client.refresh(), client.refresh()]);
    expect(a?.accessToken).toBe('tok-1');
    expect(b).toBe(a);
    expect(api.refreshCount()).toBe(1);
    await client.refresh();
    expect(api.refreshCount()).toBe(2);
  });

  it('reports an expired session and throws the 401 when refresh fails', async () => {
    const api = fakeApi({ refreshOk: false });
    const onSessionExpired = jest.fn();
    const onSessionChange = jest.fn();
    const client = createApiClient({ fetch: api.fetchImpl, onSessionExpired, onSessionChange });

    await expect(client.request('/api/users')).rejects.toMatchObject({ status: 401, code: 'AUTH_UNAUTHORIZED' });
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(onSessionChange).toHaveBeenLastCalledWith(null);
    expect(api.calls.filter((c) => c.url === '/api/users')).toHaveLength(1);
  });

  it('does not refresh for requests sent without auth (login answers 401 for bad credentials)', async () => {
    const calls: string[] = [];
    const client = createApiClient({
      fetch: async (input) => {
        calls.push(String(input));
        return json(401, { statusCode: 401, code: 'AUTH_INVALID_CREDENTIALS', message: 'Invalid email or password' });
      },
    });
    const error = await client.login({ email: 'a@b.test', password: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(calls).toEqual(['/api/auth/login']);
  });

  it('keeps the token from login and sends it as a Bearer header', async () => {
    const seen: (string | null)[] = [];
    const client = createApiClient({
      fetch: async (input, init) => {
        seen.push(new Headers(init?.headers).get('authorization'));
        return String(input).endsWith('/login') ? json(200, session('tok-login')) : json(200, []);
      },
    });
    await client.login({ email: 'a@b.test', password: 'long enough secret' });
    await client.request('/api/users');
    expect(seen).toEqual([null, 'Bearer tok-login']);
  });

  it('turns a failed fetch into a network ApiError with status 0', async () => {
    const client = createApiClient({
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(client.request('/api/health', { auth: false })).rejects.toMatchObject({
      status: 0,
      code: 'WEB_NETWORK_ERROR',
    });
  });

  it('returns undefined for 204 and clears the session on logout', async () => {
    const onSessionChange = jest.fn();
    const client = createApiClient({
      onSessionChange,
      fetch: async (input) => (String(input).endsWith('/login') ? json(200, session('tok-x')) : new Response(null, { status: 204 })),
    });
    await client.login({ email: 'a@b.test', password: 'long enough secret' });
    await client.logout();
    expect(client.getAccessToken()).toBeNull();
    expect(onSessionChange).toHaveBeenLastCalledWith(null);
  });
});
