'use client';

import * as React from 'react';
import { useParams, useRouter } from 'next/navigation';
import { cn } from '../../../lib/utils';
import { useInboxFilters } from '../hooks/use-inbox-filters';
import { useListShortcuts } from '../../../lib/use-list-shortcuts';
import { nextConversationHref } from '../keyboard';
import { ConversationList } from './conversation-list';
import { InboxFolders } from './inbox-folders';

/**
 * The three panes (folders | conversation list | thread). The open conversation is the route segment,
 * the filters are the search params; this component only wires them together and owns the keyboard.
 */
export function InboxShell({ children }: { children: React.ReactNode }) {
  const params = useParams<{ conversationId?: string }>();
  const selectedId = params.conversationId ?? null;
  const router = useRouter();
  const { filters, setFilters } = useInboxFilters();
  const searchRef = React.useRef<HTMLInputElement>(null);
  const orderRef = React.useRef<{ id: string; href: string }[]>([]);
  const onOrderChange = React.useCallback((order: { id: string; href: string }[]) => {
    orderRef.current = order;
  }, []);
  const onSearch = React.useCallback((search: string) => setFilters({ search }), [setFilters]);

  useListShortcuts(searchRef, (step) => {
    const href = nextConversationHref(orderRef.current, selectedId, step);
    if (href) router.push(href, { scroll: false });
    return href !== null;
  });

  return (
    <div className="flex h-full min-h-0" data-testid="inbox">
      <h1 className="sr-only">Inbox</h1>
      <InboxFolders
        filters={filters}
        basePath={selectedId ? `/inbox/${selectedId}` : '/inbox'}
        className="hidden w-48 shrink-0 border-r bg-sidebar/40 xl:flex"
      />
      <div className={cn('w-full shrink-0 border-r md:flex md:w-80 2xl:w-96', selectedId ? 'hidden' : 'flex', 'min-h-0 flex-col')}>
        <ConversationList filters={filters} selectedId={selectedId} onSearch={onSearch} searchRef={searchRef} onOrderChange={onOrderChange} />
      </div>
      <div className={cn('min-h-0 min-w-0 flex-1 flex-col', selectedId ? 'flex' : 'hidden md:flex')}>{children}</div>
    </div>
  );
}
