import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type {
  CommentActionResponse,
  CommentBackfillDto,
  CommentDetailResponse,
  CommentDto,
  CommentListResponse,
  CommentPostListResponse,
  CommentRuleDryRunRequest,
  CommentRuleDryRunResponse,
  CommentRuleDto,
  CommentRuleLogResponse,
  CommentRuleRequest,
  PersonCommentsResponse,
} from '@ticklegram/domain-models';
import { useApiClient } from '../auth/auth-provider';
import type { CommentFilters } from './filters';

export const commentKeys = {
  all: ['comments'] as const,
  lists: () => ['comments', 'list'] as const,
  list: (filters: CommentFilters) => ['comments', 'list', filters] as const,
  posts: (filters: Pick<CommentFilters, 'platform'>) => ['comments', 'posts', filters] as const,
  detail: (id: string) => ['comments', 'detail', id] as const,
  ofConversation: (conversationId: string) => ['comments', 'conversation', conversationId] as const,
  backfills: () => ['comments', 'backfills'] as const,
  rules: () => ['comment-rules'] as const,
  ruleLog: (id: string) => ['comment-rules', 'log', id] as const,
};

export type CommentPages = InfiniteData<CommentListResponse, string | undefined>;

export function useCommentList(filters: CommentFilters) {
  const client = useApiClient();
  return useInfiniteQuery({
    queryKey: commentKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      client.request<CommentListResponse>('/api/comments', {
        query: {
          status: filters.status,
          platform: filters.platform,
          postId: filters.postId,
          source: filters.source,
          kind: filters.kind,
          search: filters.search,
          assignee: filters.assignee,
          cursor: pageParam,
          limit: 30,
        },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCommentPosts(filters: Pick<CommentFilters, 'platform'>) {
  const client = useApiClient();
  return useQuery({
    queryKey: commentKeys.posts(filters),
    queryFn: ({ signal }) => client.request<CommentPostListResponse>('/api/comments/posts', { query: { platform: filters.platform, limit: 50 }, signal }),
  });
}

export function useCommentDetail(id: string | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: commentKeys.detail(id ?? ''),
    queryFn: ({ signal }) => client.request<CommentDetailResponse>(`/api/comments/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useConversationComments(conversationId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: commentKeys.ofConversation(conversationId),
    queryFn: ({ signal }) => client.request<PersonCommentsResponse>(`/api/conversations/${conversationId}/comments`, { signal }),
  });
}

export function useBackfills() {
  const client = useApiClient();
  return useQuery({ queryKey: commentKeys.backfills(), queryFn: ({ signal }) => client.request<CommentBackfillDto[]>('/api/comments/backfills', { signal }) });
}

export function useStartBackfill() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.request<CommentBackfillDto[]>('/api/comments/backfill', { method: 'POST', json: {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: commentKeys.backfills() }),
  });
}

export type CommentCommand =
  | { type: 'reply'; text: string }
  | { type: 'private_reply'; text: string }
  | { type: 'hide' }
  | { type: 'unhide' }
  | { type: 'delete' }
  | { type: 'done'; done: boolean }
  | { type: 'assign'; assigneeId: string | null };

function commandRequest(id: string, command: CommentCommand): [string, { method: string; json?: unknown }] {
  switch (command.type) {
    case 'reply':
      return [`/api/comments/${id}/replies`, { method: 'POST', json: { text: command.text } }];
    case 'private_reply':
      return [`/api/comments/${id}/private-reply`, { method: 'POST', json: { text: command.text } }];
    case 'hide':
    case 'unhide':
      return [`/api/comments/${id}/${command.type}`, { method: 'POST' }];
    case 'delete':
      return [`/api/comments/${id}`, { method: 'DELETE' }];
    case 'done':
      return [`/api/comments/${id}/done`, { method: 'POST', json: { done: command.done } }];
    case 'assign':
      return [`/api/comments/${id}/assign`, { method: 'POST', json: { assigneeId: command.assigneeId } }];
  }
}

/** Replaces a comment wherever it is cached (lists and its detail). */
export function patchCachedComment(queryClient: ReturnType<typeof useQueryClient>, comment: CommentDto): void {
  for (const [key, data] of queryClient.getQueriesData<CommentPages>({ queryKey: commentKeys.lists() })) {
    if (!data) continue;
    const next = { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((c) => (c.id === comment.id ? comment : c)) })) };
    queryClient.setQueryData(key, next);
  }
  queryClient.setQueryData<CommentDetailResponse>(commentKeys.detail(comment.id), (d) => (d ? { ...d, comment } : d));
}

/**
 * Runs a command with an optimistic change; rolls it back when the api (or Meta) refuses, and the caller
 * shows the reason. Lists and the detail refetch afterwards (counts, activity).
 */
export function useCommentCommand(optimistic: (comment: CommentDto, command: CommentCommand) => CommentDto) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ comment, command }: { comment: CommentDto; command: CommentCommand }) => {
      const [path, options] = commandRequest(comment.id, command);
      return client.request<CommentActionResponse>(path, options);
    },
    onMutate: ({ comment, command }) => {
      patchCachedComment(queryClient, optimistic(comment, command));
      return { previous: comment };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) patchCachedComment(queryClient, context.previous);
    },
    onSuccess: (result) => patchCachedComment(queryClient, result.comment),
    onSettled: (_r, _e, { comment }) => {
      void queryClient.invalidateQueries({ queryKey: commentKeys.detail(comment.id) });
      void queryClient.invalidateQueries({ queryKey: commentKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ['comments', 'posts'] });
    },
  });
}

// ── rules ───────────────────────────────────────────────────────────────────────────

export function useCommentRules(enabled = true) {
  const client = useApiClient();
  return useQuery({ queryKey: commentKeys.rules(), queryFn: ({ signal }) => client.request<CommentRuleDto[]>('/api/comment-rules', { signal }), enabled });
}

export function useSaveCommentRule() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, rule }: { id?: string; rule: CommentRuleRequest }) =>
      client.request<CommentRuleDto>(id ? `/api/comment-rules/${id}` : '/api/comment-rules', { method: id ? 'PUT' : 'POST', json: rule }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: commentKeys.rules() }),
  });
}

export function useDeleteCommentRule() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.request<void>(`/api/comment-rules/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: commentKeys.rules() }),
  });
}

export function useReorderCommentRules() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => client.request<CommentRuleDto[]>('/api/comment-rules/order', { method: 'PUT', json: { ids } }),
    onSuccess: (rules) => queryClient.setQueryData(commentKeys.rules(), rules),
  });
}

export function useDryRun() {
  const client = useApiClient();
  return useMutation({
    mutationFn: (request: CommentRuleDryRunRequest) =>
      client.request<CommentRuleDryRunResponse>('/api/comment-rules/dry-run', { method: 'POST', json: request }),
  });
}

export function useRuleLog(id: string | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: commentKeys.ruleLog(id ?? ''),
    queryFn: ({ signal }) => client.request<CommentRuleLogResponse>(`/api/comment-rules/${id}/log`, { query: { limit: 50 }, signal }),
    enabled: Boolean(id),
    refetchInterval: 5_000,
  });
}
