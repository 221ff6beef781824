import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ChannelsModule } from '../channels/channels.module';
import { CommentsModule } from '../comments/comments.module';
import { InboxModule } from '../inbox/inbox.module';
import { LabelsModule } from '../labels/labels.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { TemplatesModule } from '../templates/templates.module';
import { UsersModule } from '../users/users.module';
import { ANALYTICS_ENTITIES } from './analytics.entities';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsProjector } from './analytics-projector.service';
import { AnalyticsService } from './analytics.service';
import { AnalyticsQueryRepository } from './repositories/analytics-query.repository';
import { AnalyticsRollupRepository } from './repositories/analytics-rollup.repository';

/**
 * Team analytics (docs/analytics.md): rollups kept by the inbox's announced changes (`InboxActivity`) and
 * rebuildable from the source tables, read through the owning modules' exported repositories/services.
 * Nothing imports this module.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(ANALYTICS_ENTITIES),
    InboxModule,
    LabelsModule,
    TemplatesModule,
    CommentsModule,
    UsersModule,
    ChannelsModule,
    RealtimeModule,
    AuditModule,
  ],
  controllers: [AnalyticsController],
  providers: [AnalyticsRollupRepository, AnalyticsQueryRepository, AnalyticsProjector, AnalyticsService],
  exports: [AnalyticsProjector],
})
export class AnalyticsModule {}
