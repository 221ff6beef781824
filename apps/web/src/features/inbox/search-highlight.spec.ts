import { highlightParts } from './search-highlight';

describe('highlightParts', () => {
  it('splits around the ranges', () => {
    expect(
      highlightParts('Is the blue jacket here?', [
        [7, 11],
        [12, 18],
      ]),
    ).toEqual([
      { text: 'Is the ', hit: false },
      { text: 'blue', hit: true },
      { text: ' ', hit: false },
      { text: 'jacket', hit: true },
      { text: ' here?', hit: false },
    ]);
  });

  it('handles unsorted, overlapping and out-of-range ranges without losing text', () => {
    const parts = highlightParts('東京タワー', [
      [2, 9],
      [0, 3],
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('東京タワー');
    expect(parts).toEqual([
      { text: '東京タ', hit: true },
      { text: 'ワー', hit: true },
    ]);
    expect(highlightParts('plain', [])).toEqual([{ text: 'plain', hit: false }]);
  });
});
