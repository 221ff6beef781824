import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AttributionDto, MessagePlatform } from '@ticklegram/domain-models';
import { In, IsNull, MoreThanOrEqual, Not, Repository } from 'typeorm';
import { ConversationEntity } from '../entities/conversation.entity';
import { MessageEntity } from '../entities/message.entity';

/** A conversation that started from an ad, as attribution needs it (no customer data). */
export interface AdConversation {
  conversationId: string;
  channelId: string;
  platform: MessagePlatform;
  referral: AttributionDto & { adId: string };
  /** When the customer came from the ad (Meta's event time). */
  startedAt: Date;
  /** The business's first reply after that (not failed), if any. */
  firstResponseAt: Date | null;
}

const IN_CHUNK = 500;

/**
 * Conversations that came from ads, for attribution reports (the capi module). Aggregates carry no
 * customer data, so no caller scope: the report's own route decides who may read it.
 */
@Injectable()
export class AdConversationsRepository {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
  ) {}

  async hasAny(): Promise<boolean> {
    const rows = await this.conversations.find({ select: { id: true, referral: true }, where: { referral: Not(IsNull()) } });
    return rows.some((c) => c.referral?.kind === 'ad' && !!c.referral.adId);
  }

  /** Ad conversations whose ad click falls in [from, to). */
  async list(range: { from: Date; to: Date; channelId?: string }): Promise<AdConversation[]> {
    // storing the referral touched the conversation after the click, so updated_at >= from is a safe pre-filter
    const rows = await this.conversations.find({
      select: { id: true, channelId: true, platform: true, referral: true, createdAt: true },
      where: { referral: Not(IsNull()), updatedAt: MoreThanOrEqual(range.from), ...(range.channelId ? { channelId: range.channelId } : {}) },
    });
    const fromAds = rows
      .filter((c): c is ConversationEntity & { referral: AttributionDto & { adId: string } } => c.referral?.kind === 'ad' && !!c.referral.adId)
      .map((c) => ({ conversation: c, startedAt: startOf(c) }))
      .filter(({ startedAt }) => startedAt >= range.from && startedAt < range.to);
    const replies = await this.firstReplies(fromAds.map(({ conversation, startedAt }) => ({ id: conversation.id, after: startedAt })));
    return fromAds.map(({ conversation, startedAt }) => ({
      conversationId: conversation.id,
      channelId: conversation.channelId,
      platform: conversation.platform,
      referral: conversation.referral,
      startedAt,
      firstResponseAt: replies.get(conversation.id) ?? null,
    }));
  }

  private async firstReplies(items: { id: string; after: Date }[]): Promise<Map<string, Date>> {
    const out = new Map<string, Date>();
    const after = new Map(items.map((i) => [i.id, i.after]));
    for (let i = 0; i < items.length; i += IN_CHUNK) {
      const ids = items.slice(i, i + IN_CHUNK).map((x) => x.id);
      const rows = await this.messages.find({
        select: { conversationId: true, sentAt: true },
        where: { conversationId: In(ids), direction: 'outbound', status: Not('failed') },
        order: { sentAt: 'ASC' },
      });
      for (const row of rows) {
        const start = after.get(row.conversationId);
        if (!out.has(row.conversationId) && start && row.sentAt >= start) out.set(row.conversationId, row.sentAt);
      }
    }
    return out;
  }
}

function startOf(c: ConversationEntity & { referral: AttributionDto }): Date {
  const at = new Date(c.referral.at);
  return Number.isNaN(at.getTime()) ? c.createdAt : at;
}
