import { MessagePlatform } from '../enums';

/** Health of a connected channel (an Instagram professional account or a Facebook Page). */
export enum ChannelStatus {
  ACTIVE = 'active',
  /** Meta rejected the token (error 190, expired, revoked): an admin must reconnect. */
  NEEDS_REAUTH = 'needs_reauth',
  /** An admin disconnected it; kept so its history stays readable. */
  DISCONNECTED = 'disconnected',
}

export const CHANNEL_STATUSES: readonly ChannelStatus[] = [ChannelStatus.ACTIVE, ChannelStatus.NEEDS_REAUTH, ChannelStatus.DISCONNECTED];

/**
 * How an Instagram account is connected: through a Facebook Page (Facebook Login, Page token,
 * graph.facebook.com) or directly (Business Login for Instagram, Instagram user token, graph.instagram.com).
 * Facebook Pages are always `facebook_login`.
 */
export type ChannelConnection = 'facebook_login' | 'instagram_login';
export const CHANNEL_CONNECTIONS: readonly ChannelConnection[] = ['facebook_login', 'instagram_login'];

/** Whether Meta still sends this channel's webhooks to our app (`GET /{id}/subscribed_apps`). */
export type ChannelSubscriptionState = 'subscribed' | 'missing' | 'unknown';

export interface ChannelGraphErrorDto {
  at: string;
  code: number | null;
  subcode: number | null;
  /** Error kind from the Graph client taxonomy (e.g. `reauth_required`, `rate_limited`). */
  kind: string;
  /** Plain language, never raw Graph text or tokens. */
  message: string;
}

export interface ChannelHealthDto {
  lastWebhookAt: string | null;
  /** Webhook entries received for this channel during the last 60 minutes. */
  webhooksLastHour: number;
  lastGraphError: ChannelGraphErrorDto | null;
  subscription: { state: ChannelSubscriptionState; fields: string[]; checkedAt: string | null };
  /** null = the token does not expire (Page tokens from a long-lived user token). */
  tokenExpiresAt: string | null;
  tokenCheckedAt: string | null;
}

/**
 * Meta's policy enforcement on a Facebook Page (`messaging_policy_enforcement`): `block` = the Page may
 * not send messages until Meta lifts it (sends fail with 10/1893063); `warning` = a notice, sending works.
 */
export interface ChannelRestrictionDto {
  action: 'block' | 'warning';
  /** Meta's reason, as sent. */
  reason: string | null;
  at: string;
}

/** A channel as the api returns it. Never carries an access token. */
export interface ChannelDto {
  id: string;
  platform: MessagePlatform;
  connection: ChannelConnection;
  /** IG professional account id or Page id (the id Meta uses in webhooks). */
  externalId: string;
  name: string;
  username: string | null;
  pictureUrl: string | null;
  /** Instagram via a Page: the Page's id. */
  linkedPageExternalId: string | null;
  status: ChannelStatus;
  /** Why the channel is not active, in plain language. */
  statusReason: string | null;
  humanAgentEnabled: boolean;
  scopes: string[];
  /** Permissions the product needs that the token lacks (by Meta's name). */
  missingScopes: string[];
  /** Features that do not work on this channel for lack of permissions (e.g. utility templates without page_utility_messaging). */
  featureGaps: ChannelFeatureGapDto[];
  health: ChannelHealthDto;
  /** Always sent by the api (null when Meta has not restricted the channel). */
  restriction?: ChannelRestrictionDto | null;
  /** Facebook Pages: this app's Handover Protocol roles on the Page (`primary_receiver`, `secondary_receiver`) once Meta told us; empty otherwise. */
  appRoles?: string[];
  connectedAt: string;
  updatedAt: string;
}

export interface ChannelFeatureGapDto {
  feature: string;
  missingScopes: string[];
  /** What does not work and what to do, in plain words. */
  effect: string;
}

/** `GET /api/{instagram|facebook}/oauth/start` (admin): where to send the browser. */
export interface OAuthStartResponse {
  authorizeUrl: string;
  /** Where Meta sends the browser back (`{PUBLIC_WEB_URL}/accounts/connect/{facebook|instagram}`). */
  redirectUri: string;
}

/** `POST /api/{instagram|facebook}/oauth/complete` body: what Meta appended to the redirect URI. */
export interface OAuthCompleteRequest {
  code: string;
  state: string;
}

/** One Page the Facebook user manages, offered for connection after Facebook Login. */
export interface FacebookPageCandidateDto {
  pageId: string;
  name: string;
  pictureUrl: string | null;
  instagram: { id: string; username: string | null; name: string | null; pictureUrl: string | null } | null;
  /** Channel ids already connected for this Page / its Instagram account. */
  connectedPageChannelId: string | null;
  connectedInstagramChannelId: string | null;
}

/** Answer of `POST /api/facebook/oauth/complete`: the admin picks what to connect. */
export interface FacebookLoginSelectionDto {
  /** Opaque, encrypted, short-lived handle for the Facebook login; pass it to `POST /api/facebook/pages`. */
  selectionId: string;
  expiresAt: string;
  pages: FacebookPageCandidateDto[];
}

/** `POST /api/facebook/pages`: connect the chosen Pages (and optionally their Instagram accounts). */
export interface ConnectFacebookPagesRequest {
  selectionId: string;
  pages: { pageId: string; connectPage: boolean; connectInstagram: boolean }[];
}

/** `POST /api/{instagram/accounts|facebook/pages}/token`: connect with a token the admin already has. */
export interface PasteTokenRequest {
  accessToken: string;
}

export interface ConnectResultDto {
  channels: ChannelDto[];
}

/** `PATCH /api/{instagram/accounts|facebook/pages}/:id` (admin). */
export interface UpdateChannelRequest {
  /** Allow the HUMAN_AGENT tag (replies 24 h – 7 days after the customer's last message); needs Meta's Human Agent feature. */
  humanAgentEnabled?: boolean;
}

/** `POST /api/{…}/:id/reconnect` (admin): start the login flow that renews this channel's token. */
export type ReconnectResponse = OAuthStartResponse;

/** Realtime payload of `channel.updated` (to admins and agents). */
export interface ChannelUpdatedEvent {
  channel: ChannelDto;
}
