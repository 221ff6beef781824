import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CONVERSATION_STATUSES, ConversationCountsResponse, ConversationStatus, MessagePlatform } from '@ticklegram/domain-models';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { ConversationEntity } from '../inbox/entities/conversation.entity';
import { Caller, ConversationAccessPolicy } from './conversation-access.policy';

type Totals = Record<'all' | 'mine' | 'unassigned' | 'unread' | 'myUnreadMessages', string | number | null>;

/**
 * Sidebar folder counts over exactly the rows the caller's conversation list can show (scoped, with
 * activity). The GROUP BY columns lead the (status|platform, last_message_at, id) indexes.
 */
@Injectable()
export class ConversationCountsRepository {
  constructor(@InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>) {}

  async countVisible(caller: Caller): Promise<ConversationCountsResponse> {
    const totals = await this.scoped(caller)
      .select('COUNT(*)', 'all')
      .addSelect('SUM(CASE WHEN c.assignee_id = :me THEN 1 ELSE 0 END)', 'mine')
      .addSelect('SUM(CASE WHEN c.assignee_id IS NULL THEN 1 ELSE 0 END)', 'unassigned')
      .addSelect('SUM(CASE WHEN c.unread_count > 0 THEN 1 ELSE 0 END)', 'unread')
      .addSelect('SUM(CASE WHEN c.assignee_id = :me THEN c.unread_count ELSE 0 END)', 'myUnreadMessages')
      .setParameter('me', caller.id)
      .getRawOne<Totals>();
    const grouped = async (column: 'status' | 'platform'): Promise<Map<string, number>> => {
      const rows = await this.scoped(caller).select(`c.${column}`, 'k').addSelect('COUNT(*)', 'n').groupBy(`c.${column}`).getRawMany<{ k: string; n: string | number }>();
      return new Map(rows.map((r) => [r.k, Number(r.n)]));
    };
    const n = (v: string | number | null | undefined) => Number(v ?? 0);
    const byStatus = await grouped('status');
    const byPlatform = await grouped('platform');
    return {
      all: n(totals?.all),
      mine: n(totals?.mine),
      unassigned: n(totals?.unassigned),
      unread: n(totals?.unread),
      myUnreadMessages: n(totals?.myUnreadMessages),
      byStatus: Object.fromEntries(CONVERSATION_STATUSES.map((s) => [s, byStatus.get(s) ?? 0])) as Record<ConversationStatus, number>,
      byPlatform: Object.fromEntries(Object.values(MessagePlatform).map((p) => [p, byPlatform.get(p) ?? 0])) as Record<MessagePlatform, number>,
    };
  }

  private scoped(caller: Caller): SelectQueryBuilder<ConversationEntity> {
    return ConversationAccessPolicy.applyTo(this.conversations.createQueryBuilder('c').where('c.last_message_at IS NOT NULL'), caller, 'c');
  }
}
