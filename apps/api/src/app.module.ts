import { DynamicModule, Module } from '@nestjs/common';
import { LoggingModule } from './common/logging/logging.module';
import { RedisModule } from './common/redis/redis.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { ChannelsModule } from './modules/channels/channels.module';
import { CommentsModule } from './modules/comments/comments.module';
import { HistoryModule } from './modules/history/history.module';
import { InboxModule } from './modules/inbox/inbox.module';
import { InsightsModule } from './modules/insights/insights.module';
import { InstagramModule } from './modules/instagram/instagram.module';
import { MessengerModule } from './modules/messenger/messenger.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { AssignmentModule } from './modules/assignment/assignment.module';
import { CollaborationModule } from './modules/collaboration/collaboration.module';
import { HealthModule } from './modules/health/health.module';
import { MessagingModule } from './modules/messaging/messaging.module';
import { MetaModule } from './modules/meta/meta.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { UsersModule } from './modules/users/users.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { CannedResponsesModule } from './modules/canned-responses/canned-responses.module';
import { NotesModule } from './modules/notes/notes.module';
import { LabelsModule } from './modules/labels/labels.module';
import { PriorityModule } from './modules/priority/priority.module';
import { RetentionModule } from './modules/retention/retention.module';
import { TemplatesModule } from './modules/templates/templates.module';
// analytics (issue 12 part 2)
import { AnalyticsModule } from './modules/analytics/analytics.module';
import { CapiModule } from './modules/capi/capi.module';
import { JobsModule } from './modules/jobs/jobs.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule,
        RedisModule,
        DatabaseModule,
        AuditModule,
        JobsModule,
        UsersModule,
        AuthModule,
        RealtimeModule,
        MetaModule,
        CryptoModule,
        ChannelsModule,
        InstagramModule,
        MessengerModule,
        WebhooksModule,
        InboxModule,
        CommentsModule,
        InsightsModule,
        AssignmentModule,
        TemplatesModule,
        MessagingModule,
        CollaborationModule,
        CannedResponsesModule,
        NotesModule,
        LabelsModule,
        PriorityModule,
        RetentionModule,
        HealthModule,
        HistoryModule,
        AnalyticsModule,
        CapiModule,
      ],
    };
  }
}
