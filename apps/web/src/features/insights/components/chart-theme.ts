import type { CSSProperties } from 'react';

/**
 * Recharts styling from the design tokens (CSS variables), so charts follow light and dark mode
 * without re-rendering: SVG presentation attributes accept `var(...)`.
 */
export const CHART_COLORS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)'] as const;

export const axisProps = {
  tick: { fill: 'var(--muted-foreground)', fontSize: 12 },
  tickLine: false,
  axisLine: false,
} as const;

export const gridProps = { stroke: 'var(--border)', strokeDasharray: '3 3', vertical: false } as const;

export const tooltipStyle: CSSProperties = {
  background: 'var(--popover)',
  color: 'var(--popover-foreground)',
  border: '1px solid var(--border)',
  borderRadius: 'calc(var(--radius) - 2px)',
  fontSize: 12,
};

export const tooltipCursor = { fill: 'var(--muted)', opacity: 0.6 } as const;
