import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { FaultRegistry } from './lib/faults/fault-registry';
import { resetConversationsRate } from './lib/graph/conversations-rate';
import { UsageTracker } from './lib/graph/rate-limit';
import { cancelTemplateReviews } from './lib/graph/templates-api';
import { INSTAGRAM_APP_FIELDS, seedStore } from './lib/seed/seed';
import { SIM_SEED } from './lib/seed/seed-data';
import { createSimServer } from './lib/server';
import { sendDueStoryInsights, STORY_CHECK_MS } from './lib/stories/story-insights';
import type { SimContext } from './lib/sim-context';
import { SimStore } from './lib/state/store';
import { WebhookDispatcher, type DeliveryAttempt, type DeliveryBehaviour } from './lib/webhooks/dispatcher';
import type { FaultSpec } from './lib/faults/fault-registry';
import type { CustomerMessageInput } from './lib/customer/customer-actions';
import { customerReads, customerSends } from './lib/customer/customer-actions';

export { SIM_SEED } from './lib/seed/seed-data';
export type { SimSeed } from './lib/seed/seed-data';
export { metaJson, signSha256 } from './lib/webhooks/meta-json';
export { appSecretProof } from './lib/graph/auth';
export type { DeliveryAttempt, DeliveryBehaviour } from './lib/webhooks/dispatcher';
export type { FaultSpec } from './lib/faults/fault-registry';
export type { CustomerMessageInput } from './lib/customer/customer-actions';
export type { SimContext } from './lib/sim-context';

export interface MetaSimOptions {
  /** 0 = ephemeral; the CLI defaults to 3002. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  appId?: string;
  appSecret?: string;
  verifyToken?: string;
  /** Base URL clients/browsers use to reach the sim (CDN links, OAuth pages). Default: the listen URL. */
  publicUrl?: string;
  webhooks?: { instagram?: string; page?: string };
  /** Seed deterministic data (default true). */
  seed?: boolean;
  /** How long events wait to be batched before a webhook POST (default 50 ms). */
  deliveryDelayMs?: number;
  /** Delays between webhook retries; attempts = length + 1 (default [200, 1000, 5000, 30000, 120000]). */
  retryDelaysMs?: number[];
  /** Per-attempt webhook timeout (Meta: 5 s for messaging; default 5000). */
  webhookTimeoutMs?: number;
  /** Messaging webhooks failing this long unsubscribe the app from the account (Meta: 1 h; default 3600000). */
  webhookDisableAfterMs?: number;
  /** Enforce appsecret_proof on graph.facebook.com calls with user/page tokens (default true). */
  requireAppSecretProof?: boolean;
  /** Time a submitted template stays PENDING before the automatic review (default 1500 ms). */
  templateReviewMs?: number;
  /** Conversations API calls per second per account (Meta: 2; 0 turns the limit off). Default 2. */
  conversationsPerSecond?: number;
  /** Version answered for unversioned Graph calls and in `facebook-api-version` (default `v27.0`). */
  graphVersion?: string;
}

export interface RunningMetaSim {
  url: string;
  port: number;
  appId: string;
  appSecret: string;
  /** Graph base URL for graph.facebook.com (same as url). */
  graphBaseUrl: string;
  /** Base URL standing in for graph.instagram.com and api.instagram.com. */
  instagramBaseUrl: string;
  /** Direct access to the simulator state (tests). */
  context: SimContext;
  close(): Promise<void>;
  reset(seed?: boolean): void;
  setWebhookUrls(urls: { instagram?: string; page?: string }): void;
  setDeliveryBehaviour(behaviour: Partial<DeliveryBehaviour>): void;
  /** Sends pending webhook batches now and waits until nothing is pending, in flight or awaiting retry. */
  flushWebhooks(): Promise<void>;
  deliveries(): DeliveryAttempt[];
  addFault(spec: FaultSpec): number;
  clearFaults(): void;
  customerSends(customerId: string, input: CustomerMessageInput): { mid: string; timestamp: number };
  customerReads(customerId: string): void;
}

