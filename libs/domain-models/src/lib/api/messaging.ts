import type { ConversationDto, ConversationStatus, MessageDto } from './inbox';
import type { SendTemplateInput } from './templates';

/** Header carrying the client's idempotency key on `POST /api/conversations/:id/messages`. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Idempotency keys: 8–64 characters of `[A-Za-z0-9_-:.]` (a uuid fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,64}$/;

/** Error codes of the outbound pipeline, assignment and collaboration (answered in `ApiErrorBody.code`). */
export enum MessagingErrorCode {
  /** The conversation does not exist or is outside the caller's scope (never says which). */
  MESSAGING_CONVERSATION_NOT_FOUND = 'MESSAGING_CONVERSATION_NOT_FOUND',
  MESSAGING_MESSAGE_NOT_FOUND = 'MESSAGING_MESSAGE_NOT_FOUND',
  MESSAGING_UPLOAD_NOT_FOUND = 'MESSAGING_UPLOAD_NOT_FOUND',
  /** The reply policy blocks any send now (409); `message` is the policy's plain-language reason. */
  MESSAGING_REPLY_BLOCKED = 'MESSAGING_REPLY_BLOCKED',
  /** Messenger outside the window: only an approved utility template may go out (422). */
  MESSAGING_TEMPLATE_REQUIRED = 'MESSAGING_TEMPLATE_REQUIRED',
  /** Newer customer messages arrived after the one the composer last saw; resend with `confirmStale: true` (409). */
  MESSAGING_STALE_VIEW = 'MESSAGING_STALE_VIEW',
  /** Retry asked for a message that has not failed (409). */
  MESSAGING_NOT_RETRYABLE = 'MESSAGING_NOT_RETRYABLE',
  /** Retry asked for a send whose outcome is still being checked with Meta (`unknown`): it may have reached the customer (409). */
  MESSAGING_SEND_UNCONFIRMED = 'MESSAGING_SEND_UNCONFIRMED',
  /** The same idempotency key is being processed by another request right now (409). */
  MESSAGING_DUPLICATE_IN_FLIGHT = 'MESSAGING_DUPLICATE_IN_FLIGHT',
  /** Missing or malformed `Idempotency-Key` header (400). */
  MESSAGING_IDEMPOTENCY_KEY_INVALID = 'MESSAGING_IDEMPOTENCY_KEY_INVALID',
  /** The upload breaks the platform's size/type limits (400 / 413 / 415). */
  MESSAGING_UPLOAD_REJECTED = 'MESSAGING_UPLOAD_REJECTED',
  /** Meta refused a reaction (502); `message` is plain language. */
  MESSAGING_REACTION_FAILED = 'MESSAGING_REACTION_FAILED',
  /** An agent tried to assign a conversation to someone else or take one assigned to a teammate (403). */
  ASSIGNMENT_FORBIDDEN = 'ASSIGNMENT_FORBIDDEN',
  /** The assignee is not an active user (400). */
  ASSIGNMENT_ASSIGNEE_INVALID = 'ASSIGNMENT_ASSIGNEE_INVALID',
}

export interface QuickReplyInput {
  /**
   * `text` (default): a button with `title` that sends `payload`. `user_phone_number` / `user_email`:
   * Messenger pre-fills the customer's phone number / email (no title or payload). Instagram accepts only
   * `text` since 2026-10-05.
   */
  contentType?: 'text' | 'user_phone_number' | 'user_email';
  title?: string;
  payload?: string;
}

/** Body of `POST /api/conversations/:id/messages` (send the `Idempotency-Key` header too). */
export interface SendMessageRequest {
  text?: string;
  /** Ids returned by `POST /api/uploads`. */
  attachments?: string[];
  /** Quote a message of the thread (its Meta mid). */
  replyToMid?: string;
  /** Up to 13 quick replies (text ones: title ≤ 20 characters); the rules engine's `validateQuickReplies` decides per platform. */
  quickReplies?: QuickReplyInput[];
  /** Id (ours) of the newest message the composer showed when the agent pressed send. */
  lastSeenMessageId?: string;
  /** Send even though newer customer messages arrived since `lastSeenMessageId`. */
  confirmStale?: boolean;
  /** Messenger: an approved utility template instead of text (nothing else in the same request). */
  template?: SendTemplateInput;
}

/** The answer to a send (and to its retries with the same key): the stored message in its current state. */
export interface SendMessageResponse {
  message: MessageDto;
  /** True when this answer replays an earlier request with the same idempotency key. */
  replayed: boolean;
}

/** Body of `POST /api/conversations/:id/messages/:mid/reactions`. */
export interface ReactToMessageRequest {
  /** Instagram: `love`; Messenger: any emoji. Ignored for `unreact`. */
  reaction?: string;
  action: 'react' | 'unreact';
}

/** Answer of `POST /api/uploads` (multipart field `file`, query `platform`). */
export interface UploadDto {
  id: string;
  platform: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  /** `image` | `audio` | `video` | `file`: how it goes to the Send API. */
  kind: 'image' | 'audio' | 'video' | 'file';
  createdAt: string;
}

/** Body of `POST /api/conversations/:id/assign`. */
export interface AssignConversationRequest {
  /** `null` unassigns. */
  assigneeId: string | null;
}

/** Body of `PATCH /api/conversations/:id`. */
export interface UpdateConversationRequest {
  status: ConversationStatus;
  /** Required with `snoozed`: ISO time the conversation reopens. */
  snoozedUntil?: string;
}

/** Answer of assignment / status / read endpoints. */
export interface ConversationStateResponse {
  conversation: ConversationDto;
  /** When a snoozed conversation reopens. */
  snoozedUntil: string | null;
}

/** `GET /api/settings/assignment` and `PUT` body. */
export interface AssignmentSettingsDto {
  /** Round-robin assignment of new conversations among online agents. Off by default. */
  autoAssign: boolean;
  /** Most open conversations an agent may hold before round-robin skips them. */
  capacity: number;
}

/** One person in a presence list. */
export interface PresenceUserDto {
  userId: string;
  name: string;
}

/** `GET /api/presence/online`. */
export interface OnlineUsersResponse {
  users: PresenceUserDto[];
}
