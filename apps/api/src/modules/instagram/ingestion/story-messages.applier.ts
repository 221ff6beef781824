import { Injectable } from '@nestjs/common';
import { IgStoryMessageEvent, MessagePlatform } from '@ticklegram/domain-models';
import type { ChannelRef } from '../../channels/channel-ref';
import { MessageIngestApplier, PreparedContact } from '../../inbox/ingestion/message-ingest.applier';
import { AppliesEvents } from '../../webhooks/ingestion/applies-events.decorator';
import { ApplyContext, ApplyResult, EventApplier, ResolvedEvent } from '../../webhooks/ingestion/event-applier';
import { storyMessageShape } from './story-messages.rules';

type KnownContacts = Awaited<ReturnType<MessageIngestApplier['preloadBatch']>>;

/**
 * Instagram story mentions and story replies: shaped here (`storyMessageShape`), stored in the
 * conversation by the inbox like any message (contact lookup, idempotency by mid, realtime).
 */
@Injectable()
@AppliesEvents({ types: ['ig_story_mention', 'ig_story_reply'], platforms: [MessagePlatform.INSTAGRAM] })
export class StoryMessagesApplier implements EventApplier<IgStoryMessageEvent, PreparedContact, KnownContacts> {
  constructor(private readonly messages: MessageIngestApplier) {}

  preloadBatch(events: readonly ResolvedEvent<IgStoryMessageEvent>[]): Promise<KnownContacts> {
    return this.messages.preloadBatch(events);
  }

  prepare(event: IgStoryMessageEvent, channel: ChannelRef, known: KnownContacts | undefined): Promise<PreparedContact> {
    return this.messages.prepare(event, channel, known);
  }

  apply(event: IgStoryMessageEvent, ctx: ApplyContext, prepared: PreparedContact | undefined): Promise<ApplyResult> {
    return this.messages.ingestMessage(event, ctx, prepared, storyMessageShape(event));
  }
}
