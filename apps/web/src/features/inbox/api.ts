import {
  IDEMPOTENCY_KEY_HEADER,
  MessagingErrorCode,
  type ContactPanelResponse,
  type ConversationCountsResponse,
  type ConversationDto,
  type ConversationListResponse,
  type ConversationStateResponse,
  type ConversationStatus,
  type MessageDto,
  type MessageListResponse,
  type MessagePlatform,
  type OnlineUsersResponse,
  type ReactToMessageRequest,
  type ReplyPolicyResponse,
  type SendMessageRequest,
  type SendMessageResponse,
  type UpdateConversationRequest,
  type UploadDto,
} from '@ticklegram/domain-models';
import { ApiError, apiErrorFromResponse, networkError } from '../../lib/api/api-error';
import type { ApiClient } from '../../lib/api/client';
import type { InboxFilters } from './filters';

export const PAGE_SIZE = 30;

/** The api's error code when new customer messages arrived since the agent's view (send again with `confirmStale`). */
export const STALE_VIEW_CODE = MessagingErrorCode.MESSAGING_STALE_VIEW;

/** What the composer sends; the request body of `POST /api/conversations/:id/messages`. */
export type SendMessageInput = Pick<SendMessageRequest, 'text' | 'attachments' | 'replyToMid' | 'lastSeenMessageId' | 'confirmStale' | 'template'>;

export const inboxKeys = {
  all: ['inbox'] as const,
  lists: () => ['inbox', 'conversations'] as const,
  /** Keyed by the filter state itself, so live updates can tell which cached lists a conversation belongs to. */
  list: (filters: InboxFilters) => ['inbox', 'conversations', filters] as const,
  conversation: (id: string) => ['inbox', 'conversation', id] as const,
  messages: (id: string) => ['inbox', 'messages', id] as const,
  replyPolicy: (id: string) => ['inbox', 'reply-policy', id] as const,
  /** Every conversation's reply policy (e.g. after the Page's templates changed). */
  replyPolicies: () => ['inbox', 'reply-policy'] as const,
  /** Not under `lists()`: list cache updaters must never see the counts. */
  counts: () => ['inbox', 'counts'] as const,
  contact: (conversationId: string) => ['inbox', 'contact', conversationId] as const,
  onlineTeammates: () => ['inbox', 'presence', 'online'] as const,
};

/** A cached conversation list (any filter state) — not the counts, not a single conversation. */
export function isConversationListKey(key: readonly unknown[]): boolean {
  const lists = inboxKeys.lists();
  return key.length === lists.length + 1 && key[0] === lists[0] && key[1] === lists[1];
}

export function listConversations(
  client: ApiClient,
  query: Record<string, string | undefined>,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<ConversationListResponse> {
  return client.request('/api/conversations', { query: { ...query, cursor, limit: PAGE_SIZE }, signal });
}

export function getConversationCounts(client: ApiClient, signal?: AbortSignal): Promise<ConversationCountsResponse> {
  return client.request('/api/conversations/counts', { signal });
}

export function getContactPanel(client: ApiClient, conversationId: string, signal?: AbortSignal): Promise<ContactPanelResponse> {
  return client.request(`/api/conversations/${encodeURIComponent(conversationId)}/contact`, { signal });
}

export function getConversation(client: ApiClient, id: string, signal?: AbortSignal): Promise<ConversationDto> {
  return client.request(`/api/conversations/${encodeURIComponent(id)}`, { signal });
}

export function listMessages(client: ApiClient, id: string, before: string | undefined, signal?: AbortSignal): Promise<MessageListResponse> {
  return client.request(`/api/conversations/${encodeURIComponent(id)}/messages`, { query: { before, limit: 50 }, signal });
}

export function getReplyPolicy(client: ApiClient, id: string, signal?: AbortSignal): Promise<ReplyPolicyResponse> {
  return client.request(`/api/conversations/${encodeURIComponent(id)}/reply-policy`, { signal });
}

export function markConversationRead(client: ApiClient, id: string): Promise<ConversationStateResponse> {
  return client.request(`/api/conversations/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function assignConversation(client: ApiClient, id: string, assigneeId: string | null): Promise<ConversationStateResponse> {
  return client.request(`/api/conversations/${encodeURIComponent(id)}/assign`, { json: { assigneeId } });
}

export function updateConversationStatus(client: ApiClient, id: string, status: ConversationStatus, snoozedUntil?: string): Promise<ConversationStateResponse> {
  return client.request(`/api/conversations/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    json: { status, snoozedUntil } satisfies UpdateConversationRequest,
  });
}

export function listOnlineUsers(client: ApiClient, signal?: AbortSignal): Promise<OnlineUsersResponse> {
  return client.request('/api/presence/online', { signal });
}

/** Instagram accepts only `love`; Messenger any emoji. */
export function reactToMessage(client: ApiClient, conversationId: string, mid: string, action: 'react' | 'unreact', reaction?: string): Promise<MessageDto> {
  return client.request(`/api/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(mid)}/reactions`, {
    json: { action, reaction } satisfies ReactToMessageRequest,
  });
}

export async function retryMessage(client: ApiClient, conversationId: string, messageId: string): Promise<MessageDto> {
  const result = await client.request<SendMessageResponse>(
    `/api/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}/retry`,
    { method: 'POST' },
  );
  return result.message;
}

/**
 * fetch with the in-memory access token for requests the JSON client can't express (custom headers,
 * multipart bodies, binary answers). Refreshes once on a 401, like the client does.
 */
export async function authedFetch(client: ApiClient, path: string, init: RequestInit = {}): Promise<Response> {
  const attempt = async (token: string | null): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    try {
      return await fetch(path, { ...init, headers, credentials: 'same-origin' });
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      throw networkError(cause);
    }
  };
  const used = client.getAccessToken();
  let response = await attempt(used);
  if (response.status === 401) {
    const fresh = client.getAccessToken() !== used ? client.getAccessToken() : ((await client.refresh())?.accessToken ?? null);
    if (fresh) response = await attempt(fresh);
  }
  return response;
}

async function jsonOrThrow<T>(response: Response): Promise<T> {
  if (!response.ok) throw await apiErrorFromResponse(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** `POST /api/conversations/:id/messages` with an `Idempotency-Key`, so a retried request never sends twice. */
export async function sendMessage(client: ApiClient, conversationId: string, input: SendMessageInput, idempotencyKey: string): Promise<SendMessageResponse> {
  const response = await authedFetch(client, `/api/conversations/${encodeURIComponent(conversationId)}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
    body: JSON.stringify(input),
  });
  return jsonOrThrow<SendMessageResponse>(response);
}

/** `POST /api/uploads?platform=…` (multipart `file`): the api checks Meta's limits for the platform again. */
export async function uploadFile(client: ApiClient, platform: MessagePlatform, file: File): Promise<UploadDto> {
  const form = new FormData();
  form.set('file', file);
  const response = await authedFetch(client, `/api/uploads?platform=${encodeURIComponent(platform)}`, {
    method: 'POST',
    body: form,
    headers: { accept: 'application/json' },
  });
  return jsonOrThrow<UploadDto>(response);
}

/** Media the api stores behind the session: fetched with the token and shown from a blob URL. */
export async function fetchMediaBlob(client: ApiClient, path: string, signal?: AbortSignal): Promise<Blob> {
  const response = await authedFetch(client, path, { signal });
  if (!response.ok) throw await apiErrorFromResponse(response);
  return response.blob();
}

export function isStaleView(error: unknown): boolean {
  return error instanceof ApiError && error.code === STALE_VIEW_CODE;
}
