import type { AccountInsightsResponse, InsightAccountMetric } from '@ticklegram/domain-models';
import { ArrowDownRight, ArrowUpRight, Minus } from 'lucide-react';
import { Card } from '../../../components/ui/card';
import { cn } from '../../../lib/utils';
import { formatChange, formatCount, METRIC_LABEL } from '../format';

const CARD_METRICS: readonly InsightAccountMetric[] = [
  'views',
  'reach',
  'accounts_engaged',
  'total_interactions',
  'follows_and_unfollows',
  'profile_links_taps',
  'followers_total',
];

/** The range's totals with their change against the previous period of the same length. */
export function MetricCards({ data }: { data: AccountInsightsResponse }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="insights-metric-cards">
      {CARD_METRICS.map((metric) => {
        const series = data.metrics.find((m) => m.metric === metric);
        const change = formatChange(series?.change ?? null);
        const Icon = change?.tone === 'up' ? ArrowUpRight : change?.tone === 'down' ? ArrowDownRight : Minus;
        return (
          <Card key={metric} className="gap-1 px-4 py-4" data-testid={`insights-card-${metric}`}>
            <p className="text-xs font-medium text-muted-foreground">{METRIC_LABEL[metric]}</p>
            <p className="text-2xl font-semibold tabular-nums" data-testid="insights-card-value">
              {formatCount(series?.total ?? null)}
            </p>
            <p
              className={cn(
                'flex items-center gap-1 text-xs tabular-nums',
                change?.tone === 'up' && 'text-success',
                change?.tone === 'down' && 'text-destructive',
                (!change || change.tone === 'flat') && 'text-muted-foreground',
              )}
              title={
                series?.previousTotal !== null && series?.previousTotal !== undefined ? `Previous period: ${formatCount(series.previousTotal)}` : undefined
              }
            >
              {change ? (
                <>
                  <Icon className="size-3.5" aria-hidden />
                  <span>{change.label}</span>
                  <span className="text-muted-foreground">vs previous period</span>
                </>
              ) : (
                <span>No earlier data to compare</span>
              )}
            </p>
          </Card>
        );
      })}
    </div>
  );
}
