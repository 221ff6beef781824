'use client';

import { RotateCcw } from 'lucide-react';
import { toast } from 'sonner';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '../../../components/ui/dialog';
import { Skeleton } from '../../../components/ui/skeleton';
import { describeApiError } from '../../../lib/api/api-error';
import { useReplayWebhookEvent, useWebhookEvent } from '../api';
import { canReplay, formatTime, OUTCOME_LABEL, prettyBody, STATUS_LABEL, STATUS_VARIANT } from '../format';

/** One delivery: status, error, what happened to each event in it, the raw body, and replay. */
export function WebhookEventDialog({ id, onClose }: { id: number | null; onClose: () => void }) {
  const detail = useWebhookEvent(id);
  const replay = useReplayWebhookEvent();
  const event = detail.data;

  const onReplay = () => {
    if (!event) return;
    replay.mutate(event.id, {
      onSuccess: () => {
        toast.success(`Delivery #${event.id} queued again`);
        void detail.refetch();
      },
      onError: (error) => toast.error(describeApiError(error)),
    });
  };

  return (
    <Dialog open={id !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-3xl" data-testid="webhook-event-dialog">
        <DialogHeader>
          <DialogTitle>Delivery #{id}</DialogTitle>
          <DialogDescription>
            {event
              ? `${event.object ?? 'unknown object'} → /webhooks/${event.endpoint === 'alias' ? '' : event.endpoint} · received ${formatTime(event.receivedAt)}`
              : 'Loading…'}
          </DialogDescription>
        </DialogHeader>
        {detail.isPending ? (
          <Skeleton className="h-64 w-full" />
        ) : detail.isError ? (
          <p role="alert" className="text-sm text-destructive">
            {describeApiError(detail.error)}
          </p>
        ) : event ? (
          <div className="grid gap-4 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <Badge variant={STATUS_VARIANT[event.status]}>{STATUS_LABEL[event.status]}</Badge>
              <span className="text-muted-foreground">
                {event.attempts} attempt{event.attempts === 1 ? '' : 's'} · {event.entryCount} entr{event.entryCount === 1 ? 'y' : 'ies'}
                {event.processedAt ? ` · done ${formatTime(event.processedAt)}` : ''}
              </span>
            </div>
            {event.lastError && (
              <pre className="whitespace-pre-wrap rounded-lg bg-destructive/10 p-3 text-xs text-destructive" data-testid="webhook-event-error">
                {event.lastError}
              </pre>
            )}
            {event.items && event.items.length > 0 && (
              <div>
                <h3 className="mb-2 font-medium">Events</h3>
                <ul className="grid gap-1">
                  {event.items.slice(0, 200).map((item, index) => (
                    <li key={`${item.dedupeKey}-${index}`} className="flex flex-wrap items-baseline gap-2 rounded-md border px-3 py-1.5">
                      <code className="font-mono text-xs">{item.type}</code>
                      <span className={item.outcome === 'failed' ? 'text-destructive' : 'text-muted-foreground'}>{OUTCOME_LABEL[item.outcome]}</span>
                      {item.detail && <span className="w-full truncate text-xs text-muted-foreground">{item.detail}</span>}
                    </li>
                  ))}
                </ul>
                {event.items.length > 200 && <p className="mt-1 text-xs text-muted-foreground">…and {event.items.length - 200} more</p>}
              </div>
            )}
            <div>
              <h3 className="mb-2 font-medium">Raw body</h3>
              <pre className="max-h-80 overflow-auto rounded-lg bg-muted p-3 font-mono text-xs" data-testid="webhook-event-body">
                {prettyBody(event.rawBody)}
              </pre>
            </div>
          </div>
        ) : null}
        <DialogFooter>
          {event && canReplay(event.status) && (
            <Button onClick={onReplay} disabled={replay.isPending} data-testid="webhook-event-replay">
              <RotateCcw aria-hidden className={replay.isPending ? 'animate-spin' : ''} /> Replay
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
