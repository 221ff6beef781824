import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { retryOnConflict } from '../../../database/database-errors';
import { insertRow } from '../../../database/fast-insert';
import type { CustomerProfile } from '../../channels/channel-platform';
import type { ChannelRef } from '../../channels/channel-ref';
import { ChannelsService } from '../../channels/channels.service';
import type { ApplyContext } from '../../webhooks/ingestion/event-applier';
import { ContactEntity } from '../entities/contact.entity';
import { MessageEntity, StoredAttachment } from '../entities/message.entity';
import { InboxGateway } from '../inbox.gateway';
import { ConversationWriter } from '../ingestion/conversation-writer';
import { MessageRefUpdater } from '../ingestion/message-ref.updater';
import { outboundStatusAt } from '../ingestion/message-state.rules';
import { MessageMediaService } from '../media/message-media.service';
import { applyHistory, HistoryMessage } from './history-merge.rules';

export type { HistoryMessage } from './history-merge.rules';

export interface HistoryMergeResult {
  conversationId: string;
  /** Messages that were not stored yet and are now. */
  added: number;
}

/** Above this many new messages in one merge the thread is not pushed message by message (the conversation update tells clients to reload). */
const ANNOUNCE_EACH_UP_TO = 50;

/**
 * Stores messages read from Meta's Conversations API (history import, gap recovery) into the inbox,
 * exactly once: a message is identified by its mid, unique per channel (`uq_messages_channel_mid`), so
 * a message that also arrives by webhook — before, during or after — is stored once. The conversation
 * row lock is the same one webhook ingestion takes, so the two never interleave on one conversation.
 * Events parked for a mid (a reaction that came before its message) are applied when it lands.
 */
@Injectable()
export class HistoryMergeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ContactEntity) private readonly contacts: Repository<ContactEntity>,
    private readonly writer: ConversationWriter,
    private readonly refs: MessageRefUpdater,
    private readonly channels: ChannelsService,
    private readonly gateway: InboxGateway,
    private readonly media: MessageMediaService,
  ) {}

  /** Whether these mids are stored for the channel (read-only; gap checks). */
  async knownMids(channelId: string, mids: string[]): Promise<Set<string>> {
    if (!mids.length) return new Set();
    const rows = await this.dataSource.getRepository(MessageEntity).find({ select: { mid: true }, where: { channelId, mid: In(mids) } });
    return new Set(rows.map((r) => r.mid as string));
  }

  async merge(channel: ChannelRef, customerExternalId: string, messages: readonly HistoryMessage[]): Promise<HistoryMergeResult> {
    // the profile lookup is network I/O: never inside the transaction
    const known = await this.contacts.exists({ where: { channelId: channel.id, externalId: customerExternalId } });
    const profile = known ? null : await this.channels.lookupCustomerProfile(channel, customerExternalId);
    // a webhook may store one of these messages (or the conversation) between our read and our insert
    return retryOnConflict(() => this.mergeOnce(channel, customerExternalId, messages, profile));
  }

  private async mergeOnce(
    channel: ChannelRef,
    customer: string,
    messages: readonly HistoryMessage[],
    profile: CustomerProfile | null,
  ): Promise<HistoryMergeResult> {
    const effects: (() => void | Promise<void>)[] = [];
    const result = await this.dataSource.transaction(async (m) => {
      const locked = await this.writer.lock(m, channel.id, customer);
      const { conversation, contact } = await this.writer.upsert(m, channel, { platform: channel.platform, customerExternalId: customer }, profile, locked);
      const stored = await this.storedMids(
        m,
        channel.id,
        messages.map((x) => x.mid),
      );
      const fresh = [...new Map(messages.filter((x) => !stored.has(x.mid)).map((x) => [x.mid, x])).values()].sort(
        (a, b) => a.sentAt.getTime() - b.sentAt.getTime(),
      );
      if (!fresh.length) return { conversationId: conversation.id, added: 0 };

      const rows: MessageEntity[] = [];
      for (const item of fresh) {
        const attachments: StoredAttachment[] = item.attachments.map((a) => ({ ...a }));
        const row = m.create(MessageEntity, {
          conversationId: conversation.id,
          channelId: channel.id,
          platform: channel.platform,
          mid: item.mid,
          direction: item.direction,
          status: item.direction === 'outbound' ? outboundStatusAt(conversation, item.sentAt) : 'received',
          // the Conversations API does not say which app or person sent a business message
          source: item.direction === 'outbound' ? 'agent' : 'customer',
          kind: item.kind,
          senderUserId: null,
          clientKey: null,
          text: item.text,
          attachments: attachments.length ? attachments : null,
          unsupported: item.unsupported,
          sentAt: item.sentAt,
        });
        await insertRow(m, MessageEntity, row);
        rows.push(row);
      }
      const ctx: ApplyContext = { webhookEventId: 0, channel, manager: m, batch: undefined, attempt: 1, afterCommit: (effect) => effects.push(effect) };
      for (const row of rows) await this.refs.replayParked(row, conversation, ctx);

      const latestOutbound = await m.findOne(MessageEntity, {
        select: { id: true, sentAt: true },
        where: { conversationId: conversation.id, direction: 'outbound' },
        order: { sentAt: 'DESC' },
      });
      applyHistory(conversation, rows, latestOutbound?.sentAt ?? null, !locked);
      await this.writer.save(m, conversation);

      effects.push(() => {
        if (rows.length <= ANNOUNCE_EACH_UP_TO) for (const row of rows) this.gateway.message(conversation, row, 'message.created');
        else this.gateway.messagesChanged(conversation.id);
        this.gateway.conversationUpdated(conversation, contact);
        for (const row of rows) if (row.attachments?.length && row.kind !== 'story_mention') this.media.enqueueMessage(row.id);
      });
      return { conversationId: conversation.id, added: rows.length };
    });
    for (const effect of effects) await effect();
    return result;
  }

  private async storedMids(m: EntityManager, channelId: string, mids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < mids.length; i += 500) {
      const rows = await m.find(MessageEntity, { select: { mid: true }, where: { channelId, mid: In(mids.slice(i, i + 500)) } });
      for (const r of rows) if (r.mid) found.add(r.mid);
    }
    return found;
  }
}
