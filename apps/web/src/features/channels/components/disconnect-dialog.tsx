'use client';

import * as React from 'react';
import { toast } from 'sonner';
import type { ChannelDto } from '@ticklegram/domain-models';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '../../../components/ui/alert-dialog';
import { Button } from '../../../components/ui/button';
import { describeChannelError, useDisconnect } from '../api';

export function DisconnectDialog({ channel }: { channel: ChannelDto }) {
  const [open, setOpen] = React.useState(false);
  const disconnect = useDisconnect();
  const onConfirm = () =>
    disconnect.mutate(channel, {
      onSuccess: () => {
        setOpen(false);
        toast.success(`${channel.name} is disconnected`, { description: 'Its conversations stay readable. Connect it again any time.' });
      },
      onError: (error) => toast.error('Could not disconnect', { description: describeChannelError(error) }),
    });

  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button size="sm" variant="outline" data-testid="channel-disconnect">
          Disconnect
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Disconnect {channel.name}?</AlertDialogTitle>
          <AlertDialogDescription>
            New messages and comments from this account will stop arriving and nobody can reply from TickleGram until an admin connects it again. Existing
            conversations stay readable.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={disconnect.isPending}>Cancel</AlertDialogCancel>
          <Button variant="destructive" onClick={onConfirm} disabled={disconnect.isPending} data-testid="channel-disconnect-confirm">
            {disconnect.isPending ? 'Disconnecting…' : 'Disconnect'}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
