import type { CannedResponseDto } from '@ticklegram/domain-models';
import { filterCannedResponses, insertCannedResponse, slashTokenAt } from './canned-responses';

const canned = (shortcut: string, title: string): CannedResponseDto => ({ id: shortcut, shortcut, title, body: `<${shortcut}>`, createdAt: '', updatedAt: '' });
const ITEMS = [canned('thanks', 'Thank you'), canned('hours', 'Opening hours'), canned('refund', 'Refund policy'), canned('shipping', 'Shipping times')];

describe('slashTokenAt', () => {
  it.each([
    ['/', 1, { start: 0, query: '' }],
    ['/th', 3, { start: 0, query: 'th' }],
    ['Hi there /ref', 13, { start: 9, query: 'ref' }],
    ['line one\n/ho', 12, { start: 9, query: 'ho' }],
  ])('%j at %i opens with %j', (text, caret, expected) => {
    expect(slashTokenAt(text, caret)).toEqual(expected);
  });

  it.each([
    ['https://example.com', 19],
    ['1/2', 3],
    ['/thanks and more', 16],
    ['no slash', 8],
  ])('%j at %i does not open', (text, caret) => {
    expect(slashTokenAt(text, caret)).toBeNull();
  });

  it('only looks before the caret', () => {
    expect(slashTokenAt('/th and text', 3)).toEqual({ start: 0, query: 'th' });
  });
});

describe('filterCannedResponses', () => {
  it('lists everything for an empty query', () => {
    expect(filterCannedResponses(ITEMS, '').map((c) => c.shortcut)).toEqual(['thanks', 'hours', 'refund', 'shipping']);
  });

  it('puts shortcut prefix matches before substring and title matches, case-insensitively', () => {
    expect(filterCannedResponses(ITEMS, 'H').map((c) => c.shortcut)).toEqual(['hours', 'thanks', 'shipping']);
    expect(filterCannedResponses(ITEMS, 'policy').map((c) => c.shortcut)).toEqual(['refund']);
  });

  it('returns nothing when nothing matches, and respects the limit', () => {
    expect(filterCannedResponses(ITEMS, 'zzz')).toEqual([]);
    expect(filterCannedResponses(ITEMS, '', 2)).toHaveLength(2);
  });
});

describe('insertCannedResponse', () => {
  it('replaces the slash token and puts the caret after the body', () => {
    const text = 'Hello /tha, bye';
    const token = slashTokenAt(text, 10);
    expect(token).not.toBeNull();
    if (!token) throw new Error('no token');
    expect(insertCannedResponse(text, token, 10, 'Thank you!')).toEqual({ text: 'Hello Thank you!, bye', caret: 16 });
  });
});
