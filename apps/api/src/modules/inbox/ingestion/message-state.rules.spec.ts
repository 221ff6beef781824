import { EchoSource, InboxMessageStatus } from '@ticklegram/domain-models';
import {
  applyDelivery,
  applyEdit,
  applyReaction,
  applyReceipt,
  applyUnsend,
  ConversationState,
  echoSourceLabel,
  MessageState,
  outboundStatusAt,
  raiseWatermark,
  touchConversation,
  withoutRaw,
} from './message-state.rules';

const T = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));

function message(overrides: Partial<MessageState> = {}): MessageState {
  return {
    direction: 'inbound',
    status: 'received',
    sentAt: T(0),
    text: 'hello',
    attachments: null,
    editHistory: null,
    editCount: 0,
    editedAt: null,
    unsentAt: null,
    reactions: null,
    quickReplyPayload: null,
    deliveredAt: null,
    readAt: null,
    kind: 'message',
    unsupported: false,
    ...overrides,
  };
}

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

describe('message state rules', () => {
  it.each<[EchoSource | null, string]>([
    ['this_app', 'agent'],
    ['other_app', 'automation'],
    ['native_app', 'native_app'],
    ['unknown', 'native_app'],
    [null, 'native_app'],
  ])('an echo from %s is labelled %s', (source, label) => {
    expect(echoSourceLabel(source)).toBe(label);
  });

  it.each([
    ['no watermark', {}, 'sent'],
    ['delivered before it was sent', { customerDeliveredAt: T(4) }, 'sent'],
    ['delivered after', { customerDeliveredAt: T(6) }, 'delivered'],
    ['read exactly then', { customerReadAt: T(5) }, 'read'],
    ['read after, delivered too', { customerReadAt: T(9), customerDeliveredAt: T(9) }, 'read'],
  ] as const)('an outbound message sent at :05 with %s lands as %s', (_label, watermarks, expected) => {
    expect(outboundStatusAt({ customerReadAt: null, customerDeliveredAt: null, ...watermarks }, T(5))).toBe(expected);
  });

  describe('edits', () => {
    it.each([
      ['the next edit', message(), { text: 'v1', numEdit: 1 }, true, { text: 'v1', editCount: 1, editedAt: T(1), history: ['hello'] }],
      [
        'an edit without a number counts as the next',
        message({ editCount: 2, text: 'v2' }),
        { text: 'v3', numEdit: null },
        true,
        { text: 'v3', editCount: 3, editedAt: T(1), history: ['v2'] },
      ],
      [
        'an older edit arriving late joins the history only',
        message({ editCount: 2, text: 'v2' }),
        { text: 'v1', numEdit: 1 },
        true,
        { text: 'v2', editCount: 2, editedAt: null, history: ['v1'] },
      ],
      [
        'the same late edit twice changes nothing',
        message({ editCount: 2, text: 'v2', editHistory: [{ text: 'v1', at: T(0).toISOString() }] }),
        { text: 'v1', numEdit: 1 },
        false,
        { text: 'v2', editCount: 2, editedAt: null, history: ['v1'] },
      ],
      [
        'an unsent message stays unsent',
        message({ unsentAt: T(0), text: null }),
        { text: 'v1', numEdit: 1 },
        false,
        { text: null, editCount: 0, editedAt: null, history: [] },
      ],
    ])('%s', (_label, m, edit, changed, expected) => {
      expect(applyEdit(m, edit, T(1))).toBe(changed);
      expect({ text: m.text, editCount: m.editCount, editedAt: m.editedAt, history: (m.editHistory ?? []).map((h) => h.text) }).toEqual(expected);
    });
  });

  it('an unsend deletes the stored copy once and keeps the marker', () => {
    const m = message({
      attachments: [{ type: 'image', rawType: 'image', payload: null }],
      reactions: [{ by: 'customer', reaction: 'love', emoji: null, at: T(0).toISOString() }],
      quickReplyPayload: 'X',
    });
    expect(applyUnsend(m, T(2))).toBe(true);
    expect(m).toMatchObject({ text: null, attachments: null, reactions: null, editHistory: null, quickReplyPayload: null, unsentAt: T(2) });
    expect(applyUnsend(m, T(3))).toBe(false);
    expect(m.unsentAt).toEqual(T(2));
  });

  describe('reactions', () => {
    const customerLove = { by: 'customer' as const, reaction: 'love', emoji: '❤', at: T(5).toISOString() };
    it.each([
      [
        'a customer reaction',
        null,
        { actor: 'customer', action: 'react', reaction: 'love', emoji: '❤' },
        T(5),
        { changed: true, customerActivity: true },
        ['customer:love'],
      ],
      [
        'the business reacts next to the customer',
        [customerLove],
        { actor: 'business', action: 'react', reaction: 'like', emoji: null },
        T(6),
        { changed: true, customerActivity: false },
        ['customer:love', 'business:like'],
      ],
      [
        'a newer customer reaction replaces theirs',
        [customerLove],
        { actor: 'customer', action: 'react', reaction: 'wow', emoji: null },
        T(6),
        { changed: true, customerActivity: true },
        ['customer:wow'],
      ],
      [
        'an older one arriving late is ignored',
        [customerLove],
        { actor: 'customer', action: 'react', reaction: 'sad', emoji: null },
        T(4),
        { changed: false, customerActivity: false },
        ['customer:love'],
      ],
      [
        'unreact removes it and is no activity',
        [customerLove],
        { actor: 'customer', action: 'unreact', reaction: null, emoji: null },
        T(6),
        { changed: true, customerActivity: false },
        [],
      ],
    ] as const)('%s', (_label, reactions, reaction, when, result, after) => {
      const m = message({ reactions: reactions ? [...reactions] : null });
      expect(applyReaction(m, reaction, when)).toEqual(result);
      expect((m.reactions ?? []).map((r) => `${r.by}:${r.reaction}`)).toEqual(after);
    });
  });

  it.each<[string, 'inbound' | 'outbound', InboxMessageStatus, boolean, InboxMessageStatus]>([
    ['our sent message', 'outbound', 'sent', true, 'delivered'],
    ['our pending message', 'outbound', 'pending', true, 'delivered'],
    ['our read message (never back to delivered)', 'outbound', 'read', false, 'read'],
    ['a customer message', 'inbound', 'received', false, 'received'],
  ])('a delivery naming %s', (_label, direction, status, changed, after) => {
    const m = message({ direction, status });
    expect(applyDelivery(m, T(3))).toBe(changed);
    expect(m.status).toBe(after);
  });

  it.each<[InboxMessageStatus, 'read' | 'delivered', boolean, InboxMessageStatus]>([
    ['sent', 'read', true, 'read'],
    ['delivered', 'read', true, 'read'],
    ['read', 'read', false, 'read'],
    ['sent', 'delivered', true, 'delivered'],
    ['delivered', 'delivered', false, 'delivered'],
    ['read', 'delivered', false, 'read'],
    ['failed', 'read', false, 'failed'],
  ])('a %s message under a %s receipt', (status, receipt, changed, after) => {
    const m = message({ direction: 'outbound', status });
    expect(applyReceipt(m, receipt, T(7))).toBe(changed);
    expect(m.status).toBe(after);
    if (changed) expect(m.deliveredAt).toEqual(T(7));
  });

  it.each([
    ['no watermark yet', null, T(5), true, T(5)],
    ['a newer one', T(4), T(5), true, T(5)],
    ['an older one (never back)', T(6), T(5), false, T(6)],
  ])('a read watermark over %s', (_label, current, value, changed, after) => {
    const c = conversation({ customerReadAt: current });
    expect(raiseWatermark(c, 'customerReadAt', value)).toBe(changed);
    expect(c.customerReadAt).toEqual(after);
  });

  describe('touchConversation', () => {
    const inbound = { direction: 'inbound' as const, sentAt: T(5), text: 'hi', attachments: null, kind: 'message' as const, unsentAt: null };
    it.each([
      [
        'a customer message reopens a resolved conversation and counts as unread',
        conversation({ status: 'resolved', unreadCount: 1 }),
        inbound,
        { status: 'open', unreadCount: 2, lastMessageAt: T(5), lastMessagePreview: 'hi', lastCustomerMessageAt: T(5) },
      ],
      ['…and a snoozed one', conversation({ status: 'snoozed' }), inbound, { status: 'open', unreadCount: 1 }],
      [
        'an older message does not take the preview',
        conversation({ lastMessageAt: T(9), lastMessagePreview: 'later' }),
        inbound,
        { lastMessageAt: T(9), lastMessagePreview: 'later', unreadCount: 1 },
      ],
      [
        'our reply after the customer clears unread',
        conversation({ unreadCount: 3, lastCustomerMessageAt: T(4) }),
        { ...inbound, direction: 'outbound' as const },
        { unreadCount: 0, lastMessageDirection: 'outbound', status: 'open' },
      ],
      [
        'our older echo keeps unread',
        conversation({ unreadCount: 3, lastCustomerMessageAt: T(6) }),
        { ...inbound, direction: 'outbound' as const },
        { unreadCount: 3 },
      ],
    ])('%s', (_label, c, m, expected) => {
      touchConversation(c, m, null);
      expect(c).toMatchObject(expected);
    });

    it('keeps the first attribution', () => {
      const first = {
        kind: 'ad',
        source: 'ADS',
        ref: null,
        adId: '1',
        adTitle: null,
        campaignId: null,
        adsetId: null,
        productId: null,
        at: T(0).toISOString(),
      } as const;
      const c = conversation({ referral: { ...first } });
      touchConversation(c, inbound, { ...first, adId: '2' });
      expect(c.referral?.adId).toBe('1');
    });
  });

  it('parks events without their raw fragment', () => {
    expect(withoutRaw({ type: 'reaction', raw: { big: true }, mid: 'm1' } as never)).toEqual({ type: 'reaction', mid: 'm1' });
  });
});
