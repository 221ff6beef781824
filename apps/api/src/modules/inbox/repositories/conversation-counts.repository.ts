import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CONVERSATION_STATUSES, ConversationCountsResponse, ConversationStatus, MessagePlatform, Role } from '@ticklegram/domain-models';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { ConversationEntity } from '../entities/conversation.entity';
import { Caller, ConversationAccessPolicy } from '../conversation-access.policy';
import { ConversationCountsMaintainer } from '../counts/conversation-counts.maintainer';
import { readCountsSql } from '../counts/conversation-counts.sql';

type GroupRow = { status: ConversationStatus; platform: MessagePlatform } & Record<
  'all' | 'mine' | 'unassigned' | 'unread' | 'myUnreadMessages',
  string | number | null
>;

type CounterRow = { status: ConversationStatus; platform: MessagePlatform; assignee_id: string } & Record<
  'n' | 'unread' | 'unread_messages',
  string | number | null
>;

/** What "open right now" means for reporting: waiting on the team or on the customer, not snoozed or resolved. */
const OPEN_NOW: ConversationStatus[] = ['open', 'pending'];

/**
 * Sidebar folder counts over exactly the rows the caller's conversation list can show (scoped, with
 * activity): from the maintained counters (`counts/`), a few hundred rows, or — while their triggers are
 * missing — one grouped scan of the conversations.
 */
@Injectable()
export class ConversationCountsRepository {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    private readonly maintainer: ConversationCountsMaintainer,
  ) {}

  countVisible(caller: Caller): Promise<ConversationCountsResponse> {
    return this.maintainer.maintained ? this.fromCounters(caller) : this.byScan(caller);
  }

  /** Counters plus the deltas not folded yet, under the scope: an agent reads their own and the unassigned keys. */
  async fromCounters(caller: Caller): Promise<ConversationCountsResponse> {
    const { sql, params } = readCountsSql(caller.role === Role.ADMIN ? undefined : [caller.id, '']);
    const rows: CounterRow[] = await this.conversations.manager.query(sql.replace(/\s+/g, ' '), params);
    return summed(
      rows.map((r) => {
        const mine = r.assignee_id === caller.id;
        return {
          status: r.status,
          platform: r.platform,
          all: r.n,
          mine: mine ? r.n : 0,
          unassigned: r.assignee_id === '' ? r.n : 0,
          unread: r.unread,
          myUnreadMessages: mine ? r.unread_messages : 0,
        };
      }),
    );
  }

  /**
   * The open and pending conversations the caller's list can show, and how many of them nobody is assigned (the
   * analytics' "live now"): from the counters (a few hundred rows) while they are maintained, else one scan.
   */
  async openNow(caller: Caller): Promise<{ open: number; unassigned: number }> {
    if (!this.maintainer.maintained) {
      const row = await this.scoped(caller)
        .select('COUNT(*)', 'open')
        .addSelect('SUM(CASE WHEN c.assignee_id IS NULL THEN 1 ELSE 0 END)', 'unassigned')
        .andWhere('c.status IN (:...open)', { open: OPEN_NOW })
        .getRawOne<{ open: string | number | null; unassigned: string | number | null }>();
      return { open: Number(row?.open ?? 0), unassigned: Number(row?.unassigned ?? 0) };
    }
    const { sql, params } = readCountsSql(caller.role === Role.ADMIN ? undefined : [caller.id, '']);
    const rows: CounterRow[] = await this.conversations.manager.query(sql.replace(/\s+/g, ' '), params);
    const open = rows.filter((r) => OPEN_NOW.includes(r.status));
    const sum = (list: CounterRow[]) => list.reduce((total, r) => total + Number(r.n ?? 0), 0);
    return { open: sum(open), unassigned: sum(open.filter((r) => r.assignee_id === '')) };
  }

  /** One scan over the scoped rows, grouped into at most |statuses| × |platforms| rows and summed here. */
  async byScan(caller: Caller): Promise<ConversationCountsResponse> {
    const rows = await this.scoped(caller)
      .select('c.status', 'status')
      .addSelect('c.platform', 'platform')
      .addSelect('COUNT(*)', 'all')
      .addSelect('SUM(CASE WHEN c.assignee_id = :me THEN 1 ELSE 0 END)', 'mine')
      .addSelect('SUM(CASE WHEN c.assignee_id IS NULL THEN 1 ELSE 0 END)', 'unassigned')
      .addSelect('SUM(CASE WHEN c.unread_count > 0 THEN 1 ELSE 0 END)', 'unread')
      .addSelect('SUM(CASE WHEN c.assignee_id = :me THEN c.unread_count ELSE 0 END)', 'myUnreadMessages')
      .setParameter('me', caller.id)
      .groupBy('c.status')
      .addGroupBy('c.platform')
      .getRawMany<GroupRow>();
    return summed(rows);
  }

  private scoped(caller: Caller): SelectQueryBuilder<ConversationEntity> {
    return ConversationAccessPolicy.applyTo(this.conversations.createQueryBuilder('c').where('c.last_message_at IS NOT NULL'), caller, 'c');
  }
}

function summed(rows: GroupRow[]): ConversationCountsResponse {
  const result: ConversationCountsResponse = {
    all: 0,
    mine: 0,
    unassigned: 0,
    unread: 0,
    myUnreadMessages: 0,
    byStatus: Object.fromEntries(CONVERSATION_STATUSES.map((s) => [s, 0])) as Record<ConversationStatus, number>,
    byPlatform: Object.fromEntries(Object.values(MessagePlatform).map((p) => [p, 0])) as Record<MessagePlatform, number>,
  };
  for (const row of rows) {
    const all = Number(row.all ?? 0);
    result.all += all;
    result.mine += Number(row.mine ?? 0);
    result.unassigned += Number(row.unassigned ?? 0);
    result.unread += Number(row.unread ?? 0);
    result.myUnreadMessages += Number(row.myUnreadMessages ?? 0);
    if (row.status in result.byStatus) result.byStatus[row.status] += all;
    if (row.platform in result.byPlatform) result.byPlatform[row.platform] += all;
  }
  return result;
}
