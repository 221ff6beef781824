'use client';

import * as React from 'react';
import { useRouter } from 'next/navigation';
import { AlertCircle, Loader2 } from 'lucide-react';
import { toast } from 'sonner';
import { MessagePlatform, type FacebookLoginSelectionDto } from '@ticklegram/domain-models';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Switch } from '../../../components/ui/switch';
import { describeChannelError, useConnectFacebookPages } from '../api';
import { ChannelAvatar } from './channel-avatar';

type Choice = { connectPage: boolean; connectInstagram: boolean };

/** After Facebook Login: which Pages (and linked Instagram accounts) to connect. */
export function FacebookPagePicker({ selection }: { selection: FacebookLoginSelectionDto }) {
  const router = useRouter();
  const connect = useConnectFacebookPages();
  const [choices, setChoices] = React.useState<Record<string, Choice>>(() =>
    Object.fromEntries(selection.pages.map((p) => [p.pageId, { connectPage: true, connectInstagram: p.instagram !== null }])),
  );
  const picked = selection.pages.filter((p) => choices[p.pageId]?.connectPage || choices[p.pageId]?.connectInstagram);
  const toggle = (pageId: string, key: keyof Choice) => (checked: boolean) =>
    setChoices((prev) => ({ ...prev, [pageId]: { ...(prev[pageId] ?? { connectPage: false, connectInstagram: false }), [key]: checked } }));

  const onConnect = () =>
    connect.mutate(
      {
        selectionId: selection.selectionId,
        pages: picked.map((p) => ({
          pageId: p.pageId,
          connectPage: !!choices[p.pageId]?.connectPage,
          connectInstagram: !!choices[p.pageId]?.connectInstagram,
        })),
      },
      {
        onSuccess: ({ channels }) => {
          toast.success(channels.length === 1 ? `${channels[0]?.name} is connected` : `${channels.length} channels connected`);
          router.replace('/accounts');
        },
      },
    );

  if (selection.pages.length === 0) {
    return (
      <p className="mt-8 text-sm text-muted-foreground" role="alert">
        This Facebook account manages no Pages that TickleGram may use. Check that you granted access to your Pages in the login dialog.
      </p>
    );
  }

  return (
    <div className="mt-8 grid gap-4">
      <p className="text-sm text-muted-foreground">Choose what this inbox should answer for.</p>
      {selection.pages.map((page) => (
        <Card key={page.pageId} className="gap-3 p-5" data-testid="facebook-page-option" data-page-id={page.pageId}>
          <label className="flex items-center gap-4">
            <ChannelAvatar channel={{ name: page.name, pictureUrl: page.pictureUrl, platform: MessagePlatform.FACEBOOK }} />
            <span className="min-w-0 flex-1">
              <span className="block font-medium">{page.name}</span>
              <span className="block text-sm text-muted-foreground">
                Messenger and Page comments{page.connectedPageChannelId ? ' · already connected (renews access)' : ''}
              </span>
            </span>
            <Switch
              checked={!!choices[page.pageId]?.connectPage}
              onCheckedChange={toggle(page.pageId, 'connectPage')}
              aria-label={`Connect the Page ${page.name}`}
              data-testid="pick-page"
            />
          </label>
          {page.instagram ? (
            <label className="flex items-center gap-4 border-t pt-3">
              <ChannelAvatar
                channel={{
                  name: page.instagram.name ?? page.instagram.username ?? 'Instagram',
                  pictureUrl: page.instagram.pictureUrl,
                  platform: MessagePlatform.INSTAGRAM,
                }}
              />
              <span className="min-w-0 flex-1">
                <span className="block font-medium">{page.instagram.username ? `@${page.instagram.username}` : page.instagram.name}</span>
                <span className="block text-sm text-muted-foreground">
                  Instagram Direct and comments, through this Page{page.connectedInstagramChannelId ? ' · already connected' : ''}
                </span>
              </span>
              <Switch
                checked={!!choices[page.pageId]?.connectInstagram}
                onCheckedChange={toggle(page.pageId, 'connectInstagram')}
                aria-label={`Connect the Instagram account ${page.instagram.username ?? ''}`}
                data-testid="pick-instagram"
              />
            </label>
          ) : null}
        </Card>
      ))}
      {connect.error ? (
        <p role="alert" className="flex items-start gap-2 text-sm text-destructive">
          <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden /> {describeChannelError(connect.error)}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button onClick={onConnect} disabled={picked.length === 0 || connect.isPending} data-testid="connect-selected">
          {connect.isPending ? <Loader2 className="animate-spin" aria-hidden /> : null} Connect selected
        </Button>
      </div>
    </div>
  );
}
