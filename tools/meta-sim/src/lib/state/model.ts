/** In-memory entities of the simulated Meta platform. Times are epoch milliseconds. */

export type Platform = 'messenger' | 'instagram';
export type WebhookObject = 'page' | 'instagram';

export interface SimPage {
  id: string;
  name: string;
  category: string;
  username: string;
  pictureUrl: string;
  /** IG professional account linked to this Page (Instagram API with Facebook Login). */
  instagramAccountId?: string;
  adminUserIds: string[];
  /** Handover Protocol roles per app id (`primary_receiver`, `secondary_receiver`). */
  appRoles: Record<string, string[]>;
  /** Set while Meta restricts the Page from sending (messaging_policy_enforcement `block`). */
  restriction?: { reason: string; since: number };
}

/** An app that can own Messenger threads (ours, the Page Inbox, a simulated bot). */
export interface SimApp {
  id: string;
  name: string;
}

/** A `messaging_optins` subscription of a customer (Marketing Messages / Send to Messenger). */
export interface SimOptin {
  type: 'notification_messages' | 'send_to_messenger';
  token?: string;
  payload?: string;
  ref?: string;
  title?: string;
  status: 'ACTIVE' | 'STOPPED';
  at: number;
}

export interface SimInstagramAccount {
  id: string;
  username: string;
  name: string;
  biography: string;
  website: string;
  profilePictureUrl: string;
  followersCount: number;
  followsCount: number;
  /** 'page' = linked to a Facebook Page; 'instagram_login' = Business Login for Instagram. */
  via: 'page' | 'instagram_login';
  pageId?: string;
  /** App-scoped id returned as `id` by graph.instagram.com `/me` (Instagram Login only). */
  appScopedId?: string;
  /** First day with account insights (seeded history start). */
  insightsSince?: number;
}

export interface SimFacebookUser {
  id: string;
  name: string;
}

export interface SimCustomer {
  /** PSID (Messenger) or IGSID (Instagram); scoped to `accountId`. */
  id: string;
  platform: Platform;
  /** Page id (Messenger) or IG professional account id (Instagram). */
  accountId: string;
  name: string;
  firstName: string;
  lastName: string;
  username?: string;
  /** Global user id used as `from.id` on Facebook feed comments (not a PSID). */
  feedUserId?: string;
  profilePicUrl: string;
  followerCount: number;
  isUserFollowBusiness: boolean;
  isBusinessFollowUser: boolean;
  isVerifiedUser: boolean;
  locale: string;
  timezone: number;
}

export interface SimAttachment {
  type: string;
  url?: string;
  title?: string;
  /** Extra payload keys (sticker_id, ig_post_media_id, ...). */
  extra?: Record<string, unknown>;
  attachmentId?: string;
  size?: number;
  mimeType?: string;
  name?: string;
}

export interface SimMessage {
  mid: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  senderId: string;
  recipientId: string;
  createdAt: number;
  text?: string;
  attachments: SimAttachment[];
  quickReplies?: unknown[];
  quickReplyPayload?: string;
  replyToMid?: string;
  tag?: string;
  messagingType?: string;
  metadata?: string;
  appId?: string;
  templateName?: string;
  isDeleted: boolean;
  numEdit: number;
  /** Reactions keyed by who reacted (customer id or account id). */
  reactions: Record<string, { reaction: string; emoji: string }>;
  /** Set on outbound messages once the customer read them. */
  readAt?: number;
  deliveredAt?: number;
  isPrivateReplyTo?: string;
  /** Ads / m.me referral carried by the customer's first message of a thread. */
  referral?: Record<string, unknown>;
}

export interface SimConversation {
  id: string;
  platform: Platform;
  accountId: string;
  customerId: string;
  messageMids: string[];
  /** Last qualifying customer action (message, postback, reaction, referral) — drives the 24 h window. */
  lastCustomerActivityAt?: number;
  businessTyping: boolean;
  /** Handover Protocol: app that owns the thread (undefined = the Page's primary receiver). */
  threadOwnerAppId?: string;
  optins: SimOptin[];
  /** Ads / m.me / ig.me referrals of this thread (first-message referrals included). */
  referrals: Array<{ at: number; referral: Record<string, unknown> }>;
  /** Customer-side watermark of messages the business marked seen. */
  businessSeenAt?: number;
  customerReadAt?: number;
}

