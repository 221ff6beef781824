/**
 * Team analytics as the api serves them (definitions: docs/analytics.md). Durations are in seconds;
 * a `null` figure means there was nothing to measure (no cycle with a response, none resolved).
 */

export const FRT_BUCKETS = ['0-1h', '1-4h', '4-8h', '8-24h', '24h+'] as const;
export type FrtBucket = (typeof FRT_BUCKETS)[number];

/** Lower bounds of the FRT buckets, in seconds. */
export const FRT_BUCKET_LOWER_BOUNDS: Record<FrtBucket, number> = { '0-1h': 0, '1-4h': 3_600, '4-8h': 14_400, '8-24h': 28_800, '24h+': 86_400 };

/** The analytics tables, each also served as CSV (`?format=csv`). */
export const ANALYTICS_TABLES = ['overview', 'volume', 'agents', 'channels', 'frt-distribution', 'heatmap'] as const;
export type AnalyticsTable = (typeof ANALYTICS_TABLES)[number];

export interface AnalyticsQuery {
  /** `YYYY-MM-DD`, included, in `tz`. */
  from: string;
  /** `YYYY-MM-DD`, included, in `tz`. */
  to: string;
  /** IANA time zone; default `UTC`. */
  tz?: string;
  channelId?: string;
  platform?: string;
  agentId?: string;
  labelId?: string;
  /** Count only business hours in FRT and resolution time. */
  businessHours?: boolean;
}

export interface DurationStats {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface ReplyKindCounts {
  window: number;
  humanAgent: number;
  template: number;
  other: number;
}

export interface AnalyticsSummary {
  opened: number;
  resolved: number;
  messagesIn: number;
  messagesOut: number;
  firstResponse: DurationStats;
  resolution: DurationStats;
  replies: ReplyKindCounts;
  commentsReceived: number;
  commentsAnswered: number;
  commentsHidden: number;
  fromAds: number;
}

export interface AnalyticsVolumeDay {
  /** Local date in `tz`. */
  date: string;
  opened: number;
  resolved: number;
  messagesIn: number;
  messagesOut: number;
}

export interface AnalyticsAgentRow {
  agentId: string;
  name: string;
  opened: number;
  resolved: number;
  messagesOut: number;
  firstResponse: DurationStats;
  resolution: DurationStats;
}

export interface AnalyticsChannelRow {
  channelId: string;
  name: string;
  platform: string;
  opened: number;
  resolved: number;
  messagesIn: number;
  messagesOut: number;
  firstResponse: DurationStats;
  resolution: DurationStats;
}

export interface AnalyticsFrtBucketRow {
  bucket: FrtBucket;
  count: number;
}

export interface AnalyticsHeatmapCell {
  /** 0 = Monday … 6 = Sunday, local in `tz`. */
  weekday: number;
  hour: number;
  messagesIn: number;
}

export interface AnalyticsWaitingConversation {
  conversationId: string;
  contactName: string | null;
  channelId: string;
  /** The customer's message still waiting for an answer. */
  waitingSince: string;
}

export interface AnalyticsLiveNow {
  open: number;
  unassigned: number;
  waitingLongest: AnalyticsWaitingConversation[];
  agentsOnline: number;
}

export interface AnalyticsOverviewResponse {
  range: { from: string; to: string; tz: string; start: string; end: string; businessHours: boolean };
  /** `all` for admins; `own` for agents (summary and tables cover their own conversations). */
  scope: 'all' | 'own';
  summary: AnalyticsSummary;
  /** The whole team with the same filters (numbers only). */
  team: AnalyticsSummary;
  volume: AnalyticsVolumeDay[];
  agents: AnalyticsAgentRow[];
  channels: AnalyticsChannelRow[];
  frtDistribution: AnalyticsFrtBucketRow[];
  heatmap: AnalyticsHeatmapCell[];
  live: AnalyticsLiveNow;
  /** When the rollups were last rebuilt in full (null: only kept up by events). */
  rebuiltAt: string | null;
}

export interface BusinessHoursDto {
  timeZone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** `HH:MM` */
  start: string;
  /** `HH:MM`, after `start`. */
  end: string;
}

export interface AnalyticsSettingsDto {
  /** null: business hours are not configured. */
  businessHours: BusinessHoursDto | null;
}

export interface AnalyticsRebuildResponse {
  conversations: number;
  rebuiltAt: string;
}
