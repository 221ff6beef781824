import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookObject } from '../state/model';
import type { SimContext } from '../sim-context';
import { obj, parseBody, searchParamsToObject, sendJson, str } from '../http/request';
import {
  businessRepliesInMetaInbox,
  CustomerActionError,
  customerComments,
  customerDeletesComment,
  customerEdits,
  customerEditsComment,
  customerPostback,
  customerReacts,
  customerReads,
  customerReferral,
  customerSends,
  customerUnsends,
  mentionInMedia,
  reactToPost,
  visitorPost,
} from '../customer/customer-actions';
import { SAMPLE_FILES } from '../cdn/cdn';
import { storyInsightsEvent } from '../webhooks/events';
import { verifyCallback } from '../webhooks/verify-callback';
import { isoTime } from '../graph/fields';
import { setTemplateStatus } from '../graph/templates-api';
import type { FaultSpec } from '../faults/fault-registry';
import { SIM_SEED } from '../seed/seed-data';

/** JSON control API under `/_sim/…` for tests, the phone page and humans. */

type Body = Record<string, unknown>;
type Handler = (ctx: SimContext, m: RegExpExecArray, body: Body, url: URL) => unknown | Promise<unknown>;

const HOUR = 3_600_000;

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function required(body: Body, key: string): string {
  const v = str(body[key]);
  if (!v) throw new CustomerActionError(400, `${key} is required`);
  return v;
}

function customerView(ctx: SimContext, id: string): Record<string, unknown> {
  const c = ctx.store.customers.get(id);
  if (!c) throw new CustomerActionError(404, `Unknown customer ${id}`);
  const conv = ctx.store.conversationOf(c);
  return {
    id: c.id, platform: c.platform, accountId: c.accountId, name: c.name, username: c.username, profilePicUrl: c.profilePicUrl,
    conversationId: conv.id, lastCustomerActivityAt: conv.lastCustomerActivityAt,
    windowOpen: conv.lastCustomerActivityAt !== undefined && Date.now() - conv.lastCustomerActivityAt <= 24 * HOUR,
    business: ctx.store.accountName(c.accountId),
  };
}

function conversationView(ctx: SimContext, customerId: string): Record<string, unknown> {
  const c = ctx.store.customers.get(customerId);
  if (!c) throw new CustomerActionError(404, `Unknown customer ${customerId}`);
  const conv = ctx.store.conversationOf(c);
  return {
    ...customerView(ctx, customerId),
    businessTyping: conv.businessTyping,
    businessSeenAt: conv.businessSeenAt,
    messages: ctx.store.conversationMessages(conv).map((m) => ({
      mid: m.mid, direction: m.direction, from: m.senderId, to: m.recipientId, createdAt: m.createdAt, time: isoTime(m.createdAt),
      text: m.text, attachments: m.attachments, quickReplies: m.quickReplies, replyToMid: m.replyToMid, tag: m.tag,
      messagingType: m.messagingType, metadata: m.metadata, templateName: m.templateName, isDeleted: m.isDeleted,
      numEdit: m.numEdit, reactions: m.reactions, readAt: m.readAt, deliveredAt: m.deliveredAt, privateReplyTo: m.isPrivateReplyTo,
    })),
  };
}

function shiftConversation(ctx: SimContext, customerId: string, body: Body): Record<string, unknown> {
  const c = ctx.store.customers.get(customerId);
  if (!c) throw new CustomerActionError(404, `Unknown customer ${customerId}`);
  const conv = ctx.store.conversationOf(c);
  const hoursAgo = num(body['lastCustomerMessageHoursAgo']) ?? num(body['hoursAgo']);
  if (hoursAgo === undefined) throw new CustomerActionError(400, 'lastCustomerMessageHoursAgo is required');
  const target = Date.now() - hoursAgo * HOUR;
  const current = conv.lastCustomerActivityAt ?? Date.now();
  const delta = current - target;
  // Shift the whole conversation so relative order stays intact.
  for (const m of ctx.store.conversationMessages(conv)) {
    m.createdAt -= delta;
    if (m.readAt) m.readAt -= delta;
    if (m.deliveredAt) m.deliveredAt -= delta;
  }
  conv.lastCustomerActivityAt = target;
  ctx.store.changed('conversation', conv.id);
  return customerView(ctx, customerId);
}

