import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MessagePlatform } from '@ticklegram/domain-models';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { dialectOf } from '../../../database/column-types';
import { daySpans } from '../calculators/day-spans';
import { AnalyticsCycleEntity } from '../entities/analytics-cycle.entity';
import { AnalyticsMessageBucketEntity } from '../entities/analytics-message-bucket.entity';
import { AnalyticsMessageChannelTotalEntity } from '../entities/analytics-message-channel-total.entity';
import { AnalyticsMessageDailyTotalEntity } from '../entities/analytics-message-daily-total.entity';
import { AnalyticsMessageTotalEntity, UNASSIGNED_KEY } from '../entities/analytics-message-total.entity';

export interface RollupFilter {
  start: Date;
  end: Date;
  channelId?: string;
  platform?: MessagePlatform;
  /** Conversations assigned to this user. */
  agentId?: string;
  labelId?: string;
}

/**
 * A cycle row as the driver returns it (no object per row made on our side). `sinceStart`: whole seconds from the
 * range's start to the instant (opened or resolved), rounded down — local days and hours begin on whole
 * seconds after the start, so `start + sinceStart` falls on the same local day as the instant itself.
 */
export interface OpenedCycleRow {
  channelId: string;
  assigneeId: string | null;
  sinceStart: number;
  frt: number | null;
  /** 1 (or true) for a cycle opened from an ad. */
  fromAd: number | boolean;
}

export interface ResolvedCycleRow {
  channelId: string;
  assigneeId: string | null;
  sinceStart: number;
  resolution: number | null;
}

export interface BucketSums {
  bucketAt?: Date;
  channelId?: string;
  assigneeId?: string | null;
  messagesIn: number;
  messagesOut: number;
  repliesWindow: number;
  repliesHumanAgent: number;
  repliesTemplate: number;
  repliesOther: number;
}

const SUMS: [string, keyof BucketSums][] = [
  ['messages_in', 'messagesIn'],
  ['messages_out', 'messagesOut'],
  ['replies_window', 'repliesWindow'],
  ['replies_human_agent', 'repliesHumanAgent'],
  ['replies_template', 'repliesTemplate'],
  ['replies_other', 'repliesOther'],
];

/** Raw datetimes: Date objects on MySQL, UTC text on SQLite. */
const toDate = (v: string | Date): Date => (v instanceof Date ? v : new Date(/[zZ]$/.test(v) ? v : `${v.replace(' ', 'T')}Z`));
const num = (v: unknown): number => Number(v ?? 0);

/** Reads of the rollups for one range and filter set; never touches the inbox's tables. */
@Injectable()
export class AnalyticsQueryRepository {
  constructor(
    @InjectRepository(AnalyticsCycleEntity) private readonly cycles: Repository<AnalyticsCycleEntity>,
    @InjectRepository(AnalyticsMessageBucketEntity) private readonly buckets: Repository<AnalyticsMessageBucketEntity>,
    @InjectRepository(AnalyticsMessageTotalEntity) private readonly totals: Repository<AnalyticsMessageTotalEntity>,
    @InjectRepository(AnalyticsMessageDailyTotalEntity) private readonly dailyTotals: Repository<AnalyticsMessageDailyTotalEntity>,
    @InjectRepository(AnalyticsMessageChannelTotalEntity) private readonly channelTotals: Repository<AnalyticsMessageChannelTotalEntity>,
  ) {}

  async opened(filter: RollupFilter, businessHours: boolean): Promise<OpenedCycleRow[]> {
    const frt = businessHours ? 'c.frt_business_seconds' : 'c.frt_seconds';
    const qb = this.cycles
      .createQueryBuilder('c')
      .select([
        'c.channel_id AS channelId',
        'c.assignee_id AS assigneeId',
        `${this.secondsFromStart('c.opened_at')} AS sinceStart`,
        `${frt} AS frt`,
        'c.from_ad AS fromAd',
      ])
      .where('c.opened_at >= :start AND c.opened_at < :end', { start: filter.start, end: filter.end });
    return this.filtered(qb, filter).getRawMany<OpenedCycleRow>();
  }

  async resolved(filter: RollupFilter, businessHours: boolean): Promise<ResolvedCycleRow[]> {
    const resolution = businessHours ? 'c.resolution_business_seconds' : 'c.resolution_seconds';
    const qb = this.cycles
      .createQueryBuilder('c')
      .select([
        'c.channel_id AS channelId',
        'c.assignee_id AS assigneeId',
        `${this.secondsFromStart('c.resolved_at')} AS sinceStart`,
        `${resolution} AS resolution`,
      ])
      .where('c.resolved_at >= :start AND c.resolved_at < :end', { start: filter.start, end: filter.end });
    return this.filtered(qb, filter).getRawMany<ResolvedCycleRow>();
  }

  /**
   * Whole seconds from `:start` to a UTC datetime column, rounded down, as a number each driver reads
   * without a string or a Date per row: on MySQL/MariaDB a DOUBLE (`TIMESTAMPDIFF` alone is a BIGINT, which
   * our connection returns as a string), on SQLite the difference of the Unix times.
   */
  private secondsFromStart(column: string): string {
    return dialectOf(this.cycles.manager.connection.options.type) === 'mysql'
      ? `TIMESTAMPDIFF(SECOND, :start, ${column}) * 1e0`
      : `strftime('%s', ${column}) - strftime('%s', :start)`;
  }

