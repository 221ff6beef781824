import { GraphHttpClient } from '../core/graph-http.client';
import { GraphPage } from '../core/pagination';
import { GraphAuth } from './graph-auth';
import { hostOf } from './messaging.client';

/** Webhook subscriptions of our app on a Page or Instagram account (`/subscribed_apps`, reference §1.4). */

export interface SubscribedAppWire {
  id?: string;
  name?: string;
  link?: string;
  category?: string;
  subscribed_fields?: string[];
}

/** Webhook fields a Page (and an Instagram account through it) is subscribed to: messaging, Messenger platform events (handover, standby, opt-ins, policy enforcement) and the feed. */
export const DEFAULT_PAGE_SUBSCRIBED_FIELDS: readonly string[] = [
  'messages',
  'message_echoes',
  'message_deliveries',
  'message_reads',
  'message_reactions',
  'message_edits',
  'messaging_postbacks',
  'messaging_referrals',
  'messaging_optins',
  'messaging_handovers',
  'messaging_policy_enforcement',
  'standby',
  'feed',
  // utility template review results; the webhook field table's name (the guide says message_template_status_update)
  'messenger_template_status_update',
  'mention',
];

export class SubscriptionsClient {
  constructor(private readonly http: GraphHttpClient) {}

  /**
   * `POST /<PAGE_ID>/subscribed_apps?subscribed_fields=…` with a Page token; for Instagram Login use
   * `nodeId = "me"` with `auth.host = "instagram"`. Re-run after Meta disables a failing webhook.
   */
  async subscribe(auth: GraphAuth, nodeId: string, fields: readonly string[] = DEFAULT_PAGE_SUBSCRIBED_FIELDS): Promise<{ success: boolean }> {
    const res = await this.http.request<{ success: boolean }>({
      method: 'POST',
      host: hostOf(auth),
      path: `/${encodeURIComponent(nodeId)}/subscribed_apps`,
      accessToken: auth.accessToken,
      query: { subscribed_fields: fields },
      accountKey: auth.accountKey ?? nodeId,
      idempotent: true,
    });
    return res.data;
  }

  /** `GET /<PAGE_ID>/subscribed_apps` — reconcile periodically: a 1-hour outage silently unsubscribes. */
  async list(auth: GraphAuth, nodeId: string): Promise<GraphPage<SubscribedAppWire>> {
    const res = await this.http.request<GraphPage<SubscribedAppWire>>({
      method: 'GET',
      host: hostOf(auth),
      path: `/${encodeURIComponent(nodeId)}/subscribed_apps`,
      accessToken: auth.accessToken,
      accountKey: auth.accountKey ?? nodeId,
    });
    return res.data;
  }

  /** `DELETE /<PAGE_ID>/subscribed_apps`. */
  async unsubscribe(auth: GraphAuth, nodeId: string): Promise<{ success: boolean }> {
    const res = await this.http.request<{ success: boolean }>({
      method: 'DELETE',
      host: hostOf(auth),
      path: `/${encodeURIComponent(nodeId)}/subscribed_apps`,
      accessToken: auth.accessToken,
      accountKey: auth.accountKey ?? nodeId,
      idempotent: true,
    });
    return res.data;
  }
}
