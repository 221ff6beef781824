import type { SimContext } from '../sim-context';
import { verifyCallback } from '../webhooks/verify-callback';
import { str } from '../http/request';
import type { AuthContext } from './auth';
import { Errors } from './graph-error';

/** `/{page-id}/subscribed_apps` (FB) and `/me/subscribed_apps` (graph.instagram.com). */

const PAGE_FIELDS = [
  'messages',
  'message_echoes',
  'message_deliveries',
  'message_reads',
  'message_reactions',
  'message_edits',
  'messaging_postbacks',
  'messaging_referrals',
  'messaging_optins',
  'messaging_account_linking',
  'messaging_handovers',
  'messaging_policy_enforcement',
  'messaging_feedback',
  'messaging_game_plays',
  'messaging_seen',
  'messenger_template_status_update',
  'message_template_status_update',
  'response_feedback',
  'send_cart',
  'standby',
  'feed',
  'mention',
  'group_feed',
];
const IG_FIELDS = [
  'messages',
  'message_echoes',
  'message_reactions',
  'messaging_postbacks',
  'messaging_referral',
  'messaging_seen',
  'message_edit',
  'messaging_optins',
  'messaging_handover',
  'standby',
  'comments',
  'live_comments',
];

function accountOf(ctx: SimContext, auth: AuthContext, nodeId: string): string {
  const id = nodeId === 'me' ? auth.token.subjectId : nodeId;
  const ok = auth.host === 'instagram' ? ctx.store.instagramAccounts.has(id) : ctx.store.pages.has(id);
  if (!ok || !auth.accountIds.has(id) || auth.token.type === 'APP' || auth.token.type === 'USER') {
    throw auth.token.type === 'USER' && ctx.store.pages.has(id)
      ? Errors.permission('This endpoint requires a Page access token', 210)
      : Errors.unsupportedGet(`${nodeId}/subscribed_apps`);
  }
  return id;
}

export function subscribeApp(ctx: SimContext, auth: AuthContext, nodeId: string, params: Record<string, unknown>): Record<string, unknown> {
  const id = accountOf(ctx, auth, nodeId);
  const raw = params['subscribed_fields'];
  const fields = Array.isArray(raw)
    ? raw.map(String)
    : (str(raw) ?? '')
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
  if (fields.length === 0) throw Errors.param('param subscribed_fields must be non-empty.');
  const allowed = auth.host === 'instagram' ? IG_FIELDS : PAGE_FIELDS;
  fields.forEach((f, i) => {
    if (!allowed.includes(f)) throw Errors.param(`param subscribed_fields[${i}] must be one of {${allowed.join(', ')}} - got "${f}"`);
  });
  ctx.store.subscriptions.set(id, { accountId: id, appId: auth.token.appId, fields, active: true });
  return { success: true };
}

export function listSubscribedApps(ctx: SimContext, auth: AuthContext, nodeId: string): Record<string, unknown> {
  const id = accountOf(ctx, auth, nodeId);
  const sub = ctx.store.subscriptions.get(id);
  const data =
    sub && sub.active
      ? [{ category: 'Business', link: `https://sim.example/app/${sub.appId}`, name: ctx.store.settings.appName, id: sub.appId, subscribed_fields: sub.fields }]
      : [];
  return { data };
}

export function unsubscribeApp(ctx: SimContext, auth: AuthContext, nodeId: string): Record<string, unknown> {
  const id = accountOf(ctx, auth, nodeId);
  const sub = ctx.store.subscriptions.get(id);
  if (sub) sub.active = false;
  return { success: true };
}

/**
 * `POST /{app-id}/subscriptions` (app token): sets the callback for object `page` after the hub.challenge handshake.
 * Per the reference, Instagram webhooks cannot be configured through this endpoint.
 */
export async function setAppSubscription(ctx: SimContext, auth: AuthContext, appId: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (auth.token.type !== 'APP' || appId !== ctx.store.settings.appId)
    throw Errors.permission('This method must be called with an app access_token', undefined);
  const object = str(params['object']);
  const callbackUrl = str(params['callback_url']);
  const verifyToken = str(params['verify_token']) ?? '';
  if (object !== 'page') {
    throw Errors.param(object === 'instagram' ? 'Instagram webhooks must be configured in the App Dashboard' : 'param object must be one of {page}');
  }
  if (!callbackUrl) throw Errors.param('param callback_url must be non-empty.');
  const result = await verifyCallback(ctx, callbackUrl, verifyToken);
  if (!result.ok)
    throw Errors.param(
      `The URL couldn't be validated. Response does not match challenge, expected value="${result.challenge}", received="${result.body ?? ''}"`,
      2200,
    );
  ctx.webhooks.options.urls.page = callbackUrl;
  ctx.store.settings.verifyToken = verifyToken;
  return { success: true };
}

export function listAppSubscriptions(ctx: SimContext, auth: AuthContext, appId: string): Record<string, unknown> {
  if (auth.token.type !== 'APP' || appId !== ctx.store.settings.appId)
    throw Errors.permission('This method must be called with an app access_token', undefined);
  const data = (['page', 'instagram'] as const)
    .filter((o) => ctx.webhooks.options.urls[o])
    .map((o) => ({
      object: o,
      callback_url: ctx.webhooks.options.urls[o],
      active: true,
      fields: (o === 'page' ? PAGE_FIELDS : ctx.store.settings.instagramAppFields).map((name) => ({ name, version: ctx.store.settings.graphVersion })),
    }));
  return { data };
}
