import { MessagePlatform, type ConversationDto, type MessageDto } from '@ticklegram/domain-models';

/** Builders for specs: a plausible DTO with the given fields overridden. */
export function conversationDto(overrides: Partial<ConversationDto> = {}): ConversationDto {
  const id = overrides.id ?? 'c1';
  return {
    id,
    channelId: 'ch1',
    platform: MessagePlatform.INSTAGRAM,
    contact: {
      id: `contact-${id}`,
      platform: MessagePlatform.INSTAGRAM,
      externalId: '17841400000001234',
      displayName: 'Ana Lima',
      username: 'ana',
      profilePicUrl: null,
    },
    status: 'open',
    assigneeId: null,
    unreadCount: 0,
    lastMessageAt: '2026-11-22T10:00:00.000Z',
    lastMessagePreview: 'hi',
    lastMessageDirection: 'inbound',
    lastCustomerMessageAt: '2026-11-22T10:00:00.000Z',
    referral: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-22T10:00:00.000Z',
    ...overrides,
  };
}

export function messageDto(overrides: Partial<MessageDto> = {}): MessageDto {
  return {
    id: 'm1',
    conversationId: 'c1',
    mid: 'mid.1',
    direction: 'inbound',
    status: 'received',
    source: 'customer',
    kind: 'message',
    text: 'hello',
    attachments: [],
    replyToMid: null,
    replyToStory: null,
    quickReplyPayload: null,
    template: null,
    postbackPayload: null,
    referral: null,
    reactions: [],
    editHistory: [],
    editedAt: null,
    unsentAt: null,
    unsupported: false,
    senderUserId: null,
    errorCode: null,
    errorMessage: null,
    sentAt: '2026-11-22T10:00:00.000Z',
    deliveredAt: null,
    readAt: null,
    createdAt: '2026-11-22T10:00:00.000Z',
    ...overrides,
  };
}
