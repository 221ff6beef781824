'use client';

import { AlertTriangle, RefreshCw, Webhook } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Role, WEBHOOK_EVENT_STATUSES, type WebhookEventStatus } from '@ticklegram/domain-models';
import { Forbidden } from '../../../components/forbidden';
import { PageContainer, PageHeader } from '../../../components/page-header';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Skeleton } from '../../../components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../../../components/ui/table';
import { ApiError, describeApiError } from '../../../lib/api/api-error';
import { cn } from '../../../lib/utils';
import { useAuth } from '../../auth/auth-provider';
import { useWebhookEvents } from '../api';
import { formatTime, STATUS_LABEL, STATUS_VARIANT } from '../format';
import { WebhookEventDialog } from './webhook-event-dialog';

function isStatus(value: string | null): value is WebhookEventStatus {
  return value !== null && (WEBHOOK_EVENT_STATUSES as readonly string[]).includes(value);
}

/** Admin view of what Meta delivered: status filter and selected delivery live in the URL. */
export function WebhooksView() {
  const { user } = useAuth();
  const isAdmin = user?.role === Role.ADMIN;
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const status = isStatus(params.get('status')) ? (params.get('status') as WebhookEventStatus) : null;
  const selected = Number(params.get('event')) || null;
  const events = useWebhookEvents(status, isAdmin);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params.toString());
    if (value === null) next.delete(name);
    else next.set(name, value);
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  if (!user) return null;
  if (!isAdmin || (events.error instanceof ApiError && events.error.status === 403)) return <Forbidden />;
  const counts = events.data?.counts ?? {};

  return (
    <PageContainer>
      <PageHeader title="Webhooks" description="Every delivery Meta sent, as received. Failed events retry on their own; dead ones wait for you to replay them." />
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
        {events.isPending ? (
          <Skeleton className="h-64 w-full" />
        ) : events.isError ? (
          <div role="alert" className="flex flex-col items-center rounded-xl border border-dashed px-6 py-12 text-center">
            <AlertTriangle className="size-7 text-destructive" aria-hidden />
            <h2 className="mt-3 font-semibold">Couldn&apos;t load webhook deliveries</h2>
            <p className="mt-1 text-sm text-muted-foreground">{describeApiError(events.error)}</p>
            <Button variant="outline" className="mt-5" onClick={() => void events.refetch()} disabled={events.isFetching}>
              <RefreshCw aria-hidden className={events.isFetching ? 'animate-spin' : ''} /> Try again
            </Button>
          </div>
        ) : events.data.items.length === 0 ? (
          <div className="flex flex-col items-center rounded-xl border border-dashed px-6 py-12 text-center">
            <Webhook className="size-7 text-muted-foreground" aria-hidden />
            <h2 className="mt-3 font-semibold">{status ? `No ${STATUS_LABEL[status].toLowerCase()} deliveries` : 'Nothing received yet'}</h2>
            <p className="mt-1 max-w-sm text-sm text-muted-foreground">Deliveries appear here as soon as Meta sends them to /webhooks/instagram or /webhooks/facebook.</p>
          </div>
        ) : (
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
                {events.data.items.map((event) => (
                  <TableRow key={event.id} className="cursor-pointer" onClick={() => setParam('event', String(event.id))} data-testid="webhooks-row">
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
        )}
      </div>
      <WebhookEventDialog id={selected} onClose={() => setParam('event', null)} />
    </PageContainer>
  );
}
