'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UpdateUserRequest, UserDto } from '@ticklegram/domain-models';
import { useApiClient } from '../auth/auth-provider';

export const usersKeys = {
  all: ['users'] as const,
};

export function useUsers() {
  const client = useApiClient();
  return useQuery({
    queryKey: usersKeys.all,
    queryFn: ({ signal }) => client.request<UserDto[]>('/api/users', { signal }),
  });
}

function useReplaceUserInCache() {
  const queryClient = useQueryClient();
  return (user: UserDto) => {
    queryClient.setQueryData<UserDto[]>(usersKeys.all, (users) => users?.map((u) => (u.id === user.id ? user : u)));
    void queryClient.invalidateQueries({ queryKey: usersKeys.all });
  };
}

export function useCreateUser() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => client.request<UserDto>('/api/users', { json: body }),
    onSuccess: (user) => {
      queryClient.setQueryData<UserDto[]>(usersKeys.all, (users) => (users ? [...users, user] : [user]));
      void queryClient.invalidateQueries({ queryKey: usersKeys.all });
    },
  });
}

export function useUpdateUser() {
  const client = useApiClient();
  const replace = useReplaceUserInCache();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) =>
      client.request<UserDto>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', json: body }),
    onSuccess: replace,
  });
}
