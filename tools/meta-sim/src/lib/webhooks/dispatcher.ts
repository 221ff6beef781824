import type { WebhookObject } from '../state/model';
import type { SimStore } from '../state/store';
import { routeForThreadOwner } from '../messenger/thread-control';
import { metaJson, signSha1, signSha256 } from './meta-json';
import { type Outage, type OutageSpec, WebhookOutages } from './outages';
import { isSubscribed, subscriptionKey, underSubscribedName } from './subscription-gate';
import type { WebhookEvent } from './webhook-event';

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

export interface DeliveryBehaviour {
  /** Send every batch twice (Meta may redeliver). */
  duplicate: boolean;
  /** Deliver the pending events one per request in reverse order. */
  outOfOrder: boolean;
}

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
  private readonly outageBoard = new WebhookOutages((id) => this.endOutage(id));
  private closed = false;

  constructor(
    private readonly store: SimStore,
    readonly options: DispatcherOptions,
  ) {}

  /** The outages in force (see `startOutage`). */
  get outages(): Outage[] {
    return this.outageBoard.list;
  }

  enqueue(raw: WebhookEvent): void {
    if (this.closed) return;
    const event = underSubscribedName(this.store, routeForThreadOwner(this.store, raw));
    if (!isSubscribed(this.store, event)) {
      this.skipped.push({ at: Date.now(), reason: 'not_subscribed', event });
      if (this.skipped.length > MAX_LOG) this.skipped.shift();
      return;
    }
    if (!this.options.urls[event.object]) {
      this.skipped.push({ at: Date.now(), reason: 'no_callback_url', event });
      if (this.skipped.length > MAX_LOG) this.skipped.shift();
      return;
    }
    const outage = this.outageBoard.covering(event, subscriptionKey(this.store, event.accountId));
    if (outage?.mode === 'pause') {
      this.outageBoard.hold(outage, event);
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

  /**
   * Starts an outage. `unsubscribe` (drop mode): when it ends, Meta has unsubscribed the app from the
   * account(s), as it does after an hour of failed messaging deliveries — the app must re-subscribe.
   */
  startOutage(spec: OutageSpec): Outage {
    return this.outageBoard.start(spec);
  }

  /** Ends one outage (or all): held events go out, in order, unless another outage still covers them. */
  endOutage(id?: number): Outage[] {
    const { ended, held } = this.outageBoard.end(id);
    const now = Date.now();
    for (const o of ended.filter((e) => e.unsubscribe)) {
      for (const sub of this.store.subscriptions.values()) {
        if (!sub.active || (o.accountId && sub.accountId !== subscriptionKey(this.store, o.accountId))) continue;
        sub.active = false;
        this.disabled.push({ at: now, accountId: sub.accountId, failingSince: o.startedAt });
      }
    }
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

  private trackHealth(ok: boolean, accounts: string[]): void {
    const now = Date.now();
    for (const accountId of accounts.map((a) => subscriptionKey(this.store, a))) {
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
    this.outageBoard.clear();
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
