'use client';

import { AlertTriangle, CheckCircle2, History, PlugZap, RefreshCw, Stethoscope } from 'lucide-react';
import { toast } from 'sonner';
import { ChannelStatus, type ChannelDto, type ChannelHistoryDto } from '@ticklegram/domain-models';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Switch } from '../../../components/ui/switch';
import { describeChannelError, useCheckChannel, useReconnect, useUpdateChannel } from '../api';
import { handoverRoleText, platformLabel, relativeTime, restrictionNotice, statusLabel, tokenExpiryText } from '../channel-view';
import { useRecoverChannel } from '../history-api';
import { historyImportText, recoveryText } from '../history-view';
import { ChannelAvatar } from './channel-avatar';
import { DisconnectDialog } from './disconnect-dialog';

function StatusBadge({ status }: { status: ChannelStatus }) {
  const variant = status === ChannelStatus.ACTIVE ? 'success' : status === ChannelStatus.NEEDS_REAUTH ? 'destructive' : 'muted';
  const Icon = status === ChannelStatus.ACTIVE ? CheckCircle2 : status === ChannelStatus.NEEDS_REAUTH ? AlertTriangle : PlugZap;
  return (
    <Badge variant={variant} data-testid="channel-status" data-status={status}>
      <Icon aria-hidden /> {statusLabel(status)}
    </Badge>
  );
}

function HealthRow({ label, value, warn }: { label: string; value: string; warn?: boolean }) {
  return (
    <div className="flex justify-between gap-4 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className={warn ? 'text-right font-medium text-destructive' : 'text-right'}>{value}</dd>
    </div>
  );
}

type HistoryState = 'loading' | 'error' | 'ready';
const HISTORY_PLACEHOLDER = { loading: 'Loading…', error: 'Could not load the import status' } as const;

