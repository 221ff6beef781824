import type { AttributionRowDto } from '@ticklegram/domain-models';
import { formatMoney } from './outcome-form';

/** 75 → "1 min 15 s", 4000 → "1 h 7 min"; null → "—". */
export function formatWait(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ''}`;
  const minutes = Math.round((seconds % 3600) / 60);
  return `${Math.floor(seconds / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
}

/** Purchase values per currency, e.g. "€49.90 · $10.00"; "—" when none. */
export function formatValues(value: AttributionRowDto['value']): string {
  const parts = Object.entries(value).map(([currency, amount]) => formatMoney(amount, currency));
  return parts.length ? parts.join(' · ') : '—';
}

export function otherOutcomes(row: AttributionRowDto): number {
  return Object.entries(row.outcomes)
    .filter(([type]) => type !== 'LeadSubmitted' && type !== 'QualifiedLead' && type !== 'Purchase')
    .reduce((sum, [, n]) => sum + (n ?? 0), 0);
}

/** YYYY-MM-DD of `date` in the browser's time zone. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function isIsoDay(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
