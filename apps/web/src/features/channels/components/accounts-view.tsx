'use client';

import { AtSign } from 'lucide-react';
import { ChannelStatus, Role } from '@ticklegram/domain-models';
import { EmptyState, ErrorState, LoadingState } from '../../../components/data-states';
import { PageContainer, PageHeader } from '../../../components/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useAuth } from '../../auth/auth-provider';
import { describeChannelError, useChannels } from '../api';
import { useChannelHistory } from '../history-api';
import { ChannelCard } from './channel-card';
import { ConnectButtons } from './connect-buttons';
import { PasteTokenDialog } from './paste-token-dialog';

export function AccountsView() {
  const { user } = useAuth();
  const isAdmin = user?.role === Role.ADMIN;
  const channels = useChannels();
  const history = useChannelHistory(isAdmin);
  const historyOf = (channelId: string) => history.data?.find((h) => h.channelId === channelId);
  const historyState = history.isError ? 'error' : history.isSuccess ? 'ready' : 'loading';
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
          <LoadingState label="Loading accounts" className="gap-4 md:grid-cols-2">
            {Array.from({ length: 2 }, (_, i) => (
              <Skeleton key={i} className="h-64 w-full rounded-xl" />
            ))}
          </LoadingState>
        ) : channels.isError ? (
          <ErrorState
            title="Couldn't load accounts"
            message={describeChannelError(channels.error)}
            onRetry={() => void channels.refetch()}
            retrying={channels.isFetching}
          />
        ) : connected.length === 0 ? (
          <EmptyState icon={AtSign} title="No accounts connected yet" className="py-14" data-testid="accounts-empty">
            {isAdmin
              ? 'Connect a Facebook Page (and the Instagram account linked to it) with Facebook, or an Instagram professional account directly with Instagram.'
              : 'An admin needs to connect an Instagram account or Facebook Page before conversations arrive.'}
          </EmptyState>
        ) : (
          <div className="grid gap-4 md:grid-cols-2" data-testid="channel-list">
            {connected.map((channel) => (
              <ChannelCard key={channel.id} channel={channel} isAdmin={isAdmin} history={historyOf(channel.id)} historyState={historyState} />
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
                <ChannelCard key={channel.id} channel={channel} isAdmin={isAdmin} history={historyOf(channel.id)} historyState={historyState} />
              ))}
            </div>
          </section>
        ) : null}
      </div>
    </PageContainer>
  );
}
