'use client';

import * as React from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Role } from '@ticklegram/domain-models';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/button';
import { describeApiError } from '../../../lib/api/api-error';
import { cn } from '../../../lib/utils';
import { useAuth } from '../../auth/auth-provider';
import { useListShortcuts } from '../../../lib/use-list-shortcuts';
import { useBackfills, useStartBackfill } from '../api';
import { filtersFromParams } from '../filters';
import { useCommentEvents } from '../hooks/use-comment-events';
import { CommentStream } from './comment-stream';
import { CommentThread } from './comment-thread';
import { PostList } from './post-list';

/** Three panes — posts | comment stream | thread — with filters and the selected comment in the URL. */
export function CommentsView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = React.useMemo(() => filtersFromParams(new URLSearchParams(params.toString())), [params]);
  const selectedId = params.get('c');
  const live = useCommentEvents();
  const orderRef = React.useRef<string[]>([]);
  const searchRef = React.useRef<HTMLInputElement>(null);

  const setParam = React.useCallback(
    (key: string, value: string | undefined) => {
      const next = new URLSearchParams(params.toString());
      if (value) next.set(key, value);
      else next.delete(key);
      if (key !== 'c') next.delete('c');
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    },
    [params, pathname, router],
  );
  const onOrder = React.useCallback((ids: string[]) => {
    orderRef.current = ids;
  }, []);

  useListShortcuts(searchRef, (step) => {
    const ids = orderRef.current;
    const index = selectedId ? ids.indexOf(selectedId) : -1;
    const next = ids[Math.min(ids.length - 1, Math.max(0, index + step))];
    if (next) setParam('c', next);
    return Boolean(next);
  });

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="comments-desk" data-live={live}>
      <header className="flex items-center gap-3 border-b px-4 py-2">
        <h1 className="text-lg font-semibold">Comments</h1>
        <span className={cn('text-xs', live === 'connected' ? 'text-emerald-600 dark:text-emerald-400' : 'text-muted-foreground')}>
          {live === 'connected' ? '● Live' : '○ Reconnecting…'}
        </span>
        <BackfillStatus />
      </header>
      <div className="flex min-h-0 flex-1">
        <div className="hidden w-64 shrink-0 border-r lg:flex lg:flex-col">
          <PostList filters={filters} onSelect={(postId) => setParam('post', postId)} />
        </div>
        <div className={cn('w-full shrink-0 border-r md:flex md:w-96 md:flex-col', selectedId ? 'hidden' : 'flex flex-col')}>
          <CommentStream
            filters={filters}
            setFilter={setParam}
            selectedId={selectedId}
            onSelect={(id) => setParam('c', id)}
            onOrder={onOrder}
            searchRef={searchRef}
          />
        </div>
        <div className={cn('min-h-0 min-w-0 flex-1 flex-col', selectedId ? 'flex' : 'hidden md:flex')}>
          {selectedId ? (
            <>
              <button type="button" className="border-b p-2 text-left text-sm md:hidden" onClick={() => setParam('c', undefined)}>
                ← Back
              </button>
              <CommentThread key={selectedId} id={selectedId} />
            </>
          ) : (
            <div className="m-auto max-w-sm p-6 text-center text-sm text-muted-foreground">
              Pick a comment. Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>r</kbd> reply, <kbd>p</kbd> private reply, <kbd>h</kbd> hide, <kbd>e</kbd> done,{' '}
              <kbd>#</kbd> delete, <kbd>/</kbd> search.
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/** Admins see the backfill's progress and can fetch recent posts and comments again. */
function BackfillStatus() {
  const { user } = useAuth();
  const isAdmin = user?.role === Role.ADMIN;
  const runs = useBackfills();
  const start = useStartBackfill();
  if (!isAdmin) return null;
  const running = runs.data?.filter((r) => r.status === 'running') ?? [];
  const failed = runs.data?.filter((r) => r.status === 'failed') ?? [];
  return (
    <div className="ml-auto flex items-center gap-2 text-xs text-muted-foreground" data-testid="comment-backfill">
      {running.length ? (
        <span>
          Fetching recent comments… {running.reduce((n, r) => n + r.postsDone, 0)} posts, {running.reduce((n, r) => n + r.commentsAdded, 0)} new
        </span>
      ) : null}
      {!running.length && failed.length ? <span className="text-destructive">Last fetch failed: {failed[0]?.error}</span> : null}
      <Button
        variant="outline"
        size="sm"
        disabled={start.isPending || running.length > 0}
        onClick={() =>
          start.mutate(undefined, { onSuccess: () => toast.success('Fetching recent posts and comments'), onError: (e) => toast.error(describeApiError(e)) })
        }
      >
        Fetch recent comments
      </Button>
    </div>
  );
}
