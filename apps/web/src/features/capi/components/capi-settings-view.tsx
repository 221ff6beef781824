'use client';

import * as React from 'react';
import { toast } from 'sonner';
import { Megaphone, RotateCw } from 'lucide-react';
import {
  CAPI_EVENT_STATUSES,
  CAPI_RESENDABLE,
  MessagePlatform,
  OUTCOME_LABELS,
  type CapiEventDto,
  type CapiEventStatus,
  type CapiSettingsDto,
} from '@ticklegram/domain-models';
import { describeApiError, fieldErrorMessages } from '../../../lib/api/api-error';
import { AdminSettingsPage } from '../../auth/components/admin-settings-page';
import { EmptyState, QueryStates } from '../../../components/data-states';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { Skeleton } from '../../../components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../../../components/ui/table';
import { cn } from '../../../lib/utils';
import { useCapiEvents, useCapiSettings, useConnectDataset, useResendEvent, useUpdateCapiSettings } from '../api';
import { formatMoney } from '../outcome-form';

type BadgeVariant = 'default' | 'secondary' | 'outline' | 'success' | 'muted' | 'destructive';

export const EVENT_STATUS_LABEL: Record<CapiEventStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  retrying: 'Retrying',
  accepted: 'Accepted',
  failed: 'Failed',
  uncertain: 'Uncertain',
};
const EVENT_STATUS_VARIANT: Record<CapiEventStatus, BadgeVariant> = {
  queued: 'muted',
  sending: 'secondary',
  retrying: 'secondary',
  accepted: 'success',
  failed: 'destructive',
  uncertain: 'outline',
};

/** Settings → Conversions API: the dataset and test code per channel, and the log of events sent to Meta. */
export function CapiSettingsView() {
  return (
    <AdminSettingsPage
      title="Conversions API"
      description="Outcomes agents record on conversations (leads, purchases…) go to Meta's Conversions API for business messaging, so Meta can measure and optimise your click-to-message ads."
    >
      <ChannelSettings />
      <EventLog />
    </AdminSettingsPage>
  );
}

function ChannelSettings() {
  const settings = useCapiSettings();
  return (
    <section className="mt-6 grid gap-3" aria-labelledby="capi-datasets">
      <h2 id="capi-datasets" className="font-semibold">
        Datasets
      </h2>
      <QueryStates
        query={settings}
        loading={<Skeleton className="h-32 w-full" />}
        errorTitle="Couldn't load the Conversions API settings"
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyState icon={Megaphone} title="No account connected">
            Connect a Facebook Page or an Instagram account under Accounts first.
          </EmptyState>
        }
      >
        {(items) => (
          <div className="grid gap-3">
            {items.map((item) => (
              <ChannelSettingsRow key={item.channelId} item={item} />
            ))}
          </div>
        )}
      </QueryStates>
    </section>
  );
}

function ChannelSettingsRow({ item }: { item: CapiSettingsDto }) {
  const [datasetId, setDatasetId] = React.useState(item.datasetId ?? '');
  const [testCode, setTestCode] = React.useState(item.testEventCode ?? '');
  const [token, setToken] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const update = useUpdateCapiSettings();
  const connect = useConnectDataset();
  React.useEffect(() => setDatasetId(item.datasetId ?? ''), [item.datasetId]);

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      ...(datasetId && datasetId !== item.datasetId ? { datasetId } : {}),
      ...(testCode !== (item.testEventCode ?? '') ? { testEventCode: testCode || null } : {}),
      ...(token ? { accessToken: token } : {}),
    };
    update.mutate(
      { channelId: item.channelId, body },
      {
        onSuccess: () => {
          setErrors({});
          setToken('');
          toast.success(`Saved for ${item.channelName}`);
        },
        onError: (error) => setErrors({ ...fieldErrorMessages(error), form: describeApiError(error) }),
      },
    );
  };

  return (
    <form onSubmit={save} className="grid gap-3 rounded-xl border p-4" data-testid="capi-settings-row" data-channel={item.channelId} noValidate>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">
          {item.channelName}
          <span className="ml-2 text-xs text-muted-foreground">{item.platform === MessagePlatform.FACEBOOK ? 'Messenger (Facebook Page)' : 'Instagram'}</span>
        </p>
        {item.available ? (
          <Badge variant={item.datasetId ? 'success' : 'outline'} data-testid="capi-settings-state">
            {item.datasetId ? 'Sending events' : 'Not set up'}
          </Badge>
        ) : (
          <Badge variant="muted">Not available</Badge>
        )}
      </div>
      {!item.available ? (
        <p className="text-sm text-muted-foreground">{item.unavailableReason}</p>
      ) : (
        <>
          <div className="grid gap-3 sm:grid-cols-[1fr_auto_1fr] sm:items-end">
            <label className="grid gap-1 text-sm">
              <span className="text-xs text-muted-foreground">Dataset id</span>
              <Input
                value={datasetId}
                onChange={(e) => setDatasetId(e.target.value.trim())}
                placeholder="e.g. 1234567890300001"
                aria-invalid={errors['datasetId'] ? true : undefined}
                data-testid="capi-dataset"
              />
            </label>
            <Button
              type="button"
              variant="outline"
              disabled={connect.isPending}
              onClick={() =>
                connect.mutate(item.channelId, {
                  onSuccess: (s) => toast.success(`Dataset ${s.datasetId} connected`),
                  onError: (error) => toast.error(describeApiError(error)),
                })
              }
              data-testid="capi-connect-dataset"
            >
              {connect.isPending ? 'Asking Meta…' : 'Get from Meta'}
            </Button>
            <label className="grid gap-1 text-sm">
              <span className="text-xs text-muted-foreground">Test event code (optional)</span>
              <Input
                value={testCode}
                onChange={(e) => setTestCode(e.target.value.trim())}
                placeholder="TEST12345"
                aria-invalid={errors['testEventCode'] ? true : undefined}
                data-testid="capi-test-code"
              />
            </label>
          </div>
          <label className="grid gap-1 text-sm">
            <span className="text-xs text-muted-foreground">
              Dedicated access token (optional; {item.hasAccessToken ? 'one is stored, type a new one to replace it' : "the account's own token is used"})
            </span>
            <Input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} data-testid="capi-token" />
          </label>
          {Object.entries(errors).map(([field, message]) => (
            <p key={field} role="alert" className="text-sm text-destructive">
              {message}
            </p>
          ))}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" disabled={update.isPending} data-testid="capi-save">
              Save
            </Button>
            {item.hasAccessToken ? (
              <Button
                type="button"
                size="sm"
                variant="ghost"
                onClick={() =>
                  update.mutate({ channelId: item.channelId, body: { accessToken: null } }, { onError: (error) => toast.error(describeApiError(error)) })
                }
              >
                Remove the stored token
              </Button>
            ) : null}
          </div>
        </>
      )}
    </form>
  );
}

