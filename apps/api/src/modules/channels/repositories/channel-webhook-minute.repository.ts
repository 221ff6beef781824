import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { dialectOf } from '../../../database/column-types';
import { ChannelWebhookMinuteEntity } from '../entities/channel-webhook-minute.entity';
import type { WebhookMinuteCount } from '../webhook-activity';

/** The only code that queries `channel_webhook_minutes` (webhooks received per channel and minute). */
@Injectable()
export class ChannelWebhookMinuteRepository {
  constructor(@InjectRepository(ChannelWebhookMinuteEntity) private readonly webhookMinutes: Repository<ChannelWebhookMinuteEntity>) {}

  /** Adds counts atomically (several replicas may add to the same minute). */
  async addCounts(rows: WebhookMinuteCount[]): Promise<void> {
    if (rows.length === 0) return;
    const mysql = dialectOf(this.webhookMinutes.manager.connection.driver.options.type) === 'mysql';
    const values = rows.map(() => '(?, ?, ?)').join(', ');
    const params = rows.flatMap((r) => [r.channelId, r.minute, r.count]);
    const conflict = mysql
      ? 'ON DUPLICATE KEY UPDATE count = count + VALUES(count)'
      : 'ON CONFLICT (channel_id, minute) DO UPDATE SET count = count + excluded.count';
    await this.webhookMinutes.query(`INSERT INTO channel_webhook_minutes (channel_id, minute, count) VALUES ${values} ${conflict}`, params);
  }

  /** Webhook counts per channel since `fromMinute` (epoch minutes). */
  async countsSince(fromMinute: number, channelIds?: string[]): Promise<Map<string, number>> {
    const qb = this.webhookMinutes
      .createQueryBuilder('w')
      .select('w.channelId', 'channelId')
      .addSelect('SUM(w.count)', 'total')
      .where('w.minute >= :fromMinute', { fromMinute })
      .groupBy('w.channelId');
    if (channelIds) qb.andWhere('w.channelId IN (:...channelIds)', { channelIds: channelIds.length ? channelIds : [''] });
    const rows = await qb.getRawMany<{ channelId: string; total: string | number }>();
    return new Map(rows.map((r) => [r.channelId, Number(r.total)]));
  }

  async prune(beforeMinute: number): Promise<void> {
    await this.webhookMinutes.delete({ minute: LessThan(beforeMinute) });
  }
}
