import { toStoryEvent } from './story-event.mapper';

const base = { id: 'm1', conversationId: 'c1', attachments: null, replyToStory: null };

describe('toStoryEvent', () => {
  it.each([
    [
      'a mention names the story of its attachment',
      { ...base, kind: 'story_mention' as const, attachments: [{ type: 'story_mention' as const, rawType: 'story_mention', mediaId: '1799', payload: null }] },
      { conversationId: 'c1', messageId: 'm1', kind: 'mention', storyId: '1799' },
    ],
    [
      'a mention without a story id',
      {
        ...base,
        kind: 'story_mention' as const,
        attachments: [{ type: 'story_mention' as const, rawType: 'story_mention', url: 'https://cdn/s', payload: null }],
      },
      { conversationId: 'c1', messageId: 'm1', kind: 'mention', storyId: null },
    ],
    [
      'a reply names the story it answered',
      { ...base, kind: 'message' as const, replyToStory: { id: '42', url: null } },
      { conversationId: 'c1', messageId: 'm1', kind: 'reply', storyId: '42' },
    ],
    [
      "a reply without the story's id",
      { ...base, kind: 'message' as const, replyToStory: { id: null, url: 'https://cdn/s' } },
      { conversationId: 'c1', messageId: 'm1', kind: 'reply', storyId: null },
    ],
  ])('%s', (_label, message, event) => {
    expect(toStoryEvent(message)).toEqual(event);
  });
});
