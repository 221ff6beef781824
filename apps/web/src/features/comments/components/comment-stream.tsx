'use client';

import * as React from 'react';
import type { CommentDto, CommentStatusFilter } from '@ticklegram/domain-models';
import { Input } from '../../../components/ui/input';
import { Skeleton } from '../../../components/ui/skeleton';
import { Button } from '../../../components/ui/button';
import { describeApiError } from '../../../lib/api/api-error';
import { cn } from '../../../lib/utils';
import { useNow } from '../../../lib/use-now';
import { useCommentList } from '../api';
import { STATUS_LABELS, type CommentFilters } from '../filters';
import { CommentItem } from './comment-item';

const TABS: CommentStatusFilter[] = ['needs_reply', 'replied', 'done', 'hidden', 'deleted', 'all'];
const selectClass = 'h-8 rounded-md border bg-background px-2 text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50';

export function CommentStream({
  filters,
  setFilter,
  selectedId,
  onSelect,
  onOrder,
  searchRef,
}: {
  filters: CommentFilters;
  setFilter: (key: string, value: string | undefined) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOrder: (ids: string[]) => void;
  searchRef: React.RefObject<HTMLInputElement | null>;
}) {
  const list = useCommentList(filters);
  const now = useNow(30_000);
  const items: CommentDto[] = React.useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const counts = list.data?.pages[0]?.counts;
  const countsAtLeast = list.data?.pages[0]?.countsAtLeast ?? false;
  React.useEffect(() => {
    onOrder(items.map((c) => c.id));
  }, [items, onOrder]);

  return (
    <section aria-label="Comments" className="flex min-h-0 flex-col">
      <div role="tablist" aria-label="Status" className="flex flex-wrap gap-1 border-b p-2">
        {TABS.map((status) => (
          <button
            key={status}
            role="tab"
            type="button"
            aria-selected={filters.status === status}
            data-testid={`comment-tab-${status}`}
            onClick={() => setFilter('status', status === 'needs_reply' ? undefined : status)}
            className={cn('rounded-md px-2 py-1 text-xs font-medium hover:bg-accent', filters.status === status && 'bg-accent')}
          >
            {STATUS_LABELS[status]}
            {counts ? (
              <span className="ml-1 text-muted-foreground" data-testid={`comment-count-${status}`}>
                {counts[status]}
                {countsAtLeast ? '+' : ''}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div className="flex flex-wrap gap-2 border-b p-2">
        <Input
          ref={searchRef}
          aria-label="Search comments"
          placeholder="Search (/)"
          defaultValue={filters.search ?? ''}
          className="h-8 min-w-32 flex-1"
          onKeyDown={(e) => e.key === 'Enter' && setFilter('q', e.currentTarget.value.trim() || undefined)}
        />
        <select
          aria-label="Platform"
          className={selectClass}
          value={filters.platform ?? ''}
          onChange={(e) => setFilter('platform', e.target.value || undefined)}
        >
          <option value="">All platforms</option>
          <option value="INSTAGRAM">Instagram</option>
          <option value="FACEBOOK">Facebook</option>
        </select>
        <select aria-label="Source" className={selectClass} value={filters.source ?? ''} onChange={(e) => setFilter('source', e.target.value || undefined)}>
          <option value="">Ads and organic</option>
          <option value="ad">Ads</option>
          <option value="organic">Organic</option>
        </select>
        <select aria-label="Kind" className={selectClass} value={filters.kind ?? ''} onChange={(e) => setFilter('kind', e.target.value || undefined)}>
          <option value="">Every kind</option>
          <option value="comment">Comments</option>
          <option value="reply">Replies</option>
          <option value="mention">Mentions</option>
          <option value="live">Live</option>
          <option value="post">Visitor posts</option>
        </select>
        <select
          aria-label="Assignee"
          className={selectClass}
          value={filters.assignee ?? ''}
          onChange={(e) => setFilter('assignee', e.target.value || undefined)}
        >
          <option value="">Anyone</option>
          <option value="me">Mine</option>
          <option value="unassigned">Unassigned</option>
        </select>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto" data-testid="comment-stream">
        {list.isPending ? (
          <div className="grid gap-2 p-3">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className="h-16" />
            ))}
          </div>
        ) : list.isError ? (
          <div className="grid gap-2 p-4 text-sm">
            <p className="text-destructive">{describeApiError(list.error)}</p>
            <Button variant="outline" size="sm" onClick={() => void list.refetch()}>
              Try again
            </Button>
          </div>
        ) : items.length === 0 ? (
          <p className="p-4 text-sm text-muted-foreground" data-testid="comment-stream-empty">
            {filters.status === 'needs_reply' ? 'Nothing needs a reply. New comments appear here as they arrive.' : 'No comments match these filters.'}
          </p>
        ) : (
          <>
            {items.map((comment) => (
              <CommentItem key={comment.id} comment={comment} now={now} selected={comment.id === selectedId} onSelect={() => onSelect(comment.id)} />
            ))}
            {list.hasNextPage ? (
              <div className="p-3">
                <Button variant="ghost" size="sm" className="w-full" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                  {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
