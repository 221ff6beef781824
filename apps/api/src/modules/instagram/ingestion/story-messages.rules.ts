import { IgStoryMessageEvent } from '@ticklegram/domain-models';
import type { MessageShape } from '../../inbox/ingestion/message-ingest.applier';

/**
 * How an Instagram story message is stored. A story mention keeps Meta's link but never its media
 * (Meta's terms: it is passed through while the link works, until the story expires); a story reply
 * keeps which story it answered.
 */
export function storyMessageShape(event: Pick<IgStoryMessageEvent, 'type' | 'replyTo'>): MessageShape {
  if (event.type === 'ig_story_mention') return { kind: 'story_mention', keepMedia: false };
  const story = event.replyTo?.story;
  return { replyToStory: story ? { id: story.id ?? null, url: story.url ?? null } : null };
}
