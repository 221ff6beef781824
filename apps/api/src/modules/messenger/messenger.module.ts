import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstagramModule } from '../instagram/instagram.module';
import { FacebookPageEntity } from './entities/facebook-page.entity';
import { FacebookUserEntity } from './entities/facebook-user.entity';
import { FacebookConnectService } from './facebook-connect.service';
import { FacebookPagesController } from './facebook-pages.controller';
import { MessengerChannelPlatform } from './messenger-channel.platform';
import { MessengerProfilesService } from './messenger-profiles.service';
import { FacebookPageRepository } from './repositories/facebook-page.repository';
import { FacebookUserRepository } from './repositories/facebook-user.repository';
import { SandboxChannelsBootstrap } from './sandbox-channels.bootstrap';

/**
 * Facebook Pages for Messenger: `facebook_pages` and `facebook_users`, Facebook Login (which also
 * connects the Instagram accounts linked to the chosen Pages, through the instagram module) and pasted
 * Page tokens, PSID profiles, the Send API target. Registers itself as the FACEBOOK channel platform.
 * Also connects the sandbox's (or the legacy env's) tokens at first start.
 */
@Module({
  imports: [TypeOrmModule.forFeature([FacebookPageEntity, FacebookUserEntity]), InstagramModule],
  controllers: [FacebookPagesController],
  providers: [FacebookPageRepository, FacebookUserRepository, MessengerProfilesService, FacebookConnectService, MessengerChannelPlatform, SandboxChannelsBootstrap],
  exports: [FacebookPageRepository],
})
export class MessengerModule {}
