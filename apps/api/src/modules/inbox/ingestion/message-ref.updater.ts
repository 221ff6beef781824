import { Injectable } from '@nestjs/common';
import { DeliveryEvent, MessageEditEvent, MessageUnsendEvent, ReactionEvent, ReadEvent } from '@ticklegram/domain-models';
import { In, LessThanOrEqual } from 'typeorm';
import { ApplyContext } from '../../webhooks/ingestion/event-applier';
import { ConversationEntity } from '../entities/conversation.entity';
import { MessageEntity } from '../entities/message.entity';
import { PendingMessageEventEntity } from '../entities/pending-message-event.entity';
import { MessageMediaService } from '../media/message-media.service';
import { BatchConversations } from './batch-conversations';
import { ConversationWriter } from './conversation-writer';
import { IngestAnnouncer } from './ingest-announcer';
import {
  applyDelivery,
  applyEdit,
  applyReaction,
  applyReceipt,
  applyUnsend,
  bumpCustomerActivity,
  eventTime,
  raiseWatermark,
  receiptSources,
  withoutRaw,
} from './message-state.rules';
import { lockFor } from './row-lock';

/** Events that refer to a message by mid and wait for it when it has not landed yet. */
export type MessageRefEvent = MessageEditEvent | MessageUnsendEvent | ReactionEvent | ReadEvent | DeliveryEvent;

/**
 * Applies events that name a message (edit, unsend, reaction, read, delivery) to the stored message, or
 * parks them in `pending_message_events` until it lands — Meta does not guarantee order — and replays
 * the parked ones, oldest first, in the transaction that stores the message.
 */
@Injectable()
export class MessageRefUpdater {
  constructor(
    private readonly writer: ConversationWriter,
    private readonly announce: IngestAnnouncer,
    private readonly media: MessageMediaService,
  ) {}

  /** Applies to the messages of `mids` that exist and parks the rest; `parked` when none exists yet. */
  async applyOrPark(event: MessageRefEvent, mids: string[], ctx: ApplyContext): Promise<{ outcome: 'applied' | 'parked'; detail?: string }> {
    const m = ctx.manager;
    if (event.customerExternalId) await this.writer.lock(m, ctx.channel.id, event.customerExternalId);
    const found = await m.find(MessageEntity, { where: { channelId: ctx.channel.id, mid: In(mids) }, ...lockFor(m) });
    const missing = mids.filter((mid) => !found.some((f) => f.mid === mid));
    for (const mid of missing) {
      const dedupeKey = mids.length > 1 ? `${event.dedupeKey.slice(0, 150)}:${mid.slice(-40)}` : event.dedupeKey;
      await m.save(
        m.create(PendingMessageEventEntity, { channelId: ctx.channel.id, mid, type: event.type, dedupeKey, event: withoutRaw(event), createdAt: new Date() }),
      );
    }
    for (const message of found) {
      const conversation = await m.findOneByOrFail(ConversationEntity, { id: message.conversationId });
      if (await this.applyToMessage(event, message, conversation, ctx)) this.announce.message(ctx, message, 'message.updated');
    }
    return missing.length && !found.length ? { outcome: 'parked', detail: `waiting for ${missing.join(', ')}` } : { outcome: 'applied' };
  }

  /** Applies the events parked for a message that just landed, oldest first. */
  async replayParked(message: MessageEntity, conversation: ConversationEntity, ctx: ApplyContext): Promise<void> {
    if (!message.mid) return;
    if (await BatchConversations.of(ctx.manager)?.noneParked(ctx.manager, message.channelId, message.mid, conversation.id)) return;
    const parked = await ctx.manager.find(PendingMessageEventEntity, {
      where: { channelId: message.channelId, mid: message.mid },
      order: { id: 'ASC' },
      ...lockFor(ctx.manager),
    });
    if (!parked.length) return;
    const events = parked.map((p) => p.event as unknown as MessageRefEvent).sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
    for (const event of events) await this.applyToMessage(event, message, conversation, ctx);
    await ctx.manager.delete(PendingMessageEventEntity, { id: In(parked.map((p) => p.id)) });
  }

  /** Every outbound message of the conversation sent at or before `upTo` becomes read / delivered (`includeId` too). */
  async markOutbound(conversation: ConversationEntity, upTo: Date, status: 'read' | 'delivered', ctx: ApplyContext, includeId?: string): Promise<void> {
    const from = receiptSources(status);
    const targets = await ctx.manager.find(MessageEntity, {
      where: { conversationId: conversation.id, direction: 'outbound', status: In(from), sentAt: LessThanOrEqual(upTo) },
    });
    if (includeId && !targets.some((t) => t.id === includeId)) {
      const self = await ctx.manager.findOneBy(MessageEntity, { id: includeId });
      if (self) targets.push(self);
    }
    for (const message of targets) {
      if (!applyReceipt(message, status, upTo)) continue;
      await ctx.manager.save(message);
      this.announce.message(ctx, message, 'message.updated');
    }
  }

  /** Mutates and saves one message; returns whether it changed (and should be announced). */
  private async applyToMessage(event: MessageRefEvent, message: MessageEntity, conversation: ConversationEntity, ctx: ApplyContext): Promise<boolean> {
    const when = eventTime(event.timestamp);
    let changed = false;
    switch (event.type) {
      case 'message_edit':
        changed = applyEdit(message, event, when);
        break;
      case 'message_unsend':
        changed = applyUnsend(message, when);
        if (changed) ctx.afterCommit(() => this.media.deleteMessageMedia(message.id));
        break;
      case 'reaction': {
        const result = applyReaction(message, event, when);
        changed = result.changed;
        if (result.customerActivity) bumpCustomerActivity(conversation, when);
        if (changed && event.actor === 'customer') {
          await ctx.manager.save(message);
          await this.writer.save(ctx.manager, conversation);
          return true;
        }
        break;
      }
      case 'read':
        if (event.actor !== 'customer') return false;
        // Instagram reads name a message: it and everything the business sent before it are read
        await this.markOutbound(conversation, message.sentAt, 'read', ctx, message.id);
        raiseWatermark(conversation, 'customerReadAt', message.sentAt);
        await this.writer.save(ctx.manager, conversation);
        return false;
      case 'delivery':
        changed = applyDelivery(message, when);
        break;
    }
    if (changed) await ctx.manager.save(message);
    return changed;
  }
}
