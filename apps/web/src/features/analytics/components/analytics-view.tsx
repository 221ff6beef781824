'use client';

import { Role, type AnalyticsTable } from '@ticklegram/domain-models';
import { AlertTriangle, BarChart3, Download, RefreshCw } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import * as React from 'react';
import { toast } from 'sonner';
import { ErrorState, EmptyState } from '../../../components/data-states';
import { PageContainer, PageHeader } from '../../../components/page-header';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { describeApiError } from '../../../lib/api/api-error';
import { useApiClient, useAuth } from '../../auth/auth-provider';
import { useChannels } from '../../channels/api';
import { useLabels } from '../../collaboration/api';
import { downloadCsv, useAnalyticsOverview, useAnalyticsSettings } from '../api';
import { filtersFromParams, formatNumber, queryOf } from '../format';
import { AnalyticsFiltersBar, type FilterChange } from './analytics-filters';
import { FrtDistributionChart, HeatmapChart, VolumeChart } from './analytics-charts';
import { AgentsTable, ChannelsTable } from './analytics-tables';
import { SummaryCards } from './summary-cards';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const PARAM: Record<keyof FilterChange, string> = {
  range: 'range',
  from: 'from',
  to: 'to',
  channel: 'channel',
  platform: 'platform',
  agent: 'agent',
  label: 'label',
  bh: 'bh',
};

/** Team analytics: filters in the URL, figures from the api's rollups, every table downloadable as CSV. */
export function AnalyticsView() {
  const { user } = useAuth();
  const isAdmin = user?.role === Role.ADMIN;
  const client = useApiClient();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [zone] = React.useState(browserZone);
  const filters = filtersFromParams(new URLSearchParams(params.toString()), zone);
  const query = queryOf(filters);
  const overview = useAnalyticsOverview(query);
  const channels = useChannels();
  const labels = useLabels();
  const settings = useAnalyticsSettings(isAdmin);
  const [downloading, setDownloading] = React.useState<AnalyticsTable | null>(null);

  const change = (c: FilterChange) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(c) as [keyof FilterChange, unknown][]) {
      const name = PARAM[key];
      if (value === null || value === false || value === undefined) next.delete(name);
      else next.set(name, value === true ? '1' : String(value));
    }
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  const csvButton = (table: AnalyticsTable, label = 'CSV') => (
    <Button
      variant="outline"
      size="sm"
      data-testid={`analytics-csv-${table}`}
      disabled={downloading !== null}
      onClick={() => {
        setDownloading(table);
        downloadCsv(client, table, query)
          .catch((error: unknown) => toast.error(`Couldn't download the CSV: ${describeApiError(error)}`))
          .finally(() => setDownloading(null));
      }}
    >
      <Download aria-hidden /> {label}
    </Button>
  );

  const data = overview.data;
  const agentOptions = isAdmin ? (data?.agents ?? []).map((a) => ({ id: a.agentId, name: a.name })) : null;

  return (
    <PageContainer>
      <PageHeader
        title="Analytics"
        description={
          isAdmin
            ? 'How fast and how well the team answers. Definitions: first response = first human reply after the customer wrote.'
            : 'Your own numbers, with the team’s totals beside them.'
        }
        actions={data ? csvButton('overview', 'Summary CSV') : undefined}
      />
      <div className="mt-6 space-y-6">
        <AnalyticsFiltersBar
          filters={filters}
          range={{ from: query.from, to: query.to }}
          channels={channels.data ?? []}
          labels={labels.data ?? []}
          agents={agentOptions}
          businessHoursAvailable={Boolean(settings.data?.businessHours)}
          onChange={change}
        />
        {overview.isPending ? (
          <div className="space-y-4" aria-busy="true" aria-label="Loading analytics">
            <Skeleton className="h-28 w-full" />
            <Skeleton className="h-72 w-full" />
          </div>
        ) : overview.isError ? (
          <ErrorState
            title="Couldn't load analytics"
            message={describeApiError(overview.error)}
            onRetry={() => void overview.refetch()}
            retrying={overview.isFetching}
          />
        ) : !data ? null : (
          <>
            {data.summary.opened === 0 && data.summary.messagesIn === 0 && data.summary.messagesOut === 0 && (
              <EmptyState icon={BarChart3} title="No conversations in this range" data-testid="analytics-empty">
                Try a longer range or fewer filters.
              </EmptyState>
            )}
            <div
              className={overview.isFetching ? 'opacity-70 transition-opacity' : undefined}
              data-testid="analytics-content"
              data-range={`${data.range.from}..${data.range.to}`}
            >
              <SummaryCards summary={data.summary} team={data.scope === 'own' ? data.team : null} />
              <section aria-label="Live now" className="mt-4 grid gap-3 sm:grid-cols-4" data-testid="analytics-live">
                <Card className="gap-1 px-4 py-3">
                  <p className="text-xs text-muted-foreground">Open now</p>
                  <p className="text-xl font-semibold tabular-nums">{formatNumber(data.live.open)}</p>
                </Card>
                <Card className="gap-1 px-4 py-3">
                  <p className="text-xs text-muted-foreground">Unassigned</p>
                  <p className="text-xl font-semibold tabular-nums">{formatNumber(data.live.unassigned)}</p>
                </Card>
                <Card className="gap-1 px-4 py-3">
                  <p className="text-xs text-muted-foreground">Agents online</p>
                  <p className="text-xl font-semibold tabular-nums">{formatNumber(data.live.agentsOnline)}</p>
                </Card>
                <Card className="gap-1 px-4 py-3">
                  <p className="text-xs text-muted-foreground">Waiting longest</p>
                  {data.live.waitingLongest[0] ? (
                    <a
                      className="truncate text-sm font-medium underline-offset-2 hover:underline"
                      href={`/inbox/${data.live.waitingLongest[0].conversationId}`}
                    >
                      {data.live.waitingLongest[0].contactName ?? 'A customer'} · since {new Date(data.live.waitingLongest[0].waitingSince).toLocaleString()}
                    </a>
                  ) : (
                    <p className="text-sm text-muted-foreground">Nobody is waiting</p>
                  )}
                </Card>
              </section>
              <div className="mt-6 grid gap-4 lg:grid-cols-2">
                <VolumeChart data={data} action={csvButton('volume')} />
                <FrtDistributionChart data={data} action={csvButton('frt-distribution')} />
              </div>
              <div className="mt-4">
                <HeatmapChart data={data} action={csvButton('heatmap')} />
              </div>
              <div className="mt-4 grid gap-4">
                <AgentsTable rows={data.agents} action={csvButton('agents')} />
                <ChannelsTable rows={data.channels} action={csvButton('channels')} />
              </div>
            </div>
          </>
        )}
        {overview.isError && overview.data && (
          <p role="alert" className="flex items-center gap-2 text-sm text-destructive">
            <AlertTriangle className="size-4" aria-hidden /> Showing the last figures; refreshing failed.
            <Button variant="ghost" size="sm" onClick={() => void overview.refetch()}>
              <RefreshCw aria-hidden /> Retry
            </Button>
          </p>
        )}
      </div>
    </PageContainer>
  );
}
