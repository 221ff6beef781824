import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { MessagePlatform, OAuthStartResponse } from '@ticklegram/domain-models';
import { DEFAULT_PAGE_SUBSCRIBED_FIELDS, isMetaGraphError, SendTarget } from '@ticklegram/meta-graph';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import type { ChannelPlatform, CustomerProfile, ProfileLookupContext, SubscriptionTarget, TokenCheck } from '../channels/channel-platform';
import { ChannelPlatforms } from '../channels/channel-platforms';
import type { ChannelRef } from '../channels/channel-ref';
import { FACEBOOK_PAGE_SCOPES, ScopeRequirement } from '../channels/channel-scopes';
import { LoginDialogService } from '../channels/connect/login-dialog.service';
import { checkWithDebugToken } from '../channels/token-check';
import { MetaGraph } from '../meta/meta.module';
import { FacebookPageEntity } from './entities/facebook-page.entity';
import { MessengerProfilesService } from './messenger-profiles.service';
import { FacebookPageRepository } from './repositories/facebook-page.repository';

/** Facebook Pages (Messenger) as a channel platform: Page tokens on graph.facebook.com, sends from the Page. */
@Injectable()
export class MessengerChannelPlatform implements ChannelPlatform, OnModuleInit {
  readonly platform = MessagePlatform.FACEBOOK;
  private readonly logger = new Logger(MessengerChannelPlatform.name);

  constructor(
    private readonly registry: ChannelPlatforms,
    readonly accounts: FacebookPageRepository,
    private readonly profiles: MessengerProfilesService,
    private readonly graph: MetaGraph,
    private readonly dialogs: LoginDialogService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  scopeRequirement(): ScopeRequirement {
    return FACEBOOK_PAGE_SCOPES;
  }

  lookupCustomerProfile(channel: ChannelRef, psid: string, context: ProfileLookupContext): Promise<CustomerProfile> {
    return this.profiles.lookup(channel, psid, context);
  }

  sendTarget(channel: ChannelRef, accessToken: string): SendTarget {
    return { auth: { accessToken, host: 'facebook', accountKey: channel.externalId }, senderId: channel.externalId, platform: 'messenger' };
  }

  subscriptionTarget(entity: FacebookPageEntity, token: string): SubscriptionTarget {
    return { auth: { accessToken: token, accountKey: entity.pageId }, nodeId: entity.pageId, fields: DEFAULT_PAGE_SUBSCRIBED_FIELDS };
  }

  checkToken(_entity: FacebookPageEntity, token: string): Promise<TokenCheck> {
    return checkWithDebugToken(this.graph, token);
  }

  async unsubscribe(entity: FacebookPageEntity, token: string): Promise<void> {
    try {
      await this.graph.subscriptions.unsubscribe({ accessToken: token }, entity.pageId);
    } catch (error) {
      this.logger.warn({ err: isMetaGraphError(error) ? error.toJSON() : String(error), channelId: entity.id }, 'unsubscribe failed (disconnecting anyway)');
    }
  }

  startReconnect(user: AuthUser): OAuthStartResponse {
    return this.dialogs.start(user.id, 'facebook');
  }
}
