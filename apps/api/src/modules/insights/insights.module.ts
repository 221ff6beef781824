import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InsightsSchedulerService } from './insights-scheduler.service';
import { InsightsSyncService } from './insights-sync.service';
import { InsightsController } from './insights.controller';
import { INSIGHTS_ENTITIES } from './insights.entities';
import { InsightsGateway } from './insights.gateway';
import { InsightsService } from './insights.service';
import { InsightSnapshotRepository } from './repositories/insight-snapshot.repository';
import { InsightSyncStateRepository } from './repositories/insight-sync-state.repository';
import { MediaInsightRepository } from './repositories/media-insight.repository';
import { StoryInsightRepository } from './repositories/story-insight.repository';
import { StoryInsightsApplier } from './story-insights.applier';
import { AccountInsightsFetcher } from './sync/account-insights.fetcher';
import { MediaInsightsFetcher } from './sync/media-insights.fetcher';
import { StoryInsightsFetcher } from './sync/story-insights.fetcher';

/**
 * Instagram insights: a scheduled sync from Meta into daily snapshots, media and story tables (history
 * survives Meta's retention), the `story_insights` webhook applier, read routes and realtime sync events.
 */
@Module({
  imports: [TypeOrmModule.forFeature(INSIGHTS_ENTITIES)],
  controllers: [InsightsController],
  providers: [
    InsightSnapshotRepository,
    MediaInsightRepository,
    StoryInsightRepository,
    InsightSyncStateRepository,
    AccountInsightsFetcher,
    MediaInsightsFetcher,
    StoryInsightsFetcher,
    InsightsService,
    InsightsSyncService,
    InsightsSchedulerService,
    InsightsGateway,
    StoryInsightsApplier,
  ],
  exports: [InsightsSyncService],
})
export class InsightsModule {}
