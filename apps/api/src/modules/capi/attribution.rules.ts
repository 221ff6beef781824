import { AttributionPointDto, AttributionRowDto, MessagePlatform, OutcomeType } from '@ticklegram/domain-models';

/** Pure attribution rules: local days in a time zone, per-ad figures, CSV. */

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** YYYY-MM-DD of `at` in `tz`. */
export function localDay(at: Date, tz: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Milliseconds `tz` is ahead of UTC at `at`. */
function offsetMs(at: number, tz: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const asUtc = Date.UTC(parts['year'] ?? 1970, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant local midnight of `day` (YYYY-MM-DD) begins in `tz` (DST-correct). */
export function startOfLocalDay(day: string, tz: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const first = guess - offsetMs(guess, tz);
  return new Date(guess - offsetMs(first, tz));
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
}

export interface AttributedConversation {
  conversationId: string;
  channelId: string;
  platform: MessagePlatform;
  adId: string;
  adTitle: string | null;
  campaignId: string | null;
  adsetId: string | null;
  startedAt: Date;
  firstResponseAt: Date | null;
}

export interface AttributedOutcome {
  conversationId: string;
  type: OutcomeType;
  occurredAt: Date;
  value: number | null;
  currency: string | null;
  accepted: boolean;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** One row per ad: the conversations it started in the range and what came of them (outcomes at any time). */
export function attributionRows(conversations: AttributedConversation[], outcomes: AttributedOutcome[]): AttributionRowDto[] {
  const byConversation = new Map<string, AttributedOutcome[]>();
  for (const o of outcomes) byConversation.set(o.conversationId, [...(byConversation.get(o.conversationId) ?? []), o]);
  const rows = new Map<string, AttributionRowDto & { waits: number[] }>();
  for (const c of conversations) {
    const row = rows.get(c.adId) ?? {
      adId: c.adId,
      adTitle: null,
      campaignId: null,
      adsetId: null,
      campaignName: null,
      adsetName: null,
      channelId: c.channelId,
      platform: c.platform,
      conversationsStarted: 0,
      responded: 0,
      firstResponseMedianSeconds: null,
      firstResponseMeanSeconds: null,
      outcomes: {},
      value: {},
      eventsAccepted: 0,
      waits: [],
    };
    row.adTitle ??= c.adTitle;
    row.campaignId ??= c.campaignId;
    row.adsetId ??= c.adsetId;
    row.conversationsStarted += 1;
    if (c.firstResponseAt) row.waits.push(Math.max(0, Math.round((c.firstResponseAt.getTime() - c.startedAt.getTime()) / 1000)));
    for (const o of byConversation.get(c.conversationId) ?? []) {
      row.outcomes[o.type] = (row.outcomes[o.type] ?? 0) + 1;
      if (o.value !== null && o.currency) row.value[o.currency] = round2((row.value[o.currency] ?? 0) + o.value);
      if (o.accepted) row.eventsAccepted += 1;
    }
    rows.set(c.adId, row);
  }
  return [...rows.values()]
    .map(({ waits, ...row }) => ({
      ...row,
      responded: waits.length,
      firstResponseMedianSeconds: median(waits),
      firstResponseMeanSeconds: waits.length ? Math.round(waits.reduce((a, b) => a + b, 0) / waits.length) : null,
    }))
    .sort((a, b) => b.conversationsStarted - a.conversationsStarted || a.adId.localeCompare(b.adId));
}

/** Per local day from `fromDay` to `toDay` (inclusive): conversations started and outcomes of those conversations recorded. */
export function attributionSeries(
  conversations: AttributedConversation[],
  outcomes: AttributedOutcome[],
  fromDay: string,
  toDay: string,
  tz: string,
): AttributionPointDto[] {
  const points = new Map<string, AttributionPointDto>();
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) points.set(day, { date: day, conversationsStarted: 0, outcomes: 0 });
  for (const c of conversations) {
    const p = points.get(localDay(c.startedAt, tz));
    if (p) p.conversationsStarted += 1;
  }
  for (const o of outcomes) {
    const p = points.get(localDay(o.occurredAt, tz));
    if (p) p.outcomes += 1;
  }
  return [...points.values()];
}

/** Spreadsheet-safe CSV cell: quoted when needed, formula-looking text neutralised. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function attributionCsv(rows: AttributionRowDto[]): string {
  const header = [
    'ad_id',
    'ad_title',
    'campaign_id',
    'campaign_name',
    'adset_id',
    'adset_name',
    'platform',
    'conversations_started',
    'responded',
    'first_response_median_seconds',
    'first_response_mean_seconds',
    'leads',
    'qualified_leads',
    'purchases',
    'other_outcomes',
    'value',
    'events_accepted',
  ];
  const lines = rows.map((r) => {
    const leads = r.outcomes.LeadSubmitted ?? 0;
    const qualified = r.outcomes.QualifiedLead ?? 0;
    const purchases = r.outcomes.Purchase ?? 0;
    const all = Object.values(r.outcomes).reduce((a, b) => a + (b ?? 0), 0);
    const value = Object.entries(r.value)
      .map(([currency, amount]) => `${amount.toFixed(2)} ${currency}`)
      .join('; ');
    return [
      r.adId,
      r.adTitle,
      r.campaignId,
      r.campaignName,
      r.adsetId,
      r.adsetName,
      r.platform,
      r.conversationsStarted,
      r.responded,
      r.firstResponseMedianSeconds,
      r.firstResponseMeanSeconds,
      leads,
      qualified,
      purchases,
      all - leads - qualified - purchases,
      value,
      r.eventsAccepted,
    ]
      .map(cell)
      .join(',');
  });
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
