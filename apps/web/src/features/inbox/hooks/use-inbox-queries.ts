'use client';

import * as React from 'react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConversationDto, ReplyPolicyResponse } from '@ticklegram/domain-models';
import { useApiClient } from '../../auth/auth-provider';
import {
  fetchMediaBlob,
  getContactPanel,
  getConversation,
  getConversationCounts,
  getReplyPolicy,
  inboxKeys,
  isConversationListKey,
  listConversations,
  listMessages,
} from '../api';
import { findConversation, flattenConversations, flattenMessages, type ConversationPages } from '../conversation-cache';
import { conversationListQuery, type InboxFilters } from '../filters';
import { humanAgentUndecided, localReplyPolicy } from '../reply-policy-view';

export function useConversationList(filters: InboxFilters) {
  const client = useApiClient();
  const query = useInfiniteQuery({
    queryKey: inboxKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listConversations(client, conversationListQuery(filters), pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  // the api filters (in the caller's scope); live updates are placed by conversation-cache
  const conversations = React.useMemo(() => flattenConversations(query.data), [query.data]);
  return { ...query, conversations };
}

/** Counts refresh at least this often, and shortly after live updates touch a list. */
export const COUNTS_REFRESH_MS = 30_000;

/** Sidebar folder counts (scoped by the api); refreshed every 30 s and after realtime list changes. */
export function useConversationCounts() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: inboxKeys.counts(),
    queryFn: ({ signal }) => getConversationCounts(client, signal),
    refetchInterval: COUNTS_REFRESH_MS,
    staleTime: 5_000,
  });
  React.useEffect(() => {
    // realtime events land in the cached lists (setQueryData or invalidate + refetch): follow them, debounced
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || !isConversationListKey(event.query.queryKey)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: inboxKeys.counts() }), 750);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [queryClient]);
  return query;
}

/** The contact panel's data: profile, the customer's other conversations and comments, referral. */
export function useContactPanel(conversationId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: inboxKeys.contact(conversationId),
    queryFn: ({ signal }) => getContactPanel(client, conversationId, signal),
    staleTime: 30_000,
  });
}

/** The conversation, painted at once from any list that holds it; a 404 means this user may not see it (any more). */
export function useConversation(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: inboxKeys.conversation(id),
    queryFn: ({ signal }) => getConversation(client, id, signal),
    initialData: () => cachedFromLists(queryClient.getQueriesData<ConversationPages>({ queryKey: inboxKeys.lists() }), id),
    initialDataUpdatedAt: 0,
  });
}

function cachedFromLists(entries: [unknown, ConversationPages | undefined][], id: string): ConversationDto | undefined {
  for (const [, data] of entries) {
    const found = findConversation(data, id);
    if (found) return found;
  }
  return undefined;
}

export function useThreadMessages(conversationId: string) {
  const client = useApiClient();
  const query = useInfiniteQuery({
    queryKey: inboxKeys.messages(conversationId),
    queryFn: ({ pageParam, signal }) => listMessages(client, conversationId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 60_000,
  });
  const messages = React.useMemo(() => flattenMessages(query.data), [query.data]);
  return { ...query, messages };
}

/**
 * The reply policy from the api, or computed locally from the conversation while it loads (or when it cannot be
 * read) — so the banner is there before the agent types. `checking`: the api has not answered yet and the local guess
 * depends on the channel's Human Agent setting.
 */
export function useReplyPolicy(conversation: ConversationDto | undefined): {
  policy: ReplyPolicyResponse | null;
  fromServer: boolean;
  checking: boolean;
  refetch: () => void;
} {
  const client = useApiClient();
  const id = conversation?.id ?? '';
  const query = useQuery({
    queryKey: inboxKeys.replyPolicy(id),
    queryFn: ({ signal }) => getReplyPolicy(client, id, signal),
    enabled: Boolean(conversation),
    staleTime: 30_000,
  });
  const lastCustomer = conversation?.lastCustomerMessageAt;
  const owner = conversation?.threadOwner?.ownedBy;
  const local = React.useMemo(
    () => (conversation ? { policy: localReplyPolicy(conversation, Date.now()), checking: humanAgentUndecided(conversation, Date.now()) } : null),
    // Recompute when the window start or the thread's owner changes, not on every conversation update.
    [conversation?.id, lastCustomer, conversation?.platform, owner],
  );
  const refetch = React.useCallback(() => void query.refetch(), [query]);
  // another app took (or gave back) the conversation: what may be sent changed
  const seenOwner = React.useRef(owner);
  React.useEffect(() => {
    if (seenOwner.current === owner) return;
    seenOwner.current = owner;
    void query.refetch();
  }, [owner, query]);
  if (query.data) return { policy: query.data, fromServer: true, checking: false, refetch };
  return { policy: local?.policy ?? null, fromServer: false, checking: query.status === 'pending' && (local?.checking ?? false), refetch };
}

/** An object URL for media the api serves behind the session (authenticated fetch → blob). */
export function useMediaUrl(path: string | null): { url: string | null; error: boolean; loading: boolean } {
  const client = useApiClient();
  const isApiPath = path?.startsWith('/api/') ?? false;
  const query = useQuery({
    queryKey: ['inbox', 'media', path],
    queryFn: ({ signal }) => fetchMediaBlob(client, path as string, signal),
    enabled: isApiPath,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
  });
  const [url, setUrl] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (!query.data) return;
    const objectUrl = URL.createObjectURL(query.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [query.data]);
  if (!path) return { url: null, error: false, loading: false };
  if (!isApiPath) return { url: path, error: false, loading: false };
  return { url, error: query.isError, loading: query.isPending };
}
