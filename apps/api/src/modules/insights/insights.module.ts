import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StoryInsightEntity } from './entities/story-insight.entity';
import { InsightsGateway } from './insights.gateway';
import { StoryInsightRepository } from './repositories/story-insight.repository';
import { StoryInsightsApplier } from './story-insights.applier';

/** Instagram insights: today the `story_insights` webhook, applied to `story_insights`. */
@Module({
  imports: [TypeOrmModule.forFeature([StoryInsightEntity])],
  providers: [StoryInsightsApplier, StoryInsightRepository, InsightsGateway],
})
export class InsightsModule {}
