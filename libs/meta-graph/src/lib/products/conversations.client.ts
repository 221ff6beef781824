import { GraphHttpClient } from '../core/graph-http.client';
import { GraphPage, paginate } from '../core/pagination';
import { GraphAuth } from './graph-auth';
import { hostOf } from './messaging.client';

/** Conversations API, for backfill (2 calls/s per Page or IG account, reference §6.2). */

export interface ConversationParticipantWire {
  id: string;
  name?: string;
  email?: string;
  username?: string;
}

export interface ConversationMessageWire {
  id: string;
  created_time?: string;
  from?: ConversationParticipantWire;
  to?: { data: ConversationParticipantWire[] };
  message?: string;
  attachments?: GraphPage<Record<string, unknown>>;
  story?: Record<string, unknown>;
  reactions?: GraphPage<Record<string, unknown>>;
  shares?: GraphPage<Record<string, unknown>>;
  sticker?: string;
  is_unsupported?: boolean;
}

export interface ConversationWire {
  id: string;
  updated_time?: string;
  message_count?: number;
  unread_count?: number;
  participants?: { data: ConversationParticipantWire[] };
  messages?: GraphPage<ConversationMessageWire>;
}

export const CONVERSATION_FIELDS = 'id,updated_time,message_count,unread_count,participants';
export const MESSAGE_FIELDS = 'id,created_time,from,to,message,attachments,story,reactions,shares,is_unsupported';

export interface ListConversationsQuery {
  platform: 'messenger' | 'instagram';
  /** Only the conversation with this PSID/IGSID. */
  userId?: string;
  folder?: 'inbox' | 'page_done' | 'other' | 'pending' | 'spam';
  limit?: number;
  after?: string;
  fields?: string;
  /** Fail at once with `rate_limited` while the account is paused (`GraphRequest.deferWhenPaused`). */
  deferWhenPaused?: boolean;
}

export class ConversationsClient {
  constructor(private readonly http: GraphHttpClient) {}

  /** `GET /<PAGE_ID or IG_ID or me>/conversations?platform=…`. */
  async listConversations(auth: GraphAuth, nodeId: string, query: ListConversationsQuery): Promise<GraphPage<ConversationWire>> {
    return this.get<GraphPage<ConversationWire>>(
      auth,
      nodeId,
      `/${encodeURIComponent(nodeId)}/conversations`,
      {
        platform: query.platform,
        user_id: query.userId,
        folder: query.folder,
        fields: query.fields ?? CONVERSATION_FIELDS,
        limit: query.limit,
        after: query.after,
      },
      query.platform,
      query.deferWhenPaused,
    );
  }

  iterateConversations(auth: GraphAuth, nodeId: string, query: Omit<ListConversationsQuery, 'after'>): AsyncGenerator<ConversationWire> {
    return paginate((c) => this.listConversations(auth, nodeId, { ...query, ...c }));
  }

  /** `GET /<CONVERSATION_ID>/messages` with message fields, newest first. */
  async listMessages(
    auth: GraphAuth,
    conversationId: string,
    query: { limit?: number; after?: string; fields?: string; accountKey?: string; deferWhenPaused?: boolean } = {},
  ): Promise<GraphPage<ConversationMessageWire>> {
    return this.get<GraphPage<ConversationMessageWire>>(
      auth,
      query.accountKey ?? auth.accountKey ?? conversationId,
      `/${encodeURIComponent(conversationId)}/messages`,
      {
        fields: query.fields ?? MESSAGE_FIELDS,
        limit: query.limit,
        after: query.after,
      },
      undefined,
      query.deferWhenPaused,
    );
  }

  iterateMessages(
    auth: GraphAuth,
    conversationId: string,
    query: { limit?: number; fields?: string; accountKey?: string } = {},
  ): AsyncGenerator<ConversationMessageWire> {
    return paginate((c) => this.listMessages(auth, conversationId, { ...query, ...c }));
  }

  /** `GET /<MESSAGE_ID>?fields=…` (e.g. `story` for a story mention). */
  async getMessage(auth: GraphAuth, messageId: string, fields = MESSAGE_FIELDS): Promise<ConversationMessageWire> {
    return this.get<ConversationMessageWire>(auth, auth.accountKey ?? messageId, `/${encodeURIComponent(messageId)}`, { fields });
  }

  private async get<T>(
    auth: GraphAuth,
    accountKey: string,
    path: string,
    query: Record<string, string | number | undefined>,
    platform?: 'messenger' | 'instagram',
    deferWhenPaused?: boolean,
  ): Promise<T> {
    const res = await this.http.request<T>({
      method: 'GET',
      host: hostOf(auth),
      path,
      accessToken: auth.accessToken,
      query,
      accountKey: auth.accountKey ?? accountKey,
      rateClass: 'conversations',
      platform,
      deferWhenPaused,
    });
    return res.data;
  }
}
