'use client';

import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  ChannelDto,
  ChannelUpdatedEvent,
  ConnectFacebookPagesRequest,
  ConnectResultDto,
  FacebookLoginSelectionDto,
  OAuthCompleteRequest,
  OAuthStartResponse,
  UpdateChannelRequest,
} from '@ticklegram/domain-models';
import { MessagePlatform } from '@ticklegram/domain-models';
import { ApiError, describeApiError } from '../../lib/api/api-error';
import { useApiClient } from '../auth/auth-provider';
import { useRealtimeStatus } from '../realtime/use-realtime';

export type LoginFlavour = 'facebook' | 'instagram';

export const channelsKeys = {
  all: ['channels'] as const,
};

/** While live updates are down, the list is still refreshed this often (a fallback, not the mechanism). */
export const OFFLINE_REFETCH_MS = 60_000;

/**
 * Every channel with its health (any signed-in user). Kept current by the `channel.updated` socket
 * event (`useChannelLiveUpdates`), refetched on every (re)connect, and polled slowly only while
 * the socket is not connected.
 */
export function useChannels() {
  const client = useApiClient();
  const live = useRealtimeStatus() === 'connected';
  return useQuery({
    queryKey: channelsKeys.all,
    queryFn: ({ signal }) => client.request<ChannelDto[]>('/api/channels', { signal }),
    refetchInterval: live ? false : OFFLINE_REFETCH_MS,
  });
}

/** Applies a `channel.updated` realtime event to the cached channel list. */
export function applyChannelUpdate(queryClient: QueryClient, event: ChannelUpdatedEvent): void {
  queryClient.setQueryData<ChannelDto[]>(channelsKeys.all, (list) => (list ? mergeChannels(list, [event.channel]) : list));
}

/** Puts changed channels into the cached list (insert or replace by id). */
export function mergeChannels(list: ChannelDto[] | undefined, changed: ChannelDto[]): ChannelDto[] {
  const next = [...(list ?? [])];
  for (const channel of changed) {
    const at = next.findIndex((c) => c.id === channel.id);
    if (at >= 0) next[at] = channel;
    else next.push(channel);
  }
  return next;
}

function useApplyChannels() {
  const queryClient = useQueryClient();
  return (changed: ChannelDto[]) => {
    queryClient.setQueryData<ChannelDto[]>(channelsKeys.all, (list) => mergeChannels(list, changed));
    void queryClient.invalidateQueries({ queryKey: channelsKeys.all });
  };
}

function basePath(channel: Pick<ChannelDto, 'platform'>): string {
  return channel.platform === MessagePlatform.INSTAGRAM ? '/api/instagram/accounts' : '/api/facebook/pages';
}

/** Asks the api for Meta's login dialog URL and sends the browser there. */
export function useStartLogin() {
  const client = useApiClient();
  return useMutation({
    mutationFn: (flavour: LoginFlavour) => client.request<OAuthStartResponse>(`/api/${flavour}/oauth/start`),
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
  });
}

export function useReconnect() {
  const client = useApiClient();
  return useMutation({
    mutationFn: (channel: ChannelDto) =>
      client.request<OAuthStartResponse>(`${basePath(channel)}/${encodeURIComponent(channel.id)}/reconnect`, { method: 'POST' }),
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
  });
}

export function usePasteToken() {
  const client = useApiClient();
  const apply = useApplyChannels();
  return useMutation({
    mutationFn: ({ kind, accessToken }: { kind: 'page' | 'instagram'; accessToken: string }) =>
      client.request<ConnectResultDto>(kind === 'page' ? '/api/facebook/pages/token' : '/api/instagram/accounts/token', { json: { accessToken } }),
    onSuccess: (result) => apply(result.channels),
  });
}

export function useDisconnect() {
  const client = useApiClient();
  const apply = useApplyChannels();
  return useMutation({
    mutationFn: (channel: ChannelDto) => client.request<ChannelDto>(`${basePath(channel)}/${encodeURIComponent(channel.id)}`, { method: 'DELETE' }),
    onSuccess: (channel) => apply([channel]),
  });
}

export function useCompleteFacebookLogin() {
  const client = useApiClient();
  return useMutation({
    mutationFn: (body: OAuthCompleteRequest) => client.request<FacebookLoginSelectionDto>('/api/facebook/oauth/complete', { json: body }),
  });
}

export function useConnectFacebookPages() {
  const client = useApiClient();
  const apply = useApplyChannels();
  return useMutation({
    mutationFn: (body: ConnectFacebookPagesRequest) => client.request<ConnectResultDto>('/api/facebook/pages', { json: body }),
    onSuccess: (result) => apply(result.channels),
  });
}

export function useCompleteInstagramLogin() {
  const client = useApiClient();
  const apply = useApplyChannels();
  return useMutation({
    mutationFn: (body: OAuthCompleteRequest) => client.request<ConnectResultDto>('/api/instagram/oauth/complete', { json: body }),
    onSuccess: (result) => apply(result.channels),
  });
}

/** Channel errors carry plain-language messages from the api (also on 502 when Meta failed); other errors use the app's wording. */
export function describeChannelError(error: unknown): string {
  if (error instanceof ApiError && (error.code.startsWith('CHANNELS_') || error.code.startsWith('HISTORY_'))) return error.message;
  return describeApiError(error);
}

/** Admins: check a channel's token and webhook subscription now. */
export function useCheckChannel() {
  const client = useApiClient();
  const apply = useApplyChannels();
  return useMutation({
    mutationFn: (channel: ChannelDto) => client.request<ChannelDto>(`/api/channels/${encodeURIComponent(channel.id)}/check`, { method: 'POST' }),
    onSuccess: (channel) => apply([channel]),
  });
}

export function useUpdateChannel() {
  const client = useApiClient();
  const apply = useApplyChannels();
  return useMutation({
    mutationFn: ({ channel, body }: { channel: ChannelDto; body: UpdateChannelRequest }) =>
      client.request<ChannelDto>(`${basePath(channel)}/${encodeURIComponent(channel.id)}`, { method: 'PATCH', json: body }),
    onSuccess: (channel) => apply([channel]),
  });
}
