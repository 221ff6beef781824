/** Canned responses, private notes, labels and priority: the collaboration tools of the inbox. */

export const CONVERSATION_PRIORITIES = ['none', 'low', 'medium', 'high', 'urgent'] as const;
export type ConversationPriority = (typeof CONVERSATION_PRIORITIES)[number];

export interface CannedResponseDto {
  id: string;
  /** Typed after `/` in the composer; lowercase letters, digits, `-` and `_`. */
  shortcut: string;
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface CannedResponseRequest {
  shortcut: string;
  title: string;
  body: string;
}

export interface NoteDto {
  id: string;
  conversationId: string;
  authorId: string;
  authorName: string;
  body: string;
  mentionUserIds: string[];
  createdAt: string;
}

export interface CreateNoteRequest {
  body: string;
  /** Explicit mentions (e.g. picked from an autocomplete); merged with those found in the body. */
  mentionUserIds?: string[];
}

/** To the mentioned user's room. */
export interface NoteMentionedEvent {
  conversationId: string;
  note: NoteDto;
}

/** A note was added; to the conversation room. */
export interface NoteCreatedEvent {
  conversationId: string;
  note: NoteDto;
}

export interface LabelDto {
  id: string;
  name: string;
  /** `#rrggbb` */
  color: string;
}

export interface LabelRequest {
  name: string;
  color: string;
}

export interface SetConversationLabelsRequest {
  labelIds: string[];
}

/** `PUT /api/conversations/:id/priority` */
export interface SetConversationPriorityRequest {
  priority: ConversationPriority;
}
