import type { WebhookObject } from '../state/model';
import type { SimContext } from '../sim-context';
import { str } from '../http/request';
import { CustomerActionError } from '../customer/customer-actions';
import { verifyCallback } from '../webhooks/verify-callback';
import type { FaultSpec } from '../faults/fault-registry';
import { num, required, type Route } from './control-kit';

/** Webhook delivery (callbacks, behaviour, log, subscriptions) and Graph faults / rate-limit headers. */

export function webhookConfig(ctx: SimContext): Record<string, unknown> {
  return {
    urls: ctx.webhooks.options.urls,
    verifyToken: ctx.store.settings.verifyToken,
    behaviour: ctx.webhooks.behaviour,
    delayMs: ctx.webhooks.options.delayMs,
    retryDelaysMs: ctx.webhooks.options.retryDelaysMs,
    disableAfterMs: ctx.webhooks.options.disableAfterMs,
    instagramAppFields: ctx.store.settings.instagramAppFields,
    subscriptions: [...ctx.store.subscriptions.values()],
  };
}

export const deliveryRoutes: Route[] = [
  // Webhooks
  ['GET', /^\/_sim\/webhooks$/, (ctx) => webhookConfig(ctx)],
  [
    'PUT',
    /^\/_sim\/webhooks$/,
    async (ctx, _m, body) => {
      const object = str(body['object']) as WebhookObject | undefined;
      if (object !== 'page' && object !== 'instagram') throw new CustomerActionError(400, 'object must be "page" or "instagram"');
      const callbackUrl = required(body, 'callbackUrl');
      const verifyToken = str(body['verifyToken']) ?? ctx.store.settings.verifyToken;
      const result = body['skipVerification'] === true ? { ok: true, challenge: '' } : await verifyCallback(ctx, callbackUrl, verifyToken);
      if (!result.ok) return { ...result, error: result.error ?? 'Callback verification failed: the URL did not answer 200 with hub.challenge' };
      ctx.webhooks.options.urls[object] = callbackUrl;
      ctx.store.settings.verifyToken = verifyToken;
      return { ...result, webhooks: webhookConfig(ctx) };
    },
  ],
  [
    'POST',
    /^\/_sim\/webhooks\/behaviour$/,
    (ctx, _m, body) => {
      if (typeof body['duplicate'] === 'boolean') ctx.webhooks.behaviour.duplicate = body['duplicate'];
      if (typeof body['outOfOrder'] === 'boolean') ctx.webhooks.behaviour.outOfOrder = body['outOfOrder'];
      return ctx.webhooks.behaviour;
    },
  ],
  [
    'POST',
    /^\/_sim\/webhooks\/flush$/,
    async (ctx) => {
      ctx.webhooks.flushAll();
      return { ok: true };
    },
  ],
  [
    'GET',
    /^\/_sim\/deliveries$/,
    (ctx, _m, _b, url) => {
      const object = url.searchParams.get('object');
      const since = Number(url.searchParams.get('sinceId') ?? 0);
      return {
        data: ctx.webhooks.attempts.filter((a) => (!object || a.object === object) && a.id > since),
        skipped: ctx.webhooks.skipped,
        disabledSubscriptions: ctx.webhooks.disabled,
      };
    },
  ],
  [
    'DELETE',
    /^\/_sim\/deliveries$/,
    (ctx) => {
      ctx.webhooks.clearLog();
      return { ok: true };
    },
  ],
  [
    'POST',
    /^\/_sim\/subscriptions\/([^/]+)\/drop$/,
    (ctx, m) => {
      const sub = ctx.store.subscriptions.get(m[1] ?? '');
      if (!sub) throw new CustomerActionError(404, 'No subscription for that account');
      sub.active = false;
      return sub;
    },
  ],
  [
    'DELETE',
    /^\/_sim\/subscriptions\/([^/]+)$/,
    (ctx, m) => {
      const sub = ctx.store.subscriptions.get(m[1] ?? '');
      if (!sub) throw new CustomerActionError(404, 'No subscription for that account');
      sub.active = false;
      return sub;
    },
  ],

  // Outages: deliveries paused (then sent) or dropped (lost), optionally with Meta dropping the subscription
  ['GET', /^\/_sim\/webhooks\/outage$/, (ctx) => ({ data: ctx.webhooks.outages })],
  [
    'POST',
    /^\/_sim\/webhooks\/outage$/,
    (ctx, _m, body) => {
      const mode = str(body['mode']) ?? 'drop';
      if (mode !== 'pause' && mode !== 'drop') throw new CustomerActionError(400, 'mode must be pause or drop');
      const object = str(body['object']);
      if (object !== undefined && object !== 'page' && object !== 'instagram') throw new CustomerActionError(400, 'object must be page or instagram');
      return ctx.webhooks.startOutage({
        mode,
        object,
        accountId: str(body['accountId']),
        durationMs: num(body['durationMs']),
        unsubscribe: body['unsubscribe'] === true,
      });
    },
  ],
  ['DELETE', /^\/_sim\/webhooks\/outage(?:\/(\d+))?$/, (ctx, m) => ({ ended: ctx.webhooks.endOutage(m[1] ? Number(m[1]) : undefined) })],

  // Faults and rate limits
  ['GET', /^\/_sim\/faults$/, (ctx) => ({ data: ctx.faults.list() })],
  [
    'POST',
    /^\/_sim\/faults$/,
    (ctx, _m, body) =>
      ctx.faults.add({
        pattern: required(body, 'pattern'),
        code: num(body['code']),
        subcode: num(body['subcode']),
        message: str(body['message']),
        httpStatus: num(body['httpStatus']),
        rate: num(body['rate']),
        latencyMs: num(body['latencyMs']),
        timeout: body['timeout'] === true,
        times: num(body['times']),
        regainAccessMinutes: num(body['regainAccessMinutes']),
        durationMs: num(body['durationMs']),
        afterHandling: body['afterHandling'] === true,
      } satisfies FaultSpec),
  ],
  [
    'DELETE',
    /^\/_sim\/faults$/,
    (ctx) => {
      ctx.faults.remove();
      return { ok: true };
    },
  ],
  [
    'DELETE',
    /^\/_sim\/faults\/(\d+)$/,
    (ctx, m) => {
      ctx.faults.remove(Number(m[1]));
      return { ok: true };
    },
  ],
  [
    'POST',
    /^\/_sim\/usage$/,
    (ctx, _m, body) => {
      ctx.usage.override = Object.keys(body).length
        ? {
            call_count: num(body['call_count']),
            total_cputime: num(body['total_cputime']),
            total_time: num(body['total_time']),
            estimated_time_to_regain_access: num(body['estimated_time_to_regain_access']),
          }
        : undefined;
      return { override: ctx.usage.override ?? null };
    },
  ],
];
