'use client';

import type { AccountInsightsResponse, InsightAccountMetric } from '@ticklegram/domain-models';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../components/ui/card';
import { formatCount, formatDay, METRIC_LABEL } from '../format';
import { axisProps, CHART_COLORS, gridProps, tooltipCursor, tooltipStyle } from './chart-theme';

type Row = Record<string, string | number | null>;

/** One row per day with a column per metric (nulls stay gaps, not zeros). */
function byDay(data: AccountInsightsResponse, metrics: readonly InsightAccountMetric[]): Row[] {
  const series = metrics.map((metric) => data.metrics.find((m) => m.metric === metric));
  const days = series[0]?.series ?? [];
  return days.map((point, index) => {
    const row: Row = { date: point.date };
    metrics.forEach((metric, i) => (row[metric] = series[i]?.series[index]?.value ?? null));
    return row;
  });
}

const hasValues = (rows: Row[], metrics: readonly string[]) => rows.some((row) => metrics.some((m) => row[m] !== null));

function ChartCard({
  title,
  description,
  testId,
  empty,
  children,
}: {
  title: string;
  description: string;
  testId: string;
  empty: boolean;
  children: React.ReactElement;
}) {
  return (
    <Card className="gap-4" data-testid={testId}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="h-64">
        {empty ? (
          <div className="flex h-full items-center justify-center rounded-lg border border-dashed text-sm text-muted-foreground">
            No data for these days yet.
          </div>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        )}
      </CardContent>
    </Card>
  );
}

const tooltip = (
  <Tooltip
    contentStyle={tooltipStyle}
    cursor={tooltipCursor}
    labelFormatter={(label) => formatDay(String(label))}
    formatter={(value, name) => [formatCount(value as number), METRIC_LABEL[name as InsightAccountMetric] ?? name]}
  />
);
const legend = (
  <Legend formatter={(name: string) => <span className="text-xs text-muted-foreground">{METRIC_LABEL[name as InsightAccountMetric] ?? name}</span>} />
);

const REACH = ['views', 'reach'] as const;
const INTERACTIONS = ['likes', 'comments', 'shares', 'saves'] as const;
const FOLLOWERS = ['follower_count'] as const;

/** Views and reach per day (lines), interactions per day (stacked bars), new followers per day (bars). */
export function AccountCharts({ data }: { data: AccountInsightsResponse }) {
  const reach = byDay(data, REACH);
  const interactions = byDay(data, INTERACTIONS);
  const followers = byDay(data, FOLLOWERS);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard
        title="Views and reach"
        description="Per day (UTC) as Meta reported it; today arrives tomorrow, once the day is complete"
        testId="insights-chart-reach"
        empty={!hasValues(reach, REACH)}
      >
        <LineChart data={reach} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="date" {...axisProps} tickFormatter={formatDay} minTickGap={24} />
          <YAxis {...axisProps} width={48} tickFormatter={(v: number) => formatCount(v)} />
          {tooltip}
          {legend}
          {REACH.map((metric, i) => (
            <Line
              key={metric}
              type="monotone"
              dataKey={metric}
              stroke={CHART_COLORS[i]}
              strokeWidth={2}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ChartCard>
      <ChartCard
        title="Interactions"
        description="Likes, comments, shares and saves per day (UTC), through yesterday"
        testId="insights-chart-interactions"
        empty={!hasValues(interactions, INTERACTIONS)}
      >
        <BarChart data={interactions} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="date" {...axisProps} tickFormatter={formatDay} minTickGap={24} />
          <YAxis {...axisProps} width={48} tickFormatter={(v: number) => formatCount(v)} />
          {tooltip}
          {legend}
          {INTERACTIONS.map((metric, i) => (
            <Bar key={metric} dataKey={metric} stackId="interactions" fill={CHART_COLORS[i]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ChartCard>
      <ChartCard
        title="New followers"
        description="Per day (UTC), through yesterday; Meta reports it for accounts with 100+ followers"
        testId="insights-chart-followers"
        empty={!hasValues(followers, FOLLOWERS)}
      >
        <BarChart data={followers} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="date" {...axisProps} tickFormatter={formatDay} minTickGap={24} />
          <YAxis {...axisProps} width={48} allowDecimals={false} />
          {tooltip}
          <Bar dataKey="follower_count" fill={CHART_COLORS[4]} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ChartCard>
      <Demographics data={data} />
    </div>
  );
}

function Demographics({ data }: { data: AccountInsightsResponse }) {
  const countries = data.demographics.find((d) => d.breakdown === 'country');
  const rows = (countries?.values ?? []).slice(0, 8);
  return (
    <ChartCard
      title="Followers by country"
      description={countries ? `Top countries, as of ${formatDay(countries.capturedOn)}` : 'Meta shares demographics for accounts with 100+ followers'}
      testId="insights-chart-countries"
      empty={rows.length === 0}
    >
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid {...gridProps} horizontal={false} vertical />
        <XAxis type="number" {...axisProps} tickFormatter={(v: number) => formatCount(v)} />
        <YAxis type="category" dataKey="key" {...axisProps} width={56} />
        <Tooltip contentStyle={tooltipStyle} cursor={tooltipCursor} formatter={(value) => [formatCount(value as number), 'Followers']} />
        <Bar dataKey="value" fill={CHART_COLORS[1]} radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
}
