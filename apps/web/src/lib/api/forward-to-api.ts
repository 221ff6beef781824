import { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH, type ApiErrorBody } from '@ticklegram/domain-models';

/** Hop-by-hop headers (RFC 9110 §7.6.1) and ones the upstream fetch must compute itself. */
const DROPPED_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'content-length',
  // Loopback hop: compression buys nothing and fetch would decode it behind our back.
  'accept-encoding',
]);

const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'trailer',
  'upgrade',
  'content-encoding',
  'content-length',
  'set-cookie',
]);

export const API_UNAVAILABLE_CODE = 'WEB_API_UNAVAILABLE';

/** Who may say where a request came from: the browser never may. */
const CLIENT_ADDRESS_HEADERS = new Set(['x-forwarded-for', 'forwarded', 'x-real-ip']);

/** Set by apps/web/scripts/client-address.cjs, which rewrites X-Forwarded-For from the TCP peer before Next.js runs. */
const FORWARDED_FOR_IS_TRUSTED = Symbol.for('ticklegram.web.forwardedForIsTrusted');

function trustedClientAddress(incoming: Headers): string | null {
  if ((globalThis as Record<symbol, unknown>)[FORWARDED_FOR_IS_TRUSTED] !== true) return null;
  const value = incoming.get('x-forwarded-for')?.trim();
  return value && !value.includes(',') ? value : null;
}

export function upstreamRequestHeaders(incoming: Headers, url: URL): Headers {
  const headers = new Headers();
  incoming.forEach((value, key) => {
    const name = key.toLowerCase();
    if (!DROPPED_REQUEST_HEADERS.has(name) && !CLIENT_ADDRESS_HEADERS.has(name)) headers.set(key, value);
  });
  // the api believes X-Forwarded-For from this server only: it carries the address we saw, or nothing
  const clientAddress = trustedClientAddress(incoming);
  if (clientAddress) headers.set('x-forwarded-for', clientAddress);
  if (!headers.has('x-forwarded-host')) headers.set('x-forwarded-host', url.host);
  if (!headers.has('x-forwarded-proto')) headers.set('x-forwarded-proto', url.protocol.replace(':', ''));
  return headers;
}

export function downstreamResponseHeaders(upstream: Headers): Headers {
  const headers = new Headers();
  upstream.forEach((value, key) => {
    if (!DROPPED_RESPONSE_HEADERS.has(key.toLowerCase())) headers.set(key, value);
  });
  for (const cookie of upstream.getSetCookie()) headers.append('set-cookie', cookie);
  return headers;
}

/** `Set-Cookie` that removes the refresh cookie, so the route guard stops treating a dead session as live. */
export const CLEAR_REFRESH_COOKIE = `${REFRESH_COOKIE_NAME}=; Path=${REFRESH_COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Strict`;

/**
 * Forwards one browser request to the api, streaming the body both ways. The upstream base comes
 * from runtime env so one built image can point at any api.
 */
export async function forwardToApi(request: Request, upstreamBase: string, fetchImpl: typeof fetch = fetch): Promise<Response> {
  const url = new URL(request.url);
  const target = `${upstreamBase.replace(/\/+$/, '')}${url.pathname}${url.search}`;
  const method = request.method.toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD' && request.body !== null;

  const init: RequestInit & { duplex?: 'half' } = {
    method,
    headers: upstreamRequestHeaders(request.headers, url),
    body: hasBody ? request.body : undefined,
    redirect: 'manual',
    signal: request.signal,
  };
  if (hasBody) init.duplex = 'half';

  let upstream: Response;
  try {
    upstream = await fetchImpl(target, init);
  } catch {
    const body: ApiErrorBody = {
      statusCode: 502,
      code: API_UNAVAILABLE_CODE,
      message: 'The TickleGram api is not reachable right now.',
    };
    return Response.json(body, { status: 502 });
  }

  const headers = downstreamResponseHeaders(upstream.headers);
  const isRefresh = url.pathname === '/api/auth/refresh';
  const setsRefreshCookie = upstream.headers.getSetCookie().some((cookie) => cookie.startsWith(`${REFRESH_COOKIE_NAME}=`));
  if (isRefresh && upstream.status === 401 && !setsRefreshCookie) headers.append('set-cookie', CLEAR_REFRESH_COOKIE);

  const nullBody = method === 'HEAD' || [101, 204, 205, 304].includes(upstream.status);
  return new Response(nullBody ? null : upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers,
  });
}
