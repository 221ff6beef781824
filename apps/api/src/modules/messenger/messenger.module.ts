import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxModule } from '../inbox/inbox.module';
import { InstagramModule } from '../instagram/instagram.module';
import { FacebookPageEntity } from './entities/facebook-page.entity';
import { FacebookUserEntity } from './entities/facebook-user.entity';
import { MessengerOptinEntity } from './entities/messenger-optin.entity';
import { FacebookConnectService } from './facebook-connect.service';
import { FacebookPagesController } from './facebook-pages.controller';
import { HandoverApplier } from './ingestion/handover.applier';
import { OptinApplier } from './ingestion/optin.applier';
import { PolicyEnforcementApplier } from './ingestion/policy-enforcement.applier';
import { MessengerChannelPlatform } from './messenger-channel.platform';
import { MessengerProfilesService } from './messenger-profiles.service';
import { FacebookPageRepository } from './repositories/facebook-page.repository';
import { FacebookUserRepository } from './repositories/facebook-user.repository';
import { SandboxChannelsBootstrap } from './sandbox-channels.bootstrap';
import { MessengerGateway } from './messenger.gateway';
import { MessengerOptinsController } from './optins/messenger-optins.controller';
import { MessengerOptinsService } from './optins/messenger-optins.service';
import { MessengerOptinRepository } from './repositories/messenger-optin.repository';

/**
 * Facebook Pages for Messenger: `facebook_pages` and `facebook_users`, Facebook Login (which also
 * connects the Instagram accounts linked to the chosen Pages, through the instagram module) and pasted
 * Page tokens, PSID profiles, the Send API target. Registers itself as the FACEBOOK channel platform.
 * Messenger-only events: Handover Protocol (thread owner through the inbox, app roles on the Page),
 * policy enforcement (the Page's restriction), opt-ins (`messenger_optins`, shown in the contact panel and
 * announced live as `optin.updated` by `MessengerGateway`). Also connects the
 * sandbox's (or the legacy env's) tokens at first start.
 */
@Module({
  imports: [TypeOrmModule.forFeature([FacebookPageEntity, FacebookUserEntity, MessengerOptinEntity]), InstagramModule, InboxModule],
  controllers: [FacebookPagesController, MessengerOptinsController],
  providers: [
    FacebookPageRepository,
    FacebookUserRepository,
    MessengerProfilesService,
    FacebookConnectService,
    MessengerChannelPlatform,
    SandboxChannelsBootstrap,
    HandoverApplier,
    PolicyEnforcementApplier,
    OptinApplier,
    MessengerOptinRepository,
    MessengerOptinsService,
    MessengerGateway,
  ],
  exports: [FacebookPageRepository],
})
export class MessengerModule {}
