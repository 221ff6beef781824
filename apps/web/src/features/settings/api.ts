'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignmentSettingsDto } from '@ticklegram/domain-models';
import { useApiClient } from '../auth/auth-provider';

export const settingsKeys = {
  assignment: ['settings', 'assignment'] as const,
};

/** Round-robin on/off and the per-agent capacity (admins). */
export function useAssignmentSettings() {
  const client = useApiClient();
  return useQuery({
    queryKey: settingsKeys.assignment,
    queryFn: ({ signal }) => client.request<AssignmentSettingsDto>('/api/settings/assignment', { signal }),
  });
}

export function useSaveAssignmentSettings() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignmentSettingsDto) => client.request<AssignmentSettingsDto>('/api/settings/assignment', { method: 'PUT', json: body }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.assignment, saved),
  });
}
