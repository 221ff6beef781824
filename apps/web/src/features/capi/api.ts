'use client';

import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttributionResponse,
  CapiEventDto,
  CapiEventListResponse,
  CapiEventStatus,
  CapiSettingsDto,
  CapiSettingsListResponse,
  OutcomeDto,
  OutcomeListResponse,
  RecordOutcomeRequest,
  UpdateCapiSettingsRequest,
} from '@ticklegram/domain-models';
import { useApiClient } from '../auth/auth-provider';

export interface AttributionRange {
  from: string;
  to: string;
  tz: string;
  channelId?: string;
}

export const capiKeys = {
  all: ['capi'] as const,
  outcomes: (conversationId: string) => ['capi', 'outcomes', conversationId] as const,
  settings: () => ['capi', 'settings'] as const,
  events: (status: CapiEventStatus | null) => ['capi', 'events', status ?? 'all'] as const,
  allEvents: () => ['capi', 'events'] as const,
  attribution: (range: AttributionRange) => ['capi', 'attribution', range.from, range.to, range.tz, range.channelId ?? ''] as const,
  allAttribution: () => ['capi', 'attribution'] as const,
};

export function useOutcomes(conversationId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: capiKeys.outcomes(conversationId),
    queryFn: async ({ signal }) => (await client.request<OutcomeListResponse>(`/api/conversations/${conversationId}/outcomes`, { signal })).items,
  });
}

export function useRecordOutcome(conversationId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordOutcomeRequest) => client.request<OutcomeDto>(`/api/conversations/${conversationId}/outcomes`, { method: 'POST', json: body }),
    onSuccess: (outcome) => {
      upsertOutcome(queryClient, outcome);
      // Meta's answer may have arrived on the socket before this response: read the stored state again
      void queryClient.invalidateQueries({ queryKey: capiKeys.outcomes(conversationId) });
    },
  });
}

/**
 * Meta's answer for an outcome, from the socket: shown at once, then read again. The read again matters: a refetch
 * started before this event (after the POST) may still be in flight with the older state, and without a new
 * invalidation it would land last and put "Sending to Meta" back for good; invalidating cancels it.
 */
export function applyOutcomeUpdate(queryClient: QueryClient, outcome: OutcomeDto): void {
  upsertOutcome(queryClient, outcome);
  void queryClient.invalidateQueries({ queryKey: capiKeys.outcomes(outcome.conversationId) });
}

/** Puts an outcome (from the api or the socket) into its conversation's cached list, newest first. */
export function upsertOutcome(queryClient: QueryClient, outcome: OutcomeDto): void {
  queryClient.setQueryData<OutcomeDto[]>(capiKeys.outcomes(outcome.conversationId), (list) => {
    if (!list) return list;
    return [outcome, ...list.filter((o) => o.id !== outcome.id)].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  });
}

export function useCapiSettings() {
  const client = useApiClient();
  return useQuery({
    queryKey: capiKeys.settings(),
    queryFn: async ({ signal }) => (await client.request<CapiSettingsListResponse>('/api/capi/settings', { signal })).items,
  });
}

export function useUpdateCapiSettings() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ channelId, body }: { channelId: string; body: UpdateCapiSettingsRequest }) =>
      client.request<CapiSettingsDto>(`/api/capi/settings/${channelId}`, { method: 'PATCH', json: body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: capiKeys.settings() }),
  });
}

export function useConnectDataset() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (channelId: string) => client.request<CapiSettingsDto>(`/api/capi/settings/${channelId}/dataset`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: capiKeys.settings() }),
  });
}

export function useCapiEvents(status: CapiEventStatus | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: capiKeys.events(status),
    queryFn: ({ signal }) => client.request<CapiEventListResponse>('/api/capi/events', { signal, query: { status: status ?? undefined, limit: 100 } }),
  });
}

export function useResendEvent() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.request<CapiEventDto>(`/api/capi/events/${id}/resend`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: capiKeys.allEvents() }),
  });
}

export function useAttribution(range: AttributionRange) {
  const client = useApiClient();
  return useQuery({
    queryKey: capiKeys.attribution(range),
    queryFn: ({ signal }) =>
      client.request<AttributionResponse>('/api/attribution', { signal, query: { from: range.from, to: range.to, tz: range.tz, channelId: range.channelId } }),
  });
}
