import { Injectable } from '@nestjs/common';
import {
  AccountInsightsResponse,
  ChannelDto,
  INSIGHT_ACCOUNT_METRICS,
  InsightSyncStatusDto,
  MediaInsightsResponse,
  MessagePlatform,
  StoryInsightsResponse,
} from '@ticklegram/domain-models';
import { ChannelsService } from '../channels/channels.service';
import { MediaInsightsQueryDto, StoryInsightsQueryDto } from './dto/insights-queries.dto';
import { InsightSyncStateEntity } from './entities/insight-sync-state.entity';
import { addDays, dayStartMs, daysInclusive, isValidDay, toDay } from './insight-days';
import { buildSeries, DayRange } from './insight-series';
import { InsightsException, InsightsExceptionCode } from './insights.exception';
import { toMediaInsightDto, toStoryInsightDto } from './insights.mapper';
import { InsightSnapshotRepository } from './repositories/insight-snapshot.repository';
import { InsightSyncStateRepository } from './repositories/insight-sync-state.repository';
import { MediaInsightRepository } from './repositories/media-insight.repository';
import { StoryInsightRepository } from './repositories/story-insight.repository';

const DEFAULT_RANGE_DAYS = 28;
const MAX_RANGE_DAYS = 366;

/** Reads insights from our database only (never from Meta): account series, media, stories, sync status. */
@Injectable()
export class InsightsService {
  constructor(
    private readonly channels: ChannelsService,
    private readonly snapshots: InsightSnapshotRepository,
    private readonly media: MediaInsightRepository,
    private readonly stories: StoryInsightRepository,
    private readonly states: InsightSyncStateRepository,
  ) {}

  /** Every connected Instagram account with its sync state (the page's account picker). */
  async statuses(): Promise<InsightSyncStatusDto[]> {
    const accounts = await this.instagramAccounts();
    const ids = accounts.map((a) => a.id);
    const [states, days] = await Promise.all([this.states.findMany(ids), this.snapshots.countDays(ids)]);
    return accounts.map((account) => toStatus(account, states.get(account.id) ?? null, days.get(account.id) ?? 0));
  }

  async status(channelId: string): Promise<InsightSyncStatusDto> {
    const account = await this.account(channelId);
    const [state, days] = await Promise.all([this.states.find(channelId), this.snapshots.countDays([channelId])]);
    return toStatus(account, state, days.get(channelId) ?? 0);
  }

  async accountInsights(channelId: string, from?: string, to?: string): Promise<AccountInsightsResponse> {
    await this.account(channelId);
    const range = resolveRange(from, to);
    const length = daysInclusive(range.from, range.to);
    const previous: DayRange = { from: addDays(range.from, -length), to: addDays(range.from, -1) };
    const [rows, demographics, state] = await Promise.all([
      this.snapshots.range(channelId, INSIGHT_ACCOUNT_METRICS, previous.from, range.to),
      this.snapshots.latestDemographics(channelId, 'follower_demographics', range.to),
      this.states.find(channelId),
    ]);
    return {
      channelId,
      range,
      previousRange: previous,
      metrics: buildSeries(INSIGHT_ACCOUNT_METRICS, range, previous, rows),
      demographics: demographics.map((d) => ({
        breakdown: d.breakdown,
        capturedOn: d.capturedOn,
        values: Object.entries(d.counts)
          .map(([key, value]) => ({ key, value }))
          .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key)),
      })),
      lastSyncedAt: state?.lastSyncedAt?.toISOString() ?? null,
    };
  }

  async mediaInsights(query: MediaInsightsQueryDto): Promise<MediaInsightsResponse> {
    const channelIds = await this.scope(query.channelId);
    const sort = query.sort ?? 'posted_at';
    const order = query.order ?? 'desc';
    const bounds = optionalBounds(query.from, query.to);
    const items = await this.media.list({
      channelIds,
      sort,
      order,
      productType: query.productType,
      limit: query.limit ?? 24,
      postedFrom: bounds.from,
      postedBefore: bounds.before,
    });
    return { items: items.map(toMediaInsightDto), sort, order };
  }

  async storyInsights(query: StoryInsightsQueryDto): Promise<StoryInsightsResponse> {
    const channelIds = await this.scope(query.channelId);
    const bounds = optionalBounds(query.from, query.to);
    const items = await this.stories.list({ channelIds, from: bounds.from, before: bounds.before, limit: query.limit ?? 30 });
    return { items: items.map(toStoryInsightDto) };
  }

  async instagramAccounts(): Promise<ChannelDto[]> {
    return (await this.channels.list()).filter((c) => c.platform === MessagePlatform.INSTAGRAM);
  }

  private async account(channelId: string): Promise<ChannelDto> {
    const account = (await this.instagramAccounts()).find((a) => a.id === channelId);
    if (!account) throw InsightsException.accountNotFound();
    return account;
  }

  private async scope(channelId: string | undefined): Promise<string[]> {
    if (channelId) return [(await this.account(channelId)).id];
    return (await this.instagramAccounts()).map((a) => a.id);
  }
}

function toStatus(account: ChannelDto, state: InsightSyncStateEntity | null, daysStored: number): InsightSyncStatusDto {
  const running = state?.state === 'running';
  return {
    channelId: account.id,
    name: account.name,
    username: account.username,
    pictureUrl: account.pictureUrl,
    state: state?.state ?? 'idle',
    progress: running && state?.phase ? { phase: state.phase, done: state.progressDone, total: state.progressTotal } : null,
    startedAt: state?.startedAt?.toISOString() ?? null,
    lastSyncedAt: state?.lastSyncedAt?.toISOString() ?? null,
    lastError: state?.lastError ?? null,
    daysStored,
  };
}

function checkDay(value: string, field: string): void {
  if (!isValidDay(value)) throw new InsightsException(InsightsExceptionCode.INSIGHTS_INVALID_RANGE, `${field} is not a real date.`);
}

/** Inclusive day range; default the last 28 days up to today (UTC). */
export function resolveRange(from: string | undefined, to: string | undefined, today = toDay(new Date())): DayRange {
  if (from) checkDay(from, 'from');
  if (to) checkDay(to, 'to');
  const end = to ?? today;
  const start = from ?? addDays(end, -(DEFAULT_RANGE_DAYS - 1));
  if (start > end) throw new InsightsException(InsightsExceptionCode.INSIGHTS_INVALID_RANGE, '`from` must be on or before `to`.');
  if (daysInclusive(start, end) > MAX_RANGE_DAYS)
    throw new InsightsException(InsightsExceptionCode.INSIGHTS_INVALID_RANGE, `A range can span at most ${MAX_RANGE_DAYS} days.`);
  return { from: start, to: end };
}

/** Optional day bounds as instants: from the start of `from` to before the day after `to`. */
function optionalBounds(from: string | undefined, to: string | undefined): { from?: Date; before?: Date } {
  if (from) checkDay(from, 'from');
  if (to) checkDay(to, 'to');
  if (from && to && from > to) throw new InsightsException(InsightsExceptionCode.INSIGHTS_INVALID_RANGE, '`from` must be on or before `to`.');
  return { from: from ? new Date(dayStartMs(from)) : undefined, before: to ? new Date(dayStartMs(addDays(to, 1))) : undefined };
}
