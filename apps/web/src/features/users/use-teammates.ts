'use client';

import { useQuery } from '@tanstack/react-query';
import type { TeammateDto } from '@ticklegram/domain-models';
import { useApiClient } from '../auth/auth-provider';

export const teammateKeys = { directory: ['users', 'directory'] as const };

/** Active teammates (id, name, role) for @mentions; readable by every signed-in user. */
export function useTeammates(enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: teammateKeys.directory,
    queryFn: ({ signal }) => client.request<TeammateDto[]>('/api/users/directory', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}
