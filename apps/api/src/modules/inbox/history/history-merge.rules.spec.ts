import type { ConversationState } from '../ingestion/message-state.rules';
import { applyHistory } from './history-merge.rules';

const T = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));
const msg = (direction: 'inbound' | 'outbound', minute: number, text = `${direction} ${minute}`) => ({
  direction,
  sentAt: T(minute),
  text,
  attachments: null,
  kind: 'message' as const,
  unsentAt: null,
});

function conversation(overrides: Partial<ConversationState> = {}): ConversationState {
  return {
    status: 'open',
    unreadCount: 0,
    lastMessageAt: null,
    lastMessagePreview: null,
    lastMessageDirection: null,
    lastCustomerMessageAt: null,
    customerReadAt: null,
    customerDeliveredAt: null,
    referral: null,
    ...overrides,
  };
}

describe('applyHistory', () => {
  it('a new conversation where the customer wrote last: unread counts only what came after our last reply', () => {
    const c = conversation();
    const fresh = [msg('inbound', 1), msg('outbound', 2), msg('inbound', 3), msg('inbound', 4)];
    applyHistory(c, fresh, T(2), true);
    expect(c).toMatchObject({
      status: 'open',
      unreadCount: 2,
      lastMessageAt: T(4),
      lastMessageDirection: 'inbound',
      lastCustomerMessageAt: T(4),
      lastMessagePreview: 'inbound 4',
    });
  });

  it('a new conversation where we answered last is read and resolved', () => {
    const c = conversation();
    applyHistory(c, [msg('inbound', 1), msg('outbound', 2)], T(2), true);
    expect(c).toMatchObject({ status: 'resolved', unreadCount: 0, lastMessageDirection: 'outbound', lastCustomerMessageAt: T(1) });
  });

  it('older history under an existing conversation changes neither its preview nor its unread count', () => {
    const c = conversation({
      unreadCount: 0,
      lastMessageAt: T(30),
      lastMessagePreview: 'latest',
      lastMessageDirection: 'outbound',
      lastCustomerMessageAt: T(20),
    });
    applyHistory(c, [msg('inbound', 1), msg('outbound', 2)], T(30), false);
    expect(c).toMatchObject({ unreadCount: 0, lastMessageAt: T(30), lastMessagePreview: 'latest', lastCustomerMessageAt: T(20) });
  });

  it('recovered customer messages are unread and reopen a resolved conversation', () => {
    const c = conversation({ status: 'resolved', unreadCount: 0, lastMessageAt: T(10), lastMessageDirection: 'outbound', lastCustomerMessageAt: T(5) });
    applyHistory(c, [msg('inbound', 11), msg('inbound', 12)], T(10), false);
    expect(c).toMatchObject({ status: 'open', unreadCount: 2, lastMessageAt: T(12), lastMessageDirection: 'inbound', lastCustomerMessageAt: T(12) });
  });

  it('a recovered reply of ours newer than the customer clears the unread count', () => {
    const c = conversation({ unreadCount: 3, lastMessageAt: T(10), lastMessageDirection: 'inbound', lastCustomerMessageAt: T(10) });
    applyHistory(c, [msg('outbound', 11)], T(11), false);
    expect(c).toMatchObject({ unreadCount: 0, lastMessageDirection: 'outbound' });
  });
});
