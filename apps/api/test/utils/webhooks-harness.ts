import { RunningMetaSim, SIM_SEED, signSha256, startMetaSim } from '@ticklegram/meta-sim';
import { DataSource } from 'typeorm';
import { ContactProfileFiller } from '../../src/modules/inbox/ingestion/contact-profile.filler';
import { SandboxChannelsBootstrap } from '../../src/modules/messenger/sandbox-channels.bootstrap';
import { WebhookWorker } from '../../src/modules/webhooks/webhook-worker.service';
import { startTestApp, TEST_ADMIN, TestApp } from './test-app';

export interface IngestionHarness {
  t: TestApp;
  sim: RunningMetaSim;
  admin: string;
  /** Calls the simulator's control API (`/_sim/...`). */
  control<T = Record<string, unknown>>(path: string, body?: object): Promise<T>;
  /** POSTs a body signed with the app secret to one of our webhook paths. */
  postSigned(path: string, body: string, secret?: string): Promise<{ status: number; text: string }>;
  /** Waits until the sim delivered everything and the worker applied every stored row. */
  settle(): Promise<void>;
  count(sql: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every customer the simulator seeds, Instagram first: the senders of a `CustomerStream`. */
export const STREAM_CUSTOMERS = [...SIM_SEED.instagramCustomers.map((c) => c.igsid), ...SIM_SEED.messengerCustomers.map((c) => c.psid)];

/** Customer messages `<prefix>-<n>` from the seeded customers in turn, the mid of each kept in `sent`. */
export class CustomerStream {
  readonly sent: string[] = [];

  constructor(
    private readonly sim: RunningMetaSim,
    readonly prefix: string,
  ) {}

  /** Sends the next message; returns its mid. */
  send(): string {
    const i = this.sent.length;
    const { mid } = this.sim.customerSends(STREAM_CUSTOMERS[i % STREAM_CUSTOMERS.length], { text: `${this.prefix}-${i}` });
    this.sent.push(mid);
    return mid;
  }

  /** One message every `gapMs` until `until()` says stop. */
  async sendEvery(gapMs: number, until: () => boolean): Promise<void> {
    while (!until()) {
      this.send();
      await new Promise((r) => setTimeout(r, gapMs));
    }
  }

  /** The mids sent that no delivery the api acknowledged carried (Meta retries the others). */
  unacknowledged(): string[] {
    const acked = new Set<string>();
    for (const delivery of this.sim.deliveries()) {
      if (!delivery.ok) continue;
      for (const match of delivery.body.matchAll(/"mid":"([^"]+)"/g)) acked.add(match[1]);
    }
    return this.sent.filter((mid) => !acked.has(mid));
  }
}

/**
 * The api with its webhook worker, the Meta simulator delivering signed webhooks to it, and the
 * simulator's seeded Page, Instagram account and Instagram Login account connected (sandbox bootstrap).
 */
export async function startIngestionHarness(env: Record<string, string> = {}): Promise<IngestionHarness> {
  const sim = await startMetaSim({ port: 0, deliveryDelayMs: 20, retryDelaysMs: [100, 300, 1000] });
  const t = await startTestApp({
    SANDBOX_AUTOCONNECT: 'true',
    META_SIM_URL: sim.url,
    WEBHOOK_POLL_INTERVAL_MS: '50',
    WEBHOOK_RETRY_BASE_MS: '50',
    WEBHOOK_MAX_ATTEMPTS: '3',
    ...env,
  });
  await t.app.get(SandboxChannelsBootstrap).done;
  sim.setWebhookUrls({ instagram: `${t.url}/webhooks/instagram`, page: `${t.url}/webhooks/facebook` });
  const admin = (await t.login(TEST_ADMIN.email, TEST_ADMIN.password)).accessToken;
  const ds = t.app.get(DataSource);
  const isMysql = ds.options.type !== 'better-sqlite3';

  const count = async (sql: string, params: unknown[] = []) => {
    const rows: { n: number | string }[] = await ds.query(sql, params);
    return Number(rows[0]?.n ?? 0);
  };

  return {
    t,
    sim,
    admin,
    count,
    async control<T>(path: string, body?: object): Promise<T> {
      const res = await fetch(`${sim.url}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!res.ok) throw new Error(`sim ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async postSigned(path: string, body: string, secret = SIM_SEED.app.secret) {
      const res = await fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signSha256(body, secret) },
        body,
      });
      return { status: res.status, text: await res.text() };
    },
    async settle() {
      await sim.flushWebhooks();
      await waitFor(
        async () => (await count(`SELECT COUNT(*) AS n FROM webhook_events WHERE status IN ('pending','processing')`)) === 0,
        15_000,
        'the worker to drain',
      );
      // the last batch's after-commit effects, then new customers' names (looked up after their first message is stored)
      await t.app.get(WebhookWorker).settled();
      await t.app.get(ContactProfileFiller).idle();
      void isMysql;
    },
    async close() {
      await t.close();
      await sim.close();
    },
  };
}
