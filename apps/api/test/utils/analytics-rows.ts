import { DataSource } from 'typeorm';
import { AnalyticsConversationLabelEntity } from '../../src/modules/analytics/entities/analytics-conversation-label.entity';
import { AnalyticsCycleEntity } from '../../src/modules/analytics/entities/analytics-cycle.entity';
import { AnalyticsMessageBucketEntity } from '../../src/modules/analytics/entities/analytics-message-bucket.entity';
import { AnalyticsMessageChannelHourlyTotalEntity } from '../../src/modules/analytics/entities/analytics-message-channel-hourly-total.entity';
import { AnalyticsMessageChannelTotalEntity } from '../../src/modules/analytics/entities/analytics-message-channel-total.entity';
import { AnalyticsMessageDailyTotalEntity } from '../../src/modules/analytics/entities/analytics-message-daily-total.entity';
import { AnalyticsMessageTotalEntity } from '../../src/modules/analytics/entities/analytics-message-total.entity';

/** Every rollup row, in key order: what a projection and a rebuild must agree on. */
export async function rollupRows(ds: DataSource) {
  const cycles = await ds.getRepository(AnalyticsCycleEntity).find({ order: { conversationId: 'ASC', cycleNo: 'ASC' } });
  const buckets = await ds.getRepository(AnalyticsMessageBucketEntity).find({ order: { conversationId: 'ASC', bucketAt: 'ASC' } });
  const labels = await ds.getRepository(AnalyticsConversationLabelEntity).find({ order: { conversationId: 'ASC', labelId: 'ASC' } });
  const totals = await ds.getRepository(AnalyticsMessageTotalEntity).find({ order: { bucketAt: 'ASC', channelId: 'ASC', assigneeKey: 'ASC' } });
  const daily = await ds.getRepository(AnalyticsMessageDailyTotalEntity).find({ order: { dayAt: 'ASC', channelId: 'ASC', assigneeKey: 'ASC' } });
  const perChannel = await ds.getRepository(AnalyticsMessageChannelTotalEntity).find({ order: { bucketAt: 'ASC', channelId: 'ASC' } });
  const perChannelHourly = await ds.getRepository(AnalyticsMessageChannelHourlyTotalEntity).find({ order: { hourAt: 'ASC', channelId: 'ASC' } });
  return { cycles, buckets, labels, totals, daily, perChannel, perChannelHourly };
}
