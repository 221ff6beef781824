import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MessagePlatform } from '@ticklegram/domain-models';
import { QueryRunner, Repository, SelectQueryBuilder } from 'typeorm';
import { dialectOf } from '../../../database/column-types';
import { daySpans } from '../calculators/day-spans';
import { DayShift } from '../calculators/local-days';
import { AnalyticsCycleEntity } from '../entities/analytics-cycle.entity';
import { AnalyticsMessageBucketEntity } from '../entities/analytics-message-bucket.entity';
import { AnalyticsMessageChannelHourlyTotalEntity } from '../entities/analytics-message-channel-hourly-total.entity';
import { AnalyticsMessageChannelTotalEntity } from '../entities/analytics-message-channel-total.entity';
import { AnalyticsMessageDailyTotalEntity } from '../entities/analytics-message-daily-total.entity';
import { AnalyticsMessageTotalEntity, UNASSIGNED_KEY } from '../entities/analytics-message-total.entity';
import { parseIntegerList } from './integer-list';

export interface RollupFilter {
  start: Date;
  end: Date;
  channelId?: string;
  platform?: MessagePlatform;
  /** Conversations assigned to this user. */
  agentId?: string;
  labelId?: string;
}

/** The cycles of one (channel, assignee) pair opened (or resolved) inside the range: counted, their values listed. */
export interface CycleGroupRow {
  channelId: string;
  assigneeId: string | null;
  cycles: number;
  /** Of them, opened from an ad (0 for resolved cycles). */
  fromAds: number;
  /** Their first response (or resolution) times, whole seconds, nulls left out, in no order. */
  durations: Float64Array;
  /** Each one's local day, counted from the range's first date (`DayShift`), in no order. */
  days: Float64Array;
}

export type CycleEvent = 'opened' | 'resolved';

