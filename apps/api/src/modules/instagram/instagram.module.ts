import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstagramAccountEntity } from './entities/instagram-account.entity';
import { InstagramUserEntity } from './entities/instagram-user.entity';
import { InboxModule } from '../inbox/inbox.module';
import { MediaModule } from '../media/media.module';
import { StoryMessagesApplier } from './ingestion/story-messages.applier';
import { InstagramAccountsController } from './instagram-accounts.controller';
import { InstagramChannelPlatform } from './instagram-channel.platform';
import { InstagramConnectService } from './instagram-connect.service';
import { InstagramGateway } from './instagram.gateway';
import { InstagramProfilesService } from './instagram-profiles.service';
import { InstagramTokenRefreshService } from './instagram-token-refresh.service';
import { InstagramAccountRepository } from './repositories/instagram-account.repository';
import { InstagramUserRepository } from './repositories/instagram-user.repository';
import { StoryMediaService } from './story-media.service';

/**
 * Instagram professional accounts: `instagram_accounts` and `instagram_users`, Instagram Login and pasted
 * tokens, connecting through a Page, IGSID profiles, the Send API target (graph.instagram.com or the
 * Page), Instagram Login token refresh. Registers itself as the INSTAGRAM channel platform.
 * Instagram-only events: story mentions and story replies (`StoryMessagesApplier`, stored by the inbox),
 * story mention media passed through and never kept (`StoryMediaService`, registered with the inbox's
 * `PassThroughMediaSources`), and the `story.*` realtime events (`InstagramGateway`).
 */
@Module({
  imports: [TypeOrmModule.forFeature([InstagramAccountEntity, InstagramUserEntity]), InboxModule, MediaModule],
  controllers: [InstagramAccountsController],
  providers: [
    InstagramAccountRepository,
    InstagramUserRepository,
    InstagramProfilesService,
    InstagramConnectService,
    InstagramChannelPlatform,
    InstagramTokenRefreshService,
    StoryMessagesApplier,
    StoryMediaService,
    InstagramGateway,
  ],
  exports: [InstagramConnectService, InstagramAccountRepository, InstagramTokenRefreshService],
})
export class InstagramModule {}
