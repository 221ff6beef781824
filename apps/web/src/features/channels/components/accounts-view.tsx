'use client';

import { AlertTriangle, AtSign, RefreshCw } from 'lucide-react';
import { ChannelStatus, Role } from '@ticklegram/domain-models';
import { PageContainer, PageHeader } from '../../../components/page-header';
import { Button } from '../../../components/ui/button';
import { Skeleton } from '../../../components/ui/skeleton';
import { useAuth } from '../../auth/auth-provider';
import { describeChannelError, useChannels } from '../api';
import { ChannelCard } from './channel-card';
import { ConnectButtons } from './connect-buttons';
import { PasteTokenDialog } from './paste-token-dialog';

export function AccountsView() {
  const { user } = useAuth();
  const isAdmin = user?.role === Role.ADMIN;
  const channels = useChannels();
  const list = channels.data ?? [];
  const connected = list.filter((c) => c.status !== ChannelStatus.DISCONNECTED);
  const disconnected = list.filter((c) => c.status === ChannelStatus.DISCONNECTED);

  return (
    <PageContainer>
      <PageHeader
        title="Accounts"
        description={
          isAdmin
            ? 'The Instagram accounts and Facebook Pages this inbox answers for, and whether Meta is still talking to us.'
            : 'The Instagram accounts and Facebook Pages this inbox answers for. Ask an admin to connect or reconnect one.'
        }
        actions={
          isAdmin ? (
            <>
              <PasteTokenDialog />
              <ConnectButtons />
            </>
          ) : null
        }
      />
      <div className="mt-8">
        {channels.isPending ? (
          <div className="grid gap-4 md:grid-cols-2" aria-busy="true" aria-label="Loading accounts">
            {Array.from({ length: 2 }, (_, i) => (
              <Skeleton key={i} className="h-64 w-full rounded-xl" />
            ))}
          </div>
        ) : channels.isError ? (
          <div role="alert" className="flex flex-col items-center rounded-xl border border-dashed px-6 py-12 text-center">
            <AlertTriangle className="size-7 text-destructive" aria-hidden />
            <h2 className="mt-3 font-semibold">Couldn&apos;t load accounts</h2>
            <p className="mt-1 text-sm text-muted-foreground">{describeChannelError(channels.error)}</p>
            <Button variant="outline" className="mt-5" onClick={() => void channels.refetch()} disabled={channels.isFetching}>
              <RefreshCw aria-hidden className={channels.isFetching ? 'animate-spin' : ''} /> Try again
            </Button>
          </div>
        ) : connected.length === 0 ? (
          <div className="flex flex-col items-center rounded-xl border border-dashed px-6 py-14 text-center" data-testid="accounts-empty">
            <AtSign className="size-8 text-muted-foreground" aria-hidden />
            <h2 className="mt-3 font-semibold">No accounts connected yet</h2>
            <p className="mt-1 max-w-md text-sm text-muted-foreground">
              {isAdmin
                ? 'Connect a Facebook Page (and the Instagram account linked to it) with Facebook, or an Instagram professional account directly with Instagram.'
                : 'An admin needs to connect an Instagram account or Facebook Page before conversations arrive.'}
            </p>
          </div>
        ) : (
          <div className="grid gap-4 md:grid-cols-2" data-testid="channel-list">
            {connected.map((channel) => (
              <ChannelCard key={channel.id} channel={channel} isAdmin={isAdmin} />
            ))}
          </div>
        )}
        {disconnected.length > 0 ? (
          <section className="mt-10" aria-labelledby="disconnected-heading">
            <h2 id="disconnected-heading" className="text-sm font-medium text-muted-foreground">
              Disconnected
            </h2>
            <div className="mt-3 grid gap-4 md:grid-cols-2">
              {disconnected.map((channel) => (
                <ChannelCard key={channel.id} channel={channel} isAdmin={isAdmin} />
              ))}
            </div>
          </section>
        ) : null}
      </div>
    </PageContainer>
  );
}
