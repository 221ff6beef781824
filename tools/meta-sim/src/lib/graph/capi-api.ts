import { randomBytes } from 'node:crypto';
import type { SimContext } from '../sim-context';
import { obj, str } from '../http/request';
import type { AuthContext } from './auth';
import { Errors } from './graph-error';

/** Conversions API: `POST /{pixel-id}/events`. */

const ACTION_SOURCES = ['email', 'website', 'app', 'phone_call', 'chat', 'physical_store', 'system_generated', 'business_messaging', 'other'];
const IDENTIFIERS = ['em', 'ph', 'fn', 'ln', 'db', 'ge', 'ct', 'st', 'zp', 'country', 'external_id', 'client_ip_address', 'client_user_agent', 'fbc', 'fbp', 'subscription_id', 'fb_login_id', 'lead_id', 'anon_id', 'madid', 'page_id', 'page_scoped_user_id', 'ctwa_clid', 'ig_account_id', 'ig_sid', 'instagram_business_account_id'];
const HASHED = ['em', 'ph', 'fn', 'ln', 'db', 'ge', 'ct', 'st', 'zp', 'country'];
const DAY_S = 86_400;

function invalid(i: number, msg: string): Error {
  return Errors.param(`Invalid parameter`, 2804003, `Event ${i}: ${msg}`);
}

export function receiveEvents(ctx: SimContext, auth: AuthContext, pixelId: string, params: Record<string, unknown>): Record<string, unknown> {
  const pixel = ctx.store.pixels.get(pixelId);
  if (!pixel || auth.token.type === 'IG_USER' || (pixel.ownerId && !auth.accountIds.has(pixel.ownerId))) throw Errors.unsupportedGet(pixelId, 'post');
  const data = params['data'];
  if (!Array.isArray(data) || data.length === 0) throw Errors.param('The parameter data is required');
  if (data.length > 1000) throw Errors.param('A maximum of 1000 events can be sent per request', 2804019);
  const now = Math.floor(Date.now() / 1000);
  data.forEach((raw, i) => {
    const e = obj(raw);
    if (!e) throw invalid(i, 'event must be an object');
    if (!str(e['event_name'])) throw invalid(i, 'event_name is required');
    const t = Number(e['event_time']);
    if (!Number.isFinite(t)) throw invalid(i, 'event_time is required (Unix seconds)');
    if (t > now + 60) throw invalid(i, 'event_time cannot be in the future');
    const source = str(e['action_source']);
    const maxAge = source === 'physical_store' ? 62 * DAY_S : 7 * DAY_S;
    if (now - t > maxAge) throw Errors.param('Invalid parameter', 2804004, `Event ${i}: event_time is more than 7 days in the past; the whole request was rejected`);
    if (!source || !ACTION_SOURCES.includes(source)) throw invalid(i, `action_source must be one of ${ACTION_SOURCES.join(', ')}`);
    if (source === 'website' && (!str(e['event_source_url']) || !str(obj(e['user_data'])?.['client_user_agent']))) {
      throw invalid(i, 'event_source_url and user_data.client_user_agent are required for website events');
    }
    if (source === 'business_messaging' && !str(e['messaging_channel'])) throw invalid(i, 'messaging_channel is required for business_messaging events');
    const userData = obj(e['user_data']);
    if (!userData || !IDENTIFIERS.some((k) => userData[k] !== undefined)) throw invalid(i, 'user_data must contain at least one customer information parameter');
    for (const k of HASHED) {
      const v = userData[k];
      const values = Array.isArray(v) ? v : v === undefined ? [] : [v];
      for (const one of values) {
        if (typeof one === 'string' && !/^[a-f0-9]{64}$/.test(one)) throw invalid(i, `user_data.${k} must be SHA-256 hashed (lowercase hex)`);
      }
    }
  });
  const testEventCode = str(params['test_event_code']);
  for (const raw of data) pixel.events.push({ receivedAt: Date.now(), testEventCode, event: obj(raw) ?? {} });
  ctx.store.changed('pixel', pixel.id);
  return { events_received: data.length, messages: [], fbtrace_id: `Sim${randomBytes(8).toString('base64url')}` };
}

/** `POST /{page-id}/dataset` or `POST /{ig-user-id}/dataset`: one dataset per account, returns the existing one. */
export function getOrCreateDataset(ctx: SimContext, auth: AuthContext, nodeId: string): Record<string, unknown> {
  const id = nodeId === 'me' ? auth.token.subjectId : nodeId;
  const isAccount = ctx.store.pages.has(id) || ctx.store.instagramAccounts.has(id);
  if (!isAccount || !auth.accountIds.has(id) || auth.token.type === 'APP') throw Errors.unsupportedGet(`${nodeId}/dataset`, 'post');
  const existing = [...ctx.store.pixels.values()].find((p) => p.ownerId === id);
  if (existing) return { id: existing.id };
  const datasetId = ctx.store.newNumericId('dataset', 1234567890200000n);
  ctx.store.pixels.set(datasetId, { id: datasetId, name: `${ctx.store.accountName(id).name} dataset`, ownerId: id, events: [] });
  return { id: datasetId };
}