export interface BucketSums {
  /** The local hour (wall time in `tz`), counted from the range's first date's midnight (`DayShift`): day `hour DIV 24`, hour `hour % 24`. */
  hour?: number;
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

const num = (v: unknown): number => Number(v ?? 0);
const DAY_SECONDS = 86_400;
const HOUR_SECONDS = 3_600;
const HOUR_MS = HOUR_SECONDS * 1000;
const NO_VALUES = new Float64Array(0);
/** `TO_SECONDS('1970-01-01')`: MySQL's seconds count starts at year 0. */
const TO_SECONDS_OF_UNIX_EPOCH = 62_167_219_200;
/** `group_concat_max_len` for the cycle lists: MariaDB's maximum (MySQL's default is 1 KB). */
const MAX_LIST_BYTES = 4_294_967_295;
/**
 * Ranges longer than this read the cycles in (channel, assignee) order on MySQL/MariaDB (`cycleGroups`): the whole
 * pair-led covering index, grouped as it is walked (no sort, no temporary table), instead of the range of the
 * time-led one sorted by pair. The walk costs the same whatever the range (it reads every cycle held); the sort grows
 * with the range's cycles. MariaDB keeps choosing the range and the sort on its own, hence `USE INDEX`. Measured on
 * 100k cycles over a year, recent days denser (docs/PERFORMANCE.md, issue 12): opened cycles, a year 140 → 95 ms,
 * 120 days 112 → 81 ms; resolved ones (a third of the cycles) gain only for a year and lose ~10 % at 120–150 days,
 * but run in parallel with the opened ones, which set the pace.
 */
const PAIR_ORDER_AFTER_MS = 120 * 86_400_000;
const PAIR_INDEXES: Record<CycleEvent, string> = { opened: 'idx_analytics_cycles_pair_opened', resolved: 'idx_analytics_cycles_pair_resolved' };
/**
 * The daily totals of more days than this are summed per (channel, assignee) on MySQL/MariaDB by walking the
 * pair-led covering index `DAILY_PAIR_INDEX` (`USE INDEX`; grouped in its order, no temporary table) instead of
 * the days' range grouped through a temporary table. Measured on 31k daily rows (a year, recent days denser,
 * single statements on MariaDB, 2026-12-04): a year 32–42 → 11–13 ms, 120 days 12 → 7 ms, 90 days 9 → 6.6 ms,
 * 28 days 3.5 → 5.5 ms.
 */
const DAILY_PAIR_ORDER_AFTER_MS = 60 * 86_400_000;
const DAILY_PAIR_INDEX = 'idx_analytics_message_daily_totals_pair';

/**
 * Whether each UTC hour of the range lies in one local hour, so the per-hour totals give the local hours' sums:
 * the range starts and ends on UTC hours and the zone's offset is whole hours, changing only on a UTC hour
 * (`shift`, the offset less whole-hour instants, and `since`, seconds from the hour-aligned start, both whole
 * hours). True for most zones; not for :30/:45 offsets (India, Nepal, Chatham) or Lord Howe's half-hour DST.
 */
export function wholeHours(filter: Pick<RollupFilter, 'start' | 'end'>, shifts: readonly DayShift[]): boolean {
  return (
    filter.start.getTime() % HOUR_MS === 0 &&
    filter.end.getTime() % HOUR_MS === 0 &&
    shifts.every((s) => s.since % HOUR_SECONDS === 0 && s.shift % HOUR_SECONDS === 0)
  );
}

/** Reads of the rollups for one range and filter set; never touches the inbox's tables. */
@Injectable()
export class AnalyticsQueryRepository {
  constructor(
    @InjectRepository(AnalyticsCycleEntity) private readonly cycles: Repository<AnalyticsCycleEntity>,
    @InjectRepository(AnalyticsMessageBucketEntity) private readonly buckets: Repository<AnalyticsMessageBucketEntity>,
    @InjectRepository(AnalyticsMessageTotalEntity) private readonly totals: Repository<AnalyticsMessageTotalEntity>,
    @InjectRepository(AnalyticsMessageDailyTotalEntity) private readonly dailyTotals: Repository<AnalyticsMessageDailyTotalEntity>,
    @InjectRepository(AnalyticsMessageChannelTotalEntity) private readonly channelTotals: Repository<AnalyticsMessageChannelTotalEntity>,
    @InjectRepository(AnalyticsMessageChannelHourlyTotalEntity)
    private readonly channelHourlyTotals: Repository<AnalyticsMessageChannelHourlyTotalEntity>,
  ) {}

  /**
   * The cycles opened (or resolved) in the range, one row per (channel, assignee) pair: counts, and the
   * durations and local days as one list each (`GROUP_CONCAT`), so few rows cross the wire whatever the range.
   * On MySQL/MariaDB the lists' length cap is raised for the connection first; a list cut short anyway (its
   * count or sum differs from the database's) has the pair's values read again row by row (`listBytes`: the
   * cap to set; a test lowers it to cut the lists).
   */
  async cycleGroups(
    filter: RollupFilter,
    event: CycleEvent,
    businessHours: boolean,
    shifts: readonly DayShift[],
    listBytes = MAX_LIST_BYTES,
  ): Promise<CycleGroupRow[]> {
    const mysql = this.dialect() === 'mysql';
    const runner = mysql ? this.cycles.manager.connection.createQueryRunner() : undefined;
    try {
      if (runner) await runner.query(`SET SESSION group_concat_max_len = ${Math.trunc(listBytes)}`);
      // a long range is walked in pair order (no sort); else MariaDB groups by sorting, and two 36-character ids per
      // row make it spill to disk, their CRC32s do not
      const inPairOrder = mysql && filter.end.getTime() - filter.start.getTime() > PAIR_ORDER_AFTER_MS;
      let rows = await this.cycleGroupRows(filter, event, businessHours, shifts, runner, mysql && !inPairOrder, inPairOrder);
      // two pairs sharing both checksums came back as one: group by the ids themselves
      if (rows.some((r) => r['channelId'] !== r['lastChannelId'] || r['assigneeId'] !== r['lastAssigneeId']))
        rows = await this.cycleGroupRows(filter, event, businessHours, shifts, runner, false, inPairOrder);
      const groups: CycleGroupRow[] = [];
      const cut: CycleGroupRow[] = [];
      for (const r of rows) {
        const durations = parseIntegerList(r['durations'] as string | Uint8Array | null);
        const days = parseIntegerList(r['days'] as string | Uint8Array | null);
        const group: CycleGroupRow = {
          channelId: r['channelId'] as string,
          assigneeId: (r['assigneeId'] as string | null) ?? null,
          cycles: num(r['cycles']),
          fromAds: num(r['fromAds']),
          durations: durations?.values ?? NO_VALUES,
          days: days?.values ?? NO_VALUES,
        };
        const whole =
          durations?.values.length === num(r['timed']) &&
          durations.sum === num(r['durationSum']) &&
          days?.values.length === group.cycles &&
          days.sum === num(r['daySum']);
        groups.push(group);
        if (!whole) cut.push(group);
      }
      if (cut.length) await this.readValues(filter, event, businessHours, shifts, cut, runner);
      return groups;
    } finally {
      await runner?.release();
    }
  }

