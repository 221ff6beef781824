import { PassThroughMediaSource, PassThroughMediaSources } from './pass-through-media-sources';

const source = (...attachmentTypes: PassThroughMediaSource['attachmentTypes']): PassThroughMediaSource => ({
  attachmentTypes,
  fetch: jest.fn(),
  expired: jest.fn(),
});

describe('PassThroughMediaSources', () => {
  it('finds the source registered for an attachment type, and none for the others', () => {
    const sources = new PassThroughMediaSources();
    const stories = source('story_mention');
    sources.register(stories);
    expect(sources.sourceFor('story_mention')).toBe(stories);
    expect(sources.sourceFor('image')).toBeUndefined();
  });

  it('refuses a second source for the same type (a boot error, never a silent override)', () => {
    const sources = new PassThroughMediaSources();
    sources.register(source('story_mention'));
    expect(() => sources.register(source('reel', 'story_mention'))).toThrow('two pass-through media sources claim attachment type "story_mention"');
    expect(sources.sourceFor('reel')).toBeUndefined();
  });
});
