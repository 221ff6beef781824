import { AttributionDto, EchoSource, InboxMessageSource, InboxMessageStatus, MessageReactionDto, NormalizedEvent } from '@ticklegram/domain-models';
import type { ConversationEntity } from '../entities/conversation.entity';
import type { MessageEntity } from '../entities/message.entity';
import { previewOf } from '../inbox.mapper';

/**
 * How messages and conversations change as Meta's events arrive — pure rules, no I/O, so they are
 * tested by tables of cases (message-state.rules.spec.ts). Each rule mutates the row it is given and
 * says whether anything changed; the appliers load and save.
 */

/** What a rule needs of a message. */
export type MessageState = Pick<
  MessageEntity,
  | 'direction'
  | 'status'
  | 'sentAt'
  | 'text'
  | 'attachments'
  | 'editHistory'
  | 'editCount'
  | 'editedAt'
  | 'unsentAt'
  | 'reactions'
  | 'quickReplyPayload'
  | 'deliveredAt'
  | 'readAt'
  | 'kind'
  | 'unsupported'
>;

/** What a rule needs of a conversation. */
export type ConversationState = Pick<
  ConversationEntity,
  | 'status'
  | 'unreadCount'
  | 'lastMessageAt'
  | 'lastMessagePreview'
  | 'lastMessageDirection'
  | 'lastCustomerMessageAt'
  | 'customerReadAt'
  | 'customerDeliveredAt'
  | 'referral'
>;

/** Meta's ms timestamp, or now when Meta sent none. */
export function eventTime(ms: number | null): Date {
  return new Date(ms ?? Date.now());
}

/** Who sent an echo (a message the business sent), as the thread labels it. */
export function echoSourceLabel(source: EchoSource | null): InboxMessageSource {
  switch (source) {
    case 'this_app':
      return 'agent';
    case 'other_app':
      return 'automation';
    default:
      // native apps, and Instagram echoes (never carry an app id) whose mid we do not know
      return 'native_app';
  }
}

/** A business message that lands after the customer's read / delivery watermark passed it is read / delivered already. */
export function outboundStatusAt(
  conversation: Pick<ConversationState, 'customerReadAt' | 'customerDeliveredAt'>,
  sentAt: Date,
): Extract<InboxMessageStatus, 'sent' | 'delivered' | 'read'> {
  if (conversation.customerReadAt && conversation.customerReadAt >= sentAt) return 'read';
  if (conversation.customerDeliveredAt && conversation.customerDeliveredAt >= sentAt) return 'delivered';
  return 'sent';
}

/**
 * An edit (`num_edit` orders them). An older edit arriving late only joins the history; an unsent
 * message stays unsent.
 */
export function applyEdit(message: MessageState, edit: { text: string | null; numEdit: number | null }, when: Date): boolean {
  if (message.unsentAt) return false;
  const order = edit.numEdit ?? message.editCount + 1;
  if (order <= message.editCount) {
    const history = message.editHistory ?? [];
    if (history.some((h) => h.text === edit.text)) return false;
    message.editHistory = [...history, { text: edit.text, at: when.toISOString() }].sort((a, b) => a.at.localeCompare(b.at));
    return true;
  }
  message.editHistory = [...(message.editHistory ?? []), { text: message.text, at: (message.editedAt ?? message.sentAt).toISOString() }];
  message.text = edit.text;
  message.editCount = order;
  message.editedAt = when;
  return true;
}

/** Meta's terms: the customer unsent it, so the stored copy goes and an "unsent" marker stays. */
export function applyUnsend(message: MessageState, when: Date): boolean {
  if (message.unsentAt) return false;
  message.text = null;
  message.attachments = null;
  message.editHistory = null;
  message.reactions = null;
  message.quickReplyPayload = null;
  message.unsentAt = when;
  return true;
}

/**
 * One reaction per side (customer, business); the newest wins, `unreact` removes it. Returns whether it
 * changed, and whether it counts as customer activity (a reaction opens the 24 h window).
 */
export function applyReaction(
  message: MessageState,
  reaction: { actor: 'customer' | 'business'; action: 'react' | 'unreact'; reaction: string | null; emoji: string | null },
  when: Date,
): { changed: boolean; customerActivity: boolean } {
  const by: MessageReactionDto['by'] = reaction.actor;
  const current = message.reactions ?? [];
  const mine = current.find((r) => r.by === by);
  if (mine && mine.at > when.toISOString()) return { changed: false, customerActivity: false };
  const others = current.filter((r) => r.by !== by);
  message.reactions = reaction.action === 'react' ? [...others, { by, reaction: reaction.reaction, emoji: reaction.emoji, at: when.toISOString() }] : others;
  return { changed: true, customerActivity: by === 'customer' && reaction.action === 'react' };
}

/** A delivery receipt naming this message: only our pending/sent outbound messages move to delivered. */
export function applyDelivery(message: MessageState, when: Date): boolean {
  if (message.direction !== 'outbound' || !['pending', 'sent'].includes(message.status)) return false;
  message.status = 'delivered';
  message.deliveredAt = when;
  return true;
}

/** Statuses a read / delivery receipt may move an outbound message from. */
export function receiptSources(status: 'read' | 'delivered'): InboxMessageStatus[] {
  return status === 'read' ? ['pending', 'sent', 'delivered'] : ['pending', 'sent'];
}

/** An outbound message covered by a read / delivery receipt at `at`; false when it is past that state already. */
export function applyReceipt(message: MessageState, status: 'read' | 'delivered', at: Date): boolean {
  if (message.direction !== 'outbound' || !receiptSources(status).includes(message.status)) return false;
  message.status = status;
  if (status === 'read') message.readAt = at;
  message.deliveredAt ??= at;
  return true;
}

/** Watermarks only move forward. */
export function raiseWatermark(conversation: ConversationState, field: 'customerReadAt' | 'customerDeliveredAt', value: Date): boolean {
  const current = conversation[field];
  if (current && current >= value) return false;
  conversation[field] = value;
  return true;
}

export function bumpCustomerActivity(conversation: ConversationState, when: Date): void {
  if (!conversation.lastCustomerMessageAt || conversation.lastCustomerMessageAt < when) conversation.lastCustomerMessageAt = when;
}

/**
 * A stored message updates its conversation's list view: the newest message wins the preview; a
 * customer message counts as unread, opens the window and reopens a resolved or snoozed conversation;
 * our reply to the latest customer message clears the unread count. The first attribution sticks.
 */
export function touchConversation(
  conversation: ConversationState,
  message: Pick<MessageEntity, 'direction' | 'sentAt' | 'text' | 'attachments' | 'kind' | 'unsentAt'>,
  referral: AttributionDto | null,
): void {
  if (!conversation.lastMessageAt || conversation.lastMessageAt <= message.sentAt) {
    conversation.lastMessageAt = message.sentAt;
    conversation.lastMessagePreview = previewOf(message).slice(0, 255) || null;
    conversation.lastMessageDirection = message.direction;
  }
  if (message.direction === 'inbound') {
    conversation.unreadCount += 1;
    bumpCustomerActivity(conversation, message.sentAt);
    if (conversation.status === 'resolved' || conversation.status === 'snoozed') conversation.status = 'open';
  } else if (message.sentAt >= (conversation.lastCustomerMessageAt ?? new Date(0))) {
    conversation.unreadCount = 0;
  }
  if (referral) conversation.referral ??= referral;
}

/** Drops `raw` (it is in webhook_events) so parked events stay small. */
export function withoutRaw(event: NormalizedEvent): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...event };
  delete copy['raw'];
  return copy;
}
