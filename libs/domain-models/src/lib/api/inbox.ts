import type { ConversationPriority, LabelDto } from './collaboration-tools';
import { MessagePlatform } from '../enums';

export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'resolved';
export const CONVERSATION_STATUSES: readonly ConversationStatus[] = ['open', 'pending', 'snoozed', 'resolved'];

export type InboxMessageDirection = 'inbound' | 'outbound';
/**
 * `received` for customer messages; outbound messages move pending → sent → delivered → read, or failed.
 * `unknown`: Meta did not answer (timeout, connection lost, 5xx) and may have delivered it anyway — it is
 * checked against Meta (echo, message lookup) and becomes `sent` or `failed`; it cannot be retried before.
 */
export type InboxMessageStatus = 'received' | 'pending' | 'sent' | 'delivered' | 'read' | 'failed' | 'unknown';
/** Who produced a message: the customer, an agent in TickleGram, a person in Meta's native apps, or another app/bot. */
export type InboxMessageSource = 'customer' | 'agent' | 'native_app' | 'automation';
/** `message` (text/attachments), `postback` (a button/icebreaker tap), `story_mention`. */
export type InboxMessageKind = 'message' | 'postback' | 'story_mention';

export interface ContactDto {
  id: string;
  platform: MessagePlatform;
  externalId: string;
  /** Always readable: the profile name, @username, or a placeholder such as "Instagram user …4321". */
  displayName: string;
  username: string | null;
  profilePicUrl: string | null;
}

/** First attribution of a conversation (click-to-message ad, m.me / ig.me link, Shops). */
export interface AttributionDto {
  kind: 'ad' | 'link' | 'shop' | 'other';
  source: string | null;
  ref: string | null;
  adId: string | null;
  adTitle: string | null;
  campaignId: string | null;
  adsetId: string | null;
  productId: string | null;
  at: string;
}

/** Who receives a conversation's messages: this app, or another app on the Page (Handover Protocol / Conversation Routing). */
export type ThreadOwner = 'this_app' | 'other_app';
export const THREAD_OWNERS: readonly ThreadOwner[] = ['this_app', 'other_app'];

export interface ThreadOwnerDto {
  ownedBy: ThreadOwner;
  /** The owning app's id when Meta named it (handover events); null when only standby delivery told us. */
  appId: string | null;
  /** A readable name for known apps (the Page inbox of Meta Business Suite); null for other apps. */
  appName: string | null;
  /** When control last changed (Meta's event time); null = never changed (this app from the start). */
  since: string | null;
}

export interface ConversationDto {
  id: string;
  channelId: string;
  platform: MessagePlatform;
  contact: ContactDto;
  status: ConversationStatus;
  assigneeId: string | null;
  unreadCount: number;
  lastMessageAt: string | null;
  lastMessagePreview: string | null;
  lastMessageDirection: InboxMessageDirection | null;
  /** The customer's last message (or other qualifying action): the messaging window runs from here. */
  lastCustomerMessageAt: string | null;
  referral: AttributionDto | null;
  createdAt: string;
  updatedAt: string;
  /** Labels on the conversation (empty when none or not loaded). */
  labels?: LabelDto[];
  priority?: ConversationPriority;
  /** Always sent by the api; while another app owns the thread nothing this inbox sends is delivered. */
  threadOwner?: ThreadOwnerDto;
  /** Only in a list with `search`: what matched, as a snippet with the matched words' ranges. */
  searchMatch?: SearchMatchDto;
}

/** Where a search matched: the contact's name/username or one message (the newest that matches). */
export interface SearchMatchDto {
  field: 'name' | 'username' | 'message';
  /** An excerpt of the matched text ("…" where it was cut). */
  snippet: string;
  /** [start, end) UTF-16 offsets of the matched words in `snippet`. */
  highlights: [number, number][];
  messageId: string | null;
  sentAt: string | null;
}

export interface MessageAttachmentDto {
  type: string;
  rawType: string;
  /** Meta's URL (CDN links expire; story mentions are never stored). */
  url: string | null;
  /** Api path serving our stored copy to signed-in users; null until stored or when not stored (story mentions). */
  mediaPath: string | null;
  title: string | null;
  stickerId: string | null;
  mediaId: string | null;
  /** Story mention whose link stopped working. */
  expired: boolean;
  payload: Record<string, unknown> | null;
}

export interface MessageReactionDto {
  by: 'customer' | 'business';
  reaction: string | null;
  emoji: string | null;
  at: string;
}

export interface MessageEditDto {
  text: string | null;
  at: string;
}

/** Which template an outbound message used (its text is the template's body as the customer read it). */
export interface MessageTemplateRefDto {
  id: string;
  name: string;
  language: string;
}

export interface MessageDto {
  id: string;
  conversationId: string;
  mid: string | null;
  direction: InboxMessageDirection;
  status: InboxMessageStatus;
  source: InboxMessageSource;
  kind: InboxMessageKind;
  /** Null after the customer unsent it (Meta's terms: the stored copy is deleted). */
  text: string | null;
  attachments: MessageAttachmentDto[];
  replyToMid: string | null;
  replyToStory: { id: string | null; url: string | null } | null;
  quickReplyPayload: string | null;
  postbackPayload: string | null;
  referral: AttributionDto | null;
  reactions: MessageReactionDto[];
  editHistory: MessageEditDto[];
  editedAt: string | null;
  unsentAt: string | null;
  unsupported: boolean;
  /** The utility template this message was sent with (Messenger); null for any other message. */
  template: MessageTemplateRefDto | null;
  senderUserId: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  sentAt: string;
  deliveredAt: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface ConversationListResponse {
  items: ConversationDto[];
  nextCursor: string | null;
}

/** `me`, `unassigned`, `any` (no assignee filter) or a user id. Always within the caller's scope. */
export type ConversationAssigneeFilter = 'me' | 'unassigned' | 'any' | (string & {});
export const CONVERSATION_ASSIGNEE_KEYWORDS = ['me', 'unassigned', 'any'] as const;

export interface ConversationListQuery {
  /** Contact names/usernames and message text. */
  search?: string;
  platform?: MessagePlatform;
  channelId?: string;
  status?: ConversationStatus;
  assignee?: ConversationAssigneeFilter;
  /** `true`: only conversations with unread customer messages. */
  unread?: boolean;
  /** A label id: only conversations with that label. */
  label?: string;
  cursor?: string;
  limit?: number;
}

/** `GET /api/conversations/counts`: the sidebar's folder counts, within the caller's scope. */
export interface ConversationCountsResponse {
  all: number;
  mine: number;
  unassigned: number;
  byStatus: Record<ConversationStatus, number>;
  byPlatform: Record<MessagePlatform, number>;
  /** Conversations with unread messages. */
  unread: number;
  /** Unread messages in conversations assigned to the caller. */
  myUnreadMessages: number;
}

/**
 * `GET /api/conversations/:id/contact`. Other conversations are linked only by Meta's ids (same platform,
 * same PSID/IGSID), never by matching names or usernames across platforms.
 */
export interface ContactPanelResponse {
  contact: ContactDto;
  /** First attribution of this conversation (ad / link / shop). */
  referral: AttributionDto | null;
  /** The same customer's other conversations the caller may see, newest activity first. Their comments: `GET /api/conversations/:id/comments`. */
  otherConversations: ConversationDto[];
}

export interface MessageListResponse {
  /** Oldest first within the page. */
  items: MessageDto[];
  /** Pass as `before` for older messages; null when there are none. */
  nextCursor: string | null;
}
