import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appSecretProof, startMetaSim, type MetaSimOptions, type RunningMetaSim } from '../index';

/** Helpers for specs: real HTTP against a sim on an ephemeral port, plus a webhook receiver. */

export interface GraphResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function startTestSim(options: MetaSimOptions = {}): Promise<RunningMetaSim> {
  // The Conversations API limit (2/s) is off unless a spec turns it on: specs read conversations back to back.
  return startMetaSim({ port: 0, deliveryDelayMs: 10, retryDelaysMs: [20, 40], templateReviewMs: 50, conversationsPerSecond: 0, ...options });
}

export function withProof(sim: RunningMetaSim, token: string, params: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({ ...params, access_token: token, appsecret_proof: appSecretProof(token, sim.appSecret) });
}

export async function graph<T = Record<string, unknown>>(
  sim: RunningMetaSim,
  method: string,
  path: string,
  token: string | undefined,
  options: { query?: Record<string, string>; json?: unknown; proof?: boolean; base?: string } = {},
): Promise<GraphResponse<T>> {
  const q = new URLSearchParams(options.query ?? {});
  if (token) {
    q.set('access_token', token);
    if (options.proof !== false) q.set('appsecret_proof', appSecretProof(token, sim.appSecret));
  }
  const res = await fetch(`${options.base ?? sim.url}${path}?${q.toString()}`, {
    method,
    headers: options.json !== undefined ? { 'content-type': 'application/json' } : {},
    body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
  });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

export async function control<T = Record<string, unknown>>(
  sim: RunningMetaSim,
  method: string,
  path: string,
  json?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${sim.url}/_sim${path}`, {
    method,
    headers: json !== undefined ? { 'content-type': 'application/json' } : {},
    body: json !== undefined ? JSON.stringify(json) : undefined,
  });
  return { status: res.status, body: (await res.json()) as T };
}

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  json: { object: string; entry: Array<Record<string, unknown>> };
}

/** A callback server that records raw bodies; `status` decides what it answers. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  status: (n: number) => number = () => 200;
  verifyToken = 'sim-verify-token';
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'GET') {
        const ok = u.searchParams.get('hub.mode') === 'subscribe' && u.searchParams.get('hub.verify_token') === this.verifyToken;
        res.writeHead(ok ? 200 : 403, { 'content-type': 'text/plain' });
        res.end(ok ? (u.searchParams.get('hub.challenge') ?? '') : 'forbidden');
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        this.received.push({ path: u.pathname, headers: req.headers, raw, json: JSON.parse(raw.toString('utf8')) as ReceivedWebhook['json'] });
        const status = this.status(this.received.length);
        res.writeHead(status);
        res.end(status === 200 ? 'EVENT_RECEIVED' : 'nope');
      });
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
    return this;
  }

  /** All messaging items across received bodies. */
  messaging(): Array<Record<string, unknown>> {
    return this.received.flatMap((r) => r.json.entry.flatMap((e) => (e['messaging'] as Array<Record<string, unknown>> | undefined) ?? []));
  }

  changes(): Array<{ field: string; value: Record<string, unknown> }> {
    return this.received.flatMap((r) =>
      r.json.entry.flatMap((e) => (e['changes'] as Array<{ field: string; value: Record<string, unknown> }> | undefined) ?? []),
    );
  }

  async close(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). */
export async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 5000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
