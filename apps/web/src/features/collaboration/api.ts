'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CannedResponseDto, CannedResponseRequest, CreateNoteRequest, NoteDto } from '@ticklegram/domain-models';
import { useApiClient } from '../auth/auth-provider';

export const collaborationKeys = {
  cannedResponses: ['collaboration', 'canned-responses'] as const,
  notes: (conversationId: string) => ['collaboration', 'notes', conversationId] as const,
};

export function useCannedResponses() {
  const client = useApiClient();
  return useQuery({
    queryKey: collaborationKeys.cannedResponses,
    queryFn: ({ signal }) => client.request<CannedResponseDto[]>('/api/canned-responses', { signal }),
    staleTime: 60_000,
  });
}

/** Admin: create (no id) or update (id) a canned response. */
export function useSaveCannedResponse() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: CannedResponseRequest & { id?: string }) =>
      id
        ? client.request<CannedResponseDto>(`/api/canned-responses/${encodeURIComponent(id)}`, { method: 'PATCH', json: body })
        : client.request<CannedResponseDto>('/api/canned-responses', { json: body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: collaborationKeys.cannedResponses }),
  });
}

export function useDeleteCannedResponse() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.request<void>(`/api/canned-responses/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: collaborationKeys.cannedResponses }),
  });
}

export function useNotes(conversationId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: collaborationKeys.notes(conversationId),
    queryFn: ({ signal }) => client.request<NoteDto[]>(`/api/conversations/${encodeURIComponent(conversationId)}/notes`, { signal }),
  });
}

export function useCreateNote(conversationId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNoteRequest) => client.request<NoteDto>(`/api/conversations/${encodeURIComponent(conversationId)}/notes`, { json: body }),
    onSuccess: (note) =>
      queryClient.setQueryData<NoteDto[]>(collaborationKeys.notes(conversationId), (notes) => (notes?.some((n) => n.id === note.id) ? notes : [...(notes ?? []), note])),
  });
}
