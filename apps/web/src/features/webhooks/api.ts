'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WebhookEventDetailDto, WebhookEventDto, WebhookEventListResponse, WebhookEventStatus } from '@ticklegram/domain-models';
import { useApiClient } from '../auth/auth-provider';

export const webhookKeys = {
  all: ['webhook-events'] as const,
  list: (status: WebhookEventStatus | null) => ['webhook-events', 'list', status ?? 'all'] as const,
  detail: (id: number) => ['webhook-events', 'detail', id] as const,
};

/** Recent deliveries (newest first); refreshed every few seconds while the page is open. */
export function useWebhookEvents(status: WebhookEventStatus | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: webhookKeys.list(status),
    queryFn: ({ signal }) => client.request<WebhookEventListResponse>(`/api/webhook-events?limit=100${status ? `&status=${status}` : ''}`, { signal }),
    refetchInterval: 5_000,
  });
}

export function useWebhookEvent(id: number | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: webhookKeys.detail(id ?? 0),
    queryFn: ({ signal }) => client.request<WebhookEventDetailDto>(`/api/webhook-events/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useReplayWebhookEvent() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => client.request<WebhookEventDto>(`/api/webhook-events/${id}/replay`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}
