'use client';

import * as React from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { toast } from 'sonner';
import { Download, Target } from 'lucide-react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { MessagePlatform, type AttributionResponse } from '@ticklegram/domain-models';
import { EmptyState, QueryStates } from '../../../components/data-states';
import { PageContainer, PageHeader } from '../../../components/page-header';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../components/ui/card';
import { Input } from '../../../components/ui/input';
import { Skeleton } from '../../../components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../../../components/ui/table';
import { useApiClient } from '../../auth/auth-provider';
import { axisProps, CHART_COLORS, gridProps, tooltipCursor, tooltipStyle } from '../../insights/components/chart-theme';
import { useAttribution, type AttributionRange } from '../api';
import { formatValues, formatWait, isIsoDay, isoDay, otherOutcomes } from '../attribution-format';

const SERIES_LABEL: Record<string, string> = { conversationsStarted: 'Conversations from ads', outcomes: 'Outcomes' };

/** Attribution per ad: the date range lives in the URL; days are the browser's time zone. */
export function AttributionView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const tz = React.useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', []);
  const today = isoDay(new Date());
  const to = isIsoDay(params.get('to')) ? (params.get('to') as string) : today;
  const from = isIsoDay(params.get('from')) ? (params.get('from') as string) : isoDay(new Date(Date.now() - 29 * 86_400_000));
  const range: AttributionRange = { from, to, tz };
  const report = useAttribution(range);
  const client = useApiClient();

  const setRange = (patch: Partial<Pick<AttributionRange, 'from' | 'to'>>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(patch)) if (value) next.set(key, value);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  const downloadCsv = async () => {
    const query = new URLSearchParams({ from, to, tz, format: 'csv' });
    const response = await fetch(`/api/attribution?${query.toString()}`, { headers: { authorization: `Bearer ${client.getAccessToken() ?? ''}` } });
    if (!response.ok) {
      toast.error("Couldn't export the CSV. Try again.");
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `attribution-${from}-${to}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <PageContainer>
      <PageHeader
        title="Attribution"
        description="Which click-to-message ads started conversations, how fast you answered, and what came of them — with the events Meta accepted through the Conversions API."
        actions={
          <Button variant="outline" onClick={() => void downloadCsv()} data-testid="attribution-csv">
            <Download aria-hidden /> CSV
          </Button>
        }
      />
      <div className="mt-6 flex flex-wrap items-end gap-3" data-testid="attribution-range">
        <label className="grid gap-1 text-sm">
          <span className="text-xs text-muted-foreground">From</span>
          <Input type="date" value={from} max={to} onChange={(e) => setRange({ from: e.target.value })} data-testid="attribution-from" />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="text-xs text-muted-foreground">To</span>
          <Input type="date" value={to} min={from} max={today} onChange={(e) => setRange({ to: e.target.value })} data-testid="attribution-to" />
        </label>
        <p className="pb-2 text-xs text-muted-foreground">Days in {tz}</p>
      </div>
      <div className="mt-6 min-w-0">
        <QueryStates
          query={report}
          loading={<Skeleton className="h-80 w-full" />}
          errorTitle="Couldn't load attribution"
          isEmpty={(data) => data.rows.length === 0}
          empty={
            <EmptyState icon={Target} title="No conversations from ads in these days" data-testid="attribution-empty">
              When someone taps “Send message” on a click-to-Messenger or click-to-Instagram ad, the conversation and its outcomes show up here.
            </EmptyState>
          }
        >
          {(data) => (
            <div className="grid min-w-0 gap-6">
              <AttributionChart data={data} />
              <AttributionTable data={data} />
            </div>
          )}
        </QueryStates>
      </div>
    </PageContainer>
  );
}

function AttributionChart({ data }: { data: AttributionResponse }) {
  return (
    <Card className="min-w-0 gap-4" data-testid="attribution-chart">
      <CardHeader>
        <CardTitle>Over time</CardTitle>
        <CardDescription>Conversations started from ads and outcomes recorded, per day</CardDescription>
      </CardHeader>
      <CardContent className="h-64">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.series} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            <CartesianGrid {...gridProps} />
            <XAxis dataKey="date" {...axisProps} minTickGap={24} />
            <YAxis {...axisProps} width={32} allowDecimals={false} />
            <Tooltip contentStyle={tooltipStyle} cursor={tooltipCursor} formatter={(value, name) => [value, SERIES_LABEL[String(name)] ?? name]} />
            <Legend formatter={(name: string) => <span className="text-xs text-muted-foreground">{SERIES_LABEL[name] ?? name}</span>} />
            <Bar dataKey="conversationsStarted" fill={CHART_COLORS[0]} isAnimationActive={false} />
            <Bar dataKey="outcomes" fill={CHART_COLORS[1]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
}

function AttributionTable({ data }: { data: AttributionResponse }) {
  return (
    <div className="min-w-0 overflow-x-auto rounded-xl border">
      <Table data-testid="attribution-table">
        <TableHeader>
          <TableRow>
            <TableHead>Ad</TableHead>
            <TableHead className="text-right">Conversations</TableHead>
            <TableHead className="text-right">First response (median)</TableHead>
            <TableHead className="text-right">Leads</TableHead>
            <TableHead className="text-right">Qualified</TableHead>
            <TableHead className="text-right">Purchases</TableHead>
            <TableHead className="text-right">Other</TableHead>
            <TableHead className="text-right">Value</TableHead>
            <TableHead className="text-right">Accepted by Meta</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.rows.map((row) => (
            <TableRow key={row.adId} data-testid="attribution-row" data-ad-id={row.adId}>
              <TableCell className="min-w-56 text-sm whitespace-normal">
                <p className="font-medium">{row.adTitle ?? `Ad ${row.adId}`}</p>
                <p className="text-xs text-muted-foreground">
                  {row.platform === MessagePlatform.FACEBOOK ? 'Messenger' : 'Instagram'} · ad {row.adId}
                  {row.campaignId ? ` · campaign ${row.campaignName ?? row.campaignId}` : ''}
                  {row.adsetId ? ` · ad set ${row.adsetName ?? row.adsetId}` : ''}
                </p>
              </TableCell>
              <TableCell className="text-right tabular-nums" data-testid="attribution-conversations">
                {row.conversationsStarted}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatWait(row.firstResponseMedianSeconds)}
                {row.responded < row.conversationsStarted ? (
                  <span className="block text-xs text-muted-foreground">{row.conversationsStarted - row.responded} unanswered</span>
                ) : null}
              </TableCell>
              <TableCell className="text-right tabular-nums">{row.outcomes.LeadSubmitted ?? 0}</TableCell>
              <TableCell className="text-right tabular-nums">{row.outcomes.QualifiedLead ?? 0}</TableCell>
              <TableCell className="text-right tabular-nums" data-testid="attribution-purchases">
                {row.outcomes.Purchase ?? 0}
              </TableCell>
              <TableCell className="text-right tabular-nums">{otherOutcomes(row)}</TableCell>
              <TableCell className="text-right tabular-nums" data-testid="attribution-value">
                {formatValues(row.value)}
              </TableCell>
              <TableCell className="text-right tabular-nums" data-testid="attribution-accepted">
                {row.eventsAccepted}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
