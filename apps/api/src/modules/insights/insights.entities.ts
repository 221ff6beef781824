import { InsightDemographicEntity } from './entities/insight-demographic.entity';
import { InsightSnapshotEntity } from './entities/insight-snapshot.entity';
import { InsightSyncStateEntity } from './entities/insight-sync-state.entity';
import { MediaInsightEntity } from './entities/media-insight.entity';
import { StoryInsightEntity } from './entities/story-insight.entity';

/** The insights module's tables (spread into the global ENTITIES list). */
export const INSIGHTS_ENTITIES = [InsightSnapshotEntity, InsightDemographicEntity, MediaInsightEntity, StoryInsightEntity, InsightSyncStateEntity];
