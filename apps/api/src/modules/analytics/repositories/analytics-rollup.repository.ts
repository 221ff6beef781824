import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { BusinessHoursDto, ConversationStatus } from '@ticklegram/domain-models';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { BucketRow, CycleRow, StatusFact } from '../calculators/conversation-projection';
import { AnalyticsConversationLabelEntity } from '../entities/analytics-conversation-label.entity';
import { AnalyticsCycleEntity } from '../entities/analytics-cycle.entity';
import { AnalyticsMessageBucketEntity } from '../entities/analytics-message-bucket.entity';
import { AnalyticsSettingEntity } from '../entities/analytics-setting.entity';
import { AnalyticsStatusChangeEntity } from '../entities/analytics-status-change.entity';

const SETTINGS_KEY = 'workspace';
const CHUNK = 200;

/** Writes of the analytics tables: a conversation's rollups replaced as one, the status log, the settings. */
@Injectable()
export class AnalyticsRollupRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AnalyticsStatusChangeEntity) private readonly statusChanges: Repository<AnalyticsStatusChangeEntity>,
    @InjectRepository(AnalyticsSettingEntity) private readonly settings: Repository<AnalyticsSettingEntity>,
  ) {}

  /** Replaces everything the rollups hold about these conversations (no rows: they are gone); see `write`. */
  async replaceConversations(
    conversationIds: string[],
    cycles: CycleRow[],
    buckets: BucketRow[],
    labels: { conversationId: string; labelId: string }[],
  ): Promise<void> {
    if (!conversationIds.length) return;
    await this.write(async (manager) => {
      const where = { conversationId: In(conversationIds) };
      await manager.delete(AnalyticsCycleEntity, where);
      await manager.delete(AnalyticsMessageBucketEntity, where);
      await manager.delete(AnalyticsConversationLabelEntity, where);
      for (let i = 0; i < cycles.length; i += CHUNK) await manager.insert(AnalyticsCycleEntity, cycles.slice(i, i + CHUNK));
      for (let i = 0; i < buckets.length; i += CHUNK) await manager.insert(AnalyticsMessageBucketEntity, buckets.slice(i, i + CHUNK));
      for (let i = 0; i < labels.length; i += CHUNK) await manager.insert(AnalyticsConversationLabelEntity, labels.slice(i, i + CHUNK));
    });
  }

  /** Empties the rebuildable tables (a full rebuild starts here). */
  async clearRollups(): Promise<void> {
    await this.write(async (manager) => {
      await manager.clear(AnalyticsCycleEntity);
      await manager.clear(AnalyticsMessageBucketEntity);
      await manager.clear(AnalyticsConversationLabelEntity);
    });
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
   * One transaction on MySQL. On SQLite TypeORM shares ONE connection and query runner, so a transaction of
   * ours would nest into (and commit or break) whatever the webhook worker has open at that moment: there the
   * statements run on their own. A rollback of the worker's transaction can then take a replacement with it;
   * the conversation's next change or a rebuild writes it again.
   */
  private async write(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    if (this.dataSource.options.type === 'better-sqlite3') {
      await work(this.dataSource.manager);
      return;
    }
    await this.dataSource.transaction(work);
  }
}
