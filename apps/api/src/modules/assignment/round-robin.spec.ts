import { nextUnderCapacity } from './round-robin.subscriber';

describe('nextUnderCapacity (round-robin)', () => {
  const all = ['a', 'b', 'c'];
  it('starts at the first, then continues after the last one assigned, wrapping around', () => {
    expect(nextUnderCapacity(all, null, () => true)).toBe('a');
    expect(nextUnderCapacity(all, 'a', () => true)).toBe('b');
    expect(nextUnderCapacity(all, 'c', () => true)).toBe('a');
    // the last one went offline: continue with the next id after it
    expect(nextUnderCapacity(['a', 'c'], 'b', () => true)).toBe('c');
  });
  it('skips agents at capacity and gives up when everyone is full', () => {
    expect(nextUnderCapacity(all, 'a', (id) => id !== 'b')).toBe('c');
    expect(nextUnderCapacity(all, null, () => false)).toBeNull();
  });
});
