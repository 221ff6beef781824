import type { LoginRequest, SessionResponse } from '@ticklegram/domain-models';
import { ApiError, apiErrorFromResponse, networkError } from './api-error';

export interface ApiClientOptions {
  /** Prefix for every path; empty means same origin (the web app proxies `/api/*` to the api). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Called whenever the session changes: a new session after login/refresh, `null` once it is gone. */
  onSessionChange?: (session: SessionResponse | null) => void;
  /** Called when a request needed a session and none could be restored; the app sends people to /login. */
  onSessionExpired?: () => void;
}

export interface RequestOptions {
  method?: string;
  /** Serialised as JSON. */
  json?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  /** Send the Bearer token and recover from 401 by refreshing. Default true. */
  auth?: boolean;
}

export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  /** Restores the session from the refresh cookie. Concurrent callers share one request. */
  refresh(): Promise<SessionResponse | null>;
  login(credentials: LoginRequest): Promise<SessionResponse>;
  logout(): Promise<void>;
  getAccessToken(): string | null;
}

/**
 * Serialises refreshes across browser tabs: tabs share the cookie jar, so a tab that waited for the
 * lock sends the cookie the previous tab just received instead of replaying a rotated one.
 */
function withRefreshLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request('ticklegram-session-refresh', fn) : fn();
}

/**
 * Fetch wrapper for the api. The access token lives only in memory; on a 401 it refreshes once
 * (single-flight, because the refresh token rotates and a second concurrent refresh would present
 * an already-used token) and retries the original request.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  let accessToken: string | null = null;
  let inflightRefresh: Promise<SessionResponse | null> | null = null;

  function setSession(session: SessionResponse | null): void {
    accessToken = session?.accessToken ?? null;
    options.onSessionChange?.(session);
  }

  function buildUrl(path: string, query?: RequestOptions['query']): string {
    let url = `${baseUrl}${path}`;
    if (query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined) params.set(key, String(value));
      }
      const qs = params.toString();
      if (qs) url += `${url.includes('?') ? '&' : '?'}${qs}`;
    }
    return url;
  }

  async function send(path: string, opts: RequestOptions, token: string | null): Promise<Response> {
    const headers = new Headers({ accept: 'application/json' });
    if (opts.json !== undefined) headers.set('content-type', 'application/json');
    if (token) headers.set('authorization', `Bearer ${token}`);
    try {
      return await doFetch(buildUrl(path, opts.query), {
        method: opts.method ?? (opts.json === undefined ? 'GET' : 'POST'),
        headers,
        body: opts.json === undefined ? undefined : JSON.stringify(opts.json),
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (cause) {
      if (opts.signal?.aborted) throw cause;
      throw networkError(cause);
    }
  }

  async function parseBody<T>(response: Response): Promise<T> {
    if (response.status === 204 || response.status === 205) return undefined as T;
    const text = await response.text();
    if (!text) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') ? JSON.parse(text) : text) as T;
  }

  async function doRefresh(): Promise<SessionResponse | null> {
    const response = await send('/api/auth/refresh', { method: 'POST' }, null);
    if (response.status === 401) {
      setSession(null);
      return null;
    }
    if (!response.ok) throw await apiErrorFromResponse(response);
    const session = await parseBody<SessionResponse>(response);
    setSession(session);
    return session;
  }

  function refresh(): Promise<SessionResponse | null> {
    if (!inflightRefresh) {
      inflightRefresh = withRefreshLock(doRefresh).finally(() => {
        inflightRefresh = null;
      });
    }
    return inflightRefresh;
  }

  async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const useAuth = opts.auth ?? true;
    const tokenUsed = useAuth ? accessToken : null;
    let response = await send(path, opts, tokenUsed);

    if (response.status === 401 && useAuth) {
      // Another request may already have rotated the token while this one was in flight.
      let token = accessToken !== tokenUsed ? accessToken : null;
      if (!token) token = (await refresh())?.accessToken ?? null;
      if (!token) {
        options.onSessionExpired?.();
        throw await apiErrorFromResponse(response);
      }
      response = await send(path, opts, token);
      if (response.status === 401) {
        setSession(null);
        options.onSessionExpired?.();
      }
    }

    if (!response.ok) throw await apiErrorFromResponse(response);
    return parseBody<T>(response);
  }

  async function login(credentials: LoginRequest): Promise<SessionResponse> {
    const session = await request<SessionResponse>('/api/auth/login', { json: credentials, auth: false });
    setSession(session);
    return session;
  }

  async function logout(): Promise<void> {
    try {
      const response = await send('/api/auth/logout', { method: 'POST' }, accessToken);
      if (!response.ok && response.status !== 401) throw await apiErrorFromResponse(response);
    } finally {
      setSession(null);
    }
  }

  return { request, refresh, login, logout, getAccessToken: () => accessToken };
}

export { ApiError };
