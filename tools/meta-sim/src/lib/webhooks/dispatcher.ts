import type { WebhookObject } from '../state/model';
import type { SimStore } from '../state/store';
import { routeForThreadOwner } from '../messenger/thread-control';
import { metaJson, signSha1, signSha256 } from './meta-json';

export interface WebhookEvent {
  object: WebhookObject;
  /** Page id or IG account id (`entry[].id`). */
  accountId: string;
  /** Subscription field that gates this event (messages, message_echoes, feed, comments…). */
  field: string;
  /** Where the item goes in the entry. */
  kind: 'messaging' | 'changes' | 'standby';
  item: Record<string, unknown>;
}

export interface DeliveryAttempt {
  id: number;
  batchId: number;
  object: WebhookObject;
  url: string;
  attempt: number;
  /** Exact bytes sent (utf8). */
  body: string;
  signature: string;
  eventCount: number;
  at: number;
  status?: number;
  responseBody?: string;
  error?: string;
  durationMs?: number;
  ok: boolean;
}

export interface SkippedEvent {
  at: number;
  reason: 'not_subscribed' | 'no_callback_url' | 'outage';
  event: WebhookEvent;
}

export interface DispatcherOptions {
  delayMs: number;
  retryDelaysMs: number[];
  timeoutMs: number;
  urls: Partial<Record<WebhookObject, string>>;
  /** Messaging subscriptions are disabled after failing this long (Meta: 1 hour). */
  disableAfterMs: number;
}

export interface DisabledSubscription {
  at: number;
  accountId: string;
  failingSince: number;
}

/**
 * A simulated webhook outage: `pause` holds deliveries until it ends (then they go out), `drop` loses
 * them (the app must recover through the Graph API). Scoped to an object and/or account, or global.
 */
export interface Outage {
  id: number;
  mode: 'pause' | 'drop';
  object?: WebhookObject;
  accountId?: string;
  startedAt: number;
  /** Ends by itself at this time (ms), if set. */
  until?: number;
  held: number;
  dropped: number;
  /** Drop mode: the subscription is gone when the outage ends. */
  unsubscribe: boolean;
}

export interface DeliveryBehaviour {
  /** Send every batch twice (Meta may redeliver). */
  duplicate: boolean;
  /** Deliver the pending events one per request in reverse order. */
  outOfOrder: boolean;
}

const ECHO_FIELDS_IG = ['messages', 'message_echoes'];
/** The reference lists two names for the utility-template status field; an app subscribed to either gets it under that name. */
const FIELD_ALIASES: Record<string, string> = { messenger_template_status_update: 'message_template_status_update' };
/** Keep the delivery log bounded for long-running dev sessions. */
const MAX_LOG = 5000;

/** Queues webhook events, batches them per object, signs and POSTs them, retrying on failure. */
export class WebhookDispatcher {
  readonly attempts: DeliveryAttempt[] = [];
  readonly skipped: SkippedEvent[] = [];
  readonly disabled: DisabledSubscription[] = [];
  /** First failure time per subscribed account with messaging events in flight. */
  private failingSince = new Map<string, number>();
  behaviour: DeliveryBehaviour = { duplicate: false, outOfOrder: false };
  private pending: Record<WebhookObject, WebhookEvent[]> = { page: [], instagram: [] };
  private timers: Partial<Record<WebhookObject, NodeJS.Timeout>> = {};
  private retryTimers = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  private seq = 0;
  private batchSeq = 0;
  private idleWaiters: Array<() => void> = [];
  readonly outages: Outage[] = [];
  private held: WebhookEvent[] = [];
  private outageTimers = new Map<number, NodeJS.Timeout>();
  private outageSeq = 0;
  private closed = false;

  constructor(
    private readonly store: SimStore,
    readonly options: DispatcherOptions,
  ) {}

  isSubscribed(event: WebhookEvent): boolean {
    const s = this.store;
    const fieldOk = (fields: string[]): boolean =>
      fields.includes(event.field) || (event.field === 'message_echoes' && event.object === 'instagram' && ECHO_FIELDS_IG.some((f) => fields.includes(f)));
    if (event.object === 'page') {
      const sub = s.subscriptions.get(event.accountId);
      return !!sub && sub.active && sub.appId === s.settings.appId && fieldOk(sub.fields);
    }
    const ig = s.instagramAccounts.get(event.accountId);
    if (!ig) return false;
    if (ig.via === 'page' && ig.pageId) {
      const pageSub = s.subscriptions.get(ig.pageId);
      return !!pageSub && pageSub.active && fieldOk(s.settings.instagramAppFields);
    }
    const sub = s.subscriptions.get(ig.id);
    return !!sub && sub.active && fieldOk(sub.fields);
  }

