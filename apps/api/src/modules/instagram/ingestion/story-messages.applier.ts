import { Injectable } from '@nestjs/common';
import { IgStoryMessageEvent, MessagePlatform } from '@ticklegram/domain-models';
import type { ChannelRef } from '../../channels/channel-ref';
import type { MessageEntity } from '../../inbox/entities/message.entity';
import { MessageIngestApplier, PreparedContact } from '../../inbox/ingestion/message-ingest.applier';
import { ScopedConversationRepository } from '../../inbox/repositories/scoped-conversation.repository';
import { AppliesEvents } from '../../webhooks/ingestion/applies-events.decorator';
import { ApplyContext, ApplyResult, EventApplier, ResolvedEvent } from '../../webhooks/ingestion/event-applier';
import { InstagramGateway } from '../instagram.gateway';
import { toStoryEvent } from '../story-event.mapper';
import { storyMessageShape } from './story-messages.rules';

type KnownContacts = Awaited<ReturnType<MessageIngestApplier['preloadBatch']>>;

/**
 * Instagram story mentions and story replies: shaped here (`storyMessageShape`), stored in the
 * conversation by the inbox like any message (contact lookup, idempotency by mid, `message.created`),
 * then announced as `story.received` through the instagram gateway.
 */
@Injectable()
@AppliesEvents({ types: ['ig_story_mention', 'ig_story_reply'], platforms: [MessagePlatform.INSTAGRAM] })
export class StoryMessagesApplier implements EventApplier<IgStoryMessageEvent, PreparedContact, KnownContacts> {
  constructor(
    private readonly messages: MessageIngestApplier,
    private readonly conversations: ScopedConversationRepository,
    private readonly gateway: InstagramGateway,
  ) {}

  preloadBatch(events: readonly ResolvedEvent<IgStoryMessageEvent>[]): Promise<KnownContacts> {
    return this.messages.preloadBatch(events);
  }

  prepare(event: IgStoryMessageEvent, channel: ChannelRef, known: KnownContacts | undefined): Promise<PreparedContact> {
    return this.messages.prepare(event, channel, known);
  }

  apply(event: IgStoryMessageEvent, ctx: ApplyContext, prepared: PreparedContact | undefined): Promise<ApplyResult> {
    const onStored = (message: MessageEntity, tx: ApplyContext) => tx.afterCommit(() => this.announce(message));
    return this.messages.ingestMessage(event, ctx, prepared, { ...storyMessageShape(event), onStored });
  }

  /** After the commit; the audience is read then, because round-robin may have just assigned a new conversation. */
  private async announce(message: MessageEntity): Promise<void> {
    const conversation = await this.conversations.findById(message.conversationId).catch(() => null);
    if (conversation) this.gateway.storyReceived(conversation, toStoryEvent(message));
  }
}
