'use client';

import * as React from 'react';
import { useRouter, useSearchParams } from 'next/navigation';
import { inboxFiltersToParams, parseInboxFilters, type InboxFilters } from '../filters';

/** The inbox filters live in the URL; changing them replaces the search params and keeps the open conversation. */
export function useInboxFilters(): { filters: InboxFilters; setFilters: (patch: Partial<InboxFilters>) => void; query: string } {
  const searchParams = useSearchParams();
  const router = useRouter();
  const filters = React.useMemo(() => parseInboxFilters(searchParams), [searchParams]);
  const query = inboxFiltersToParams(filters).toString();
  const setFilters = React.useCallback(
    (patch: Partial<InboxFilters>) => {
      const next = inboxFiltersToParams({ ...filters, ...patch }).toString();
      router.replace(`${window.location.pathname}${next ? `?${next}` : ''}`, { scroll: false });
    },
    [filters, router],
  );
  return { filters, setFilters, query };
}
