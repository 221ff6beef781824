import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StoryInsightEntity } from './entities/story-insight.entity';
import { StoryInsightsApplier } from './story-insights.applier';

@Module({
  imports: [TypeOrmModule.forFeature([StoryInsightEntity])],
  providers: [StoryInsightsApplier],
  exports: [StoryInsightsApplier],
})
export class InsightsModule {}
