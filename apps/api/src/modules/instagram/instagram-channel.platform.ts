import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ChannelConnection, MessagePlatform, OAuthStartResponse } from '@ticklegram/domain-models';
import { DEFAULT_PAGE_SUBSCRIBED_FIELDS, isMetaGraphError, SendTarget } from '@ticklegram/meta-graph';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import type { ChannelPlatform, CustomerProfile, ProfileLookupContext, SubscriptionTarget, TokenCheck } from '../channels/channel-platform';
import { ChannelPlatforms } from '../channels/channel-platforms';
import type { ChannelRef } from '../channels/channel-ref';
import { INSTAGRAM_LOGIN_SCOPES, INSTAGRAM_VIA_PAGE_SCOPES, ScopeRequirement } from '../channels/channel-scopes';
import { LoginDialogService } from '../channels/connect/login-dialog.service';
import { checkWithDebugToken } from '../channels/token-check';
import { MetaGraph } from '../meta/meta.module';
import { InstagramAccountEntity } from './entities/instagram-account.entity';
import { INSTAGRAM_LOGIN_SUBSCRIBED_FIELDS } from './instagram-scopes';
import { InstagramProfilesService } from './instagram-profiles.service';
import { InstagramAccountRepository } from './repositories/instagram-account.repository';

/**
 * Instagram as a channel platform. Two hosts: an Instagram Login account talks to graph.instagram.com
 * with its own token; an account connected through its Facebook Page talks to graph.facebook.com with
 * the Page's token and sends from the Page.
 */
@Injectable()
export class InstagramChannelPlatform implements ChannelPlatform, OnModuleInit {
  readonly platform = MessagePlatform.INSTAGRAM;
  private readonly logger = new Logger(InstagramChannelPlatform.name);

  constructor(
    private readonly registry: ChannelPlatforms,
    readonly accounts: InstagramAccountRepository,
    private readonly profiles: InstagramProfilesService,
    private readonly graph: MetaGraph,
    private readonly dialogs: LoginDialogService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  scopeRequirement(connection: ChannelConnection): ScopeRequirement {
    return connection === 'instagram_login' ? INSTAGRAM_LOGIN_SCOPES : INSTAGRAM_VIA_PAGE_SCOPES;
  }

  lookupCustomerProfile(channel: ChannelRef, igsid: string, context: ProfileLookupContext): Promise<CustomerProfile> {
    return this.profiles.lookup(channel, igsid, context);
  }

  sendTarget(channel: ChannelRef, accessToken: string): SendTarget {
    if (channel.connection === 'instagram_login') {
      return { auth: { accessToken, host: 'instagram', accountKey: channel.externalId }, senderId: channel.externalId, platform: 'instagram' };
    }
    return {
      auth: { accessToken, host: 'facebook', accountKey: channel.externalId },
      senderId: channel.linkedPageExternalId ?? channel.externalId,
      platform: 'instagram',
    };
  }

  subscriptionTarget(entity: InstagramAccountEntity, token: string): SubscriptionTarget {
    if (entity.connection === 'instagram_login')
      return { auth: { accessToken: token, host: 'instagram', accountKey: entity.igUserId }, nodeId: 'me', fields: INSTAGRAM_LOGIN_SUBSCRIBED_FIELDS };
    // webhooks for Instagram via a Page arrive through the Page's subscription
    const pageId = entity.linkedPageId ?? entity.igUserId;
    return { auth: { accessToken: token, accountKey: pageId }, nodeId: pageId, fields: DEFAULT_PAGE_SUBSCRIBED_FIELDS };
  }

  /** Instagram Login tokens cannot be inspected with `debug_token`: a `/me` call that works proves them. */
  async checkToken(entity: InstagramAccountEntity, token: string): Promise<TokenCheck> {
    if (entity.connection !== 'instagram_login') return checkWithDebugToken(this.graph, token);
    await this.graph.profiles.getMe({ accessToken: token, host: 'instagram', accountKey: entity.igUserId }, 'user_id,username');
    return { valid: true };
  }

  async unsubscribe(entity: InstagramAccountEntity, token: string): Promise<void> {
    // Instagram via a Page: the Page's subscription may still serve the Page itself; leave it
    if (entity.connection !== 'instagram_login') return;
    try {
      await this.graph.subscriptions.unsubscribe({ accessToken: token, host: 'instagram', accountKey: entity.igUserId }, 'me');
    } catch (error) {
      this.logger.warn({ err: isMetaGraphError(error) ? error.toJSON() : String(error), channelId: entity.id }, 'unsubscribe failed (disconnecting anyway)');
    }
  }

  startReconnect(user: AuthUser, entity: InstagramAccountEntity): OAuthStartResponse {
    return this.dialogs.start(user.id, entity.connection === 'instagram_login' ? 'instagram' : 'facebook');
  }
}
