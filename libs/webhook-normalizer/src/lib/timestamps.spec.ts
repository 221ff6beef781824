import { dedupeKey, MAX_DEDUPE_KEY_LENGTH } from './dedupe-key';
import { toEpochMs } from './timestamps';

describe('toEpochMs', () => {
  it.each([
    [1767225600, 1767225600000],
    [1767225600123, 1767225600123],
    ['1767225600', 1767225600000],
    ['1767225600123', 1767225600123],
    [1767225600.5, 1767225600500],
    ['2026-01-01T00:00:00+0000', 1767225600000],
    ['2026-01-01T00:00:00Z', 1767225600000],
  ])('%p → %p', (input, expected) => {
    expect(toEpochMs(input)).toBe(expected);
  });

  it.each([null, undefined, '', 'soon', 0, -5, NaN, Infinity, {}, []])('%p → null', (input) => {
    expect(toEpochMs(input)).toBeNull();
  });
});

describe('dedupeKey', () => {
  it('joins parts and marks missing ones', () => {
    expect(dedupeKey('msg', 'p', null, undefined, '', 5)).toBe('msg:p:-:-:-:5');
  });

  it('hashes keys that would not fit a unique index, stably', () => {
    const long = 'x'.repeat(300);
    const key = dedupeKey('delivery', 'p', long);
    expect(key).toMatch(/^delivery:h:[0-9a-f]{64}$/);
    expect(key.length).toBeLessThanOrEqual(MAX_DEDUPE_KEY_LENGTH);
    expect(dedupeKey('delivery', 'p', long)).toBe(key);
    expect(dedupeKey('delivery', 'p', `${long}y`)).not.toBe(key);
  });
});
