'use client';

import * as React from 'react';
import { Loader2, MessageSquareDashed, Search, X } from 'lucide-react';
import { describeApiError } from '../../../lib/api/api-error';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { Skeleton } from '../../../components/ui/skeleton';
import { cn } from '../../../lib/utils';
import { useAuth } from '../../auth/auth-provider';
import { useRealtimeStatus } from '../../realtime/use-realtime';
import { DEFAULT_FILTERS, inboxHref, type InboxFilters } from '../filters';
import { useConversationList } from '../hooks/use-inbox-queries';
import { useNow } from '../../../lib/use-now';
import { ConversationListItem } from './conversation-list-item';

export function ConversationListSkeleton() {
  return (
    <ul aria-busy="true" aria-label="Loading conversations">
      {Array.from({ length: 8 }, (_, i) => (
        <li key={i} className="flex gap-3 border-b px-3 py-3">
          <Skeleton className="size-9 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-3 w-full" />
          </div>
        </li>
      ))}
    </ul>
  );
}

function isDefault(filters: InboxFilters): boolean {
  return filters.folder === 'all' && !filters.platform && !filters.status && !filters.search;
}

export function ConversationList({
  filters,
  selectedId,
  onSearch,
  searchRef,
  onOrderChange,
}: {
  filters: InboxFilters;
  selectedId: string | null;
  onSearch: (search: string) => void;
  searchRef: React.RefObject<HTMLInputElement | null>;
  onOrderChange: (hrefs: { id: string; href: string }[]) => void;
}) {
  const { user } = useAuth();
  const realtimeStatus = useRealtimeStatus();
  const now = useNow(30_000);
  const list = useConversationList(filters);
  const [draft, setDraft] = React.useState(filters.search);
  const sentinel = React.useRef<HTMLDivElement>(null);

  React.useEffect(() => setDraft(filters.search), [filters.search]);
  React.useEffect(() => {
    const handle = setTimeout(() => {
      if (draft.trim() !== filters.search) onSearch(draft.trim());
    }, 300);
    return () => clearTimeout(handle);
  }, [draft, filters.search, onSearch]);

  const items = React.useMemo(
    () => list.conversations.map((c) => ({ conversation: c, href: inboxHref(`/inbox/${c.id}`, filters) })),
    [list.conversations, filters],
  );
  React.useEffect(() => onOrderChange(items.map((i) => ({ id: i.conversation.id, href: i.href }))), [items, onOrderChange]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  React.useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <section aria-label="Conversations" className="flex min-h-0 flex-col">
      <div className="grid gap-2 border-b p-3">
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            ref={searchRef}
            type="search"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') e.currentTarget.blur();
            }}
            placeholder="Search names and messages"
            aria-label="Search conversations"
            aria-keyshortcuts="/"
            // the browser's own clear button would sit next to ours
            className="h-9 pr-8 pl-8 [&::-webkit-search-cancel-button]:appearance-none"
            data-testid="conversation-search"
          />
          {draft ? (
            <button
              type="button"
              className="absolute top-1/2 right-2 -translate-y-1/2 rounded-sm p-0.5 text-muted-foreground hover:text-foreground"
              onClick={() => setDraft('')}
              aria-label="Clear search"
            >
              <X className="size-3.5" />
            </button>
          ) : null}
        </div>
        <p
          data-testid="realtime-status"
          data-state={realtimeStatus}
          aria-live="polite"
          className={cn('flex items-center gap-1.5 text-[11px]', realtimeStatus === 'connected' ? 'sr-only' : 'text-amber-700 dark:text-amber-400')}
        >
          {realtimeStatus === 'connected'
            ? 'Live updates on'
            : realtimeStatus === 'connecting'
              ? 'Connecting to live updates…'
              : 'Live updates paused — reconnecting…'}
        </p>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto" data-testid="conversation-list">
        {list.isPending ? (
          <ConversationListSkeleton />
        ) : list.isError ? (
          <div className="flex flex-col items-center gap-3 p-6 text-center text-sm" role="alert">
            <p className="text-muted-foreground">{describeApiError(list.error)}</p>
            <Button size="sm" variant="outline" onClick={() => void list.refetch()}>
              Try again
            </Button>
          </div>
        ) : items.length === 0 ? (
          <EmptyList filters={filters} />
        ) : (
          <ul>
            {items.map(({ conversation, href }) => (
              <ConversationListItem
                key={conversation.id}
                conversation={conversation}
                href={href}
                selected={conversation.id === selectedId}
                currentUserId={user?.id ?? null}
                now={now}
              />
            ))}
          </ul>
        )}
        <div ref={sentinel} className="h-px" />
        {isFetchingNextPage ? (
          <div className="flex justify-center p-3 text-muted-foreground">
            <Loader2 className="size-4 animate-spin" aria-label="Loading more conversations" />
          </div>
        ) : hasNextPage ? (
          <div className="flex justify-center p-3">
            <Button size="sm" variant="ghost" onClick={() => void fetchNextPage()}>
              Load more
            </Button>
          </div>
        ) : null}
      </div>
    </section>
  );
}

function EmptyList({ filters }: { filters: InboxFilters }) {
  const fresh = isDefault(filters);
  return (
    <div className="flex flex-col items-center gap-2 px-6 py-12 text-center" data-testid="conversation-list-empty">
      <MessageSquareDashed className="size-8 text-muted-foreground" aria-hidden />
      {fresh ? (
        <>
          <p className="text-sm font-medium">No conversations yet</p>
          <p className="text-sm text-muted-foreground">
            New Instagram and Messenger messages show up here live. In the sandbox, open the customer phone at{' '}
            <a className="font-medium text-primary underline-offset-4 hover:underline" href="http://localhost:3002/phone" target="_blank" rel="noreferrer">
              http://localhost:3002/phone
            </a>{' '}
            to send one.
          </p>
        </>
      ) : (
        <>
          <p className="text-sm font-medium">No conversations match</p>
          <p className="text-sm text-muted-foreground">Try another folder, channel or search.</p>
          <Button asChild size="sm" variant="outline" className="mt-1">
            <a href={inboxHref('/inbox', DEFAULT_FILTERS)}>Show all conversations</a>
          </Button>
        </>
      )}
    </div>
  );
}
