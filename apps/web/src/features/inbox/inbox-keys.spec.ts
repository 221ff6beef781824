import { inboxKeys, isConversationListKey } from './api';
import { DEFAULT_FILTERS } from './filters';

describe('inbox query keys', () => {
  it('tells conversation lists (whose live updates refresh the folder counts) from other inbox queries', () => {
    expect(isConversationListKey(inboxKeys.list(DEFAULT_FILTERS))).toBe(true);
    expect(isConversationListKey(inboxKeys.list({ ...DEFAULT_FILTERS, unread: true }))).toBe(true);
    expect(isConversationListKey(inboxKeys.counts())).toBe(false);
    expect(isConversationListKey(inboxKeys.lists())).toBe(false);
    expect(isConversationListKey(inboxKeys.conversation('c1'))).toBe(false);
    expect(isConversationListKey(inboxKeys.contact('c1'))).toBe(false);
  });

  it('keeps the counts out of the lists prefix, so list updaters never receive them', () => {
    const lists: readonly unknown[] = inboxKeys.lists();
    const counts: readonly unknown[] = inboxKeys.counts();
    expect(counts.slice(0, lists.length)).not.toEqual(lists);
  });
});
