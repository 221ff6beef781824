'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CannedResponseDto,
  CannedResponseRequest,
  ConversationDto,
  ConversationPriority,
  CreateNoteRequest,
  LabelDto,
  LabelRequest,
  NoteDto,
} from '@ticklegram/domain-models';
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
      queryClient.setQueryData<NoteDto[]>(collaborationKeys.notes(conversationId), (notes) =>
        notes?.some((n) => n.id === note.id) ? notes : [...(notes ?? []), note],
      ),
  });
}

export const labelKeys = {
  all: ['collaboration', 'labels'] as const,
  ofConversation: (conversationId: string) => ['collaboration', 'labels', 'conversation', conversationId] as const,
};

export function useLabels() {
  const client = useApiClient();
  return useQuery({ queryKey: labelKeys.all, queryFn: ({ signal }) => client.request<LabelDto[]>('/api/labels', { signal }), staleTime: 60_000 });
}

/** Admin: create (no id) or update (id) a label. */
export function useSaveLabel() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: LabelRequest & { id?: string }) =>
      id
        ? client.request<LabelDto>(`/api/labels/${encodeURIComponent(id)}`, { method: 'PATCH', json: body })
        : client.request<LabelDto>('/api/labels', { json: body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: labelKeys.all }),
  });
}

export function useDeleteLabel() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.request<void>(`/api/labels/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: labelKeys.all }),
  });
}

export function useConversationLabels(conversationId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: labelKeys.ofConversation(conversationId),
    queryFn: ({ signal }) => client.request<LabelDto[]>(`/api/conversations/${encodeURIComponent(conversationId)}/labels`, { signal }),
  });
}

export function useSetConversationLabels(conversationId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (labelIds: string[]) =>
      client.request<ConversationDto>(`/api/conversations/${encodeURIComponent(conversationId)}/labels`, { method: 'PUT', json: { labelIds } }),
    onSuccess: (conversation) => queryClient.setQueryData(labelKeys.ofConversation(conversationId), conversation.labels ?? []),
  });
}

export function useSetPriority(conversationId: string) {
  const client = useApiClient();
  return useMutation({
    mutationFn: (priority: ConversationPriority) =>
      client.request<ConversationDto>(`/api/conversations/${encodeURIComponent(conversationId)}/priority`, { method: 'PUT', json: { priority } }),
  });
}
