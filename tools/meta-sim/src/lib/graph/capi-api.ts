import { randomBytes } from 'node:crypto';
import type { SimPixel } from '../state/model';
import type { SimContext } from '../sim-context';
import { obj, str } from '../http/request';
import { type AuthContext, requireScope } from './auth';
import { Errors } from './graph-error';

/**
 * Conversions API (reference §10): `POST /{pixel-or-dataset-id}/events {data:[…], test_event_code?}`.
 * One bad event rejects the whole request. Business messaging (`action_source: business_messaging`)
 * needs `messaging_channel` and the channel's ids: Messenger `page_id` + `page_scoped_user_id`,
 * Instagram `ig_account_id` (or `instagram_business_account_id`) + `ig_sid`, WhatsApp
 * `whatsapp_business_account_id` + `ctwa_clid`; a business-messaging dataset only takes its own account's events.
 */

const ACTION_SOURCES = ['email', 'website', 'app', 'phone_call', 'chat', 'physical_store', 'system_generated', 'business_messaging', 'other'];
const MESSAGING_CHANNELS = ['messenger', 'instagram', 'whatsapp'];
const MESSAGING_EVENTS = [
  'Purchase',
  'LeadSubmitted',
  'InitiateCheckout',
  'AddToCart',
  'ViewContent',
  'OrderCreated',
  'OrderShipped',
  'OrderDelivered',
  'OrderCanceled',
  'OrderReturned',
  'CartAbandoned',
  'QualifiedLead',
  'RatingProvided',
  'ReviewProvided',
];
const HASHED = ['em', 'ph', 'fn', 'ln', 'db', 'ge', 'ct', 'st', 'zp', 'country'];
const NEVER_HASHED = [
  'client_ip_address',
  'client_user_agent',
  'fbc',
  'fbp',
  'subscription_id',
  'fb_login_id',
  'lead_id',
  'anon_id',
  'madid',
  'page_id',
  'page_scoped_user_id',
  'ctwa_clid',
  'ig_account_id',
  'ig_sid',
  'instagram_business_account_id',
  'whatsapp_business_account_id',
];
const IDENTIFIERS = [...HASHED, 'external_id', ...NEVER_HASHED];
const SHA256 = /^[a-f0-9]{64}$/;
const DAY_S = 86_400;

/** Business messaging: Messenger datasets need `page_events`, Instagram ones `instagram_manage_events` (reference §10). */
function eventsScope(ctx: SimContext, accountId: string): string {
  return ctx.store.pages.has(accountId) ? 'page_events' : 'instagram_manage_events';
}

function invalid(i: number, msg: string): Error {
  return Errors.param('Invalid parameter', 2804003, `Event ${i}: ${msg}`);
}

function checkBusinessMessaging(ctx: SimContext, pixel: SimPixel, i: number, e: Record<string, unknown>, userData: Record<string, unknown>): void {
  const s = ctx.store;
  const channel = str(e['messaging_channel']);
  if (!channel) throw invalid(i, 'messaging_channel is required for business_messaging events');
  if (!MESSAGING_CHANNELS.includes(channel)) throw invalid(i, `messaging_channel must be one of ${MESSAGING_CHANNELS.join(', ')}`);
  const name = str(e['event_name']) ?? '';
  if (!MESSAGING_EVENTS.includes(name))
    throw invalid(i, `event_name ${name} is not supported for business messaging (use one of ${MESSAGING_EVENTS.join(', ')})`);
  const id = (k: string): string | undefined => str(userData[k]);
  let accountId: string | undefined;
  if (channel === 'messenger') {
    accountId = id('page_id');
    const psid = id('page_scoped_user_id');
    if (!accountId || !psid) throw invalid(i, 'user_data.page_id and user_data.page_scoped_user_id are required for messaging_channel messenger');
    if (!s.pages.has(accountId)) throw invalid(i, `user_data.page_id ${accountId} is not a Page`);
    if (s.customerByAccount(accountId, psid)?.platform !== 'messenger')
      throw invalid(i, `user_data.page_scoped_user_id ${psid} is not a person who messaged Page ${accountId}`);
  } else if (channel === 'instagram') {
    accountId = id('ig_account_id') ?? id('instagram_business_account_id');
    const igsid = id('ig_sid');
    if (!accountId || !igsid)
      throw invalid(i, 'user_data.ig_account_id (or instagram_business_account_id) and user_data.ig_sid are required for messaging_channel instagram');
    if (!s.instagramAccounts.has(accountId)) throw invalid(i, `user_data.ig_account_id ${accountId} is not an Instagram professional account`);
    if (s.customerByAccount(accountId, igsid)?.platform !== 'instagram')
      throw invalid(i, `user_data.ig_sid ${igsid} is not a person who messaged ${accountId}`);
  } else if (!id('whatsapp_business_account_id') || !id('ctwa_clid')) {
    throw invalid(i, 'user_data.whatsapp_business_account_id and user_data.ctwa_clid are required for messaging_channel whatsapp');
  }
  if (pixel.ownerId && accountId !== pixel.ownerId) throw invalid(i, `dataset ${pixel.id} belongs to ${pixel.ownerId}, not to ${accountId ?? channel}`);
}