function webhookConfig(ctx: SimContext): Record<string, unknown> {
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

const routes: Array<[string, RegExp, Handler]> = [
  ['GET', /^\/_sim\/?$/, (ctx) => ({
    seed: SIM_SEED, app: { id: ctx.store.settings.appId, verifyToken: ctx.store.settings.verifyToken, requireAppSecretProof: ctx.store.settings.requireAppSecretProof },
    webhooks: webhookConfig(ctx), publicUrl: ctx.store.settings.publicUrl,
  })],
  ['GET', /^\/_sim\/seed$/, () => SIM_SEED],
  ['POST', /^\/_sim\/reset$/, (ctx, _m, body) => {
    ctx.reset(body['seed'] !== false);
    return { ok: true };
  }],
  ['POST', /^\/_sim\/settings$/, (ctx, _m, body) => {
    const s = ctx.store.settings;
    if (typeof body['requireAppSecretProof'] === 'boolean') s.requireAppSecretProof = body['requireAppSecretProof'];
    const review = num(body['templateReviewMs']);
    if (review !== undefined) s.templateReviewMs = review;
    const delay = num(body['deliveryDelayMs']);
    if (delay !== undefined) ctx.webhooks.options.delayMs = delay;
    if (Array.isArray(body['retryDelaysMs'])) ctx.webhooks.options.retryDelaysMs = (body['retryDelaysMs'] as unknown[]).map(Number);
    const disableAfter = num(body['webhookDisableAfterMs']);
    if (disableAfter !== undefined) ctx.webhooks.options.disableAfterMs = disableAfter;
    const timeout = num(body['webhookTimeoutMs']);
    if (timeout !== undefined) ctx.webhooks.options.timeoutMs = timeout;
    if (Array.isArray(body['instagramAppFields'])) s.instagramAppFields = (body['instagramAppFields'] as unknown[]).map(String);
    return { settings: s, webhooks: webhookConfig(ctx) };
  }],

  // Customers and conversations
  ['GET', /^\/_sim\/customers$/, (ctx, _m, _b, url) => {
    const platform = url.searchParams.get('platform');
    return { data: [...ctx.store.customers.values()].filter((c) => !platform || c.platform === platform).map((c) => customerView(ctx, c.id)) };
  }],
  ['GET', /^\/_sim\/customers\/([^/]+)$/, (ctx, m) => customerView(ctx, m[1] ?? '')],
  ['GET', /^\/_sim\/customers\/([^/]+)\/conversation$/, (ctx, m) => conversationView(ctx, m[1] ?? '')],
  ['GET', /^\/_sim\/customers\/([^/]+)\/inbox$/, (ctx, m) => {
    const view = conversationView(ctx, m[1] ?? '');
    return { ...view, messages: (view['messages'] as Array<{ direction: string }>).filter((x) => x.direction === 'outbound') };
  }],
  ['POST', /^\/_sim\/customers\/([^/]+)\/messages$/, (ctx, m, body) => {
    const attachments = Array.isArray(body['attachments']) ? (body['attachments'] as unknown[]).map((a) => obj(a) ?? {}).map((a) => ({ type: str(a['type']) ?? 'image', url: str(a['url']), title: str(a['title']), extra: obj(a['payload']) })) : undefined;
    const msg = customerSends(ctx, m[1] ?? '', {
      text: str(body['text']), attachments, quickReplyPayload: str(body['quickReplyPayload']) ?? str(obj(body['quickReply'])?.['payload']),
      replyToMid: str(body['replyToMid']), storyId: str(body['storyId']), storyMention: body['storyMention'] === true,
      referral: obj(body['referral']),
    });
    return { mid: msg.mid, timestamp: msg.createdAt, conversationId: msg.conversationId };
  }],
  ['POST', /^\/_sim\/customers\/([^/]+)\/inbox-reply$/, (ctx, m, body) => {
    const msg = businessRepliesInMetaInbox(ctx, m[1] ?? '', required(body, 'text'));
    return { mid: msg.mid, timestamp: msg.createdAt };
  }],
  ['POST', /^\/_sim\/customers\/([^/]+)\/story-mention$/, (ctx, m) => {
    const msg = customerSends(ctx, m[1] ?? '', { storyMention: true });
    return { mid: msg.mid, timestamp: msg.createdAt };
  }],
  ['POST', /^\/_sim\/customers\/([^/]+)\/reactions$/, (ctx, m, body) => {
    const action = str(body['action']) === 'unreact' ? 'unreact' : 'react';
    customerReacts(ctx, m[1] ?? '', required(body, 'mid'), action, str(body['reaction']) ?? 'love', str(body['emoji']));
    return { ok: true };
  }],
  ['POST', /^\/_sim\/customers\/([^/]+)\/unsend$/, (ctx, m, body) => {
    customerUnsends(ctx, m[1] ?? '', required(body, 'mid'));
    return { ok: true };
  }],
  ['POST', /^\/_sim\/customers\/([^/]+)\/edit$/, (ctx, m, body) => {
    customerEdits(ctx, m[1] ?? '', required(body, 'mid'), required(body, 'text'));
    return { ok: true };
  }],
  ['POST', /^\/_sim\/customers\/([^/]+)\/postback$/, (ctx, m, body) => ({
    mid: customerPostback(ctx, m[1] ?? '', required(body, 'title'), required(body, 'payload'), obj(body['referral'])),
  })],
  ['POST', /^\/_sim\/customers\/([^/]+)\/referral$/, (ctx, m, body) => {
    const referral: Body = { ref: required(body, 'ref'), source: str(body['source']) ?? 'SHORTLINK', type: 'OPEN_THREAD' };
    if (str(body['adId'])) referral['ad_id'] = str(body['adId']);
    if (obj(body['adsContextData'])) referral['ads_context_data'] = obj(body['adsContextData']);
    if (str(body['refererUri'])) referral['referer_uri'] = str(body['refererUri']);
    customerReferral(ctx, m[1] ?? '', referral);
    return { ok: true };
  }],
  ['POST', /^\/_sim\/customers\/([^/]+)\/read$/, (ctx, m) => customerReads(ctx, m[1] ?? '')],
  ['POST', /^\/_sim\/customers\/([^/]+)\/comments$/, (ctx, m, body) => {
    const c = customerComments(ctx, m[1] ?? '', required(body, 'objectId'), required(body, 'text'), str(body['parentId']));
    return { id: c.id, objectId: c.objectId, createdAt: c.createdAt };
  }],
  ['POST', /^\/_sim\/customers\/([^/]+)\/posts$/, (ctx, m, body) => ({ id: visitorPost(ctx, m[1] ?? '', required(body, 'message')) })],
  ['POST', /^\/_sim\/customers\/([^/]+)\/post-reactions$/, (ctx, m, body) => {
    reactToPost(ctx, m[1] ?? '', required(body, 'postId'), str(body['reaction']) ?? 'like');
    return { ok: true };
  }],
  ['POST', /^\/_sim\/customers\/([^/]+)\/clock$/, (ctx, m, body) => shiftConversation(ctx, m[1] ?? '', body)],
  ['POST', /^\/_sim\/mentions$/, (ctx, _m, body) =>
    mentionInMedia(ctx, str(body['accountId']) ?? SIM_SEED.instagram.id, str(body['username']) ?? 'sofia.designs', str(body['caption']) ?? `Look what I got from @${SIM_SEED.instagram.username}!`, str(body['commentText'])),
  ],

  ['POST', /^\/_sim\/stories\/([^/]+)\/insights-webhook$/, (ctx, m) => {
    const story = ctx.store.media.get(m[1] ?? '');
    if (!story || story.mediaProductType !== 'STORY') throw new CustomerActionError(404, 'Unknown story');
    const value = (metric: string): number => {
      const v = ctx.store.insights.find((i) => i.objectId === story.id && i.metric === metric)?.lifetime ?? 0;
      return v < 5 ? -1 : v; // Meta reports counts below 5 as -1
    };
    const metrics = { exits: value('exits'), replies: value('replies'), reach: value('reach'), taps_forward: value('taps_forward'), taps_back: value('taps_back'), impressions: value('views') };
    ctx.webhooks.enqueue(storyInsightsEvent(story.accountId, story.id, metrics));
    return { ok: true, metrics };
  }],

  // Comments, posts, media (read-only views + clock)
  ['GET', /^\/_sim\/media$/, (ctx) => ({ data: [...ctx.store.media.values()] })],
  ['GET', /^\/_sim\/posts$/, (ctx) => ({ data: [...ctx.store.posts.values()].filter((p) => !p.deleted) })],
  ['GET', /^\/_sim\/comments$/, (ctx, _m, _b, url) => {
    const objectId = url.searchParams.get('objectId');
    return { data: [...ctx.store.comments.values()].filter((c) => !objectId || c.objectId === objectId).sort((a, b) => a.createdAt - b.createdAt) };
  }],
  ['POST', /^\/_sim\/comments\/([^/]+)\/clock$/, (ctx, m, body) => {
    const c = ctx.store.comments.get(m[1] ?? '');
    if (!c) throw new CustomerActionError(404, 'Unknown comment');
    c.createdAt = Date.now() - (num(body['hoursAgo']) ?? 0) * HOUR;
    return c;
  }],
  ['POST', /^\/_sim\/comments\/([^/]+)\/edit$/, (ctx, m, body) => {
    customerEditsComment(ctx, m[1] ?? '', required(body, 'text'));
    return { ok: true };
  }],
  ['POST', /^\/_sim\/comments\/([^/]+)\/delete$/, (ctx, m) => {
    customerDeletesComment(ctx, m[1] ?? '');
    return { ok: true };
  }],
  ['GET', /^\/_sim\/samples$/, (ctx) => ({ data: Object.entries(SAMPLE_FILES).map(([name, meta]) => ({ name, ...meta, url: `${ctx.store.settings.publicUrl}/cdn/samples/${name}` })) })],

  // Webhooks
  ['GET', /^\/_sim\/webhooks$/, (ctx) => webhookConfig(ctx)],
  ['PUT', /^\/_sim\/webhooks$/, async (ctx, _m, body) => {
    const object = str(body['object']) as WebhookObject | undefined;
    if (object !== 'page' && object !== 'instagram') throw new CustomerActionError(400, 'object must be "page" or "instagram"');
    const callbackUrl = required(body, 'callbackUrl');
    const verifyToken = str(body['verifyToken']) ?? ctx.store.settings.verifyToken;
    const result = body['skipVerification'] === true ? { ok: true, challenge: '' } : await verifyCallback(ctx, callbackUrl, verifyToken);
    if (!result.ok) return { ...result, error: result.error ?? 'Callback verification failed: the URL did not answer 200 with hub.challenge' };
    ctx.webhooks.options.urls[object] = callbackUrl;
    ctx.store.settings.verifyToken = verifyToken;
    return { ...result, webhooks: webhookConfig(ctx) };
  }],
  ['POST', /^\/_sim\/webhooks\/behaviour$/, (ctx, _m, body) => {
    if (typeof body['duplicate'] === 'boolean') ctx.webhooks.behaviour.duplicate = body['duplicate'];
    if (typeof body['outOfOrder'] === 'boolean') ctx.webhooks.behaviour.outOfOrder = body['outOfOrder'];
    return ctx.webhooks.behaviour;
  }],
  ['POST', /^\/_sim\/webhooks\/flush$/, async (ctx) => {
    ctx.webhooks.flushAll();
    return { ok: true };
  }],
  ['GET', /^\/_sim\/deliveries$/, (ctx, _m, _b, url) => {
    const object = url.searchParams.get('object');
    const since = Number(url.searchParams.get('sinceId') ?? 0);
    return {
      data: ctx.webhooks.attempts.filter((a) => (!object || a.object === object) && a.id > since),
      skipped: ctx.webhooks.skipped,
      disabledSubscriptions: ctx.webhooks.disabled,
    };
  }],
  ['DELETE', /^\/_sim\/deliveries$/, (ctx) => {
    ctx.webhooks.clearLog();
    return { ok: true };
  }],
  ['POST', /^\/_sim\/subscriptions\/([^/]+)\/drop$/, (ctx, m) => {
    const sub = ctx.store.subscriptions.get(m[1] ?? '');
    if (!sub) throw new CustomerActionError(404, 'No subscription for that account');
    sub.active = false;
    return sub;
  }],
  ['DELETE', /^\/_sim\/subscriptions\/([^/]+)$/, (ctx, m) => {
    const sub = ctx.store.subscriptions.get(m[1] ?? '');
    if (!sub) throw new CustomerActionError(404, 'No subscription for that account');
    sub.active = false;
    return sub;
  }],

  // Faults and rate limits
  ['GET', /^\/_sim\/faults$/, (ctx) => ({ data: ctx.faults.list() })],
  ['POST', /^\/_sim\/faults$/, (ctx, _m, body) => ctx.faults.add({
    pattern: required(body, 'pattern'), code: num(body['code']), subcode: num(body['subcode']), message: str(body['message']),
    httpStatus: num(body['httpStatus']), rate: num(body['rate']), latencyMs: num(body['latencyMs']), timeout: body['timeout'] === true,
    times: num(body['times']), regainAccessMinutes: num(body['regainAccessMinutes']),
  } satisfies FaultSpec)],
  ['DELETE', /^\/_sim\/faults$/, (ctx) => {
    ctx.faults.remove();
    return { ok: true };
  }],
  ['DELETE', /^\/_sim\/faults\/(\d+)$/, (ctx, m) => {
    ctx.faults.remove(Number(m[1]));
    return { ok: true };
  }],
  ['POST', /^\/_sim\/usage$/, (ctx, _m, body) => {
    ctx.usage.override = Object.keys(body).length ? {
      call_count: num(body['call_count']), total_cputime: num(body['total_cputime']), total_time: num(body['total_time']),
      estimated_time_to_regain_access: num(body['estimated_time_to_regain_access']),
    } : undefined;
    return { override: ctx.usage.override ?? null };
  }],

  // Templates, tokens, pixels, request log
  ['GET', /^\/_sim\/templates$/, (ctx) => ({ data: [...ctx.store.templates.values()] })],
  ['POST', /^\/_sim\/templates\/([^/]+)\/review$/, (ctx, m, body) => {
    const t = ctx.store.templates.get(m[1] ?? '');
    if (!t) throw new CustomerActionError(404, 'Unknown template');
    const status = str(body['status']);
    if (status !== 'APPROVED' && status !== 'REJECTED' && status !== 'PENDING') throw new CustomerActionError(400, 'status must be APPROVED, REJECTED or PENDING');
    setTemplateStatus(ctx, t, status, str(body['reason']));
    return t;
  }],
  ['GET', /^\/_sim\/tokens$/, (ctx) => ({ data: [...ctx.store.tokens.values()] })],
  ['POST', /^\/_sim\/tokens\/invalidate$/, (ctx, _m, body) => {
    const t = ctx.store.tokens.get(required(body, 'token'));
    if (!t) throw new CustomerActionError(404, 'Unknown token');
    t.invalidSubcode = num(body['subcode']) ?? 460;
    return t;
  }],
  ['POST', /^\/_sim\/tokens\/age$/, (ctx, _m, body) => {
    const t = ctx.store.tokens.get(required(body, 'token'));
    if (!t) throw new CustomerActionError(404, 'Unknown token');
    const delta = (num(body['hours']) ?? 0) * HOUR;
    t.issuedAt -= delta;
    if (t.expiresAt !== 0) t.expiresAt -= delta;
    return t;
  }],
  ['GET', /^\/_sim\/pixels\/([^/]+)\/events$/, (ctx, m) => {
    const p = ctx.store.pixels.get(m[1] ?? '');
    if (!p) throw new CustomerActionError(404, 'Unknown pixel');
    return { data: p.events };
  }],
  ['GET', /^\/_sim\/requests$/, (ctx, _m, _b, url) => {
    const path = url.searchParams.get('path');
    return { data: ctx.requests.filter((r) => !path || r.path.includes(path)) };
  }],
  ['DELETE', /^\/_sim\/requests$/, (ctx) => {
    ctx.requests.length = 0;
    return { ok: true };
  }],
];

export async function handleControl(ctx: SimContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname.replace(/\/+$/, '') || '/';
  try {
    const parsed = await parseBody(req);
    const body: Body = { ...searchParamsToObject(url.searchParams), ...parsed.params };
    for (const [m, re, handler] of routes) {
      if (m !== method) continue;
      const match = re.exec(path);
      if (!match) continue;
      const result = await handler(ctx, match, body, url);
      const status = result && typeof result === 'object' && 'ok' in result && (result as { ok: unknown }).ok === false ? 400 : 200;
      sendJson(res, status, result ?? { ok: true });
      return;
    }
    sendJson(res, 404, { error: `No control route ${method} ${path}` });
  } catch (err) {
    if (err instanceof CustomerActionError) sendJson(res, err.status, { error: err.message });
    else sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
  }
}
