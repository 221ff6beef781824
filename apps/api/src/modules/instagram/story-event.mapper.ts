import { StoryEventPayload } from '@ticklegram/domain-models';
import type { MessageEntity } from '../inbox/entities/message.entity';

/** A stored story message as a `story.*` event: a mention (the story is in its attachment) or a reply (the story it answered). */
export function toStoryEvent(message: Pick<MessageEntity, 'id' | 'conversationId' | 'kind' | 'attachments' | 'replyToStory'>): StoryEventPayload {
  if (message.kind === 'story_mention') {
    const attachment = message.attachments?.find((a) => a.type === 'story_mention');
    return { conversationId: message.conversationId, messageId: message.id, kind: 'mention', storyId: attachment?.mediaId ?? null };
  }
  return { conversationId: message.conversationId, messageId: message.id, kind: 'reply', storyId: message.replyToStory?.id ?? null };
}
