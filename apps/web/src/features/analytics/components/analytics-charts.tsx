'use client';

import type { AnalyticsOverviewResponse } from '@ticklegram/domain-models';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../components/ui/card';
import { axisProps, CHART_COLORS, gridProps, tooltipCursor, tooltipStyle } from '../../insights/components/chart-theme';
import { formatNumber, WEEKDAYS } from '../format';

function ChartCard({
  title,
  description,
  testId,
  empty,
  action,
  children,
}: {
  title: string;
  description: string;
  testId: string;
  empty: boolean;
  action?: React.ReactNode;
  children: React.ReactElement;
}) {
  return (
    <Card className="gap-4" data-testid={testId}>
      <CardHeader className="flex flex-row items-start justify-between gap-2">
        <div>
          <CardTitle>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        {action}
      </CardHeader>
      <CardContent className="h-64">
        {empty ? (
          <div className="flex h-full items-center justify-center rounded-lg border border-dashed text-sm text-muted-foreground">Nothing in this range.</div>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        )}
      </CardContent>
    </Card>
  );
}

const LABELS: Record<string, string> = {
  opened: 'Opened',
  resolved: 'Resolved',
  messagesIn: 'Messages in',
  messagesOut: 'Messages out',
  count: 'Conversations',
  messagesIn_heat: 'Customer messages',
};
const shortDay = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export function VolumeChart({ data, action }: { data: AnalyticsOverviewResponse; action?: React.ReactNode }) {
  const empty = data.volume.every((d) => !d.opened && !d.resolved && !d.messagesIn && !d.messagesOut);
  return (
    <ChartCard
      title="Volume"
      description="Messages per day (bars), conversations opened and resolved (lines)"
      testId="analytics-chart-volume"
      empty={empty}
      action={action}
    >
      <ComposedChart data={data.volume} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="date" tickFormatter={shortDay} {...axisProps} minTickGap={24} />
        <YAxis allowDecimals={false} {...axisProps} width={40} />
        <Tooltip
          contentStyle={tooltipStyle}
          cursor={tooltipCursor}
          labelFormatter={(label) => shortDay(String(label))}
          formatter={(value, name) => [formatNumber(Number(value)), LABELS[String(name)] ?? name]}
        />
        <Legend formatter={(name: string) => <span className="text-xs text-muted-foreground">{LABELS[name] ?? name}</span>} />
        <Bar dataKey="messagesIn" fill={CHART_COLORS[0]} radius={[3, 3, 0, 0]} />
        <Bar dataKey="messagesOut" fill={CHART_COLORS[1]} radius={[3, 3, 0, 0]} />
        <Line dataKey="opened" stroke={CHART_COLORS[2]} strokeWidth={2} dot={false} type="monotone" />
        <Line dataKey="resolved" stroke={CHART_COLORS[3]} strokeWidth={2} dot={false} type="monotone" />
      </ComposedChart>
    </ChartCard>
  );
}

export function FrtDistributionChart({ data, action }: { data: AnalyticsOverviewResponse; action?: React.ReactNode }) {
  return (
    <ChartCard
      title="First response time"
      description="Conversations opened in the range, by time to the first human reply"
      testId="analytics-chart-frt"
      empty={data.frtDistribution.every((b) => !b.count)}
      action={action}
    >
      <BarChart data={data.frtDistribution} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="bucket" {...axisProps} />
        <YAxis allowDecimals={false} {...axisProps} width={40} />
        <Tooltip contentStyle={tooltipStyle} cursor={tooltipCursor} formatter={(value) => [formatNumber(Number(value)), 'Conversations']} />
        <Bar dataKey="count" fill={CHART_COLORS[0]} radius={[3, 3, 0, 0]} />
      </BarChart>
    </ChartCard>
  );
}

interface HeatPoint {
  hour: number;
  weekday: number;
  messagesIn: number;
}

/** A square per weekday × hour whose opacity follows the count (recharts scatter with a custom cell shape). */
function HeatCell(props: { cx?: number; cy?: number; payload?: HeatPoint; max: number }) {
  const { cx = 0, cy = 0, payload, max } = props;
  const value = payload?.messagesIn ?? 0;
  return <rect x={cx - 9} y={cy - 9} width={18} height={18} rx={3} fill={CHART_COLORS[0]} fillOpacity={value ? 0.15 + (0.85 * value) / max : 0.04} />;
}

export function HeatmapChart({ data, action }: { data: AnalyticsOverviewResponse; action?: React.ReactNode }) {
  const max = Math.max(1, ...data.heatmap.map((c) => c.messagesIn));
  return (
    <ChartCard
      title="When customers write"
      description={`Customer messages by weekday and hour (${data.range.tz})`}
      testId="analytics-chart-heatmap"
      empty={data.heatmap.every((c) => !c.messagesIn)}
      action={action}
    >
      <ScatterChart margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
        <XAxis type="number" dataKey="hour" domain={[-0.5, 23.5]} ticks={[0, 3, 6, 9, 12, 15, 18, 21]} tickFormatter={(h: number) => `${h}h`} {...axisProps} />
        <YAxis
          type="number"
          dataKey="weekday"
          domain={[-0.5, 6.5]}
          ticks={[0, 1, 2, 3, 4, 5, 6]}
          reversed
          tickFormatter={(d: number) => WEEKDAYS[d] ?? ''}
          {...axisProps}
          width={40}
        />
        <ZAxis type="number" dataKey="messagesIn" range={[1, 1]} />
        <Tooltip
          contentStyle={tooltipStyle}
          cursor={false}
          content={({ payload }) => {
            const p = payload?.[0]?.payload as HeatPoint | undefined;
            return p ? (
              <div style={tooltipStyle} className="px-2 py-1">
                {WEEKDAYS[p.weekday]} {p.hour}:00–{p.hour + 1}:00 · {formatNumber(p.messagesIn)} messages
              </div>
            ) : null;
          }}
        />
        <Scatter
          data={data.heatmap}
          shape={(props: object) => <HeatCell {...(props as { cx?: number; cy?: number; payload?: HeatPoint })} max={max} />}
          isAnimationActive={false}
        />
      </ScatterChart>
    </ChartCard>
  );
}
