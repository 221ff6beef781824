import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, MoreThan, Repository } from 'typeorm';
import { isDuplicateKeyError } from '../../../database/database-errors';
import { MessageEntity } from '../entities/message.entity';

/**
 * Message reads and writes of the outbound pipeline. Callers have already checked that the caller may
 * see the conversation, so every lookup is keyed by conversation id (never by message id alone).
 */
@Injectable()
export class OutboundMessageRepository {
  constructor(@InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>) {}

  findByClientKey(conversationId: string, clientKey: string): Promise<MessageEntity | null> {
    return this.messages.findOne({ where: { conversationId, clientKey } });
  }

  findInConversation(conversationId: string, id: string): Promise<MessageEntity | null> {
    return this.messages.findOne({ where: { conversationId, id } });
  }

  findByMid(conversationId: string, mid: string): Promise<MessageEntity | null> {
    return this.messages.findOne({ where: { conversationId, mid } });
  }

  /** Customer messages stored after `since` (the stale-view check). */
  countInboundAfter(conversationId: string, since: Date): Promise<number> {
    return this.messages.count({ where: { conversationId, direction: 'inbound', sentAt: MoreThan(since) } });
  }

  /** Throws a unique violation when the idempotency key was used in this conversation already. */
  async insert(message: MessageEntity): Promise<void> {
    // no id yet, so save() inserts (and runs the entity's id/timestamp hooks)
    await this.messages.save(message);
  }

  create(values: Partial<MessageEntity>): MessageEntity {
    return this.messages.create(values);
  }

  save(message: MessageEntity): Promise<MessageEntity> {
    return this.messages.save(message);
  }

  /** Moves a failed message back to pending only if it is still failed (one retry wins). */
  async claimRetry(id: string): Promise<boolean> {
    const result = await this.messages
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ status: 'pending', errorCode: null, errorMessage: null, updatedAt: new Date() })
      .where('id = :id AND status = :failed AND mid IS NULL', { id, failed: 'failed' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Records Meta's mid and `sent` without overwriting a newer state the webhooks already applied
   * (delivered / read). If ingestion stored the echo as a separate row before we knew the mid, that
   * row gives way (it is the same message).
   */
  async markSent(message: MessageEntity, mid: string): Promise<{ message: MessageEntity; removedEcho: MessageEntity | null }> {
    let removedEcho: MessageEntity | null = null;
    const setMid = () =>
      this.messages
        .createQueryBuilder()
        .update(MessageEntity)
        .set({ mid, updatedAt: new Date() })
        .where('id = :id AND mid IS NULL', { id: message.id })
        .execute();
    try {
      await setMid();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const echo = await this.messages.findOne({ where: { channelId: message.channelId, mid } });
      if (!echo || echo.id === message.id || echo.direction !== 'outbound' || echo.clientKey) throw error;
      await this.messages.delete({ id: echo.id });
      removedEcho = echo;
      await setMid();
    }
    await this.messages
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ status: 'sent', errorCode: null, errorMessage: null, updatedAt: new Date() })
      .where('id = :id AND status IN (:...from)', { id: message.id, from: ['pending', 'failed', 'unknown'] })
      .execute();
    return { message: await this.messages.findOneByOrFail({ id: message.id }), removedEcho };
  }

  /**
   * `pending` → `unknown`: Meta may have delivered it although it never answered. Only reconciliation
   * (echo, message lookup) moves it on; a retry is refused until then.
   */
  async markUnknown(message: MessageEntity, errorCode: string | null, errorMessage: string): Promise<MessageEntity> {
    await this.messages
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ status: 'unknown', errorCode: errorCode?.slice(0, 40) ?? null, errorMessage: errorMessage.slice(0, 500), updatedAt: new Date() })
      .where('id = :id AND status = :pending AND mid IS NULL', { id: message.id, pending: 'pending' })
      .execute();
    return this.messages.findOneByOrFail({ id: message.id });
  }

  /**
   * Agent sends of these channels whose outcome is still unknown, oldest first. An unknown send never has a
   * mid, so the read is a range of `uq_messages_channel_mid` (channel, mid IS NULL) — without the channels it
   * was a scan of the whole messages table on every reconciliation pass.
   */
  findUnknown(channelIds: string[], limit: number): Promise<MessageEntity[]> {
    if (!channelIds.length) return Promise.resolve([]);
    return this.messages.find({
      where: { channelId: In(channelIds), mid: IsNull(), status: 'unknown', direction: 'outbound', source: 'agent' },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  /** Whether a Meta message id is already stored on this channel (one of ours, an echo, or a customer's). */
  async midKnown(channelId: string, mid: string): Promise<boolean> {
    return (await this.messages.count({ where: { channelId, mid } })) > 0;
  }

  /** `unknown` → `failed` once Meta confirmed it does not have it (only if nothing matched it meanwhile). */
  async markNotDelivered(id: string, errorMessage: string): Promise<boolean> {
    const result = await this.messages
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ status: 'failed', errorCode: 'NOT_DELIVERED', errorMessage: errorMessage.slice(0, 500), updatedAt: new Date() })
      .where('id = :id AND status = :unknown AND mid IS NULL', { id, unknown: 'unknown' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async markFailed(message: MessageEntity, errorCode: string | null, errorMessage: string): Promise<MessageEntity> {
    await this.messages
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ status: 'failed', errorCode: errorCode?.slice(0, 40) ?? null, errorMessage: errorMessage.slice(0, 500), updatedAt: new Date() })
      .where('id = :id AND status = :pending', { id: message.id, pending: 'pending' })
      .execute();
    return this.messages.findOneByOrFail({ id: message.id });
  }
}