  /**
   * Message sums per bucket time, or per (channel, assignee) pair (few groups; per-channel and per-agent sums
   * add them up). Without a label filter they come from the totals across conversations — per bucket from
   * the per-channel totals (per-assignee ones for an agent), the pairs from the daily totals of the UTC days
   * the range touches with the 15-minute totals of its edges added or taken off (`daySpans`); the label
   * filter needs the per-conversation buckets.
   */
  async bucketSums(filter: RollupFilter, by: 'bucket' | 'channelAssignee'): Promise<BucketSums[]> {
    if (filter.labelId) return this.sums(this.buckets, 'bucket_at', 'assignee_id', filter, by);
    if (by === 'bucket')
      return filter.agentId ? this.sums(this.totals, 'bucket_at', 'assignee_key', filter, by) : this.sums(this.channelTotals, 'bucket_at', '', filter, by);
    const spans = daySpans(filter.start.getTime(), filter.end.getTime());
    if (!spans) return this.sums(this.totals, 'bucket_at', 'assignee_key', filter, by);
    const part = ({ start, end }: { start: number; end: number }) => ({ ...filter, start: new Date(start), end: new Date(end) });
    const [days, ...edges] = await Promise.all([
      this.sums(this.dailyTotals, 'day_at', 'assignee_key', part(spans.days), by),
      ...spans.edges.map((edge) => this.sums(this.totals, 'bucket_at', 'assignee_key', part(edge), by)),
    ]);
    const pairs = new Map<string, BucketSums>();
    const add = (row: BucketSums, sign: number) => {
      const key = `${row.channelId}|${row.assigneeId ?? ''}`;
      let sum = pairs.get(key);
      if (!sum) pairs.set(key, (sum = { ...row, ...Object.fromEntries(SUMS.map(([, alias]) => [alias, 0])) }));
      for (const [, alias] of SUMS) (sum[alias] as number) += sign * (row[alias] as number);
    };
    for (const row of days) add(row, 1);
    edges.forEach((rows, i) => rows.forEach((row) => add(row, spans.edges[i].sign)));
    // a pair with nothing inside the range (its day's messages all fell outside) is no row, as before
    return [...pairs.values()].filter((sum) => SUMS.some(([, alias]) => sum[alias] !== 0));
  }

  private async sums(
    repository:
      | Repository<AnalyticsMessageBucketEntity>
      | Repository<AnalyticsMessageTotalEntity>
      | Repository<AnalyticsMessageDailyTotalEntity>
      | Repository<AnalyticsMessageChannelTotalEntity>,
    timeColumn: string,
    assigneeColumn: string,
    filter: RollupFilter,
    by: 'bucket' | 'channelAssignee',
  ): Promise<BucketSums[]> {
    const groups = by === 'bucket' ? [`b.${timeColumn}`] : ['b.channel_id', `b.${assigneeColumn}`];
    const qb = (repository as Repository<AnalyticsMessageTotalEntity>)
      .createQueryBuilder('b')
      .select(groups[0], 'g0')
      .where(`b.${timeColumn} >= :start AND b.${timeColumn} < :end`, { start: filter.start, end: filter.end });
    if (groups[1]) qb.addSelect(groups[1], 'g1');
    for (const [col, alias] of SUMS) qb.addSelect(`SUM(b.${col})`, alias);
    this.filtered(qb, filter, 'b', assigneeColumn).groupBy(groups[0]);
    if (groups[1]) qb.addGroupBy(groups[1]);
    const rows = await qb.getRawMany<Record<string, unknown>>();
    return rows.map((r) => {
      const sums: BucketSums = { messagesIn: 0, messagesOut: 0, repliesWindow: 0, repliesHumanAgent: 0, repliesTemplate: 0, repliesOther: 0 };
      if (by === 'bucket') sums.bucketAt = toDate(r['g0'] as string | Date);
      else {
        const assigneeId = (r['g1'] as string | null) ?? null;
        sums.channelId = r['g0'] as string;
        sums.assigneeId = assigneeId === UNASSIGNED_KEY ? null : assigneeId;
      }
      for (const [, alias] of SUMS) (sums[alias] as number) = num(r[alias]);
      return sums;
    });
  }

  private filtered<
    T extends SelectQueryBuilder<AnalyticsCycleEntity> | SelectQueryBuilder<AnalyticsMessageBucketEntity> | SelectQueryBuilder<AnalyticsMessageTotalEntity>,
  >(qb: T, filter: RollupFilter, alias = 'c', assigneeColumn = 'assignee_id'): T {
    if (filter.channelId) qb.andWhere(`${alias}.channel_id = :channelId`, { channelId: filter.channelId });
    if (filter.platform) qb.andWhere(`${alias}.platform = :platform`, { platform: filter.platform });
    if (filter.agentId) qb.andWhere(`${alias}.${assigneeColumn} = :agentId`, { agentId: filter.agentId });
    if (filter.labelId)
      qb.andWhere(`${alias}.conversation_id IN (SELECT l.conversation_id FROM analytics_conversation_labels l WHERE l.label_id = :labelId)`, {
        labelId: filter.labelId,
      });
    return qb;
  }
}
