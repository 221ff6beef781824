'use client';

import * as React from 'react';
import { Bell, MessagesSquare } from 'lucide-react';
import { Button } from '../../../components/ui/button';

/** The thread pane with nothing open: how to pick a conversation, and the notification opt-in. */
export function InboxNoSelection() {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-3 p-6 text-center" data-testid="inbox-no-selection">
      <MessagesSquare className="size-10 text-muted-foreground" aria-hidden />
      <div>
        <h2 className="font-semibold">Pick a conversation</h2>
        <p className="mt-1 max-w-sm text-sm text-muted-foreground">
          Choose one from the list, or press <kbd className="rounded border px-1 text-xs">j</kbd> / <kbd className="rounded border px-1 text-xs">k</kbd> to move
          through it and <kbd className="rounded border px-1 text-xs">/</kbd> to search.
        </p>
      </div>
      <NotificationOptIn />
    </div>
  );
}

export function NotificationOptIn() {
  const [permission, setPermission] = React.useState<NotificationPermission | 'unsupported'>('unsupported');
  React.useEffect(() => {
    setPermission(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);
  }, []);
  if (permission !== 'default') return null;
  return (
    <Button variant="outline" size="sm" onClick={() => void Notification.requestPermission().then(setPermission)}>
      <Bell />
      Notify me about new messages
    </Button>
  );
}