  enqueue(raw: WebhookEvent): void {
    if (this.closed) return;
    let event = routeForThreadOwner(this.store, raw);
    const alias = FIELD_ALIASES[event.field];
    if (alias && !this.isSubscribed(event)) {
      const renamed: WebhookEvent = { ...event, field: alias, item: { ...event.item, field: alias } };
      if (this.isSubscribed(renamed)) event = renamed;
    }
    if (!this.isSubscribed(event)) {
      this.skipped.push({ at: Date.now(), reason: 'not_subscribed', event });
      if (this.skipped.length > MAX_LOG) this.skipped.shift();
      return;
    }
    if (!this.options.urls[event.object]) {
      this.skipped.push({ at: Date.now(), reason: 'no_callback_url', event });
      if (this.skipped.length > MAX_LOG) this.skipped.shift();
      return;
    }
    const outage = this.outageFor(event);
    if (outage?.mode === 'pause') {
      outage.held++;
      this.held.push(event);
      return;
    }
    if (outage?.mode === 'drop') {
      outage.dropped++;
      this.skipped.push({ at: Date.now(), reason: 'outage', event });
      if (this.skipped.length > MAX_LOG) this.skipped.shift();
      return;
    }
    this.pending[event.object].push(event);
    if (!this.timers[event.object]) {
      this.timers[event.object] = setTimeout(() => this.flush(event.object), this.options.delayMs);
    }
  }

  private outageFor(event: WebhookEvent): Outage | undefined {
    const key = this.subscriptionKey(event.accountId);
    return this.outages.find((o) => (!o.object || o.object === event.object) && (!o.accountId || o.accountId === event.accountId || o.accountId === key));
  }

  /**
   * Starts an outage. `unsubscribe` (drop mode): when it ends, Meta has unsubscribed the app from the
   * account(s), as it does after an hour of failed messaging deliveries — the app must re-subscribe.
   */
  startOutage(spec: { mode: 'pause' | 'drop'; object?: WebhookObject; accountId?: string; durationMs?: number; unsubscribe?: boolean }): Outage {
    const now = Date.now();
    const outage: Outage = {
      id: ++this.outageSeq,
      mode: spec.mode,
      object: spec.object,
      accountId: spec.accountId,
      startedAt: now,
      held: 0,
      dropped: 0,
      unsubscribe: spec.unsubscribe === true,
    };
    if (spec.durationMs !== undefined) {
      outage.until = now + spec.durationMs;
      const timer = setTimeout(() => this.endOutage(outage.id), spec.durationMs);
      timer.unref();
      this.outageTimers.set(outage.id, timer);
    }
    this.outages.push(outage);
    return outage;
  }

  /** Ends one outage (or all): held events go out, in order, unless another outage still covers them. */
  endOutage(id?: number): Outage[] {
    const ended = this.outages.filter((o) => id === undefined || o.id === id);
    const now = Date.now();
    for (const o of ended) {
      this.outages.splice(this.outages.indexOf(o), 1);
      const timer = this.outageTimers.get(o.id);
      if (timer) clearTimeout(timer);
      this.outageTimers.delete(o.id);
      if (!o.unsubscribe) continue;
      for (const sub of this.store.subscriptions.values()) {
        if (!sub.active || (o.accountId && sub.accountId !== this.subscriptionKey(o.accountId))) continue;
        sub.active = false;
        this.disabled.push({ at: now, accountId: sub.accountId, failingSince: o.startedAt });
      }
    }
    const held = this.held;
    this.held = [];
    held.forEach((e) => this.enqueue(e));
    return ended;
  }

  /** Sends everything pending now (for tests and the control API). */
  flushAll(): void {
    this.flush('page');
    this.flush('instagram');
  }

  private flush(object: WebhookObject): void {
    const timer = this.timers[object];
    if (timer) clearTimeout(timer);
    delete this.timers[object];
    const events = this.pending[object];
    this.pending[object] = [];
    if (events.length === 0) {
      this.checkIdle();
      return;
    }
    const batches = this.behaviour.outOfOrder ? [...events].reverse().map((e) => [e]) : [events];
    const sends: Array<() => Promise<void>> = [];
    for (const batch of batches) {
      const body = metaJson(this.buildBody(object, batch));
      const copies = this.behaviour.duplicate ? 2 : 1;
      const messagingAccounts = [...new Set(batch.filter((e) => e.kind !== 'changes').map((e) => e.accountId))];
      for (let i = 0; i < copies; i++) {
        const batchId = ++this.batchSeq;
        sends.push(() => this.send(object, body, batch.length, batchId, 1, messagingAccounts));
      }
    }
    if (!this.behaviour.outOfOrder) {
      for (const send of sends) void send();
      return;
    }
    // out of order means newest first, one POST after the other, so the receiver really sees them reversed
    this.inFlight++;
    void sends
      .reduce((chain, send) => chain.then(send), Promise.resolve())
      .finally(() => {
        this.inFlight--;
        this.checkIdle();
      });
  }

