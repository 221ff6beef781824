import type { WebhookObject } from '../state/model';
import type { WebhookEvent } from './webhook-event';

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

export interface OutageSpec {
  mode: 'pause' | 'drop';
  object?: WebhookObject;
  accountId?: string;
  durationMs?: number;
  unsubscribe?: boolean;
}

/** The outages in force and the events the paused ones hold back. */
export class WebhookOutages {
  readonly list: Outage[] = [];
  private held: WebhookEvent[] = [];
  private timers = new Map<number, NodeJS.Timeout>();
  private seq = 0;

  /** `expire` ends an outage whose duration ran out. */
  constructor(private readonly expire: (id: number) => void) {}

  /** The outage covering an event of this account, whose subscription is `subscriptionKey`. */
  covering(event: WebhookEvent, subscriptionKey: string): Outage | undefined {
    return this.list.find(
      (o) => (!o.object || o.object === event.object) && (!o.accountId || o.accountId === event.accountId || o.accountId === subscriptionKey),
    );
  }

  hold(outage: Outage, event: WebhookEvent): void {
    outage.held++;
    this.held.push(event);
  }

  start(spec: OutageSpec): Outage {
    const now = Date.now();
    const outage: Outage = {
      id: ++this.seq,
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
      const timer = setTimeout(() => this.expire(outage.id), spec.durationMs);
      timer.unref();
      this.timers.set(outage.id, timer);
    }
    this.list.push(outage);
    return outage;
  }

  /** Removes one outage (or all); returns them and every held event, to be enqueued again in order. */
  end(id?: number): { ended: Outage[]; held: WebhookEvent[] } {
    const ended = this.list.filter((o) => id === undefined || o.id === id);
    for (const o of ended) {
      this.list.splice(this.list.indexOf(o), 1);
      const timer = this.timers.get(o.id);
      if (timer) clearTimeout(timer);
      this.timers.delete(o.id);
    }
    const held = this.held;
    this.held = [];
    return { ended, held };
  }

  /** Drops every outage and held event (reset). */
  clear(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    this.list.length = 0;
    this.held = [];
  }
}
