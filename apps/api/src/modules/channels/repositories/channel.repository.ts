import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ChannelStatus, MessagePlatform } from '@ticklegram/domain-models';
import { In, LessThan, Repository } from 'typeorm';
import { dialectOf } from '../../../database/column-types';
import { ChannelWebhookMinuteEntity } from '../entities/channel-webhook-minute.entity';
import type { WebhookMinuteCount } from '../webhook-activity';
import { ChannelBaseEntity } from '../entities/channel-base.entity';
import { FacebookPageEntity } from '../entities/facebook-page.entity';
import { InstagramAccountEntity } from '../entities/instagram-account.entity';

export type AnyChannelEntity = InstagramAccountEntity | FacebookPageEntity;

export function platformOf(entity: AnyChannelEntity): MessagePlatform {
  return entity instanceof InstagramAccountEntity ? MessagePlatform.INSTAGRAM : MessagePlatform.FACEBOOK;
}

/** The only code that queries `instagram_accounts` and `facebook_pages`. Channels are readable by every signed-in user. */
@Injectable()
export class ChannelRepository {
  constructor(
    @InjectRepository(InstagramAccountEntity) readonly instagram: Repository<InstagramAccountEntity>,
    @InjectRepository(FacebookPageEntity) readonly pages: Repository<FacebookPageEntity>,
    @InjectRepository(ChannelWebhookMinuteEntity) private readonly webhookMinutes: Repository<ChannelWebhookMinuteEntity>,
  ) {}

  /** Adds counts to `channel_webhook_minutes` atomically (several replicas may add to the same minute). */
  async addWebhookCounts(rows: WebhookMinuteCount[]): Promise<void> {
    if (rows.length === 0) return;
    const mysql = dialectOf(this.webhookMinutes.manager.connection.driver.options.type) === 'mysql';
    const values = rows.map(() => '(?, ?, ?)').join(', ');
    const params = rows.flatMap((r) => [r.channelId, r.minute, r.count]);
    const conflict = mysql ? 'ON DUPLICATE KEY UPDATE count = count + VALUES(count)' : 'ON CONFLICT (channel_id, minute) DO UPDATE SET count = count + excluded.count';
    await this.webhookMinutes.query(`INSERT INTO channel_webhook_minutes (channel_id, minute, count) VALUES ${values} ${conflict}`, params);
  }

  /** Webhook counts per channel since `fromMinute` (epoch minutes). */
  async webhookCountsSince(fromMinute: number, channelIds?: string[]): Promise<Map<string, number>> {
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

  async pruneWebhookCounts(beforeMinute: number): Promise<void> {
    await this.webhookMinutes.delete({ minute: LessThan(beforeMinute) });
  }


  async listAll(): Promise<AnyChannelEntity[]> {
    const [ig, fb] = await Promise.all([this.instagram.find({ order: { connectedAt: 'ASC' } }), this.pages.find({ order: { connectedAt: 'ASC' } })]);
    return [...fb, ...ig];
  }

  async listByStatus(statuses: ChannelStatus[]): Promise<AnyChannelEntity[]> {
    const [ig, fb] = await Promise.all([this.instagram.find({ where: { status: In(statuses) } }), this.pages.find({ where: { status: In(statuses) } })]);
    return [...fb, ...ig];
  }

  async countConnected(): Promise<number> {
    const [ig, fb] = await Promise.all([this.instagram.count(), this.pages.count()]);
    return ig + fb;
  }

  async findById(id: string): Promise<AnyChannelEntity | null> {
    return (await this.instagram.findOne({ where: { id } })) ?? (await this.pages.findOne({ where: { id } }));
  }

  findInstagram(id: string): Promise<InstagramAccountEntity | null> {
    return this.instagram.findOne({ where: { id } });
  }

  findPage(id: string): Promise<FacebookPageEntity | null> {
    return this.pages.findOne({ where: { id } });
  }

  findByExternalId(platform: MessagePlatform, externalId: string): Promise<AnyChannelEntity | null> {
    return platform === MessagePlatform.INSTAGRAM ? this.instagram.findOne({ where: { igUserId: externalId } }) : this.pages.findOne({ where: { pageId: externalId } });
  }

  /** Instagram accounts connected through this Page (they use the Page's token). */
  findInstagramLinkedToPage(pageId: string): Promise<InstagramAccountEntity[]> {
    return this.instagram.find({ where: { linkedPageId: pageId, connection: 'facebook_login' } });
  }

  async readEncryptedToken(entity: AnyChannelEntity): Promise<string | null> {
    const repo = this.repoOf(entity) as Repository<ChannelBaseEntity>;
    const row = await repo.createQueryBuilder('c').select('c.id').addSelect('c.accessTokenEnc').where('c.id = :id', { id: entity.id }).getOne();
    return row?.accessTokenEnc ?? null;
  }

  async update(entity: AnyChannelEntity, patch: Partial<ChannelBaseEntity>): Promise<void> {
    const repo = this.repoOf(entity) as Repository<ChannelBaseEntity>;
    await repo.update({ id: entity.id }, { ...patch, updatedAt: new Date() });
    Object.assign(entity, patch);
  }

  /** Moves `last_webhook_at` forward only (concurrent flushes from several replicas never move it back). */
  async advanceLastWebhook(id: string, at: Date): Promise<void> {
    for (const repo of [this.instagram, this.pages] as Repository<ChannelBaseEntity>[]) {
      await repo
        .createQueryBuilder()
        .update()
        .set({ lastWebhookAt: at })
        .where('id = :id', { id })
        .andWhere('(last_webhook_at IS NULL OR last_webhook_at < :at)', { at })
        .execute();
    }
  }

  private repoOf(entity: AnyChannelEntity): Repository<InstagramAccountEntity> | Repository<FacebookPageEntity> {
    return entity instanceof InstagramAccountEntity ? this.instagram : this.pages;
  }
}
