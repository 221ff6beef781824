import type { AnalyticsSummary } from '@ticklegram/domain-models';
import { Card } from '../../../components/ui/card';
import { formatDuration, formatNumber } from '../format';

interface CardDef {
  key: string;
  label: string;
  value: (s: AnalyticsSummary) => string;
  hint?: (s: AnalyticsSummary) => string;
}

const CARDS: CardDef[] = [
  { key: 'opened', label: 'Conversations opened', value: (s) => formatNumber(s.opened), hint: (s) => `${formatNumber(s.fromAds)} from ads` },
  { key: 'resolved', label: 'Resolved', value: (s) => formatNumber(s.resolved) },
  { key: 'messages', label: 'Messages in / out', value: (s) => `${formatNumber(s.messagesIn)} / ${formatNumber(s.messagesOut)}` },
  {
    key: 'frt',
    label: 'First response (median)',
    value: (s) => formatDuration(s.firstResponse.median),
    hint: (s) => `p90 ${formatDuration(s.firstResponse.p90)} · ${formatNumber(s.firstResponse.count)} answered`,
  },
  {
    key: 'resolution',
    label: 'Resolution time (median)',
    value: (s) => formatDuration(s.resolution.median),
    hint: (s) => `p90 ${formatDuration(s.resolution.p90)}`,
  },
  {
    key: 'replies',
    label: 'Replies: window / HUMAN_AGENT / template',
    value: (s) => `${formatNumber(s.replies.window)} / ${formatNumber(s.replies.humanAgent)} / ${formatNumber(s.replies.template)}`,
    hint: (s) => `${formatNumber(s.replies.other)} other`,
  },
  {
    key: 'comments',
    label: 'Comments answered / hidden',
    value: (s) => `${formatNumber(s.commentsAnswered)} / ${formatNumber(s.commentsHidden)}`,
    hint: (s) => `of ${formatNumber(s.commentsReceived)} received`,
  },
];

/** The range's figures; for an agent their own with the team's beside them. */
export function SummaryCards({ summary, team }: { summary: AnalyticsSummary; team: AnalyticsSummary | null }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="analytics-cards">
      {CARDS.map((card) => (
        <Card key={card.key} className="gap-1 px-4 py-4" data-testid={`analytics-card-${card.key}`}>
          <p className="text-xs font-medium text-muted-foreground">{card.label}</p>
          <p className="text-2xl font-semibold tabular-nums" data-testid="analytics-card-value">
            {card.value(summary)}
          </p>
          {card.hint && <p className="text-xs text-muted-foreground tabular-nums">{card.hint(summary)}</p>}
          {team && <p className="text-xs text-muted-foreground tabular-nums">Team: {card.value(team)}</p>}
        </Card>
      ))}
    </div>
  );
}