  buildBody(object: WebhookObject, events: WebhookEvent[]): Record<string, unknown> {
    const entries: Array<Record<string, unknown>> = [];
    const nowMs = Date.now();
    for (const e of events) {
      const last = entries[entries.length - 1];
      if (last && last['id'] === e.accountId && Array.isArray(last[e.kind])) {
        (last[e.kind] as unknown[]).push(e.item);
        continue;
      }
      // messaging entries carry ms, `changes` entries carry seconds (as captured from Meta).
      const time = e.kind === 'changes' ? Math.floor(nowMs / 1000) : nowMs;
      entries.push({ id: e.accountId, time, [e.kind]: [e.item] });
    }
    return { object, entry: entries };
  }

  /** The subscription that gates an account's events (an IG account linked to a Page uses the Page's). */
  private subscriptionKey(accountId: string): string {
    const ig = this.store.instagramAccounts.get(accountId);
    return ig?.via === 'page' && ig.pageId ? ig.pageId : accountId;
  }

  private trackHealth(ok: boolean, accounts: string[]): void {
    const now = Date.now();
    for (const accountId of accounts.map((a) => this.subscriptionKey(a))) {
      if (ok) {
        this.failingSince.delete(accountId);
        continue;
      }
      const since = this.failingSince.get(accountId) ?? now;
      this.failingSince.set(accountId, since);
      const sub = this.store.subscriptions.get(accountId);
      if (sub?.active && now - since >= this.options.disableAfterMs) {
        // Meta's "Webhooks Disabled": the app is unsubscribed from that Page / IG account.
        sub.active = false;
        this.failingSince.delete(accountId);
        this.disabled.push({ at: now, accountId, failingSince: since });
      }
    }
  }

  private async send(
    object: WebhookObject,
    body: string,
    eventCount: number,
    batchId: number,
    attempt: number,
    messagingAccounts: string[] = [],
  ): Promise<void> {
    const url = this.options.urls[object];
    if (!url || this.closed) return;
    this.inFlight++;
    const signature = signSha256(body, this.store.settings.appSecret);
    const record: DeliveryAttempt = {
      id: ++this.seq,
      batchId,
      object,
      url,
      attempt,
      body,
      signature,
      eventCount,
      at: Date.now(),
      ok: false,
    };
    this.attempts.push(record);
    if (this.attempts.length > MAX_LOG) this.attempts.splice(0, this.attempts.length - MAX_LOG);
    const started = Date.now();
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': signature,
          'x-hub-signature': signSha1(body, this.store.settings.appSecret),
          'user-agent': 'facebookexternalua',
        },
        body: Buffer.from(body, 'utf8'),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      record.status = res.status;
      record.responseBody = (await res.text()).slice(0, 2000);
      record.ok = res.status === 200;
    } catch (err) {
      record.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    record.durationMs = Date.now() - started;
    this.trackHealth(record.ok, messagingAccounts);
    this.store.changed('delivery', String(record.id));
    if (!record.ok) {
      const delay = this.options.retryDelaysMs[attempt - 1];
      if (delay !== undefined && !this.closed) {
        const t = setTimeout(() => {
          this.retryTimers.delete(t);
          void this.send(object, body, eventCount, batchId, attempt + 1, messagingAccounts);
        }, delay);
        this.retryTimers.add(t);
      }
    }
    this.inFlight--;
    this.checkIdle();
  }

  private isIdle(): boolean {
    return this.inFlight === 0 && this.retryTimers.size === 0 && this.pending.page.length === 0 && this.pending.instagram.length === 0;
  }

  private checkIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }

  /** Resolves once nothing is pending, in flight or waiting for a retry. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  clearLog(): void {
    this.attempts.length = 0;
    this.skipped.length = 0;
    this.disabled.length = 0;
    this.failingSince.clear();
  }

  /** Drops pending events, held events, outages and scheduled retries (reset). */
  cancelAll(): void {
    this.outageTimers.forEach((t) => clearTimeout(t));
    this.outageTimers.clear();
    this.outages.length = 0;
    this.held = [];
    for (const o of ['page', 'instagram'] as const) {
      const t = this.timers[o];
      if (t) clearTimeout(t);
      delete this.timers[o];
      this.pending[o] = [];
    }
    this.retryTimers.forEach((t) => clearTimeout(t));
    this.retryTimers.clear();
    this.checkIdle();
  }

  close(): void {
    this.cancelAll();
    this.closed = true;
    this.checkIdle();
  }
}
