import { storyMessageShape } from './story-messages.rules';

describe('storyMessageShape', () => {
  it.each([
    [
      'a story mention: its own kind, the media never copied',
      { type: 'ig_story_mention' as const, replyTo: null },
      { kind: 'story_mention', keepMedia: false },
    ],
    [
      'a story reply: the story it answered',
      { type: 'ig_story_reply' as const, replyTo: { story: { id: '1799', url: 'https://cdn/s' } } },
      { replyToStory: { id: '1799', url: 'https://cdn/s' } },
    ],
    [
      "a story reply without the story's id",
      { type: 'ig_story_reply' as const, replyTo: { story: { url: 'https://cdn/s' } } },
      { replyToStory: { id: null, url: 'https://cdn/s' } },
    ],
    [
      'a mention that also replies to a story is a mention',
      { type: 'ig_story_mention' as const, replyTo: { story: { id: '1' } } },
      { kind: 'story_mention', keepMedia: false },
    ],
  ])('%s', (_label, event, shape) => {
    expect(storyMessageShape(event)).toEqual(shape);
  });
});