function checkEvent(ctx: SimContext, pixel: SimPixel, i: number, raw: unknown, now: number): void {
  const e = obj(raw);
  if (!e) throw invalid(i, 'event must be an object');
  if (!str(e['event_name'])) throw invalid(i, 'event_name is required');
  const t = Number(e['event_time']);
  if (!Number.isFinite(t)) throw invalid(i, 'event_time is required (Unix seconds)');
  if (t > now + 60) throw invalid(i, 'event_time cannot be in the future');
  const source = str(e['action_source']);
  const maxAge = source === 'physical_store' ? 62 * DAY_S : 7 * DAY_S;
  if (now - t > maxAge)
    throw Errors.param('Invalid parameter', 2804004, `Event ${i}: event_time is more than 7 days in the past; the whole request was rejected`);
  if (!source || !ACTION_SOURCES.includes(source)) throw invalid(i, `action_source must be one of ${ACTION_SOURCES.join(', ')}`);
  const userData = obj(e['user_data']);
  if (source === 'website' && (!str(e['event_source_url']) || !str(userData?.['client_user_agent']))) {
    throw invalid(i, 'event_source_url and user_data.client_user_agent are required for website events');
  }
  if (!userData || !IDENTIFIERS.some((k) => userData[k] !== undefined)) throw invalid(i, 'user_data must contain at least one customer information parameter');
  for (const k of HASHED) {
    const v = userData[k];
    for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
      if (typeof one !== 'string' || !SHA256.test(one)) throw invalid(i, `user_data.${k} must be SHA-256 hashed (lowercase hex)`);
    }
  }
  for (const k of NEVER_HASHED) {
    if (typeof userData[k] === 'string' && SHA256.test(userData[k] as string)) throw invalid(i, `user_data.${k} must not be hashed`);
  }
  const custom = obj(e['custom_data']);
  if (e['event_name'] === 'Purchase' && (typeof custom?.['value'] !== 'number' || !/^[A-Za-z]{3}$/.test(str(custom['currency']) ?? ''))) {
    throw invalid(i, 'Purchase events require custom_data.value (a number) and custom_data.currency (ISO 4217)');
  }
  if (source === 'business_messaging') checkBusinessMessaging(ctx, pixel, i, e, userData);
  else if (pixel.ownerId) throw invalid(i, `dataset ${pixel.id} is a business-messaging dataset: action_source must be business_messaging`);
}

export function receiveEvents(ctx: SimContext, auth: AuthContext, pixelId: string, params: Record<string, unknown>): Record<string, unknown> {
  const pixel = ctx.store.pixels.get(pixelId);
  if (!pixel || auth.token.type === 'IG_USER' || (pixel.ownerId && !auth.accountIds.has(pixel.ownerId))) throw Errors.unsupportedGet(pixelId, 'post');
  if (pixel.ownerId) requireScope(auth, [eventsScope(ctx, pixel.ownerId)]);
  const data = params['data'];
  if (!Array.isArray(data) || data.length === 0) throw Errors.param('The parameter data is required');
  if (data.length > 1000) throw Errors.param('A maximum of 1000 events can be sent per request', 2804019);
  const now = Math.floor(Date.now() / 1000);
  data.forEach((raw, i) => checkEvent(ctx, pixel, i, raw, now));
  const testEventCode = str(params['test_event_code']);
  const fbtraceId = `Sim${randomBytes(8).toString('base64url')}`;
  for (const raw of data) pixel.events.push({ receivedAt: Date.now(), testEventCode, fbtraceId, event: obj(raw) ?? {} });
  ctx.store.changed('pixel', pixel.id);
  return { events_received: data.length, messages: [], fbtrace_id: fbtraceId };
}

/** `POST /{page-id}/dataset` or `POST /{ig-user-id}/dataset`: one dataset per account, returns the existing one. */
export function getOrCreateDataset(ctx: SimContext, auth: AuthContext, nodeId: string): Record<string, unknown> {
  const id = nodeId === 'me' ? auth.token.subjectId : nodeId;
  const isAccount = ctx.store.pages.has(id) || ctx.store.instagramAccounts.has(id);
  if (!isAccount || !auth.accountIds.has(id) || auth.token.type === 'APP' || auth.token.type === 'IG_USER')
    throw Errors.unsupportedGet(`${nodeId}/dataset`, 'post');
  requireScope(auth, [eventsScope(ctx, id)]);
  const existing = [...ctx.store.pixels.values()].find((p) => p.ownerId === id);
  if (existing) return { id: existing.id };
  const datasetId = ctx.store.newNumericId('dataset', 1234567890200000n);
  ctx.store.pixels.set(datasetId, { id: datasetId, name: `${ctx.store.accountName(id).name} dataset`, ownerId: id, events: [] });
  return { id: datasetId };
}
