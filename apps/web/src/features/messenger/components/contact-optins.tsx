'use client';

import { BellRing, BellOff } from 'lucide-react';
import { cn } from '../../../lib/utils';
import { useConversationOptins } from '../api';
import { optinView } from '../optin-view';

/** The contact panel's "Messenger opt-ins": what the customer subscribed to on the Page, live. */
export function ContactOptins({ conversationId }: { conversationId: string }) {
  const query = useConversationOptins(conversationId);
  return (
    <section className="grid gap-2" aria-labelledby="contact-optins" data-testid="contact-optins">
      <h3 id="contact-optins" className="text-xs font-medium text-muted-foreground">
        Messenger opt-ins
      </h3>
      {query.isPending ? (
        <p className="text-sm text-muted-foreground">Loading…</p>
      ) : query.isError ? (
        <p className="text-sm text-muted-foreground" role="alert">
          Couldn’t load.{' '}
          <button
            type="button"
            className="rounded-md underline outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
            onClick={() => void query.refetch()}
          >
            Retry
          </button>
        </p>
      ) : query.data.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">No opt-ins: they haven’t subscribed to messages from this Page.</p>
      ) : (
        <ul className="grid gap-1.5">
          {query.data.items.map((optin) => {
            const view = optinView(optin);
            const Icon = view.active ? BellRing : BellOff;
            return (
              <li
                key={view.id}
                className="flex items-start gap-2 rounded-lg border p-2.5 text-sm"
                data-testid="contact-optin"
                data-status={view.status.toLowerCase()}
              >
                <Icon className={cn('mt-0.5 size-4 shrink-0', view.active ? 'text-emerald-600' : 'text-muted-foreground')} aria-hidden />
                <span className="grid min-w-0 flex-1 gap-0.5">
                  <span className="flex items-center justify-between gap-2">
                    <span className="truncate font-medium">{view.title}</span>
                    <span
                      className={cn(
                        'shrink-0 rounded-full px-2 py-0.5 text-xs',
                        view.active ? 'bg-emerald-100 text-emerald-800' : 'bg-muted text-muted-foreground',
                      )}
                    >
                      {view.status}
                    </span>
                  </span>
                  {view.title !== view.kind ? <span className="text-xs text-muted-foreground">{view.kind}</span> : null}
                  <span className="text-xs text-muted-foreground">{view.details.join(' · ')}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
