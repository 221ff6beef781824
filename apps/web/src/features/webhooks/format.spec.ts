import { canReplay, prettyBody } from './format';

describe('webhook event formatting', () => {
  it('offers replay only for finished or failed events', () => {
    expect(canReplay('dead')).toBe(true);
    expect(canReplay('processed')).toBe(true);
    expect(canReplay('processing')).toBe(false);
    expect(canReplay('pending')).toBe(false);
    expect(canReplay('rejected')).toBe(false);
  });

  it('pretty-prints JSON bodies and keeps anything else verbatim', () => {
    expect(prettyBody('{"object":"page"}')).toBe('{\n  "object": "page"\n}');
    expect(prettyBody('{"object": "instagram", entry: [')).toBe('{"object": "instagram", entry: [');
  });
});