/** One connected channel: who it is, whether it works, and what an admin can do about it. */
export function ChannelCard({
  channel,
  isAdmin,
  history,
  historyState,
}: {
  channel: ChannelDto;
  isAdmin: boolean;
  history?: ChannelHistoryDto;
  /** Whether the history list has arrived: a card must not say "Not imported yet" before it knows. */
  historyState: HistoryState;
}) {
  const reconnect = useReconnect();
  const recover = useRecoverChannel();
  const recovery = recoveryText(history);
  const check = useCheckChannel();
  const update = useUpdateChannel();
  const humanAgentId = `human-agent-${channel.id}`;
  const onHumanAgent = (humanAgentEnabled: boolean) =>
    update.mutate(
      { channel, body: { humanAgentEnabled } },
      { onError: (error) => toast.error('Could not change the setting', { description: describeChannelError(error) }) },
    );
  const { health } = channel;
  const subscription = health.subscription.state === 'subscribed' ? 'Receiving' : health.subscription.state === 'missing' ? 'Not subscribed' : 'Unknown';
  const restriction = restrictionNotice(channel);
  const handoverRole = handoverRoleText(channel);
  const onReconnect = () =>
    reconnect.mutate(channel, { onError: (error) => toast.error('Could not start reconnecting', { description: describeChannelError(error) }) });
  const onCheck = () =>
    check.mutate(channel, {
      onSuccess: (result) =>
        result.status === ChannelStatus.ACTIVE
          ? toast.success(`${result.name} is working`)
          : toast.error(`${result.name} needs reconnecting`, { description: result.statusReason ?? undefined }),
      onError: (error) => toast.error('Could not check the channel', { description: describeChannelError(error) }),
    });

  const onRecover = () =>
    recover.mutate(channel, {
      onSuccess: (result) => {
        const text = recoveryText(result);
        if (result.lastRecovery?.error) toast.error(`Could not recover ${channel.name}`, { description: result.lastRecovery.error });
        else if (result.importStatus !== 'done') toast.success(`${channel.name}: ${historyImportText(result)}`);
        else toast.success(text ?? `${channel.name} is complete`);
      },
      onError: (error) => toast.error('Could not recover missed messages', { description: describeChannelError(error) }),
    });

  return (
    <Card className="gap-0 p-5" data-testid="channel-card" data-channel-id={channel.id} data-external-id={channel.externalId}>
      <div className="flex items-start gap-4">
        <ChannelAvatar channel={channel} />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="truncate font-semibold">{channel.name}</h2>
            <StatusBadge status={channel.status} />
          </div>
          <p className="mt-0.5 truncate text-sm text-muted-foreground">
            {channel.username ? `@${channel.username} · ` : ''}
            {platformLabel(channel)}
          </p>
        </div>
      </div>

      {channel.statusReason && channel.status !== ChannelStatus.ACTIVE ? (
        <p className="mt-4 rounded-md bg-muted px-3 py-2 text-sm" role={channel.status === ChannelStatus.NEEDS_REAUTH ? 'alert' : undefined}>
          {channel.statusReason}
        </p>
      ) : null}

      {restriction && channel.status !== ChannelStatus.DISCONNECTED ? (
        <p
          className={
            restriction.blocking
              ? 'mt-4 rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive'
              : 'mt-4 rounded-md bg-amber-500/10 px-3 py-2 text-sm text-amber-900 dark:text-amber-200'
          }
          role={restriction.blocking ? 'alert' : 'status'}
          data-testid="channel-restriction"
          data-action={channel.restriction?.action}
        >
          {restriction.text}
        </p>
      ) : null}
      {channel.status !== ChannelStatus.DISCONNECTED
        ? channel.featureGaps.map((gap) => (
            <p
              key={gap.feature}
              className="mt-4 rounded-md border border-amber-500/40 bg-amber-500/10 px-3 py-2 text-sm text-amber-900 dark:text-amber-200"
              data-testid="channel-feature-gap"
            >
              <span className="font-medium">{gap.feature} unavailable:</span> the connection lacks {gap.missingScopes.join(', ')}. {gap.effect}
            </p>
          ))
        : null}

      {channel.status !== ChannelStatus.DISCONNECTED ? (
        <dl className="mt-4 divide-y border-t" aria-label={`Health of ${channel.name}`}>
          <HealthRow label="Last webhook" value={relativeTime(health.lastWebhookAt)} />
          <HealthRow label="Webhooks (last hour)" value={String(health.webhooksLastHour)} />
          <HealthRow label="Webhook subscription" value={subscription} warn={health.subscription.state === 'missing'} />
          <HealthRow label="Access" value={tokenExpiryText(channel)} warn={channel.status === ChannelStatus.NEEDS_REAUTH} />
          <HealthRow
            label="Last Meta error"
            value={health.lastGraphError ? `${health.lastGraphError.message} (${relativeTime(health.lastGraphError.at)})` : 'None'}
            warn={!!health.lastGraphError && channel.status !== ChannelStatus.ACTIVE}
          />
          {channel.missingScopes.length > 0 ? <HealthRow label="Missing permissions" value={channel.missingScopes.join(', ')} warn /> : null}
          {handoverRole ? <HealthRow label="Handover role" value={handoverRole} /> : null}
          {isAdmin ? (
            <div data-testid="channel-history" data-import-status={history?.importStatus ?? 'pending'}>
              <HealthRow
                label="History"
                value={historyState === 'ready' ? historyImportText(history) : HISTORY_PLACEHOLDER[historyState]}
                warn={history?.importStatus === 'failed' || historyState === 'error'}
              />
            </div>
          ) : null}
          {isAdmin && recovery ? (
            <div data-testid="channel-recovery">
              <HealthRow label="Missed messages" value={recovery} warn={!!history?.lastRecovery?.error} />
            </div>
          ) : null}
        </dl>
      ) : null}

      {isAdmin && channel.status !== ChannelStatus.DISCONNECTED ? (
        <div className="mt-3 flex items-center justify-between gap-4 border-t pt-3 text-sm">
          <label htmlFor={humanAgentId} className="text-muted-foreground">
            Human agent tag <span className="block text-xs">Lets agents reply up to 7 days after the customer&apos;s last message.</span>
          </label>
          <Switch
            id={humanAgentId}
            checked={channel.humanAgentEnabled}
            onCheckedChange={onHumanAgent}
            disabled={update.isPending}
            data-testid="channel-human-agent"
          />
        </div>
      ) : null}

      {isAdmin ? (
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          {channel.status !== ChannelStatus.ACTIVE ? (
            <Button size="sm" onClick={onReconnect} disabled={reconnect.isPending} data-testid="channel-reconnect">
              <RefreshCw aria-hidden className={reconnect.isPending ? 'animate-spin' : ''} /> Reconnect
            </Button>
          ) : null}
          {channel.status === ChannelStatus.ACTIVE ? (
            <Button size="sm" variant="ghost" onClick={onCheck} disabled={check.isPending} data-testid="channel-check">
              <Stethoscope aria-hidden className={check.isPending ? 'animate-pulse' : ''} /> Check now
            </Button>
          ) : null}
          {channel.status === ChannelStatus.ACTIVE ? (
            <Button size="sm" variant="ghost" onClick={onRecover} disabled={recover.isPending || history?.recovering} data-testid="channel-recover">
              <History aria-hidden className={recover.isPending ? 'animate-pulse' : ''} /> Recover now
            </Button>
          ) : null}
          {channel.status !== ChannelStatus.DISCONNECTED ? <DisconnectDialog channel={channel} /> : null}
        </div>
      ) : null}
    </Card>
  );
}
