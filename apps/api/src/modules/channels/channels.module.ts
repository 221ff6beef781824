import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelConnectService } from './channel-connect.service';
import { ChannelMaintenanceService } from './channel-maintenance.service';
import { ChannelsBootstrapService } from './channels-bootstrap.service';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { CustomerProfilesService } from './customer-profiles.service';
import { ChannelWebhookMinuteEntity } from './entities/channel-webhook-minute.entity';
import { FacebookPageEntity } from './entities/facebook-page.entity';
import { FacebookUserEntity } from './entities/facebook-user.entity';
import { InstagramAccountEntity } from './entities/instagram-account.entity';
import { InstagramUserEntity } from './entities/instagram-user.entity';
import { FacebookPagesController } from './facebook-pages.controller';
import { InstagramAccountsController } from './instagram-accounts.controller';
import { ChannelRepository } from './repositories/channel.repository';

/**
 * Instagram accounts and Facebook Pages: connecting, tokens (encrypted), health. Global so webhook,
 * inbox and messaging modules can inject {@link ChannelsService}.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([InstagramAccountEntity, FacebookPageEntity, InstagramUserEntity, FacebookUserEntity, ChannelWebhookMinuteEntity]), ScheduleModule.forRoot()],
  controllers: [ChannelsController, InstagramAccountsController, FacebookPagesController],
  providers: [ChannelRepository, ChannelsService, CustomerProfilesService, ChannelConnectService, ChannelMaintenanceService, ChannelsBootstrapService],
  exports: [ChannelsService, ChannelMaintenanceService],
})
export class ChannelsModule {}
