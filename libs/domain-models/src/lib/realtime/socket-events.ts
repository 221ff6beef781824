import type { ChannelUpdatedEvent } from '../api/channels';
import type { ChannelHistoryUpdatedEvent } from '../api/channel-history';
import { Role } from '../enums';
import type { CommentBackfillDto, CommentDto } from '../api/comments';
import type { ConversationDto, MessageDto } from '../api/inbox';
import type { WebhookEventDto } from '../api/webhook-events';
import type { PresenceUserDto } from '../api/messaging';
import type { NoteCreatedEvent, NoteMentionedEvent } from '../api/collaboration-tools';
import type { InsightsSyncEvent } from '../api/insights';
import type { MessageTemplateDto } from '../api/templates';
import type { OptinsUpdatedEvent } from '../api/messenger';
import type { CapiEventDto, OutcomeDto } from '../api/capi';

/**
 * The realtime contract between the api's Socket.IO server and the dashboard. Event names are
 * `<aggregate>.<past-tense-verb>`; each feature adds its events here with their payload types, so both
 * sides are type-checked against one map.
 */
export interface ServerToClientEvents {
  /** Sent once after a successful handshake. */
  'session.ready': (payload: SessionReadyEvent) => void;
  /** A channel's status or health changed (connect, disconnect, token rejected, re-subscribed); to every role. */
  'channel.updated': (payload: ChannelUpdatedEvent) => void;
  /** A channel's history import progressed or a gap recovery ran (history module, through the channels gateway); to admins. */
  'channel.history_updated': (payload: ChannelHistoryUpdatedEvent) => void;
  /** A message was stored (inbound, or an echo from the native apps). */
  'message.created': (payload: MessageEventPayload) => void;
  /** A message changed: status, reaction, edit, unsend, stored media. */
  'message.updated': (payload: MessageEventPayload) => void;
  /** A conversation's list view changed (new activity, unread count, status, referral). */
  'conversation.updated': (payload: ConversationEventPayload) => void;
  /** A webhook delivery went dead after its last retry (admins). */
  'webhook.failed': (payload: WebhookEventDto) => void;
  /** A conversation got a new assignee (or none); to the conversation room, old and new assignee, admins (and agents when it became unassigned). */
  'conversation.assigned': (payload: ConversationAssignedEvent) => void;
  /** Who is viewing / typing in a conversation changed; to the conversation room. */
  'presence.updated': (payload: ConversationPresenceEvent) => void;
  /** A teammate came online or went offline (first socket connected / last one closed); to every role. */
  'presence.online_changed': (payload: OnlineChangedEvent) => void;
  /** A private note was added; to the conversation's audience (never to Meta). */
  'note.created': (payload: NoteCreatedEvent) => void;
  /** A teammate mentioned you in a private note; to your user room. */
  'note.mentioned': (payload: NoteMentionedEvent) => void;
  /** A comment, reply, visitor post or mention was stored (webhook or backfill); to admins, its assignee, or every agent while unassigned. */
  'comment.created': (payload: CommentEventPayload) => void;
  /** A stored comment changed (edited, hidden, removed, replied, assigned, done); same audience, plus a previous assignee. */
  'comment.updated': (payload: CommentEventPayload) => void;
  /** A comments backfill started, progressed or finished; to admins. */
  'comment.backfill_updated': (payload: CommentBackfillEventPayload) => void;
  /** A customer mentioned the business in their Instagram story or replied to its story (instagram module, after the message is stored); to the conversation's audience. */
  'story.received': (payload: StoryEventPayload) => void;
  /** A story mention's media stopped working at Meta (the story expired or was deleted); to the conversation's audience. */
  'story.expired': (payload: StoryExpiredEventPayload) => void;
  /** Instagram sent a story's final metrics (`story_insights`); to admins and agents. */
  'insights.story_updated': (payload: StoryInsightsEventPayload) => void;
  /** An Instagram account's insights sync moved on (phase, counts); to admins and agents. */
  'insights.sync_progress': (payload: InsightsSyncEvent) => void;
  /** An Instagram account's insights sync finished (or failed: `status.state`); to admins and agents. */
  'insights.synced': (payload: InsightsSyncEvent) => void;
  /**
   * A utility template was created, submitted or changed status (Meta's review webhook, polling, an
   * admin); to admins, and to agents when it is or was approved (agents drop it when it no longer is).
   */
  'template.updated': (payload: TemplateEventPayload) => void;
  /** A template was deleted (by an admin, or it disappeared from Meta); to every role. */
  'template.deleted': (payload: TemplateDeletedEventPayload) => void;
  /** A customer's Messenger opt-ins changed (opt-in, stop, resume); to those who may see their conversation. */
  'optin.updated': (payload: OptinsUpdatedEvent) => void;
  /** An outcome was recorded on a conversation, or its Conversions API event moved on; to the conversation room and admins. */
  'capi.outcome_updated': (payload: OutcomeEventPayload) => void;
  /** A Conversions API event changed status (queued, sent, accepted, failed…); to admins. */
  'capi.event_updated': (payload: CapiEventPayload) => void;
}

