'use client';

import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  CloneLibraryTemplateRequest,
  CreateTemplateRequest,
  LibraryTemplateListResponse,
  MessageTemplateDto,
  TemplateDeletedEventPayload,
  TemplateListResponse,
  TemplateSyncResponse,
  UpdateTemplateRequest,
} from '@ticklegram/domain-models';
import { useApiClient } from '../auth/auth-provider';

export const templateKeys = {
  all: ['templates'] as const,
  list: () => ['templates', 'list'] as const,
  library: (channelId: string | undefined, search: string, language: string) => ['templates', 'library', channelId ?? '', search, language] as const,
};

/** Every template the caller may see (agents: approved ones); filtered in the browser, kept live by `template.*` events. */
export function useTemplates() {
  const client = useApiClient();
  return useQuery({
    queryKey: templateKeys.list(),
    queryFn: async ({ signal }) => (await client.request<TemplateListResponse>('/api/templates', { signal })).items,
  });
}

export function useTemplateLibrary(channelId: string | undefined, search: string, language: string, enabled: boolean) {
  const client = useApiClient();
  return useQuery({
    queryKey: templateKeys.library(channelId, search, language),
    queryFn: async ({ signal }) =>
      (
        await client.request<LibraryTemplateListResponse>('/api/templates/library', {
          signal,
          query: { channelId, search: search || undefined, language: language || undefined },
        })
      ).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Puts a template the api returned into the cached list (the socket event may come first or later). */
export function upsertTemplate(queryClient: QueryClient, template: MessageTemplateDto, visible = true): void {
  queryClient.setQueryData<MessageTemplateDto[]>(templateKeys.list(), (list) => {
    if (!list) return list;
    const rest = list.filter((t) => t.id !== template.id);
    if (!visible) return rest;
    return [...rest, template].sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));
  });
}

export function removeTemplate(queryClient: QueryClient, payload: TemplateDeletedEventPayload): void {
  queryClient.setQueryData<MessageTemplateDto[]>(templateKeys.list(), (list) => list?.filter((t) => t.id !== payload.id));
}

export type SaveTemplateInput = { id: string; body: UpdateTemplateRequest } | { id?: undefined; body: CreateTemplateRequest };

/** Admin: create (optionally submitting) or edit a draft. */
export function useSaveTemplate() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveTemplateInput) =>
      input.id
        ? client.request<MessageTemplateDto>(`/api/templates/${encodeURIComponent(input.id)}`, { method: 'PATCH', json: input.body })
        : client.request<MessageTemplateDto>('/api/templates', { json: input.body }),
    onSuccess: (template) => upsertTemplate(queryClient, template),
  });
}

export function useSubmitTemplate() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.request<MessageTemplateDto>(`/api/templates/${encodeURIComponent(id)}/submit`, { method: 'POST' }),
    onSuccess: (template) => upsertTemplate(queryClient, template),
  });
}

export function useDeleteTemplate() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (template: MessageTemplateDto) => client.request<void>(`/api/templates/${encodeURIComponent(template.id)}`, { method: 'DELETE' }),
    onSuccess: (_, template) => removeTemplate(queryClient, { id: template.id, channelId: template.channelId }),
  });
}

export function useCloneTemplate() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CloneLibraryTemplateRequest) => client.request<MessageTemplateDto>('/api/templates/clone', { json: body }),
    onSuccess: (template) => upsertTemplate(queryClient, template),
  });
}

export function useSyncTemplates() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.request<TemplateSyncResponse>('/api/templates/sync', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.list() }),
  });
}