export async function startMetaSim(options: MetaSimOptions = {}): Promise<RunningMetaSim> {
  const host = options.host ?? '127.0.0.1';
  const appId = options.appId ?? SIM_SEED.app.id;
  const appSecret = options.appSecret ?? SIM_SEED.app.secret;
  const store = new SimStore({
    appId,
    appSecret,
    appName: SIM_SEED.app.name,
    verifyToken: options.verifyToken ?? SIM_SEED.app.verifyToken,
    publicUrl: options.publicUrl ?? '',
    requireAppSecretProof: options.requireAppSecretProof ?? true,
    templateReviewMs: options.templateReviewMs ?? 1500,
    templateReviewMode: 'auto',
    templateRejectReason: 'INCORRECT_PARAMS',
    graphVersion: options.graphVersion ?? 'v27.0',
    privateRepliesPerHour: 750,
    conversationsPerSecond: options.conversationsPerSecond ?? 2,
    instagramAppFields: [...INSTAGRAM_APP_FIELDS],
  });
  const webhooks = new WebhookDispatcher(store, {
    delayMs: options.deliveryDelayMs ?? 50,
    retryDelaysMs: options.retryDelaysMs ?? [200, 1000, 5000, 30000, 120000],
    timeoutMs: options.webhookTimeoutMs ?? 5000,
    disableAfterMs: options.webhookDisableAfterMs ?? 3_600_000,
    urls: {
      ...(options.webhooks?.instagram ? { instagram: options.webhooks.instagram } : {}),
      ...(options.webhooks?.page ? { page: options.webhooks.page } : {}),
    },
  });
  const seed = options.seed ?? true;
  // Scenario knobs that a reset puts back (connection settings such as webhook URLs survive a reset).
  const scenarioDefaults = {
    privateRepliesPerHour: store.settings.privateRepliesPerHour,
    conversationsPerSecond: store.settings.conversationsPerSecond,
    templateReviewMode: store.settings.templateReviewMode,
    templateRejectReason: store.settings.templateRejectReason,
    templateReviewMs: store.settings.templateReviewMs,
  };
  const ctx: SimContext = {
    store,
    webhooks,
    faults: new FaultRegistry(),
    usage: new UsageTracker(),
    requests: [],
    reset(withSeed: boolean) {
      webhooks.cancelAll();
      cancelTemplateReviews(ctx);
      webhooks.clearLog();
      webhooks.behaviour = { duplicate: false, outOfOrder: false };
      ctx.faults.remove();
      ctx.usage.reset();
      resetConversationsRate(ctx);
      ctx.requests.length = 0;
      store.clear();
      Object.assign(store.settings, scenarioDefaults);
      if (withSeed) seedStore(store);
      store.changed('reset', '');
    },
  };

  // Meta reports each story about an hour after it expires.
  const storyTimer = setInterval(() => sendDueStoryInsights(ctx), STORY_CHECK_MS);
  storyTimer.unref();

  const server = createSimServer(ctx);
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  if (!store.settings.publicUrl) store.settings.publicUrl = url;
  if (seed) seedStore(store);

  return {
    url,
    port,
    appId,
    appSecret,
    graphBaseUrl: url,
    instagramBaseUrl: `${url}/ig`,
    context: ctx,
    async close() {
      clearInterval(storyTimer);
      webhooks.close();
      cancelTemplateReviews(ctx);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        sockets.forEach((s) => s.destroy());
      });
    },
    reset: (withSeed = true) => ctx.reset(withSeed),
    setWebhookUrls(urls) {
      if (urls.instagram !== undefined) webhooks.options.urls.instagram = urls.instagram;
      if (urls.page !== undefined) webhooks.options.urls.page = urls.page;
    },
    setDeliveryBehaviour(b) {
      Object.assign(webhooks.behaviour, b);
    },
    async flushWebhooks() {
      webhooks.flushAll();
      await webhooks.whenIdle();
    },
    deliveries: () => [...webhooks.attempts],
    addFault: (spec) => ctx.faults.add(spec).id,
    clearFaults: () => ctx.faults.remove(),
    customerSends(customerId, input) {
      const m = customerSends(ctx, customerId, input);
      return { mid: m.mid, timestamp: m.createdAt };
    },
    customerReads(customerId) {
      customerReads(ctx, customerId);
    },
  };
}