export interface OutcomeEventPayload {
  outcome: OutcomeDto;
}

export interface CapiEventPayload {
  event: CapiEventDto;
}

export interface TemplateEventPayload {
  template: MessageTemplateDto;
}

export interface TemplateDeletedEventPayload {
  id: string;
  channelId: string;
}

export interface CommentEventPayload {
  comment: CommentDto;
}

export interface CommentBackfillEventPayload {
  backfill: CommentBackfillDto;
}

/** An Instagram story message: a story mention or a reply to one of the business's stories. */
export interface StoryEventPayload {
  conversationId: string;
  messageId: string;
  kind: 'mention' | 'reply';
  /** Meta's story id when it gave one. */
  storyId: string | null;
}

export interface StoryExpiredEventPayload extends StoryEventPayload {
  /** The attachment of the message whose link stopped working. */
  attachmentIndex: number;
}

export interface StoryInsightsEventPayload {
  channelId: string;
  mediaId: string;
  /** Meta's metric names; −1 means fewer than 5. */
  metrics: Record<string, number>;
}

export interface ConversationAssignedEvent {
  conversation: ConversationDto;
  previousAssigneeId: string | null;
  /** The user who assigned, or `null` for automatic round-robin. */
  assignedBy: string | null;
}

export interface ConversationPresenceEvent {
  conversationId: string;
  viewers: PresenceUserDto[];
  typing: PresenceUserDto[];
}

export interface OnlineChangedEvent {
  user: PresenceUserDto;
  online: boolean;
}

/** Ack of `conversation.join` / `conversation.leave` / `presence.typing`. */
export type RoomAck = { ok: true; viewers?: PresenceUserDto[]; typing?: PresenceUserDto[] } | { ok: false; code: string; message: string };

export interface MessageEventPayload {
  conversationId: string;
  message: MessageDto;
}

export interface ConversationEventPayload {
  conversation: ConversationDto;
}

export interface ClientToServerEvents {
  /** Liveness check; acknowledged with the server time (epoch ms). */
  'session.ping': (ack: (serverTime: number) => void) => void;
  /** Join `conversation:{id}` (live messages + presence) — only for conversations the user may see. */
  'conversation.join': (payload: { conversationId: string }, ack: (result: RoomAck) => void) => void;
  'conversation.leave': (payload: { conversationId: string }, ack: (result: RoomAck) => void) => void;
  /** The composer started / stopped typing in a joined conversation (stops by itself after a few seconds). */
  'presence.typing': (payload: { conversationId: string; typing: boolean }, ack: (result: RoomAck) => void) => void;
}

export interface SessionReadyEvent {
  userId: string;
  role: Role;
  rooms: string[];
}

/** Room names, built in one place so server and tests agree. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  role: (role: Role) => `role:${role}`,
  conversation: (conversationId: string) => `conversation:${conversationId}`,
} as const;

export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];