  private cycleGroupRows(
    filter: RollupFilter,
    event: CycleEvent,
    businessHours: boolean,
    shifts: readonly DayShift[],
    runner: QueryRunner | undefined,
    byChecksum: boolean,
    inPairOrder: boolean,
  ): Promise<Record<string, unknown>[]> {
    const { duration, day } = this.cycleColumns(event, businessHours, shifts, filter.start);
    const qb = this.cycleRange(filter, event, runner);
    if (inPairOrder) qb.useIndex(PAIR_INDEXES[event]);
    return qb
      .select('MIN(c.channel_id)', 'channelId')
      .addSelect('MAX(c.channel_id)', 'lastChannelId')
      .addSelect('MIN(c.assignee_id)', 'assigneeId')
      .addSelect('MAX(c.assignee_id)', 'lastAssigneeId')
      .addSelect('COUNT(*)', 'cycles')
      .addSelect(event === 'opened' ? 'SUM(c.from_ad)' : '0', 'fromAds')
      .addSelect(`COUNT(${duration})`, 'timed')
      .addSelect(`SUM(${duration})`, 'durationSum')
      .addSelect(`GROUP_CONCAT(${duration})`, 'durations')
      .addSelect(`SUM(${day})`, 'daySum')
      .addSelect(`GROUP_CONCAT(${day})`, 'days')
      .groupBy(byChecksum ? 'CRC32(c.channel_id)' : 'c.channel_id')
      .addGroupBy(byChecksum ? 'CRC32(c.assignee_id)' : 'c.assignee_id')
      .getRawMany<Record<string, unknown>>();
  }

  /** The values of pairs whose lists came back cut short, row by row (a range beyond `MAX_LIST_BYTES` per pair). */
  private async readValues(
    filter: RollupFilter,
    event: CycleEvent,
    businessHours: boolean,
    shifts: readonly DayShift[],
    groups: CycleGroupRow[],
    runner: QueryRunner | undefined,
  ): Promise<void> {
    const { duration, day } = this.cycleColumns(event, businessHours, shifts, filter.start);
    for (const group of groups) {
      const qb = this.cycleRange(filter, event, runner)
        .select(duration, 'duration')
        .addSelect(day, 'day')
        .andWhere('c.channel_id = :pairChannel', { pairChannel: group.channelId });
      if (group.assigneeId === null) qb.andWhere('c.assignee_id IS NULL');
      else qb.andWhere('c.assignee_id = :pairAssignee', { pairAssignee: group.assigneeId });
      const rows = await qb.getRawMany<{ duration: unknown; day: unknown }>();
      group.days = Float64Array.from(rows, (r) => num(r.day));
      group.durations = Float64Array.from(rows.filter((r) => r.duration !== null && r.duration !== undefined).map((r) => num(r.duration)));
    }
  }

