import { MetaGraphClient, MetaGraphClientOptions, MetaGraphLogEvent } from '../index';

/** What the contract specs need from a running Meta simulator (kept structural: product code never imports the sim). */
export interface SimEndpoint {
  url: string;
  appId: string;
  appSecret: string;
  graphBaseUrl: string;
  instagramBaseUrl: string;
}

export interface SimRequestLogEntry {
  at: number;
  method: string;
  host: 'facebook' | 'instagram';
  path: string;
  params: Record<string, unknown>;
  status: number;
  response: unknown;
}

/** A client wired to the sim with fast retries, collecting log events. */
export function simClient(sim: SimEndpoint, overrides: Partial<MetaGraphClientOptions> = {}): { client: MetaGraphClient; events: MetaGraphLogEvent[] } {
  const events: MetaGraphLogEvent[] = [];
  const client = new MetaGraphClient({
    graphBaseUrl: sim.graphBaseUrl,
    instagramBaseUrl: sim.instagramBaseUrl,
    instagramOAuthBaseUrl: sim.instagramBaseUrl,
    appId: sim.appId,
    appSecret: sim.appSecret,
    timeoutMs: 2000,
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 1000 },
    logger: (e) => events.push(e),
    ...overrides,
  });
  return { client, events };
}

export async function control<T = Record<string, unknown>>(sim: SimEndpoint, method: string, path: string, json?: unknown): Promise<T> {
  const res = await fetch(`${sim.url}/_sim${path}`, {
    method,
    headers: json !== undefined ? { 'content-type': 'application/json' } : {},
    body: json !== undefined ? JSON.stringify(json) : undefined,
  });
  const body = (await res.json()) as T;
  if (res.status >= 400) throw new Error(`control ${method} ${path} → ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

/** Requests the sim received whose path contains `pathPart`. */
export async function simRequests(sim: SimEndpoint, pathPart: string): Promise<SimRequestLogEntry[]> {
  const body = await control<{ data: SimRequestLogEntry[] }>(sim, 'GET', `/requests?path=${encodeURIComponent(pathPart)}`);
  return body.data;
}

export async function clearSimRequests(sim: SimEndpoint): Promise<void> {
  await control(sim, 'DELETE', '/requests');
}

/** Runs the sim's OAuth dialog decision and returns the authorization code it redirects with. */
export async function simOAuthCode(
  sim: SimEndpoint,
  flavour: 'facebook' | 'instagram',
  subject: string,
  redirectUri: string,
  scopes: string[],
): Promise<string> {
  const res = await fetch(`${sim.url}/_sim/oauth/decide`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ flavour, redirect_uri: redirectUri, subject, decision: 'allow', scope: scopes.join(','), state: 's1' }).toString(),
    redirect: 'manual',
  });
  const location = res.headers.get('location');
  if (!location) throw new Error(`OAuth decision did not redirect (${res.status})`);
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`No code in redirect ${location}`);
  return code;
}
