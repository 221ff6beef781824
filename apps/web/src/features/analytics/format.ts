import { MessagePlatform, type AnalyticsQuery } from '@ticklegram/domain-models';

export const ANALYTICS_RANGES = [7, 28, 90] as const;
export type AnalyticsRange = (typeof ANALYTICS_RANGES)[number];
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The last `days` local days up to today in `timeZone`, both ends included. */
export function rangeInZone(days: number, timeZone: string, now: Date = new Date()): { from: string; to: string } {
  const to = localDay(now, timeZone);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

export interface AnalyticsFilters {
  range: AnalyticsRange;
  /** A custom range (`?from=&to=`, local dates) instead of the preset. */
  custom: { from: string; to: string } | null;
  tz: string;
  channelId?: string;
  platform?: MessagePlatform;
  agentId?: string;
  labelId?: string;
  businessHours: boolean;
}

/** Filters from the URL (`?range=&tz=&channel=&platform=&agent=&label=&bh=1`); anything malformed is ignored. */
export function filtersFromParams(params: URLSearchParams, defaultTz: string): AnalyticsFilters {
  const range = Number(params.get('range'));
  const tz = params.get('tz');
  const uuid = (name: string) => {
    const v = params.get(name);
    return v && UUID.test(v) ? v : undefined;
  };
  const platform = params.get('platform');
  const from = params.get('from');
  const to = params.get('to');
  const custom = from && to && isDate(from) && isDate(to) && from <= to ? { from, to } : null;
  return {
    custom,
    range: (ANALYTICS_RANGES as readonly number[]).includes(range) ? (range as AnalyticsRange) : 28,
    tz: tz && isTimeZone(tz) ? tz : defaultTz,
    channelId: uuid('channel'),
    platform: platform && (Object.values(MessagePlatform) as string[]).includes(platform) ? (platform as MessagePlatform) : undefined,
    agentId: uuid('agent'),
    labelId: uuid('label'),
    businessHours: params.get('bh') === '1',
  };
}

export function queryOf(filters: AnalyticsFilters, now: Date = new Date()): AnalyticsQuery {
  const { from, to } = filters.custom ?? rangeInZone(filters.range, filters.tz, now);
  return {
    from,
    to,
    tz: filters.tz,
    channelId: filters.channelId,
    platform: filters.platform,
    agentId: filters.agentId,
    labelId: filters.labelId,
    businessHours: filters.businessHours || undefined,
  };
}

/** `45s`, `12m`, `3h 20m`, `2d 4h`; an em dash when there is nothing to show. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days}d ${hours % 24}h` : `${days}d`;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-US').format(value);
}
