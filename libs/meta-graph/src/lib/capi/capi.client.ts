import { GraphHttpClient } from '../core/graph-http.client';
import { GraphAuth } from '../products/graph-auth';
import { CapiUserDataInput, CapiUserDataWire, buildCapiUserData } from './capi-user-data';

/** Conversions API sender (reference §10). */

export type CapiActionSource = 'email' | 'website' | 'app' | 'phone_call' | 'chat' | 'physical_store' | 'system_generated' | 'business_messaging' | 'other';

export interface CapiEventInput {
  event_name: string;
  /** Unix seconds (GMT). At most 7 days old (62 for physical_store), or Meta rejects the whole request. */
  event_time: number;
  action_source: CapiActionSource;
  event_id?: string;
  event_source_url?: string;
  messaging_channel?: 'messenger' | 'instagram' | 'whatsapp';
  /** Raw customer info; hashed here. */
  user_data: CapiUserDataInput;
  custom_data?: Record<string, unknown>;
  opt_out?: boolean;
  data_processing_options?: string[];
  data_processing_options_country?: number;
  data_processing_options_state?: number;
  referrer_url?: string;
  partner_agent?: string;
  original_event_data?: Record<string, unknown>;
  app_data?: Record<string, unknown>;
}

export type CapiEventWire = Omit<CapiEventInput, 'user_data'> & { user_data: CapiUserDataWire };

export interface CapiResponseWire {
  events_received: number;
  messages?: string[];
  fbtrace_id?: string;
}

/** An ad as the Marketing API describes it (`ads_read`): its name, ad set and campaign. */
export interface AdDetailsWire {
  id: string;
  name?: string;
  adset?: { id: string; name?: string };
  campaign?: { id: string; name?: string };
}

export interface CapiSendResult {
  eventsReceived: number;
  batches: CapiResponseWire[];
}

export const CAPI_MAX_EVENTS_PER_REQUEST = 1000;
const SEVEN_DAYS_S = 7 * 24 * 3600;
const PHYSICAL_STORE_MAX_AGE_S = 62 * 24 * 3600;
/** Meta refuses events from the future; allow a minute of clock skew. */
const FUTURE_SKEW_S = 60;

export interface CapiEventProblem {
  index: number;
  eventName?: string;
  reason: string;
}

/** Thrown before any network call: nothing of the request was sent. */
export class CapiValidationError extends Error {
  override readonly name = 'CapiValidationError';
  constructor(readonly problems: CapiEventProblem[]) {
    super(`Conversions API request not sent: ${problems.map((p) => `event #${p.index}${p.eventName ? ` (${p.eventName})` : ''}: ${p.reason}`).join('; ')}`);
  }
}

export function splitIntoBatches<T>(items: readonly T[], size = CAPI_MAX_EVENTS_PER_REQUEST): T[][] {
  if (size < 1) throw new RangeError('batch size must be at least 1');
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

/** Checks every event; Meta rejects the *whole* request if any event is older than 7 days. */
export function validateCapiEvents(events: readonly CapiEventInput[], nowMs: number): CapiEventProblem[] {
  const nowS = Math.floor(nowMs / 1000);
  const problems: CapiEventProblem[] = [];
  events.forEach((event, index) => {
    const p = (reason: string) => problems.push({ index, eventName: event.event_name, reason });
    if (!event.event_name) p('event_name is required');
    if (!event.action_source) p('action_source is required');
    if (!Number.isInteger(event.event_time) || event.event_time <= 0) {
      p('event_time must be a Unix timestamp in whole seconds');
      return;
    }
    if (event.event_time > 1e11) p('event_time looks like milliseconds; send Unix seconds');
    const maxAge = event.action_source === 'physical_store' ? PHYSICAL_STORE_MAX_AGE_S : SEVEN_DAYS_S;
    const age = nowS - event.event_time;
    if (age > maxAge) {
      p(`event_time is ${Math.floor(age / 86400)} days old; Meta accepts at most ${maxAge / 86400} days and would reject the whole request`);
    }
    if (event.event_time - nowS > FUTURE_SKEW_S) p('event_time is in the future');
    if (event.action_source === 'website' && (!event.event_source_url || !event.user_data.client_user_agent)) {
      p('website events need event_source_url and user_data.client_user_agent');
    }
  });
  return problems;
}

export function toCapiWireEvent(event: CapiEventInput): CapiEventWire {
  return { ...event, user_data: buildCapiUserData(event.user_data) };
}

export class CapiClient {
  constructor(private readonly http: GraphHttpClient) {}

  /**
   * `POST /<PIXEL_OR_DATASET_ID>/events` in batches of ≤ 1000. All events are validated first, so a stale
   * event fails the call before anything is sent. Batches go out one after another.
   */
  async sendEvents(auth: GraphAuth, datasetId: string, events: readonly CapiEventInput[], options: { testEventCode?: string } = {}): Promise<CapiSendResult> {
    if (events.length === 0) return { eventsReceived: 0, batches: [] };
    const problems = validateCapiEvents(events, this.http.now());
    if (problems.length > 0) throw new CapiValidationError(problems);
    const wire = events.map(toCapiWireEvent);
    const batches: CapiResponseWire[] = [];
    for (const batch of splitIntoBatches(wire)) {
      const body: Record<string, unknown> = { data: batch };
      if (options.testEventCode) body['test_event_code'] = options.testEventCode;
      const res = await this.http.request<CapiResponseWire>({
        method: 'POST',
        path: `/${encodeURIComponent(datasetId)}/events`,
        accessToken: auth.accessToken,
        body,
        accountKey: auth.accountKey ?? datasetId,
        // Meta dedupes by event_id + event_name (not for business_messaging), so only then is a replay harmless.
        idempotent: batch.every((e) => !!e.event_id && e.action_source !== 'business_messaging'),
      });
      batches.push(res.data);
    }
    return { eventsReceived: batches.reduce((n, b) => n + (b.events_received ?? 0), 0), batches };
  }

  /** `GET /<AD_ID>?fields=name,adset{id,name},campaign{id,name}` — what attribution shows for a click-to-message ad (needs `ads_read`). */
  async getAd(auth: GraphAuth, adId: string): Promise<AdDetailsWire> {
    const res = await this.http.request<AdDetailsWire>({
      method: 'GET',
      path: `/${encodeURIComponent(adId)}`,
      accessToken: auth.accessToken,
      accountKey: auth.accountKey,
      query: { fields: 'name,adset{id,name},campaign{id,name}' },
    });
    return res.data;
  }

  /** `POST /<PAGE_ID or IG_USER_ID>/dataset` — returns the (existing or new) dataset id for business messaging. */
  async getOrCreateDataset(auth: GraphAuth, nodeId: string): Promise<{ id: string }> {
    const res = await this.http.request<{ id: string }>({
      method: 'POST',
      path: `/${encodeURIComponent(nodeId)}/dataset`,
      accessToken: auth.accessToken,
      accountKey: auth.accountKey ?? nodeId,
      idempotent: true,
    });
    return res.data;
  }
}
