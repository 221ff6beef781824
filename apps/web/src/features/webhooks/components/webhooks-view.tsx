'use client';

import { Webhook } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { WEBHOOK_EVENT_STATUSES, type WebhookEventDto, type WebhookEventStatus } from '@ticklegram/domain-models';
import { AdminSettingsPage } from '../../auth/components/admin-settings-page';
import { EmptyState, QueryStates } from '../../../components/data-states';
import { Badge } from '../../../components/ui/badge';
import { Skeleton } from '../../../components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../../../components/ui/table';
import { cn } from '../../../lib/utils';
import { useWebhookEvents } from '../api';
import { formatTime, STATUS_LABEL, STATUS_VARIANT } from '../format';
import { WebhookEventDialog } from './webhook-event-dialog';

function isStatus(value: string | null): value is WebhookEventStatus {
  return value !== null && (WEBHOOK_EVENT_STATUSES as readonly string[]).includes(value);
}

/** Admin view of what Meta delivered: status filter and selected delivery live in the URL. */
export function WebhooksView() {
  return (
    <AdminSettingsPage
      title="Webhooks"
      description="Every delivery Meta sent, as received. Failed events retry on their own; dead ones wait for you to replay them."
    >
      <WebhookDeliveries />
    </AdminSettingsPage>
  );
}

function WebhookDeliveries() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const status = isStatus(params.get('status')) ? (params.get('status') as WebhookEventStatus) : null;
  const selected = Number(params.get('event')) || null;
  const events = useWebhookEvents(status);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params.toString());
    if (value === null) next.delete(name);
    else next.set(name, value);
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  const counts = events.data?.counts ?? {};

  return (
    <>
      <div className="mt-6 flex flex-wrap gap-2" role="tablist" aria-label="Filter by status">
        {[null, ...WEBHOOK_EVENT_STATUSES].map((value) => (
          <button
            key={value ?? 'all'}
            role="tab"
            aria-selected={status === value}
            onClick={() => setParam('status', value)}
            data-testid={`webhooks-filter-${value ?? 'all'}`}
            className={cn(
              'rounded-full border px-3 py-1 text-sm transition-colors',
              status === value ? 'border-primary bg-primary text-primary-foreground' : 'hover:bg-accent',
            )}
          >
            {value ? STATUS_LABEL[value] : 'All'}
            {value && counts[value] ? <span className="ml-1.5 tabular-nums opacity-80">{counts[value]}</span> : null}
          </button>
        ))}
      </div>
      <div className="mt-6">
        <QueryStates
          query={events}
          loading={<Skeleton className="h-64 w-full" />}
          errorTitle="Couldn't load webhook deliveries"
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyState icon={Webhook} title={status ? `No ${STATUS_LABEL[status].toLowerCase()} deliveries` : 'Nothing received yet'}>
              Deliveries appear here as soon as Meta sends them to /webhooks/instagram or /webhooks/facebook.
            </EmptyState>
          }
        >
          {(data) => <WebhookEventsTable items={data.items} onOpen={(id) => setParam('event', String(id))} />}
        </QueryStates>
      </div>
      <WebhookEventDialog id={selected} onClose={() => setParam('event', null)} />
    </>
  );
}

function WebhookEventsTable({ items, onOpen }: { items: readonly WebhookEventDto[]; onOpen: (id: number) => void }) {
  return (
    <div className="rounded-xl border">
      <Table data-testid="webhooks-table">
        <TableHeader>
          <TableRow>
            <TableHead className="w-20">#</TableHead>
            <TableHead>Received</TableHead>
            <TableHead>Source</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Events</TableHead>
            <TableHead>Error</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((event) => (
            <TableRow key={event.id} className="cursor-pointer" onClick={() => onOpen(event.id)} data-testid="webhooks-row">
              <TableCell className="font-mono text-xs">{event.id}</TableCell>
              <TableCell className="whitespace-nowrap text-sm">{formatTime(event.receivedAt)}</TableCell>
              <TableCell className="text-sm">
                {event.object ?? '—'}
                {event.channelExternalId && <span className="ml-1 font-mono text-xs text-muted-foreground">{event.channelExternalId}</span>}
              </TableCell>
              <TableCell>
                <Badge variant={STATUS_VARIANT[event.status]}>{STATUS_LABEL[event.status]}</Badge>
                {event.attempts > 1 && <span className="ml-2 text-xs text-muted-foreground">×{event.attempts}</span>}
              </TableCell>
              <TableCell className="text-right tabular-nums text-sm">
                {event.eventCount ?? '—'}
                {event.unsupportedCount > 0 && <span className="ml-1 text-xs text-muted-foreground">({event.unsupportedCount} unsupported)</span>}
              </TableCell>
              <TableCell className="max-w-xs truncate text-xs text-destructive">{event.lastError ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