export interface SimMedia {
  id: string;
  accountId: string;
  /** Author username; differs from owner for mentioned media. */
  ownerUsername: string;
  caption: string;
  mediaType: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  /** `LIVE` = an Instagram Live broadcast (its comments arrive on `live_comments`). */
  mediaProductType: 'FEED' | 'REELS' | 'STORY' | 'AD' | 'LIVE';
  mediaUrl: string;
  permalink: string;
  createdAt: number;
  likeCount: number;
  /** IG accounts mentioned in the caption (for mentioned_media). */
  mentions: string[];
  /** Ad media (dark posts): the ad whose comments carry `ad_id` / `ad_title`. */
  adId?: string;
  /** Boosted organic media behind an ad (`original_media_id`). */
  originalMediaId?: string;
  /** Live broadcasts: comments and private replies only while `live`. */
  liveStatus?: 'live' | 'ended';
  /** Stories: when the `story_insights` webhook went out (about 1 h after expiry). */
  storyInsightsSentAt?: number;
}

export interface SimComment {
  id: string;
  platform: Platform;
  /** Owning business account (IG id or Page id). */
  accountId: string;
  /** IG media id or FB post id. */
  objectId: string;
  parentId?: string;
  fromId: string;
  fromName: string;
  fromUsername?: string;
  text: string;
  createdAt: number;
  hidden: boolean;
  deleted: boolean;
  likeCount: number;
  privateReplyMid?: string;
  mentions: string[];
  /** Who removed a deleted comment (the phone shows the author a notice when the business did). */
  deletedBy?: 'author' | 'business';
}

export interface SimPost {
  id: string;
  pageId: string;
  fromId: string;
  fromName: string;
  message: string;
  statusType: string;
  fullPicture?: string;
  permalinkUrl: string;
  createdAt: number;
  reactionCount: number;
  isHidden: boolean;
  deleted: boolean;
  /** Dark (ad-only) posts are unpublished and promoted by `adId`. */
  isPublished?: boolean;
  adId?: string;
  /** Pages @mentioned in a post on someone's own timeline (`mention` webhook). */
  mentions?: string[];
}

/** Ads Manager objects behind click-to-message ads and ad comments (ids are Meta's numeric strings). */
export interface SimCampaign {
  id: string;
  name: string;
  objective: string;
  adAccountId: string;
}

export interface SimAdSet {
  id: string;
  name: string;
  campaignId: string;
}

export interface SimAd {
  id: string;
  name: string;
  adsetId: string;
  campaignId: string;
  /** Page or IG account the ad runs for. */
  accountId: string;
  platform: Platform;
  /** The ad's post: IG media id or FB post id (comments on the ad land there). */
  objectId?: string;
  title: string;
  body: string;
  imageUrl: string;
  /** Click-to-message ad: what a conversation started from it carries in `referral.ref`. */
  ref: string;
  createdAt: number;
}

export interface SimTemplateComponent {
  type: string;
  text?: string;
  format?: string;
  buttons?: Array<Record<string, unknown>>;
  example?: Record<string, unknown>;
}

export type TemplateStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'PAUSED' | 'DISABLED';

export interface SimTemplate {
  id: string;
  pageId: string;
  name: string;
  language: string;
  category: string;
  components: SimTemplateComponent[];
  parameterFormat: 'POSITIONAL' | 'NAMED';
  status: TemplateStatus;
  rejectedReason?: string;
  createdAt: number;
  deleted: boolean;
}

export interface SimPixel {
  id: string;
  name: string;
  /** Page / IG account for business-messaging datasets. */
  ownerId?: string;
  events: Array<{ receivedAt: number; testEventCode?: string; fbtraceId?: string; event: Record<string, unknown> }>;
}

export type TokenType = 'APP' | 'USER' | 'PAGE' | 'IG_USER';

export interface SimToken {
  token: string;
  type: TokenType;
  appId: string;
  /** FB user id (USER/PAGE issuer), Page id (PAGE) or IG account id (IG_USER). */
  subjectId: string;
  userId?: string;
  scopes: string[];
  issuedAt: number;
  /** 0 = never expires. */
  expiresAt: number;
  longLived: boolean;
  invalidSubcode?: number;
}

export interface SimUploadedAttachment {
  id: string;
  accountId: string;
  type: string;
  url?: string;
  size: number;
  createdAt: number;
}

export interface SimSubscription {
  accountId: string;
  appId: string;
  fields: string[];
  active: boolean;
}

export interface SimInsightSeries {
  /** IG account id, media id or story id. */
  objectId: string;
  metric: string;
  /** One value per day, oldest first, ending today. */
  daily: number[];
  /** Lifetime value for media/story metrics. */
  lifetime: number;
}

export interface SimOAuthCode {
  code: string;
  flavour: 'facebook' | 'instagram';
  redirectUri: string;
  subjectId: string;
  scopes: string[];
  issuedAt: number;
  used: boolean;
}
