import { CreateUsersAndAuth1763776800000 } from './1763776800000-CreateUsersAndAuth';
import { CreateChannels1763780000000 } from './1763780000000-CreateChannels';
import { CreateWebhookIngestion1763790000000 } from './1763790000000-CreateWebhookIngestion';
import { CreateMessagingAndAssignment1763800000000 } from './1763800000000-CreateMessagingAndAssignment';
import { CreateChannelWebhookMinutes1763805000000 } from './1763805000000-CreateChannelWebhookMinutes';
import { AddInboxFilterIndexes1763810000000 } from './1763810000000-AddInboxFilterIndexes';
import { CreateCollaborationTools1763820000000 } from './1763820000000-CreateCollaborationTools';
import { AddHandoverOptinsAndPolicy1763830000000 } from './1763830000000-AddHandoverOptinsAndPolicy';
import { AddUserSessionVersion1763840000000 } from './1763840000000-AddUserSessionVersion';
import { AddRetentionIndexes1763850000000 } from './1763850000000-AddRetentionIndexes';
import { CreateMessageTemplates1763860000000 } from './1763860000000-CreateMessageTemplates';
import { CreateInsights1763870000000 } from './1763870000000-CreateInsights';
import { CreateCommentsDesk1763880000000 } from './1763880000000-CreateCommentsDesk';
import { CreateConversionsApi1763890000000 } from './1763890000000-CreateConversionsApi';
import { CreateAnalytics1763900000000 } from './1763900000000-CreateAnalytics';
import { CreateSearchIndex1763920000000 } from './1763920000000-CreateSearchIndex';
import { AddConversationCountsIndex1763920000001 } from './1763920000001-AddConversationCountsIndex';
import { CreateCommentSearch1763920000002 } from './1763920000002-CreateCommentSearch';
import { CreateChannelHistory1763930000000 } from './1763930000000-CreateChannelHistory';
import { AddMessageStatusUnknown1763940000000 } from './1763940000000-AddMessageStatusUnknown';
import { AddAnalyticsMessageTotals1764600000000 } from './1764600000000-AddAnalyticsMessageTotals';
import { CreateConversationCounts1764700000000 } from './1764700000000-CreateConversationCounts';
import { CreateCommentChannelCounts1764810000000 } from './1764810000000-CreateCommentChannelCounts';
import { IndexCommentCountsByPost1764820000000 } from './1764820000000-IndexCommentCountsByPost';
import { CreateConversationTerms1764830000000 } from './1764830000000-CreateConversationTerms';
import { CoverMessageTotalsByAssignee1764840000000 } from './1764840000000-CoverMessageTotalsByAssignee';
import { IndexCyclesByPair1764840000001 } from './1764840000001-IndexCyclesByPair';
import { AddAnalyticsChannelHourlyTotals1764850000000 } from './1764850000000-AddAnalyticsChannelHourlyTotals';
import { IndexDailyTotalsByPair1764850000001 } from './1764850000001-IndexDailyTotalsByPair';
import { CoverConversationWalkScope1764860000000 } from './1764860000000-CoverConversationWalkScope';
import { OneCountDeltaPerUnreadChange1764870000000 } from './1764870000000-OneCountDeltaPerUnreadChange';
import { CreateJobLeases1764880000000 } from './1764880000000-CreateJobLeases';
import { CreateAnalyticsProjectionStates1764890000000 } from './1764890000000-CreateAnalyticsProjectionStates';

/** Every migration, in order. Listed explicitly because the api is bundled (no glob loading). */
export const MIGRATIONS = [
  CreateUsersAndAuth1763776800000,
  CreateChannels1763780000000,
  CreateWebhookIngestion1763790000000,
  CreateMessagingAndAssignment1763800000000,
  CreateChannelWebhookMinutes1763805000000,
  AddInboxFilterIndexes1763810000000,
  CreateCollaborationTools1763820000000,
  AddHandoverOptinsAndPolicy1763830000000,
  AddUserSessionVersion1763840000000,
  AddRetentionIndexes1763850000000,
  CreateMessageTemplates1763860000000,
  CreateInsights1763870000000,
  CreateCommentsDesk1763880000000,
  CreateConversionsApi1763890000000,
  CreateAnalytics1763900000000,
  CreateSearchIndex1763920000000,
  AddConversationCountsIndex1763920000001,
  CreateCommentSearch1763920000002,
  CreateChannelHistory1763930000000,
  AddMessageStatusUnknown1763940000000,
  AddAnalyticsMessageTotals1764600000000,
  CreateConversationCounts1764700000000,
  CreateCommentChannelCounts1764810000000,
  IndexCommentCountsByPost1764820000000,
  CreateConversationTerms1764830000000,
  CoverMessageTotalsByAssignee1764840000000,
  IndexCyclesByPair1764840000001,
  AddAnalyticsChannelHourlyTotals1764850000000,
  IndexDailyTotalsByPair1764850000001,
  CoverConversationWalkScope1764860000000,
  OneCountDeltaPerUnreadChange1764870000000,
  CreateJobLeases1764880000000,
  CreateAnalyticsProjectionStates1764890000000,
];
