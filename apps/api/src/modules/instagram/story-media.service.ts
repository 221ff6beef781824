import { Injectable, OnModuleInit } from '@nestjs/common';
import type { ConversationEntity } from '../inbox/entities/conversation.entity';
import type { MessageEntity, StoredAttachment } from '../inbox/entities/message.entity';
import { PassThroughMediaSource, PassThroughMediaSources } from '../inbox/media/pass-through-media-sources';
import { MediaStorage, PassThroughFile } from '../media/media-storage.service';
import { MediaDownloadError } from '../media/safe-download';
import { InstagramGateway } from './instagram.gateway';
import { toStoryEvent } from './story-event.mapper';

/**
 * A story mention's media: passed through from Meta's CDN for one response and never kept (Meta's terms),
 * until the story expires (24 h) or is deleted and Meta's link stops answering. Registered with the inbox,
 * which serves it to those who may see the conversation and stores the expiry; `story.expired` goes out here.
 */
@Injectable()
export class StoryMediaService implements PassThroughMediaSource, OnModuleInit {
  readonly attachmentTypes = ['story_mention'] as const;

  constructor(
    private readonly sources: PassThroughMediaSources,
    private readonly storage: MediaStorage,
    private readonly gateway: InstagramGateway,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async fetch(attachment: StoredAttachment): Promise<PassThroughFile | 'expired'> {
    try {
      return await this.storage.passThrough(attachment.url as string);
    } catch (error) {
      // Meta answers an error status for an expired or deleted story; timeouts and refused hosts are not expiry
      if (error instanceof MediaDownloadError && error.reason === 'http_error') return 'expired';
      throw error;
    }
  }

  expired(conversation: Pick<ConversationEntity, 'id' | 'assigneeId'>, message: MessageEntity, index: number): void {
    this.gateway.storyExpired(conversation, { ...toStoryEvent(message), attachmentIndex: index });
  }
}
