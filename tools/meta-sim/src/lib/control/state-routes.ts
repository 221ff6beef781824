import { str } from '../http/request';
import { CustomerActionError } from '../customer/customer-actions';
import { setTemplateStatus } from '../graph/templates-api';
import { SIM_SEED } from '../seed/seed-data';
import { HOUR, num, required, type Route } from './control-kit';
import { webhookConfig } from './delivery-routes';

/** The simulator itself: state, seed, reset, settings; templates, tokens, pixels and the request log. */

export const stateRoutes: Route[] = [
  [
    'GET',
    /^\/_sim\/?$/,
    (ctx) => ({
      seed: SIM_SEED,
      app: { id: ctx.store.settings.appId, verifyToken: ctx.store.settings.verifyToken, requireAppSecretProof: ctx.store.settings.requireAppSecretProof },
      webhooks: webhookConfig(ctx),
      publicUrl: ctx.store.settings.publicUrl,
    }),
  ],
  ['GET', /^\/_sim\/seed$/, () => SIM_SEED],
  [
    'POST',
    /^\/_sim\/reset$/,
    (ctx, _m, body) => {
      ctx.reset(body['seed'] !== false);
      return { ok: true };
    },
  ],
  [
    'POST',
    /^\/_sim\/settings$/,
    (ctx, _m, body) => {
      const s = ctx.store.settings;
      if (typeof body['requireAppSecretProof'] === 'boolean') s.requireAppSecretProof = body['requireAppSecretProof'];
      const review = num(body['templateReviewMs']);
      if (review !== undefined) s.templateReviewMs = review;
      const conversationsPerSecond = num(body['conversationsPerSecond']);
      if (conversationsPerSecond !== undefined) s.conversationsPerSecond = conversationsPerSecond;
      const privateReplies = num(body['privateRepliesPerHour']);
      if (privateReplies !== undefined) s.privateRepliesPerHour = privateReplies;
      const delay = num(body['deliveryDelayMs']);
      if (delay !== undefined) ctx.webhooks.options.delayMs = delay;
      if (Array.isArray(body['retryDelaysMs'])) ctx.webhooks.options.retryDelaysMs = (body['retryDelaysMs'] as unknown[]).map(Number);
      const disableAfter = num(body['webhookDisableAfterMs']);
      if (disableAfter !== undefined) ctx.webhooks.options.disableAfterMs = disableAfter;
      const timeout = num(body['webhookTimeoutMs']);
      if (timeout !== undefined) ctx.webhooks.options.timeoutMs = timeout;
      if (Array.isArray(body['instagramAppFields'])) s.instagramAppFields = (body['instagramAppFields'] as unknown[]).map(String);
      return { settings: s, webhooks: webhookConfig(ctx) };
    },
  ],

  // Templates, tokens, pixels, request log
  ['GET', /^\/_sim\/templates$/, (ctx) => ({ data: [...ctx.store.templates.values()] })],
  [
    'POST',
    /^\/_sim\/templates\/review-policy$/,
    (ctx, _m, body) => {
      const s = ctx.store.settings;
      const mode = str(body['mode']);
      if (mode !== undefined && mode !== 'auto' && mode !== 'approve' && mode !== 'reject')
        throw new CustomerActionError(400, 'mode must be auto, approve or reject');
      if (mode) s.templateReviewMode = mode;
      const reason = str(body['reason']);
      if (reason) s.templateRejectReason = reason;
      const delay = num(body['delayMs']);
      if (delay !== undefined) s.templateReviewMs = delay;
      return { mode: s.templateReviewMode, reason: s.templateRejectReason, delayMs: s.templateReviewMs };
    },
  ],
  [
    'POST',
    /^\/_sim\/templates\/([^/]+)\/review$/,
    (ctx, m, body) => {
      const t = ctx.store.templates.get(m[1] ?? '');
      if (!t) throw new CustomerActionError(404, 'Unknown template');
      const status = str(body['status']);
      if (status !== 'APPROVED' && status !== 'REJECTED' && status !== 'PENDING' && status !== 'PAUSED' && status !== 'DISABLED') {
        throw new CustomerActionError(400, 'status must be APPROVED, REJECTED, PENDING, PAUSED or DISABLED');
      }
      setTemplateStatus(ctx, t, status, str(body['reason']));
      return t;
    },
  ],
  ['GET', /^\/_sim\/tokens$/, (ctx) => ({ data: [...ctx.store.tokens.values()] })],
  [
    'POST',
    /^\/_sim\/tokens\/invalidate$/,
    (ctx, _m, body) => {
      const t = ctx.store.tokens.get(required(body, 'token'));
      if (!t) throw new CustomerActionError(404, 'Unknown token');
      t.invalidSubcode = num(body['subcode']) ?? 460;
      return t;
    },
  ],
  [
    'POST',
    /^\/_sim\/tokens\/age$/,
    (ctx, _m, body) => {
      const t = ctx.store.tokens.get(required(body, 'token'));
      if (!t) throw new CustomerActionError(404, 'Unknown token');
      const delta = (num(body['hours']) ?? 0) * HOUR;
      t.issuedAt -= delta;
      if (t.expiresAt !== 0) t.expiresAt -= delta;
      return t;
    },
  ],
  [
    'GET',
    /^\/_sim\/capi\/events$/,
    (ctx, _m, _b, url) => {
      const q = (k: string): string | null => url.searchParams.get(k);
      const data = [...ctx.store.pixels.values()]
        .filter((p) => !q('datasetId') || p.id === q('datasetId'))
        .flatMap((p) => p.events.map((e) => ({ datasetId: p.id, ownerId: p.ownerId ?? null, ...e })))
        .filter((e) => (!q('eventName') || e.event['event_name'] === q('eventName')) && (!q('eventId') || e.event['event_id'] === q('eventId')))
        .sort((a, b) => a.receivedAt - b.receivedAt);
      return { data };
    },
  ],
  [
    'GET',
    /^\/_sim\/capi\/datasets$/,
    (ctx) => ({ data: [...ctx.store.pixels.values()].map((p) => ({ id: p.id, name: p.name, ownerId: p.ownerId ?? null, events: p.events.length })) }),
  ],
  [
    'GET',
    /^\/_sim\/pixels\/([^/]+)\/events$/,
    (ctx, m) => {
      const p = ctx.store.pixels.get(m[1] ?? '');
      if (!p) throw new CustomerActionError(404, 'Unknown pixel');
      return { data: p.events };
    },
  ],
  [
    'GET',
    /^\/_sim\/requests$/,
    (ctx, _m, _b, url) => {
      const path = url.searchParams.get('path');
      return { data: ctx.requests.filter((r) => !path || r.path.includes(path)) };
    },
  ],
  [
    'DELETE',
    /^\/_sim\/requests$/,
    (ctx) => {
      ctx.requests.length = 0;
      return { ok: true };
    },
  ],
];
