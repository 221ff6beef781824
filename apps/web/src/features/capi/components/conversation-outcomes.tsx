'use client';

import { OUTCOME_LABELS, type CapiEventStatus } from '@ticklegram/domain-models';
import { cn } from '../../../lib/utils';
import { useOutcomes } from '../api';
import { formatMoney } from '../outcome-form';

const EVENT_LABEL: Record<CapiEventStatus, string> = {
  queued: 'Sending to Meta',
  sending: 'Sending to Meta',
  retrying: 'Meta busy, retrying',
  accepted: 'Accepted by Meta',
  failed: 'Not sent',
  uncertain: 'Check in Events Manager',
};

/** The conversation's outcomes (in the contact panel's ad card) with what Meta made of each. */
export function ConversationOutcomes({ conversationId }: { conversationId: string }) {
  const outcomes = useOutcomes(conversationId);
  if (outcomes.isPending) return <p className="text-xs text-muted-foreground">Loading outcomes…</p>;
  if (outcomes.isError)
    return (
      <p className="text-xs text-muted-foreground" role="alert">
        Couldn’t load outcomes.{' '}
        <button type="button" className="underline" onClick={() => void outcomes.refetch()}>
          Retry
        </button>
      </p>
    );
  if (outcomes.data.length === 0)
    return (
      <p className="text-xs text-muted-foreground" data-testid="outcomes-empty">
        No outcome recorded yet.
      </p>
    );
  return (
    <ul className="grid gap-1.5" data-testid="conversation-outcomes">
      {outcomes.data.map((o) => (
        <li key={o.id} className="grid gap-0.5 rounded-md bg-muted/50 px-2 py-1.5" data-testid="conversation-outcome" data-status={o.event.status}>
          <span className="flex items-baseline justify-between gap-2 text-sm">
            <span className="font-medium">{OUTCOME_LABELS[o.type]}</span>
            {o.value !== null && o.currency ? <span className="tabular-nums">{formatMoney(o.value, o.currency)}</span> : null}
          </span>
          <span
            className={cn('text-xs', o.event.status === 'failed' || o.event.status === 'uncertain' ? 'text-destructive' : 'text-muted-foreground')}
            title={o.event.message ?? undefined}
          >
            {EVENT_LABEL[o.event.status]} · {new Date(o.recordedAt).toLocaleString()}
          </span>
        </li>
      ))}
    </ul>
  );
}
