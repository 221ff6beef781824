import type { ChannelConnection } from './channels';
import type { MessagePlatform } from '../enums';

/**
 * Conversions API for business messaging: outcomes agents record on conversations, the events sent to
 * Meta for them, per-channel settings and attribution per ad (reference §10).
 */

/** The event names Meta accepts for `action_source=business_messaging`. */
export const OUTCOME_TYPES = [
  'LeadSubmitted',
  'QualifiedLead',
  'Purchase',
  'InitiateCheckout',
  'AddToCart',
  'ViewContent',
  'OrderCreated',
  'OrderShipped',
  'OrderDelivered',
  'OrderCanceled',
  'OrderReturned',
  'CartAbandoned',
  'RatingProvided',
  'ReviewProvided',
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

export const OUTCOME_LABELS: Record<OutcomeType, string> = {
  LeadSubmitted: 'Lead',
  QualifiedLead: 'Qualified lead',
  Purchase: 'Purchase',
  InitiateCheckout: 'Checkout started',
  AddToCart: 'Added to cart',
  ViewContent: 'Viewed product',
  OrderCreated: 'Order created',
  OrderShipped: 'Order shipped',
  OrderDelivered: 'Order delivered',
  OrderCanceled: 'Order canceled',
  OrderReturned: 'Order returned',
  CartAbandoned: 'Cart abandoned',
  RatingProvided: 'Rating given',
  ReviewProvided: 'Review given',
};

/** Short names an agent (or a script) may use instead of Meta's: `lead`, `qualified`, `purchase`. */
export const OUTCOME_ALIASES: Record<string, OutcomeType> = { lead: 'LeadSubmitted', qualified: 'QualifiedLead', purchase: 'Purchase' };

/** Meta's name for `type` (its own name or one of {@link OUTCOME_ALIASES}), or null when Meta has no such event. */
export function outcomeTypeOf(type: string): OutcomeType | null {
  if ((OUTCOME_TYPES as readonly string[]).includes(type)) return type as OutcomeType;
  return OUTCOME_ALIASES[type.toLowerCase()] ?? null;
}

/** Outcomes that need a value and currency (Meta refuses a Purchase without them). */
export const OUTCOMES_WITH_VALUE: readonly OutcomeType[] = ['Purchase'];

export interface RecordOutcomeRequest {
  type: string;
  value?: number;
  currency?: string;
  /** The customer's email/phone as the agent typed them; only their SHA-256 hashes are kept and sent. */
  email?: string;
  phone?: string;
}

/**
 * `queued` → `sending` → `accepted` (Meta counted it) · `retrying` (a temporary error; sent again after
 * `nextAttemptAt`) · `failed` (Meta refused, or not set up; an admin may resend) · `uncertain` (the
 * request may have reached Meta but no answer came back; never resent automatically, since Meta does
 * not deduplicate business-messaging events).
 */
export type CapiEventStatus = 'queued' | 'sending' | 'retrying' | 'accepted' | 'failed' | 'uncertain';
export const CAPI_EVENT_STATUSES: readonly CapiEventStatus[] = ['queued', 'sending', 'retrying', 'accepted', 'failed', 'uncertain'];
export const CAPI_RESENDABLE: readonly CapiEventStatus[] = ['failed', 'uncertain'];

export interface OutcomeDto {
  id: string;
  conversationId: string;
  channelId: string;
  type: OutcomeType;
  label: string;
  value: number | null;
  currency: string | null;
  hasEmail: boolean;
  hasPhone: boolean;
  /** The ad the conversation came from, when it came from one. */
  adId: string | null;
  recordedBy: { id: string; name: string } | null;
  recordedAt: string;
  event: { id: string; status: CapiEventStatus; message: string | null };
}

export interface OutcomeListResponse {
  items: OutcomeDto[];
}

export interface CapiEventDto {
  id: string;
  outcomeId: string;
  conversationId: string;
  channelId: string;
  platform: MessagePlatform;
  eventName: OutcomeType;
  /** Sent to Meta as `event_id`. */
  eventId: string;
  datasetId: string | null;
  testEventCode: string | null;
  value: number | null;
  currency: string | null;
  status: CapiEventStatus;
  /** Meta's refusal or the reason it was not sent, in plain words. */
  message: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  /** Meta's `events_received` for the request that carried it. */
  eventsReceived: number | null;
  fbtraceId: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CapiEventListResponse {
  items: CapiEventDto[];
  nextCursor: string | null;
}

export interface CapiSettingsDto {
  channelId: string;
  channelName: string;
  platform: MessagePlatform;
  connection: ChannelConnection;
  /** False for channels Meta's business-messaging CAPI does not cover (Instagram Login); `unavailableReason` says why. */
  available: boolean;
  unavailableReason: string | null;
  datasetId: string | null;
  testEventCode: string | null;
  /** A dedicated Conversions API token is stored (encrypted; never returned). Without one the channel's own token is used. */
  hasAccessToken: boolean;
  enabled: boolean;
  updatedAt: string | null;
}

export interface CapiSettingsListResponse {
  items: CapiSettingsDto[];
}

export interface UpdateCapiSettingsRequest {
  datasetId?: string;
  testEventCode?: string | null;
  accessToken?: string | null;
  enabled?: boolean;
}

export interface AttributionRowDto {
  adId: string;
  adTitle: string | null;
  campaignId: string | null;
  adsetId: string | null;
  /** From the Marketing API when the channel's token may read ads (`ads_read`). */
  campaignName: string | null;
  adsetName: string | null;
  channelId: string;
  platform: MessagePlatform;
  conversationsStarted: number;
  /** Conversations an agent answered, and the median / mean time to the first answer (seconds). */
  responded: number;
  firstResponseMedianSeconds: number | null;
  firstResponseMeanSeconds: number | null;
  outcomes: Partial<Record<OutcomeType, number>>;
  /** Purchase (and other) values by currency, in major units. */
  value: Record<string, number>;
  eventsAccepted: number;
}

export interface AttributionPointDto {
  /** Local day (YYYY-MM-DD in `tz`). */
  date: string;
  conversationsStarted: number;
  outcomes: number;
}

export interface AttributionResponse {
  from: string;
  to: string;
  tz: string;
  rows: AttributionRowDto[];
  series: AttributionPointDto[];
}

export enum CapiErrorCode {
  /** No such conversation, or not one the caller may see (404). */
  CAPI_CONVERSATION_NOT_FOUND = 'CAPI_CONVERSATION_NOT_FOUND',
  CAPI_EVENT_NOT_FOUND = 'CAPI_EVENT_NOT_FOUND',
  /** Only failed or uncertain events can be sent again (409). */
  CAPI_EVENT_NOT_RESENDABLE = 'CAPI_EVENT_NOT_RESENDABLE',
  /** The channel has no business-messaging Conversions API (400). */
  CAPI_CHANNEL_UNSUPPORTED = 'CAPI_CHANNEL_UNSUPPORTED',
  /** Meta refused; `message` says why (422). */
  CAPI_META_REJECTED = 'CAPI_META_REJECTED',
  /** Meta did not answer (503). */
  CAPI_META_UNAVAILABLE = 'CAPI_META_UNAVAILABLE',
}
