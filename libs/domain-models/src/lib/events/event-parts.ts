import type { MessagePlatform } from '../enums';

/** Where in Meta's entry the event arrived: `messaging[]`, `standby[]` (we are not the thread owner) or `changes[]`. */
export type WebhookVia = 'messaging' | 'standby' | 'changes';

/** Who caused a conversation event: the customer (PSID/IGSID) or the business (Page / IG account). */
export type EventActor = 'customer' | 'business';

export type MessageDirection = 'inbound' | 'outbound';

/**
 * Which sender produced an echo (a message the business sent):
 * - `this_app`: `app_id` equals our app id (matched by mid to the stored outbound message);
 * - `native_app`: Meta Business Suite / Page Inbox / the native Messenger or Instagram app (Page Inbox app id);
 * - `other_app`: another app with messaging access to the same Page;
 * - `unknown`: no `app_id` (Instagram echoes never carry one) or our app id was not supplied.
 *   The applier treats an `unknown` echo whose mid it does not know as sent from a native app.
 */
export type EchoSource = 'this_app' | 'native_app' | 'other_app' | 'unknown';

/** Normalised attachment kind. `rawType` keeps Meta's spelling (e.g. `ig_reel` vs `reel`, `ig_post` vs `post`). */
export type NormalizedAttachmentType =
  | 'image'
  | 'video'
  | 'audio'
  | 'file'
  | 'sticker'
  | 'location'
  | 'fallback'
  | 'share'
  | 'story_mention'
  | 'story'
  | 'reel'
  | 'post'
  | 'template'
  | 'product'
  | 'ephemeral'
  | 'appointment_booking'
  | 'unsupported';

export interface NormalizedProductElement {
  id: string | null;
  retailerId: string | null;
  imageUrl: string | null;
  title: string | null;
  subtitle: string | null;
}

export interface NormalizedAttachment {
  type: NormalizedAttachmentType;
  /** Meta's `type` as received (`ig_reel`, `unsupported_type`, a future type we do not know...). */
  rawType: string;
  url?: string;
  title?: string;
  stickerId?: string;
  /** Media / post / reel / story id when Meta gives one (`ig_post_media_id`, `reel_video_id`, `payload.id`, `story_media_id`). */
  mediaId?: string;
  coordinates?: { lat: number; long: number };
  /** `template` attachments: `payload.template_type` (generic, button, product, utility_messages, ...). */
  templateType?: string;
  /** `product` attachments (product template / Shops share). */
  products?: NormalizedProductElement[];
  /** The attachment payload exactly as received (null when Meta sent none). */
  payload: Record<string, unknown> | null;
}

/** What brought the customer: ads (click-to-message), m.me / ig.me links, Shops, plugins... */
export type ReferralKind = 'ad' | 'link' | 'shop' | 'other';

export interface NormalizedReferral {
  kind: ReferralKind;
  /** Upper-case `source`; `SHORTLINKS` (Meta's examples) is normalised to `SHORTLINK` (Meta's table). */
  source: string | null;
  rawSource: string | null;
  type: string | null;
  ref?: string;
  adId?: string;
  adTitle?: string;
  photoUrl?: string;
  videoUrl?: string;
  postId?: string;
  productId?: string;
  flowId?: string;
  campaignId?: string;
  adsetId?: string;
  refererUri?: string;
  isGuestUser?: boolean;
}

export interface NormalizedReplyTo {
  /** The message replied to (inline reply). */
  mid?: string;
  isSelfReply?: boolean;
  /** Instagram story reply: the story replied to. */
  story?: { id?: string; url?: string };
}

/** A person as Graph change payloads name them (`from{id,name}` / `from{id,username}` / `sender_id`). */
export interface ChangeAuthor {
  id: string;
  name?: string;
  username?: string;
}

/**
 * Normalised verb of a feed / mention change. Raw verbs: `add`; `edit`/`edited`/`update` → `edit`;
 * `remove`/`delete` → `remove`; `hide`; `unhide`; anything else (block, unblock, follow, mute...) → `other`.
 */
export type FeedAction = 'add' | 'edit' | 'remove' | 'hide' | 'unhide' | 'other';

/** Fields every normalised event has. */
export interface NormalizedEventBase {
  platform: MessagePlatform;
  /** Page id (Messenger / Facebook) or Instagram professional account id: Meta's `entry.id`. */
  channelExternalId: string;
  /**
   * Stable idempotency key (≤ 191 chars, safe for a utf8mb4 unique index); equal for Meta's retries of
   * the same event and distinct for different events. Keys longer than 191 chars are hashed.
   */
  dedupeKey: string;
  /** When the event happened, epoch ms (Meta's seconds fields are converted). Null if Meta gave no time. */
  timestamp: number | null;
  /** `entry.time` (when Meta sent the batch), epoch ms. */
  entryTime: number | null;
  via: WebhookVia;
  /**
   * True for App-Dashboard sample payloads: `entry.id` "0", or messaging fields sent as `changes`
   * (real DMs always arrive in `messaging[]`). The applier should not create conversations from them.
   */
  isTest: boolean;
  /** The fragment this event was built from (the messaging item or the change), for inspection. */
  raw: unknown;
}

/** Fields of events that happen inside a DM conversation (Messenger / Instagram Direct). */
export interface ConversationEventBase extends NormalizedEventBase {
  /** The business id as the event names it: recipient for inbound, sender for business-caused events. */
  businessExternalId: string | null;
  /** PSID (Messenger) or IGSID (Instagram); null only for events without a person (app_roles, policy). */
  customerExternalId: string | null;
  actor: EventActor;
  /** Arrived in `entry[].standby[]`: another app owns the thread; we observe but should not reply. */
  isStandby: boolean;
}