  private cycleRange(filter: RollupFilter, event: CycleEvent, runner: QueryRunner | undefined): SelectQueryBuilder<AnalyticsCycleEntity> {
    const at = event === 'opened' ? 'c.opened_at' : 'c.resolved_at';
    const qb = this.cycles.createQueryBuilder('c', runner).where(`${at} >= :start AND ${at} < :end`, { start: filter.start, end: filter.end });
    return this.filtered(qb, filter);
  }

  /** The duration column, and the local day of the cycle's instant (`localUnits`). */
  private cycleColumns(event: CycleEvent, businessHours: boolean, shifts: readonly DayShift[], start: Date): { duration: string; day: string } {
    const business = businessHours ? '_business' : '';
    const duration = event === 'opened' ? `c.frt${business}_seconds` : `c.resolution${business}_seconds`;
    const at = event === 'opened' ? 'c.opened_at' : 'c.resolved_at';
    return { duration, day: this.localUnits(at, shifts, start, DAY_SECONDS) };
  }

  /**
   * The local days (or hours: `unit` seconds) since the range's first date's midnight of an instant column
   * (`DayShift`), as integer SQL: the instant's whole seconds (rounded down; local days and hours begin on whole
   * seconds after the start) — `TO_SECONDS` (from year 0) on MySQL/MariaDB, the Unix time on SQLite — plus the
   * stretch's shift moved to that count's origin, divided by the unit. Both operands are whole and not negative,
   * so integer division (`DIV`; `/` of SQLite integers) is floor.
   */
  private localUnits(at: string, shifts: readonly DayShift[], start: Date, unit: number): string {
    const mysql = this.dialect() === 'mysql';
    const seconds = mysql ? `TO_SECONDS(${at})` : `CAST(strftime('%s', ${at}) AS INTEGER)`;
    const origin = start.getTime() / 1000 + (mysql ? TO_SECONDS_OF_UNIX_EPOCH : 0);
    const whole = [origin, ...shifts.flatMap((s) => [s.since, s.shift])];
    if (!whole.every((n) => Number.isSafeInteger(n))) throw new Error('day shifts and the range start must be whole seconds');
    const shiftOf = (s: DayShift) => s.shift - origin;
    const shift =
      shifts.length === 1
        ? String(shiftOf(shifts[0]))
        : `CASE ${shifts
            .slice(1)
            .map((s, i) => `WHEN ${seconds} < ${s.since + origin} THEN ${shiftOf(shifts[i])}`)
            .join(' ')} ELSE ${shiftOf(shifts[shifts.length - 1])} END`;
    return `(${seconds} + ${shift}) ${mysql ? 'DIV' : '/'} ${unit}`;
  }

  private dialect() {
    return dialectOf(this.cycles.manager.connection.options.type);
  }

  /**
   * Message sums per local hour of the range (`BucketSums.hour`, `localUnits`): at most 24 rows a day whatever
   * the number of buckets (a local hour repeated by a DST change may come back as two rows). Without a label filter
   * from the totals across conversations — the per-channel totals, or the per-assignee ones for an agent; the label
   * filter needs the per-conversation buckets. The per-channel sums are read per UTC hour when every such hour of
   * the range lies in one local hour (`wholeHours`; `hourly` false: never, for tests), grouped by the hour as
   * stored: in primary-key order, with no temporary table, a UTC hour's local hour computed once per row.
   */
  hourSums(filter: RollupFilter, shifts: readonly DayShift[], hourly = true): Promise<BucketSums[]> {
    const hour = this.localUnits('b.bucket_at', shifts, filter.start, HOUR_SECONDS);
    if (filter.labelId) return this.sums(this.buckets, 'bucket_at', 'assignee_id', filter, { hour });
    if (filter.agentId) return this.sums(this.totals, 'bucket_at', 'assignee_key', filter, { hour });
    if (hourly && wholeHours(filter, shifts))
      return this.sums(this.channelHourlyTotals, 'hour_at', '', filter, {
        hour: this.localUnits('b.hour_at', shifts, filter.start, HOUR_SECONDS),
        hourColumn: 'b.hour_at',
      });
    return this.sums(this.channelTotals, 'bucket_at', '', filter, { hour });
  }

