'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountInsightsResponse, InsightMediaSort, InsightSyncStatusDto, MediaInsightsResponse, StoryInsightsResponse } from '@ticklegram/domain-models';
import { useApiClient } from '../auth/auth-provider';
import { mergeStatuses } from './status-cache';

export const insightsKeys = {
  all: ['insights'] as const,
  statuses: () => ['insights', 'statuses'] as const,
  account: (channelId: string, from: string, to: string) => ['insights', 'account', channelId, from, to] as const,
  media: (channelId: string, sort: InsightMediaSort) => ['insights', 'media', channelId, sort] as const,
  stories: (channelId: string) => ['insights', 'stories', channelId] as const,
};

/** The Instagram accounts with their sync state; polled quickly while a sync runs. */
export function useInsightStatuses() {
  const client = useApiClient();
  return useQuery({
    queryKey: insightsKeys.statuses(),
    queryFn: ({ signal }) => client.request<InsightSyncStatusDto[]>('/api/insights/sync', { signal }),
    refetchInterval: (query) => (query.state.data?.some((s) => s.state === 'running') ? 1_500 : 60_000),
  });
}

export function useAccountInsights(channelId: string | null, from: string, to: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: insightsKeys.account(channelId ?? '', from, to),
    queryFn: ({ signal }) => client.request<AccountInsightsResponse>(`/api/insights/accounts/${channelId}`, { query: { from, to }, signal }),
    enabled: channelId !== null,
    placeholderData: (previous) => (previous?.channelId === channelId ? previous : undefined),
  });
}

export function useMediaInsights(channelId: string | null, sort: InsightMediaSort) {
  const client = useApiClient();
  return useQuery({
    queryKey: insightsKeys.media(channelId ?? '', sort),
    queryFn: ({ signal }) =>
      client.request<MediaInsightsResponse>('/api/insights/media', { query: { channelId: channelId ?? undefined, sort, order: 'desc', limit: 12 }, signal }),
    enabled: channelId !== null,
  });
}

export function useStoryInsights(channelId: string | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: insightsKeys.stories(channelId ?? ''),
    queryFn: ({ signal }) =>
      client.request<StoryInsightsResponse>('/api/insights/stories', { query: { channelId: channelId ?? undefined, limit: 20 }, signal }),
    enabled: channelId !== null,
  });
}

/** Admins: start a sync now (it runs in the background; the statuses show its progress). */
export function useStartInsightsSync() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (channelId: string) => client.request<InsightSyncStatusDto[]>('/api/insights/sync', { method: 'POST', json: { channelId } }),
    onSuccess: (statuses) => queryClient.setQueryData<InsightSyncStatusDto[]>(insightsKeys.statuses(), (current) => mergeStatuses(current, statuses)),
  });
}
