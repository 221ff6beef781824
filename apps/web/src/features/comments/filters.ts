import type { CommentKindFilter, CommentSource, CommentStatusFilter, MessagePlatform } from '@ticklegram/domain-models';

/** The stream's filters; they live in the URL. */
export interface CommentFilters {
  status: CommentStatusFilter;
  platform?: MessagePlatform;
  postId?: string;
  source?: CommentSource;
  kind?: CommentKindFilter;
  search?: string;
  assignee?: string;
}

const STATUSES: CommentStatusFilter[] = ['needs_reply', 'replied', 'done', 'hidden', 'deleted', 'all'];
const KINDS: CommentKindFilter[] = ['comment', 'reply', 'mention', 'live', 'post'];

export function filtersFromParams(params: URLSearchParams): CommentFilters {
  const status = params.get('status') as CommentStatusFilter | null;
  const kind = params.get('kind') as CommentKindFilter | null;
  const source = params.get('source');
  const platform = params.get('platform');
  return {
    status: status && STATUSES.includes(status) ? status : 'needs_reply',
    platform: platform === 'INSTAGRAM' || platform === 'FACEBOOK' ? (platform as MessagePlatform) : undefined,
    postId: params.get('post') || undefined,
    source: source === 'ad' || source === 'organic' ? source : undefined,
    kind: kind && KINDS.includes(kind) ? kind : undefined,
    search: params.get('q') || undefined,
    assignee: params.get('assignee') || undefined,
  };
}

export const STATUS_LABELS: Record<CommentStatusFilter, string> = {
  needs_reply: 'Needs reply',
  replied: 'Replied',
  done: 'Done',
  hidden: 'Hidden',
  deleted: 'Deleted',
  all: 'All',
};