function EventLog() {
  const [status, setStatus] = React.useState<CapiEventStatus | null>(null);
  const events = useCapiEvents(status);
  return (
    <section className="mt-10 grid gap-3" aria-labelledby="capi-log">
      <h2 id="capi-log" className="font-semibold">
        Events sent to Meta
      </h2>
      <div className="flex flex-wrap gap-2" role="tablist" aria-label="Filter by status">
        {[null, ...CAPI_EVENT_STATUSES].map((value) => (
          <button
            key={value ?? 'all'}
            type="button"
            role="tab"
            aria-selected={status === value}
            onClick={() => setStatus(value)}
            data-testid={`capi-filter-${value ?? 'all'}`}
            className={cn(
              'rounded-full border px-3 py-1 text-sm transition-colors',
              status === value ? 'border-primary bg-primary text-primary-foreground' : 'hover:bg-accent',
            )}
          >
            {value ? EVENT_STATUS_LABEL[value] : 'All'}
          </button>
        ))}
      </div>
      <QueryStates
        query={events}
        loading={<Skeleton className="h-48 w-full" />}
        errorTitle="Couldn't load the event log"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState icon={Megaphone} title="No events yet" data-testid="capi-events-empty">
            Record an outcome on a conversation (the “Record outcome” button in its header): the event Meta receives appears here.
          </EmptyState>
        }
      >
        {(data) => <EventsTable items={data.items} />}
      </QueryStates>
    </section>
  );
}

function EventsTable({ items }: { items: readonly CapiEventDto[] }) {
  const resend = useResendEvent();
  return (
    <div className="min-w-0 overflow-x-auto rounded-xl border">
      <Table data-testid="capi-events-table">
        <TableHeader>
          <TableRow>
            <TableHead>Recorded</TableHead>
            <TableHead>Event</TableHead>
            <TableHead>Channel</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Meta's answer</TableHead>
            <TableHead className="text-right">Action</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((event) => (
            <TableRow key={event.id} data-testid="capi-event-row" data-status={event.status} data-event-id={event.eventId}>
              <TableCell className="whitespace-nowrap text-sm">{new Date(event.createdAt).toLocaleString()}</TableCell>
              <TableCell className="text-sm">
                {OUTCOME_LABELS[event.eventName]}
                {event.value !== null && event.currency ? (
                  <span className="ml-1 tabular-nums text-muted-foreground">{formatMoney(event.value, event.currency)}</span>
                ) : null}
                {event.testEventCode ? <span className="ml-1 text-xs text-muted-foreground">(test {event.testEventCode})</span> : null}
              </TableCell>
              <TableCell className="text-sm">{event.platform === MessagePlatform.FACEBOOK ? 'Messenger' : 'Instagram'}</TableCell>
              <TableCell>
                <Badge variant={EVENT_STATUS_VARIANT[event.status]} data-testid="capi-event-status">
                  {EVENT_STATUS_LABEL[event.status]}
                </Badge>
                {event.attempts > 1 ? <span className="ml-2 text-xs text-muted-foreground">×{event.attempts}</span> : null}
              </TableCell>
              <TableCell className="max-w-sm text-xs">
                {event.status === 'accepted' ? (
                  <span className="text-muted-foreground" data-testid="capi-event-received">
                    events_received: {event.eventsReceived ?? '—'}
                    {event.fbtraceId ? ` · trace ${event.fbtraceId}` : ''}
                  </span>
                ) : (
                  <span className={event.status === 'failed' || event.status === 'uncertain' ? 'text-destructive' : 'text-muted-foreground'}>
                    {event.message ?? ''}
                  </span>
                )}
              </TableCell>
              <TableCell className="text-right">
                {CAPI_RESENDABLE.includes(event.status) ? (
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={resend.isPending}
                    onClick={() =>
                      resend.mutate(event.id, { onSuccess: () => toast.success('Sent again'), onError: (error) => toast.error(describeApiError(error)) })
                    }
                    data-testid="capi-event-resend"
                  >
                    <RotateCw aria-hidden /> Resend
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
