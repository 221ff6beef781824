import type { InboxMessageDirection, InboxMessageKind, NormalizedAttachment } from '@ticklegram/domain-models';
import type { MessageEntity } from '../entities/message.entity';
import { previewOf } from '../inbox.mapper';
import { bumpCustomerActivity, ConversationState } from '../ingestion/message-state.rules';

/** A message read from Meta's Conversations API (history import, gap recovery), already mapped. */
export interface HistoryMessage {
  mid: string;
  direction: InboxMessageDirection;
  sentAt: Date;
  text: string | null;
  attachments: NormalizedAttachment[];
  /** Decided by the platform's mapper (an Instagram story mention is not an ordinary message). */
  kind: InboxMessageKind;
  unsupported: boolean;
}

type Merged = Pick<MessageEntity, 'direction' | 'sentAt' | 'text' | 'attachments' | 'kind' | 'unsentAt'>;

/**
 * How messages found in Meta's history change their conversation. Unlike a webhook, a history page
 * holds old messages too, so only what is newer than the conversation's latest reply counts as unread:
 * a thread where our side answered last is not "unread" — and one the import creates is resolved.
 * Any order of pages converges on the same preview and window; recovered customer messages newer
 * than our last reply are unread and reopen a resolved or snoozed conversation, as a webhook would.
 */
export function applyHistory(conversation: ConversationState, fresh: readonly Merged[], latestOutboundAt: Date | null, createdByImport: boolean): void {
  for (const message of fresh) {
    if (!conversation.lastMessageAt || conversation.lastMessageAt <= message.sentAt) {
      conversation.lastMessageAt = message.sentAt;
      conversation.lastMessagePreview = previewOf(message).slice(0, 255) || null;
      conversation.lastMessageDirection = message.direction;
    }
    if (message.direction === 'inbound') bumpCustomerActivity(conversation, message.sentAt);
  }
  const unanswered = fresh.filter((m) => m.direction === 'inbound' && (!latestOutboundAt || m.sentAt > latestOutboundAt)).length;
  if (latestOutboundAt && conversation.lastCustomerMessageAt && latestOutboundAt >= conversation.lastCustomerMessageAt) {
    conversation.unreadCount = 0;
  } else if (unanswered > 0) {
    conversation.unreadCount += unanswered;
    if (!createdByImport && (conversation.status === 'resolved' || conversation.status === 'snoozed')) conversation.status = 'open';
  }
  if (createdByImport && conversation.lastMessageDirection === 'outbound') conversation.status = 'resolved';
}
