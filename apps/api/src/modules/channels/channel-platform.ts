import { ChannelConnection, ChannelStatus, MessagePlatform, OAuthStartResponse } from '@ticklegram/domain-models';
import { GraphAuth, SendTarget } from '@ticklegram/meta-graph';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import type { ScopeRequirement } from './channel-scopes';
import type { ChannelRef } from './channel-ref';
import type { ChannelBaseEntity } from './entities/channel-base.entity';

/** A customer's public profile as Meta returns it (IGSID / PSID → name, username, picture). */
export interface CustomerProfile {
  name: string | null;
  username: string | null;
  profilePicUrl: string | null;
}

/** The platform module's table of channels (`instagram_accounts`, `facebook_pages`), seen through the common columns. */
export interface ChannelAccountStore<T extends ChannelBaseEntity = ChannelBaseEntity> {
  findById(id: string): Promise<T | null>;
  findByExternalId(externalId: string): Promise<T | null>;
  list(statuses?: ChannelStatus[]): Promise<T[]>;
  count(): Promise<number>;
  update(entity: T, patch: Partial<ChannelBaseEntity>): Promise<void>;
  /** The encrypted token column (never selected by default). */
  readEncryptedToken(entity: T): Promise<string | null>;
  /** Moves `last_webhook_at` forward only. */
  advanceLastWebhook(id: string, at: Date): Promise<void>;
}

export type TokenCheck = { valid: true; scopes?: string[]; expiresAt?: Date | null } | { valid: false; code: number | null; subcode: number | null };

/** Where the app's webhook subscription for a channel lives (`/{node}/subscribed_apps`) and which fields it needs. */
export interface SubscriptionTarget {
  auth: GraphAuth;
  nodeId: string;
  fields: readonly string[];
}

/** What a profile lookup may use: the channel's token, and where to report a Graph failure (channel health). */
export interface ProfileLookupContext {
  accessToken(): Promise<string>;
  onGraphError(error: unknown): Promise<void>;
}

/**
 * The one interface between the common channel code and a platform module (instagram, messenger): the
 * platform owns its tables, connect flows and Graph specifics; `channels` owns the directory, health,
 * token lifecycle and encryption. A platform module registers itself with `ChannelPlatforms` at init.
 */
export interface ChannelPlatform {
  readonly platform: MessagePlatform;
  readonly accounts: ChannelAccountStore;
  scopeRequirement(connection: ChannelConnection): ScopeRequirement;
  /** Never throws: a Graph failure returns what is cached (or nulls) and is reported through the context. */
  lookupCustomerProfile(channel: ChannelRef, customerExternalId: string, context: ProfileLookupContext): Promise<CustomerProfile>;
  /** The Send API target (host, sender node, auth) for this channel. */
  sendTarget(channel: ChannelRef, accessToken: string): SendTarget;
  subscriptionTarget(entity: ChannelBaseEntity, accessToken: string): SubscriptionTarget;
  /** Asks Meta whether the token still works. Throws Graph errors (the caller records them). */
  checkToken(entity: ChannelBaseEntity, accessToken: string): Promise<TokenCheck>;
  /** Best effort: drops the app's webhook subscription when an admin disconnects the channel. */
  unsubscribe(entity: ChannelBaseEntity, accessToken: string): Promise<void>;
  /** The login dialog that reconnects this channel. */
  startReconnect(user: AuthUser, entity: ChannelBaseEntity): OAuthStartResponse;
}
