import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { MessageEntity, StoredAttachment } from '../entities/message.entity';

/** Message reads and narrow updates outside ingestion and sending: stored media, interrupted sends. */
@Injectable()
export class MessageRepository {
  constructor(@InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>) {}

  findById(id: string): Promise<MessageEntity | null> {
    return this.messages.findOneBy({ id });
  }

  /** Only the conversation of a message (access checks). */
  async conversationIdOf(id: string): Promise<string | null> {
    const row = await this.messages.findOne({ where: { id }, select: { id: true, conversationId: true } });
    return row?.conversationId ?? null;
  }

  /** Writes only the attachments column: the message may have changed meanwhile (reaction, edit). */
  async updateAttachments(id: string, attachments: StoredAttachment[]): Promise<void> {
    await this.messages.update({ id }, { attachments: attachments as QueryDeepPartialEntity<MessageEntity>['attachments'] });
  }

  /**
   * Agent sends of these channels still `pending` without a mid, stored before `before` (a process died while
   * sending). Read through `uq_messages_channel_mid` (channel, mid IS NULL), not a scan of every message.
   */
  findStuckPending(channelIds: string[], before: Date, limit: number): Promise<MessageEntity[]> {
    if (!channelIds.length) return Promise.resolve([]);
    return this.messages.find({
      where: { channelId: In(channelIds), mid: IsNull(), status: 'pending', source: 'agent', direction: 'outbound', createdAt: LessThan(before) },
      take: limit,
    });
  }

  /**
   * `pending` → `unknown` with an honest reason, only if still pending without a mid; false when something
   * else won. The process died mid-send: Meta may have the message, so it is checked before any retry.
   */
  async markInterrupted(id: string, errorMessage: string): Promise<boolean> {
    const result = await this.messages
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ status: 'unknown', errorCode: 'INTERRUPTED', errorMessage, updatedAt: new Date() })
      .where('id = :id AND status = :pending AND mid IS NULL', { id, pending: 'pending' })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
