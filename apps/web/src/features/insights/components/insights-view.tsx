'use client';

import { useQueryClient } from '@tanstack/react-query';
import { INSIGHT_MEDIA_SORTS, Role, type InsightMediaSort } from '@ticklegram/domain-models';
import { AlertTriangle, BarChart3, RefreshCw } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import * as React from 'react';
import { toast } from 'sonner';
import { PageContainer, PageHeader } from '../../../components/page-header';
import { Button } from '../../../components/ui/button';
import { Skeleton } from '../../../components/ui/skeleton';
import { describeApiError } from '../../../lib/api/api-error';
import { useAuth } from '../../auth/auth-provider';
import { insightsKeys, useAccountInsights, useInsightStatuses, useStartInsightsSync } from '../api';
import { parseRange, rangeFor, type RangePreset } from '../format';
import { AccountCharts } from './account-charts';
import { AccountPicker, RangePicker, SyncStatus } from './insights-toolbar';
import { MetricCards } from './metric-cards';
import { StoriesStrip } from './stories-strip';
import { TopPosts } from './top-posts';

function isSort(value: string | null): value is InsightMediaSort {
  return value !== null && (INSIGHT_MEDIA_SORTS as readonly string[]).includes(value);
}

function Message({ icon: Icon, title, children, action }: { icon: typeof BarChart3; title: string; children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="mt-8 flex flex-col items-center rounded-xl border border-dashed px-6 py-12 text-center">
      <Icon className="size-7 text-muted-foreground" aria-hidden />
      <h2 className="mt-3 font-semibold">{title}</h2>
      <div className="mt-1 max-w-md text-sm text-muted-foreground">{children}</div>
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}

/**
 * Instagram insights from our snapshots: account, range and post sort live in the URL
 * (`?account=&range=&sort=`); data refreshes when a sync finishes.
 */
export function InsightsView() {
  const { user } = useAuth();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const statuses = useInsightStatuses();
  const startSync = useStartInsightsSync();

  const accounts = statuses.data ?? [];
  const selected = accounts.find((a) => a.channelId === params.get('account')) ?? accounts[0] ?? null;
  const range = parseRange(params.get('range'));
  const sort: InsightMediaSort = isSort(params.get('sort')) ? (params.get('sort') as InsightMediaSort) : 'views';
  const { from, to } = rangeFor(range);
  const account = useAccountInsights(selected?.channelId ?? null, from, to);

  // a finished sync brings new numbers: refetch what the page shows
  const lastSyncedAt = selected?.lastSyncedAt ?? null;
  const seenSync = React.useRef(lastSyncedAt);
  React.useEffect(() => {
    if (seenSync.current !== lastSyncedAt) {
      seenSync.current = lastSyncedAt;
      void queryClient.invalidateQueries({ queryKey: insightsKeys.all, predicate: (q) => q.queryKey[1] !== 'statuses' });
    }
  }, [lastSyncedAt, queryClient]);

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params.toString());
    next.set(name, value);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const syncNow = (channelId: string) =>
    startSync.mutate(channelId, { onError: (error) => toast.error(`Couldn't start the sync: ${describeApiError(error)}`) });

  return (
    <PageContainer>
      <PageHeader
        title="Insights"
        description="How your Instagram accounts are doing: daily figures kept in TickleGram, so history outlives Meta's retention."
        actions={selected ? <RangePicker value={range} onChange={(days: RangePreset) => setParam('range', String(days))} /> : undefined}
      />
      {statuses.isPending ? (
        <div className="mt-8 space-y-4">
          <Skeleton className="h-9 w-72" />
          <Skeleton className="h-28 w-full" />
          <Skeleton className="h-72 w-full" />
        </div>
      ) : statuses.isError ? (
        <Message
          icon={AlertTriangle}
          title="Couldn't load insights"
          action={
            <Button variant="outline" onClick={() => void statuses.refetch()} disabled={statuses.isFetching}>
              <RefreshCw aria-hidden className={statuses.isFetching ? 'animate-spin' : ''} /> Try again
            </Button>
          }
        >
          {describeApiError(statuses.error)}
        </Message>
      ) : !selected ? (
        <Message
          icon={BarChart3}
          title="No Instagram account connected"
          action={
            user?.role === Role.ADMIN ? (
              <Button asChild>
                <Link href="/accounts">Connect an account</Link>
              </Button>
            ) : undefined
          }
        >
          Insights appear here once an Instagram professional account is connected{user?.role === Role.ADMIN ? '.' : ' (an admin connects accounts).'}
        </Message>
      ) : (
        <div className="mt-6 space-y-8">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <AccountPicker accounts={accounts} value={selected.channelId} onChange={(id) => setParam('account', id)} />
            <SyncStatus status={selected} canSync={user?.role === Role.ADMIN} starting={startSync.isPending} onSync={() => syncNow(selected.channelId)} />
          </div>
          {account.isPending ? (
            <div className="space-y-4">
              <Skeleton className="h-28 w-full" />
              <Skeleton className="h-72 w-full" />
            </div>
          ) : account.isError ? (
            <Message
              icon={AlertTriangle}
              title="Couldn't load this account's figures"
              action={
                <Button variant="outline" onClick={() => void account.refetch()}>
                  Try again
                </Button>
              }
            >
              {describeApiError(account.error)}
            </Message>
          ) : selected.daysStored === 0 && !account.data.lastSyncedAt ? (
            <Message icon={BarChart3} title={selected.state === 'running' ? 'First sync in progress' : 'Not synced yet'}>
              {selected.state === 'running'
                ? 'Reading this account’s history from Meta. The charts fill in as soon as it finishes.'
                : 'The first sync runs within a minute of connecting an account.'}
            </Message>
          ) : (
            <>
              <MetricCards data={account.data} />
              <AccountCharts data={account.data} />
            </>
          )}
          <TopPosts channelId={selected.channelId} sort={sort} onSortChange={(value) => setParam('sort', value)} />
          <StoriesStrip channelId={selected.channelId} />
        </div>
      )}
    </PageContainer>
  );
}
