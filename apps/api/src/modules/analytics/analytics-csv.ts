import { AnalyticsOverviewResponse, AnalyticsSummary, AnalyticsTable, DurationStats } from '@ticklegram/domain-models';

type Cell = string | number | null;

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with `'`. */
function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

const durations = (d: DurationStats): Cell[] => [d.median, d.p90];

function summaryRows(s: AnalyticsSummary): [string, number | null][] {
  return [
    ['opened', s.opened],
    ['resolved', s.resolved],
    ['messages_in', s.messagesIn],
    ['messages_out', s.messagesOut],
    ['first_response_count', s.firstResponse.count],
    ['first_response_median_seconds', s.firstResponse.median],
    ['first_response_p90_seconds', s.firstResponse.p90],
    ['resolution_count', s.resolution.count],
    ['resolution_median_seconds', s.resolution.median],
    ['resolution_p90_seconds', s.resolution.p90],
    ['replies_within_window', s.replies.window],
    ['replies_human_agent', s.replies.humanAgent],
    ['replies_template', s.replies.template],
    ['replies_other', s.replies.other],
    ['comments_received', s.commentsReceived],
    ['comments_answered', s.commentsAnswered],
    ['comments_hidden', s.commentsHidden],
    ['conversations_from_ads', s.fromAds],
  ];
}

/** One table of the overview as CSV (the same numbers as the JSON). */
export function overviewCsv(table: AnalyticsTable, o: AnalyticsOverviewResponse): string {
  switch (table) {
    case 'overview': {
      const team = new Map(summaryRows(o.team));
      return toCsv(
        ['metric', 'value', 'team'],
        summaryRows(o.summary).map(([k, v]) => [k, v, team.get(k) ?? null]),
      );
    }
    case 'volume':
      return toCsv(
        ['date', 'opened', 'resolved', 'messages_in', 'messages_out'],
        o.volume.map((d) => [d.date, d.opened, d.resolved, d.messagesIn, d.messagesOut]),
      );
    case 'agents':
      return toCsv(
        [
          'agent_id',
          'name',
          'opened',
          'resolved',
          'messages_out',
          'first_response_median_seconds',
          'first_response_p90_seconds',
          'resolution_median_seconds',
          'resolution_p90_seconds',
        ],
        o.agents.map((a) => [a.agentId, a.name, a.opened, a.resolved, a.messagesOut, ...durations(a.firstResponse), ...durations(a.resolution)]),
      );
    case 'channels':
      return toCsv(
        [
          'channel_id',
          'name',
          'platform',
          'opened',
          'resolved',
          'messages_in',
          'messages_out',
          'first_response_median_seconds',
          'first_response_p90_seconds',
          'resolution_median_seconds',
          'resolution_p90_seconds',
        ],
        o.channels.map((c) => [
          c.channelId,
          c.name,
          c.platform,
          c.opened,
          c.resolved,
          c.messagesIn,
          c.messagesOut,
          ...durations(c.firstResponse),
          ...durations(c.resolution),
        ]),
      );
    case 'frt-distribution':
      return toCsv(
        ['bucket', 'count'],
        o.frtDistribution.map((b) => [b.bucket, b.count]),
      );
    case 'heatmap':
      return toCsv(
        ['weekday', 'hour', 'messages_in'],
        o.heatmap.map((h) => [h.weekday, h.hour, h.messagesIn]),
      );
  }
}
