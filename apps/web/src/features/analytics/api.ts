'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AnalyticsOverviewResponse, AnalyticsQuery, AnalyticsSettingsDto, AnalyticsTable } from '@ticklegram/domain-models';
import { useApiClient } from '../auth/auth-provider';
import type { ApiClient } from '../../lib/api/client';

export const analyticsKeys = {
  overview: (query: AnalyticsQuery) => ['analytics', 'overview', query] as const,
};

const toParams = (query: AnalyticsQuery) => ({ ...query, businessHours: query.businessHours ? true : undefined });

export function useAnalyticsOverview(query: AnalyticsQuery) {
  const client = useApiClient();
  return useQuery({
    queryKey: analyticsKeys.overview(query),
    queryFn: ({ signal }) => client.request<AnalyticsOverviewResponse>('/api/analytics/overview', { query: toParams(query), signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** Fetches one table as CSV (with the session) and hands it to the browser as a download. */
export async function downloadCsv(client: ApiClient, table: AnalyticsTable, query: AnalyticsQuery): Promise<void> {
  const csv = await client.request<string>(`/api/analytics/${table}`, { query: { ...toParams(query), format: 'csv' } });
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `analytics-${table}-${query.from}-${query.to}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Admins: whether business hours are configured (the toggle only appears then). */
export function useAnalyticsSettings(enabled: boolean) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['analytics', 'settings'] as const,
    queryFn: ({ signal }) => client.request<AnalyticsSettingsDto>('/api/analytics/settings', { signal }),
    enabled,
    staleTime: 60_000,
  });
}
