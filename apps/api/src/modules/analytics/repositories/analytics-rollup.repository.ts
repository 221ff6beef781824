import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { BusinessHoursDto, ConversationStatus } from '@ticklegram/domain-models';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { insertRows, upsertRows } from '../../../database/fast-insert';
import { BucketRow, CycleRow, StatusFact } from '../calculators/conversation-projection';
import { ProjectionState } from '../calculators/incremental-projection';
import { rollUpDelta, TOTAL_SUMS, TotalDelta, totalsDelta } from '../calculators/message-totals';
import { addDays } from '../calculators/time-zone';
import { AnalyticsConversationLabelEntity } from '../entities/analytics-conversation-label.entity';
import { AnalyticsCycleEntity } from '../entities/analytics-cycle.entity';
import { AnalyticsMessageBucketEntity } from '../entities/analytics-message-bucket.entity';
import { AnalyticsMessageChannelHourlyTotalEntity } from '../entities/analytics-message-channel-hourly-total.entity';
import { AnalyticsMessageChannelTotalEntity } from '../entities/analytics-message-channel-total.entity';
import { AnalyticsMessageDailyTotalEntity } from '../entities/analytics-message-daily-total.entity';
import { AnalyticsMessageTotalEntity } from '../entities/analytics-message-total.entity';
import { AnalyticsProjectionStateEntity } from '../entities/analytics-projection-state.entity';
import { AnalyticsSettingEntity } from '../entities/analytics-setting.entity';
import { AnalyticsStatusChangeEntity } from '../entities/analytics-status-change.entity';

const SETTINGS_KEY = 'workspace';
const CHUNK = 200;
const DAILY = { per: 'day', perAssignee: true } as const;
const CHANNEL = { per: 'bucket', perAssignee: false } as const;
const CHANNEL_HOURLY = { per: 'hour', perAssignee: false } as const;
const TOTAL_COLUMNS = ['messages_in', 'messages_out', 'replies_window', 'replies_human_agent', 'replies_template', 'replies_other'];

/** A conversation's rows as they stand: its state (only when complete), cycles, buckets and labels. */
export interface CurrentProjection {
  states: Map<string, ProjectionState>;
  cycles: Map<string, CycleRow[]>;
  buckets: Map<string, BucketRow[]>;
  labelIds: Map<string, string[]>;
}

