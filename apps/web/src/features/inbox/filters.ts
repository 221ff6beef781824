import { MessagePlatform, type ConversationDto, type ConversationStatus, CONVERSATION_STATUSES } from '@ticklegram/domain-models';

export type InboxFolder = 'all' | 'mine' | 'unassigned';

/** The inbox's screen state, read from and written to the URL's search params. */
export interface InboxFilters {
  folder: InboxFolder;
  platform: MessagePlatform | null;
  status: ConversationStatus | null;
  /** Only conversations with unread customer messages. */
  unread: boolean;
  search: string;
  /** A label id: only conversations carrying that label. */
  label: string | null;
}

export const DEFAULT_FILTERS: InboxFilters = { folder: 'all', platform: null, status: null, unread: false, search: '', label: null };

// The api validates `label` as a uuid; anything else would only earn a 400.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ParamsLike {
  get(name: string): string | null;
}

export function parseInboxFilters(params: ParamsLike): InboxFilters {
  const folder = params.get('folder');
  const platform = params.get('platform');
  const status = params.get('status');
  return {
    folder: folder === 'mine' || folder === 'unassigned' ? folder : 'all',
    platform: platform === MessagePlatform.INSTAGRAM || platform === MessagePlatform.FACEBOOK ? platform : null,
    status: (CONVERSATION_STATUSES as readonly string[]).includes(status ?? '') ? (status as ConversationStatus) : null,
    unread: params.get('unread') === '1',
    search: (params.get('q') ?? '').trim(),
    label: parseLabelParam(params.get('label')),
  };
}

function parseLabelParam(value: string | null): string | null {
  const label = value?.trim() ?? '';
  return UUID.test(label) ? label.toLowerCase() : null;
}

/** Search params for a filter state; defaults are left out so links stay short. */
export function inboxFiltersToParams(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.folder !== 'all') params.set('folder', filters.folder);
  if (filters.platform) params.set('platform', filters.platform);
  if (filters.status) params.set('status', filters.status);
  if (filters.unread) params.set('unread', '1');
  if (filters.search) params.set('q', filters.search);
  if (filters.label) params.set('label', filters.label);
  return params;
}

export function inboxHref(path: string, filters: InboxFilters): string {
  const qs = inboxFiltersToParams(filters).toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Query params for `GET /api/conversations`: every filter is applied by the api, within the caller's
 * access scope (the folder maps to the `assignee` filter). Defaults are left out.
 */
export function conversationListQuery(filters: InboxFilters): Record<string, string | undefined> {
  return {
    assignee: filters.folder === 'mine' ? 'me' : filters.folder === 'unassigned' ? 'unassigned' : undefined,
    platform: filters.platform ?? undefined,
    status: filters.status ?? undefined,
    unread: filters.unread ? 'true' : undefined,
    search: filters.search || undefined,
    label: filters.label ?? undefined,
  };
}

/**
 * Whether a conversation belongs in a list with these filters. Used only to place live updates in the
 * right cached lists; the lists themselves come filtered from the api. Text search is the server's job:
 * a live update only stays in a searched list if it was already there. Updates without `labels` (most of
 * them; labels are only sent when they change) say nothing about labels, so they match a label filter
 * here and `upsertConversationInList` keeps them where they are without adding them.
 */
export function matchesInboxFilters(conversation: ConversationDto, filters: InboxFilters, currentUserId: string | null): boolean {
  if (filters.folder === 'mine' && conversation.assigneeId !== currentUserId) return false;
  if (filters.folder === 'unassigned' && conversation.assigneeId !== null) return false;
  if (filters.platform && conversation.platform !== filters.platform) return false;
  if (filters.status && conversation.status !== filters.status) return false;
  if (filters.unread && conversation.unreadCount === 0) return false;
  if (filters.label && conversation.labels && !conversation.labels.some((l) => l.id === filters.label)) return false;
  return true;
}