  /**
   * Message sums per (channel, assignee) pair (few groups; per-channel and per-agent sums add them up).
   * Without a label filter from the daily totals of the UTC days the range touches, with the 15-minute totals of
   * its edges added or taken off (`daySpans`); the label filter needs the per-conversation buckets. On MySQL/MariaDB
   * the days of a range over `DAILY_PAIR_ORDER_AFTER_MS` are read in pair order (`DAILY_PAIR_INDEX`).
   */
  async pairSums(filter: RollupFilter): Promise<BucketSums[]> {
    if (filter.labelId) return this.sums(this.buckets, 'bucket_at', 'assignee_id', filter);
    const spans = daySpans(filter.start.getTime(), filter.end.getTime());
    if (!spans) return this.sums(this.totals, 'bucket_at', 'assignee_key', filter);
    const part = ({ start, end }: { start: number; end: number }) => ({ ...filter, start: new Date(start), end: new Date(end) });
    const [days, ...edges] = await Promise.all([
      this.sums(this.dailyTotals, 'day_at', 'assignee_key', part(spans.days), {
        pairIndex: this.dialect() === 'mysql' && spans.days.end - spans.days.start > DAILY_PAIR_ORDER_AFTER_MS ? DAILY_PAIR_INDEX : undefined,
      }),
      ...spans.edges.map((edge) => this.sums(this.totals, 'bucket_at', 'assignee_key', part(edge))),
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

  /**
   * Sums grouped by a local hour (`by.hour`, an SQL expression; `by.hourColumn`: grouped by that column instead, on
   * which the hour depends alone) or else by (channel, assignee). On MySQL/MariaDB the pairs are grouped by the ids'
   * bytes: grouping by their collation made MariaDB's temporary table several times slower than reading the rows
   * (the ids are ASCII uuids, so bytes and collation group them alike) — unless `by.pairIndex`, an index led by the
   * pair, is walked: then they are grouped in its order, with no temporary table.
   */
  private async sums(
    repository:
      | Repository<AnalyticsMessageBucketEntity>
      | Repository<AnalyticsMessageTotalEntity>
      | Repository<AnalyticsMessageDailyTotalEntity>
      | Repository<AnalyticsMessageChannelTotalEntity>
      | Repository<AnalyticsMessageChannelHourlyTotalEntity>,
    timeColumn: string,
    assigneeColumn: string,
    filter: RollupFilter,
    by: { hour?: string; hourColumn?: string; pairIndex?: string } = {},
  ): Promise<BucketSums[]> {
    const { hour, hourColumn, pairIndex } = by;
    const keys = hour ? [hour] : ['b.channel_id', `b.${assigneeColumn}`];
    const bytes = !hour && !pairIndex && this.dialect() === 'mysql';
    const qb = (repository as Repository<AnalyticsMessageTotalEntity>)
      .createQueryBuilder('b')
      .select(keys.map((key, i) => `${bytes ? `MIN(${key})` : key} AS g${i}`))
      .where(`b.${timeColumn} >= :start AND b.${timeColumn} < :end`, { start: filter.start, end: filter.end })
      .groupBy(hourColumn ?? keys.map((key) => (bytes ? `CAST(${key} AS BINARY)` : key)).join(', '));
    if (pairIndex) qb.useIndex(pairIndex);
    for (const [col, alias] of SUMS) qb.addSelect(`SUM(b.${col})`, alias);
    this.filtered(qb, filter, 'b', assigneeColumn);
    const rows = await qb.getRawMany<Record<string, unknown>>();
    return rows.map((r) => {
      const sums: BucketSums = { messagesIn: 0, messagesOut: 0, repliesWindow: 0, repliesHumanAgent: 0, repliesTemplate: 0, repliesOther: 0 };
      if (hour) sums.hour = num(r['g0']);
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
