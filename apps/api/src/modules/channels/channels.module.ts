import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelLifecycleService } from './channel-lifecycle.service';
import { ChannelMaintenanceService } from './channel-maintenance.service';
import { ChannelPlatforms } from './channel-platforms';
import { ChannelsController } from './channels.controller';
import { ChannelsGateway } from './channels.gateway';
import { ChannelsService } from './channels.service';
import { ChannelConnectSupport } from './connect/channel-connect.support';
import { LoginDialogService } from './connect/login-dialog.service';
import { ChannelWebhookMinuteEntity } from './entities/channel-webhook-minute.entity';
import { ChannelWebhookMinuteRepository } from './repositories/channel-webhook-minute.repository';

/**
 * What Instagram accounts and Facebook Pages share: the channel directory (resolve by Meta id, tokens,
 * profiles and Send API targets through the platform that owns the channel), health, token checks and
 * webhook subscriptions, connect building blocks, disconnect/settings. The platform modules (instagram,
 * messenger) own the tables and register with {@link ChannelPlatforms}. Global: ingestion, inbox and
 * messaging inject {@link ChannelsService}.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ChannelWebhookMinuteEntity])],
  controllers: [ChannelsController],
  providers: [
    ChannelPlatforms,
    ChannelWebhookMinuteRepository,
    ChannelsService,
    ChannelsGateway,
    ChannelMaintenanceService,
    ChannelLifecycleService,
    ChannelConnectSupport,
    LoginDialogService,
  ],
  exports: [ChannelPlatforms, ChannelsService, ChannelsGateway, ChannelMaintenanceService, ChannelLifecycleService, ChannelConnectSupport, LoginDialogService],
})
export class ChannelsModule {}
