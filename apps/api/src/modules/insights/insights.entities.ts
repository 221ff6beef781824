import { StoryInsightEntity } from './entities/story-insight.entity';

/** Tables of the insights module. */
export const INSIGHTS_ENTITIES = [StoryInsightEntity];
