import { AnalyticsConversationLabelEntity } from './entities/analytics-conversation-label.entity';
import { AnalyticsCycleEntity } from './entities/analytics-cycle.entity';
import { AnalyticsMessageBucketEntity } from './entities/analytics-message-bucket.entity';
import { AnalyticsMessageChannelHourlyTotalEntity } from './entities/analytics-message-channel-hourly-total.entity';
import { AnalyticsMessageChannelTotalEntity } from './entities/analytics-message-channel-total.entity';
import { AnalyticsMessageDailyTotalEntity } from './entities/analytics-message-daily-total.entity';
import { AnalyticsMessageTotalEntity } from './entities/analytics-message-total.entity';
import { AnalyticsProjectionStateEntity } from './entities/analytics-projection-state.entity';
import { AnalyticsSettingEntity } from './entities/analytics-setting.entity';
import { AnalyticsStatusChangeEntity } from './entities/analytics-status-change.entity';

/** The analytics module's tables (spread into the global ENTITIES list). */
export const ANALYTICS_ENTITIES = [
  AnalyticsStatusChangeEntity,
  AnalyticsCycleEntity,
  AnalyticsMessageBucketEntity,
  AnalyticsMessageTotalEntity,
  AnalyticsMessageDailyTotalEntity,
  AnalyticsMessageChannelTotalEntity,
  AnalyticsMessageChannelHourlyTotalEntity,
  AnalyticsConversationLabelEntity,
  AnalyticsSettingEntity,
  AnalyticsProjectionStateEntity,
];