/** Every row a conversation must have; `state` null: the conversation is gone, and so are its rows. */
export interface ConversationProjection {
  conversationId: string;
  state: ProjectionState | null;
  cycles: CycleRow[];
  buckets: BucketRow[];
  labelIds: string[];
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Whether a stored row already holds these values (dates by instant). */
function sameRow<T extends object>(row: T, stored: T | undefined): boolean {
  if (!stored) return false;
  return (Object.keys(row) as (keyof T)[]).every((k) => {
    const a = row[k] as unknown;
    const b = stored[k] as unknown;
    return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
  });
}

function toState(s: AnalyticsProjectionStateEntity): ProjectionState {
  return {
    conversationId: s.conversationId,
    channelId: s.channelId ?? '',
    platform: s.platform as ProjectionState['platform'],
    assigneeId: s.assigneeId,
    fromAd: s.fromAd,
    projectedAt: s.projectedAt,
    lastMessageId: s.lastMessageId,
    lastMessageAt: s.lastMessageAt,
    lastMessageEffect: s.lastMessageEffect,
    lastCustomerAt: s.lastCustomerAt,
    hoursKey: s.hoursKey,
  };
}

const fromState = (s: ProjectionState): AnalyticsProjectionStateEntity => Object.assign(new AnalyticsProjectionStateEntity(), { ...s, complete: true });

/** Writes of the analytics tables: a conversation's rollups and state projected as one, the status log, the settings. */
@Injectable()
export class AnalyticsRollupRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AnalyticsStatusChangeEntity) private readonly statusChanges: Repository<AnalyticsStatusChangeEntity>,
    @InjectRepository(AnalyticsSettingEntity) private readonly settings: Repository<AnalyticsSettingEntity>,
  ) {}

  /**
   * Projects these conversations: `compute` gets their current rows and states and returns what they must be (every
   * row of each conversation); only the rows that differ are written, and the message totals move by the difference
   * of the buckets that changed. On MySQL all of it is one transaction that first locks the conversations' state rows
   * (created when missing, in id order), so a pass of another process over the same conversation waits for this one —
   * and `compute`'s reads, made after the lock, see everything committed before it.
   */
  async project(conversationIds: string[], compute: (current: CurrentProjection) => Promise<ConversationProjection[]>): Promise<void> {
    const ids = [...new Set(conversationIds)].sort();
    if (!ids.length) return;
    await this.write(async (manager) => {
      if (!this.isSqlite) await this.lockStates(manager, ids);
      const current = await this.currentRows(manager, ids);
      await this.writeDiff(manager, current, await compute(current));
    });
  }

  /** One statement: the missing state rows inserted as placeholders, the existing ones locked (a no-op update). */
  private async lockStates(manager: EntityManager, ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      await manager.query(
        `INSERT INTO analytics_projection_states (conversation_id) VALUES ${chunk.map(() => '(?)').join(', ')}
         ON DUPLICATE KEY UPDATE conversation_id = conversation_id`,
        chunk,
      );
    }
  }

  private async currentRows(manager: EntityManager, ids: string[]): Promise<CurrentProjection> {
    const where = { conversationId: In(ids) };
    const [states, cycles, buckets, labels] = await Promise.all([
      manager.find(AnalyticsProjectionStateEntity, { where }),
      manager.find(AnalyticsCycleEntity, { where }),
      manager.find(AnalyticsMessageBucketEntity, { where }),
      manager.find(AnalyticsConversationLabelEntity, { where }),
    ]);
    const current: CurrentProjection = { states: new Map(), cycles: new Map(), buckets: new Map(), labelIds: new Map() };
    for (const s of states) if (s.complete) current.states.set(s.conversationId, toState(s));
    for (const c of cycles) push(current.cycles, c.conversationId, c);
    for (const b of buckets) push(current.buckets, b.conversationId, b);
    for (const l of labels) push(current.labelIds, l.conversationId, l.labelId);
    return current;
  }

  /** Writes the rows of `next` that differ from `current`, deletes those it no longer has, and moves the totals. */
  private async writeDiff(manager: EntityManager, current: CurrentProjection, next: ConversationProjection[]): Promise<void> {
    const cycles: CycleRow[] = [];
    const bucketsBefore: BucketRow[] = [];
    const bucketsAfter: BucketRow[] = [];
    const goneBuckets: BucketRow[] = [];
    const labelled: string[] = [];
    const labels: { conversationId: string; labelId: string }[] = [];
    const states: AnalyticsProjectionStateEntity[] = [];
    const goneStates: string[] = [];
    for (const p of next) {
      const id = p.conversationId;
      const oldCycles = new Map((current.cycles.get(id) ?? []).map((c) => [c.cycleNo, c]));
      cycles.push(...p.cycles.filter((c) => !sameRow(c, oldCycles.get(c.cycleNo))));
      if (oldCycles.size > p.cycles.length)
        await manager.query('DELETE FROM analytics_conversation_cycles WHERE conversation_id = ? AND cycle_no >= ?', [id, p.cycles.length]);
      const oldBuckets = new Map((current.buckets.get(id) ?? []).map((b) => [b.bucketAt.getTime(), b]));
      for (const b of p.buckets) {
        const old = oldBuckets.get(b.bucketAt.getTime());
        oldBuckets.delete(b.bucketAt.getTime());
        if (sameRow(b, old)) continue;
        if (old) bucketsBefore.push(old);
        bucketsAfter.push(b);
      }
      goneBuckets.push(...oldBuckets.values());
      const oldLabels = current.labelIds.get(id) ?? [];
      if (oldLabels.length !== p.labelIds.length || oldLabels.some((l) => !p.labelIds.includes(l))) {
        labelled.push(id);
        labels.push(...p.labelIds.map((labelId) => ({ conversationId: id, labelId })));
      }
      if (p.state) states.push(fromState(p.state));
      else goneStates.push(id);
    }
    await upsertRows(manager, AnalyticsCycleEntity, cycles, ['conversationId', 'cycleNo']);
    for (const b of goneBuckets)
      await manager.query('DELETE FROM analytics_message_buckets WHERE conversation_id = ? AND bucket_at = ?', [b.conversationId, this.dbDate(b.bucketAt)]);
    await upsertRows(manager, AnalyticsMessageBucketEntity, bucketsAfter, ['conversationId', 'bucketAt']);
    if (labelled.length) await manager.delete(AnalyticsConversationLabelEntity, { conversationId: In(labelled) });
    await insertRows(manager, AnalyticsConversationLabelEntity, labels);
    await upsertRows(manager, AnalyticsProjectionStateEntity, states, ['conversationId']);
    if (goneStates.length) await manager.delete(AnalyticsProjectionStateEntity, { conversationId: In(goneStates) });
    await this.moveTotals(manager, totalsDelta([...bucketsBefore, ...goneBuckets], bucketsAfter));
  }

  private async moveTotals(manager: EntityManager, deltas: TotalDelta[]): Promise<void> {
    if (!deltas.length) return;
    if (this.isSqlite) return this.recountTotals(manager, deltas);
    await this.addToTotals(manager, { table: 'analytics_message_totals', time: 'bucket_at', perAssignee: true }, deltas);
    await this.addToTotals(manager, { table: 'analytics_message_daily_totals', time: 'day_at', perAssignee: true }, rollUpDelta(deltas, DAILY));
    await this.addToTotals(manager, { table: 'analytics_message_channel_totals', time: 'bucket_at', perAssignee: false }, rollUpDelta(deltas, CHANNEL));
    await this.addToTotals(
      manager,
      { table: 'analytics_message_channel_hourly_totals', time: 'hour_at', perAssignee: false },
      rollUpDelta(deltas, CHANNEL_HOURLY),
    );
  }

  /** Empties the rebuildable tables (a full rebuild starts here). */
  async clearRollups(): Promise<void> {
    await this.write(async (manager) => {
      await manager.clear(AnalyticsCycleEntity);
      await manager.clear(AnalyticsMessageBucketEntity);
      await manager.clear(AnalyticsConversationLabelEntity);
      await manager.clear(AnalyticsProjectionStateEntity);
      await manager.clear(AnalyticsMessageTotalEntity);
      await manager.clear(AnalyticsMessageDailyTotalEntity);
      await manager.clear(AnalyticsMessageChannelTotalEntity);
      await manager.clear(AnalyticsMessageChannelHourlyTotalEntity);
    });
  }

  /** The time up to which each of these conversations' rows are complete (conversations without a complete state left out). */
  async projectedUpTo(conversationIds: string[]): Promise<Map<string, Date | null>> {
    const found = new Map<string, Date | null>();
    for (let i = 0; i < conversationIds.length; i += CHUNK) {
      const rows = await this.dataSource.getRepository(AnalyticsProjectionStateEntity).find({
        where: { conversationId: In(conversationIds.slice(i, i + CHUNK)), complete: true },
        select: { conversationId: true, projectedAt: true },
      });
      for (const r of rows) found.set(r.conversationId, r.projectedAt);
    }
    return found;
  }

  /** The status logs of these conversations, oldest first. */
  async statusLogs(conversationIds: string[]): Promise<Map<string, StatusFact[]>> {
    const logs = new Map<string, StatusFact[]>();
    if (!conversationIds.length) return logs;
    const rows = await this.statusChanges.find({ where: { conversationId: In(conversationIds) }, order: { changedAt: 'ASC', id: 'ASC' } });
    for (const r of rows) {
      const list = logs.get(r.conversationId) ?? [];
      list.push({ status: r.status, at: r.changedAt });
      logs.set(r.conversationId, list);
    }
    return logs;
  }

  async lastStatus(conversationId: string): Promise<ConversationStatus | null> {
    const row = await this.statusChanges.findOne({ where: { conversationId }, order: { changedAt: 'DESC', id: 'DESC' } });
    return row?.status ?? null;
  }

  async recordStatus(conversationId: string, status: ConversationStatus, at: Date): Promise<void> {
    await this.statusChanges.insert({ conversationId, status, changedAt: at });
  }

  async getSettings(): Promise<AnalyticsSettingEntity | null> {
    return this.settings.findOneBy({ key: SETTINGS_KEY });
  }

  async saveBusinessHours(businessHours: BusinessHoursDto | null, userId: string): Promise<void> {
    const current = await this.getSettings();
    await this.settings.save(
      { key: SETTINGS_KEY, businessHours, rebuiltAt: current?.rebuiltAt ?? null, updatedBy: userId, updatedAt: new Date() },
      { transaction: false },
    );
  }

  async markRebuilt(at: Date): Promise<void> {
    const current = await this.getSettings();
    await this.settings.save(
      {
        key: SETTINGS_KEY,
        businessHours: current?.businessHours ?? null,
        rebuiltAt: at,
        updatedBy: current?.updatedBy ?? null,
        updatedAt: current?.updatedAt ?? at,
      },
      { transaction: false },
    );
  }

  /**
   * SQLite: the totals of the buckets, hours and days the deltas touch, counted again from the per-conversation
   * buckets (the hours and days from the 15-minute totals just recounted). Statements there may land in the webhook
   * worker's transaction (see `write`); a rollback of it would lose a delta for good, whereas a recount is repaired
   * by the next change in the same bucket.
   * (MySQL adds the deltas inside our own transaction: no other writer's rows are read or locked.)
   */
  private async recountTotals(manager: EntityManager, deltas: TotalDelta[]): Promise<void> {
    const sums = TOTAL_COLUMNS.join(', ');
    const summed = TOTAL_COLUMNS.map((c) => `SUM(${c})`).join(', ');
    const buckets = [...new Set(deltas.map((d) => d.bucketAt.getTime()))].map((ms) => this.dbDate(new Date(ms)) as string);
    const hours = [...new Set(buckets.map((b) => b.slice(0, 13)))];
    const days = [...new Set(buckets.map((b) => b.slice(0, 10)))];
    for (let i = 0; i < buckets.length; i += CHUNK) {
      const chunk = buckets.slice(i, i + CHUNK);
      const list = chunk.map(() => '?').join(', ');
      for (const [table, key] of [
        ['analytics_message_totals', "channel_id, COALESCE(assignee_id, '')"],
        ['analytics_message_channel_totals', 'channel_id'],
      ]) {
        const columns = table === 'analytics_message_totals' ? 'bucket_at, channel_id, assignee_key' : 'bucket_at, channel_id';
        await manager.query(`DELETE FROM ${table} WHERE bucket_at IN (${list})`, chunk);
        await manager.query(
          `INSERT INTO ${table} (${columns}, platform, ${sums}) SELECT bucket_at, ${key}, MIN(platform), ${summed}
           FROM analytics_message_buckets WHERE bucket_at IN (${list}) GROUP BY bucket_at, ${key}`,
          chunk,
        );
      }
    }
    // an hour's row from the per-channel totals (just recounted) of its four 15-minute buckets
    const hourOf = "substr(bucket_at, 1, 13) || ':00:00.000'";
    for (let i = 0; i < hours.length; i += CHUNK / 4) {
      const chunk = hours.slice(i, i + CHUNK / 4);
      const quarters = chunk.flatMap((hour) => ['00', '15', '30', '45'].map((minute) => `${hour}:${minute}:00.000`));
      await manager.query(
        `DELETE FROM analytics_message_channel_hourly_totals WHERE hour_at IN (${chunk.map(() => '?').join(', ')})`,
        chunk.map((hour) => `${hour}:00:00.000`),
      );
      await manager.query(
        `INSERT INTO analytics_message_channel_hourly_totals (hour_at, channel_id, platform, ${sums})
         SELECT ${hourOf}, channel_id, MIN(platform), ${summed} FROM analytics_message_channel_totals
         WHERE bucket_at IN (${quarters.map(() => '?').join(', ')}) GROUP BY ${hourOf}, channel_id`,
        quarters,
      );
    }
    for (const day of days) {
      const range = [`${day} 00:00:00.000`, `${addDays(day, 1)} 00:00:00.000`];
      await manager.query('DELETE FROM analytics_message_daily_totals WHERE day_at >= ? AND day_at < ?', range);
      await manager.query(
        `INSERT INTO analytics_message_daily_totals (day_at, channel_id, assignee_key, platform, ${sums})
         SELECT ?, channel_id, assignee_key, MIN(platform), ${summed}
         FROM analytics_message_totals WHERE bucket_at >= ? AND bucket_at < ? GROUP BY channel_id, assignee_key`,
        [range[0], ...range],
      );
    }
  }

  /** MySQL: adds the deltas to their rows of a totals table (created when missing), then drops rows left at zero. */
  private async addToTotals(manager: EntityManager, into: { table: string; time: string; perAssignee: boolean }, deltas: TotalDelta[]): Promise<void> {
    const keys = [into.time, 'channel_id', ...(into.perAssignee ? ['assignee_key'] : [])];
    const columns = [...keys, 'platform', ...TOTAL_COLUMNS];
    const sets = TOTAL_COLUMNS.map((col) => (this.isSqlite ? `${col} = ${col} + excluded.${col}` : `${col} = ${col} + VALUES(${col})`)).join(', ');
    const conflict = this.isSqlite ? `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${sets}` : `ON DUPLICATE KEY UPDATE ${sets}`;
    const row = `(${columns.map(() => '?').join(', ')})`;
    for (let i = 0; i < deltas.length; i += CHUNK) {
      const chunk = deltas.slice(i, i + CHUNK);
      const params = chunk.flatMap((d) => [
        this.dbDate(d.bucketAt),
        d.channelId,
        ...(into.perAssignee ? [d.assigneeKey] : []),
        d.platform,
        ...TOTAL_SUMS.map((s) => d[s]),
      ]);
      await manager.query(`INSERT INTO ${into.table} (${columns.join(', ')}) VALUES ${chunk.map(() => row).join(', ')} ${conflict}`, params);
    }
    const shrunk = [...new Set(deltas.filter((d) => TOTAL_SUMS.some((s) => d[s] < 0)).map((d) => d.bucketAt.getTime()))];
    for (let i = 0; i < shrunk.length; i += CHUNK) {
      const buckets = shrunk.slice(i, i + CHUNK).map((ms) => this.dbDate(new Date(ms)));
      await manager.query(
        `DELETE FROM ${into.table} WHERE ${into.time} IN (${buckets.map(() => '?').join(', ')}) AND ${TOTAL_COLUMNS.map((c) => `${c} = 0`).join(' AND ')}`,
        buckets,
      );
    }
  }

  private get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  /** A datetime parameter of a raw statement, stored as TypeORM stores it (UTC text on SQLite). */
  private dbDate(date: Date): Date | string {
    return this.isSqlite ? date.toISOString().replace('T', ' ').replace('Z', '') : date;
  }

  /**
   * One transaction on MySQL. On SQLite TypeORM shares ONE connection and query runner, so a transaction of
   * ours would nest into (and commit or break) whatever the webhook worker has open at that moment: there the
   * statements run on their own. A rollback of the worker's transaction can then take a replacement with it;
   * the conversation's next change or a rebuild writes it again.
   */
  private async write(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    if (this.isSqlite) {
      await work(this.dataSource.manager);
      return;
    }
    await this.dataSource.transaction(work);
  }
}
