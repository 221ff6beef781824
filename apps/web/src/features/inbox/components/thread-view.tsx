'use client';

import * as React from 'react';
import Link from 'next/link';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ArrowLeft, Eye, Loader2, PanelRightClose, PanelRightOpen } from 'lucide-react';
import { MessagePlatform, type CommentDto, type ConversationDto, type MessageDto } from '@ticklegram/domain-models';
import { toast } from 'sonner';
import { ApiError, describeApiError } from '../../../lib/api/api-error';
import { Button } from '../../../components/ui/button';
import { cn } from '../../../lib/utils';
import { Skeleton } from '../../../components/ui/skeleton';
import { useApiClient, useAuth } from '../../auth/auth-provider';
import { inboxKeys, markConversationRead, reactToMessage } from '../api';
import { applyConversationUpdate } from '../cache-updates';
import { isOptimistic, upsertMessageInThread, type MessagePages } from '../conversation-cache';
import { dayLabel } from '../../../lib/format-time';
import { useConversationPresence } from '../hooks/use-conversation-presence';
import { useConversation, useReplyPolicy, useThreadMessages } from '../hooks/use-inbox-queries';
import { useInboxFilters } from '../hooks/use-inbox-filters';
import { useNow } from '../../../lib/use-now';
import { useSendMessage } from '../hooks/use-send-message';
import { startsNewDay } from '../message-render';
import { policyExpired } from '../reply-policy-view';
import { Composer } from './composer';
import { ConversationActions } from './conversation-actions';
import { RecordOutcomeButton } from '../../capi/components/record-outcome-dialog';
import { ContactAvatar } from './contact-avatar';
import { ContactPanel } from './contact-panel';
import { ThreadOwnerBanner } from './thread-owner-banner';
import { MessageBubble } from './message-bubble';
import { useConversationComments } from '../../comments/api';
import { OriginComment } from '../../comments/components/origin-comment';
import { PLATFORM_NAMES, PlatformBadge } from '../../../components/platform-badge';
import { describePresence } from '../presence';
import { useCreateNote, useNotes } from '../../collaboration/api';
import { NoteBubble } from '../../collaboration/components/note-bubble';
import { ConversationTagsMenu } from '../../collaboration/components/conversation-tags-menu';
import { placeNotes } from '../../collaboration/timeline';

const PANEL_KEY = 'tg-inbox-contact-panel';
/**
 * The window width from which the contact panel is a column next to the thread: the thread view (window − nav 15rem −
 * folders 12rem − list 24rem) is then at least 56rem wide (`@4xl/thread` below); narrower, it is a sheet over the messages.
 */
const PANEL_COLUMN_MIN_WIDTH = 107 * 16;

/** Instagram takes only `love`; Messenger any emoji, and a heart reads the same there. */
const REACTION_FOR: Record<MessagePlatform, string> = { INSTAGRAM: 'love', FACEBOOK: '❤️' };

function platformOf(queryClient: QueryClient, conversationId: string): MessagePlatform {
  return queryClient.getQueryData<ConversationDto>(inboxKeys.conversation(conversationId))?.platform ?? MessagePlatform.INSTAGRAM;
}

export function ThreadSkeleton() {
  return (
    <div className="flex h-full flex-col" aria-busy="true" aria-label="Loading conversation">
      <div className="flex items-center gap-3 border-b p-3">
        <Skeleton className="size-9 rounded-full" />
        <div className="space-y-2">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-3 w-24" />
        </div>
      </div>
      <div className="flex-1 space-y-4 p-6">
        <Skeleton className="h-10 w-64 rounded-2xl" />
        <Skeleton className="ml-auto h-10 w-52 rounded-2xl" />
        <Skeleton className="h-16 w-72 rounded-2xl" />
      </div>
      <div className="border-t p-3">
        <Skeleton className="h-24 w-full rounded-xl" />
      </div>
    </div>
  );
}

export function ThreadView({ conversationId }: { conversationId: string }) {
  const client = useApiClient();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const { query } = useInboxFilters();
  const presenceEvent = useConversationPresence(conversationId);
  const conversationQuery = useConversation(conversationId);
  const conversation = conversationQuery.data;
  const thread = useThreadMessages(conversationId);
  const { policy, checking: policyChecking, refetch: refetchPolicy } = useReplyPolicy(conversation);
  const now = useNow(30_000);
  const [replyTo, setReplyTo] = React.useState<MessageDto | null>(null);
  const [panelOpen, setPanelOpen] = React.useState(false);
  const scrollRef = React.useRef<HTMLDivElement>(null);
  const stickToBottom = React.useRef(true);

  const messages = thread.messages;
  const lastSeen = [...messages].reverse().find((m) => !isOptimistic(m));
  const { send, retry, retrying } = useSendMessage(conversation, lastSeen?.id);
  const notes = useNotes(conversationId);
  const createNote = useCreateNote(conversationId);
  const placedNotes = React.useMemo(() => placeNotes(messages, notes.data ?? [], !thread.hasNextPage), [messages, notes.data, thread.hasNextPage]);
  const byMid = React.useMemo(() => new Map(messages.filter((m) => m.mid).map((m) => [m.mid as string, m])), [messages]);
  const personComments = useConversationComments(conversationId);
  const originByMid = React.useMemo(
    () => new Map((personComments.data?.items ?? []).filter((c) => c.privateReply?.mid).map((c) => [c.privateReply?.mid as string, c])),
    [personComments.data],
  );

  const onReact = React.useCallback(
    (message: MessageDto, reacted: boolean) => {
      if (!message.mid) return;
      reactToMessage(
        client,
        conversationId,
        message.mid,
        reacted ? 'unreact' : 'react',
        reacted ? undefined : REACTION_FOR[platformOf(queryClient, conversationId)],
      )
        .then((updated) => queryClient.setQueryData<MessagePages>(inboxKeys.messages(conversationId), (data) => upsertMessageInThread(data, updated)))
        .catch((error: unknown) => toast.error(describeApiError(error)));
    },
    [client, conversationId, queryClient],
  );

  React.useEffect(() => {
    // A column is open unless the agent closed it (remembered); a sheet would cover the messages: it starts closed.
    const column = window.innerWidth >= PANEL_COLUMN_MIN_WIDTH;
    setPanelOpen(column && window.localStorage.getItem(PANEL_KEY) !== 'closed');
  }, []);
  const togglePanel = () => {
    setPanelOpen((open) => {
      if (window.innerWidth >= PANEL_COLUMN_MIN_WIDTH) window.localStorage.setItem(PANEL_KEY, open ? 'closed' : 'open');
      return !open;
    });
  };

  React.useEffect(() => {
    setReplyTo(null);
    stickToBottom.current = true;
  }, [conversationId]);

  // Opening a conversation with unread messages marks them read.
  const unread = conversation?.unreadCount ?? 0;
  React.useEffect(() => {
    if (!conversation || unread === 0) return;
    applyConversationUpdate(queryClient, { ...conversation, unreadCount: 0 }, user?.id ?? null);
    markConversationRead(client, conversation.id)
      .then((result) => applyConversationUpdate(queryClient, result.conversation, user?.id ?? null))
      .catch(() => undefined);
    // Only when the unread count goes up, not on every conversation update.
  }, [conversation?.id, unread]);

  // The policy's countdown ran out: ask again (the mode changes, e.g. to Human Agent or blocked).
  React.useEffect(() => {
    if (policy && policyExpired(policy, now)) refetchPolicy();
  }, [policy, now, refetchPolicy]);

  React.useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [messages.length, conversationId]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (el) stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 120;
  };

  // also when a list still holds the conversation: the api no longer shows it to this user (assigned to a teammate)
  const notFound = conversationQuery.error instanceof ApiError && (conversationQuery.error.status === 404 || conversationQuery.error.status === 403);
  if (!conversation || notFound) {
    if (conversationQuery.isError) {
      return (
        <div className="flex h-full flex-col items-center justify-center gap-3 p-6 text-center" role="alert">
          <p className="font-medium">{notFound ? 'This conversation is not available' : "This conversation didn't load"}</p>
          <p className="max-w-sm text-sm text-muted-foreground">
            {notFound ? 'It may have been assigned to a teammate, or it no longer exists.' : describeApiError(conversationQuery.error)}
          </p>
          <Button variant="outline" size="sm" onClick={() => void conversationQuery.refetch()}>
            Try again
          </Button>
        </div>
      );
    }
    return <ThreadSkeleton />;
  }

  const presence = describePresence(presenceEvent, user?.id ?? null);
  const backHref = query ? `/inbox?${query}` : '/inbox';

  return (
    // a container: the header and the contact panel fit the thread view's own width, which the list takes from the window's
    <section aria-label={`Conversation with ${conversation.contact.displayName}`} className="@container/thread flex h-full min-h-0 min-w-0 flex-1 flex-col">
      <header className="flex flex-wrap items-center gap-2 border-b px-3 py-2.5 @2xl:flex-nowrap @4xl:gap-3">
        <Button asChild variant="ghost" size="icon" className="size-8 md:hidden">
          <Link href={backHref} aria-label="Back to conversations">
            <ArrowLeft />
          </Link>
        </Button>
        <ContactAvatar contact={conversation.contact} />
        <div className="min-w-24 flex-1">
          <div className="flex min-w-0 items-center gap-2">
            <h2 className="truncate text-sm font-semibold" data-testid="thread-title">
              {conversation.contact.displayName}
            </h2>
            <PlatformBadge platform={conversation.platform} compact />
          </div>
          <p className="truncate text-xs text-muted-foreground" aria-live="polite" data-testid="thread-presence">
            {presence.typing ? (
              <span className="font-medium text-primary" data-testid="typing-indicator">
                {presence.typing}
              </span>
            ) : presence.viewing ? (
              <span className="inline-flex items-center gap-1" data-testid="viewing-indicator">
                <Eye className="size-3" aria-hidden />
                {presence.viewing}
              </span>
            ) : (
              `${conversation.contact.username ? `@${conversation.contact.username} · ` : ''}${PLATFORM_NAMES[conversation.platform]}`
            )}
          </p>
        </div>
        <ConversationTagsMenu conversation={conversation} onUpdated={(updated) => applyConversationUpdate(queryClient, updated, user?.id ?? null)} />
        <RecordOutcomeButton conversation={conversation} />
        <ConversationActions conversation={conversation} />
        <Button
          variant="ghost"
          size="icon"
          className="size-8"
          onClick={togglePanel}
          aria-label={panelOpen ? 'Hide contact details' : 'Show contact details'}
          aria-pressed={panelOpen}
        >
          {panelOpen ? <PanelRightClose /> : <PanelRightOpen />}
        </Button>
      </header>
      <ThreadOwnerBanner conversation={conversation} />
      {/*
        Messages above the composer; the contact panel is a column beside both where they fit (thread view ≥ 56rem: the
        messages keep ≥ 38rem), else a sheet over the messages' right edge (grid items sharing a cell overlap).
      */}
      <div
        className={cn(
          'grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)] grid-rows-[minmax(0,1fr)_auto]',
          panelOpen && '@4xl/thread:grid-cols-[minmax(0,1fr)_18rem]',
        )}
      >
        <div
          ref={scrollRef}
          onScroll={onScroll}
          className="col-start-1 row-start-1 min-h-0 overflow-y-auto px-4 py-4"
          data-testid="message-thread"
          aria-live="polite"
        >
          {thread.hasNextPage ? (
            <div className="mb-4 flex justify-center">
              <Button
                variant="outline"
                size="sm"
                onClick={() => {
                  stickToBottom.current = false;
                  void thread.fetchNextPage();
                }}
                disabled={thread.isFetchingNextPage}
              >
                {thread.isFetchingNextPage ? <Loader2 className="animate-spin" /> : null}
                Load earlier messages
              </Button>
            </div>
          ) : null}
          {thread.isPending ? (
            <div className="space-y-4" aria-busy="true">
              <Skeleton className="h-10 w-64 rounded-2xl" />
              <Skeleton className="ml-auto h-10 w-52 rounded-2xl" />
            </div>
          ) : thread.isError ? (
            <div className="flex flex-col items-center gap-2 py-10 text-center text-sm" role="alert">
              <p className="text-muted-foreground">{describeApiError(thread.error)}</p>
              <Button size="sm" variant="outline" onClick={() => void thread.refetch()}>
                Try again
              </Button>
            </div>
          ) : messages.length === 0 && placedNotes.after.length === 0 ? (
            <p className="py-10 text-center text-sm text-muted-foreground">No messages in this conversation yet.</p>
          ) : (
            <ol className="grid gap-3">
              {messages.map((message, index) => (
                <li key={message.id} className="grid gap-3">
                  {startsNewDay(messages, index) ? (
                    <div className="flex items-center gap-3 text-[11px] font-medium text-muted-foreground" role="separator">
                      <span className="h-px flex-1 bg-border" />
                      {dayLabel(message.sentAt, now)}
                      <span className="h-px flex-1 bg-border" />
                    </div>
                  ) : null}
                  {placedNotes.before.get(message.id)?.map((note) => (
                    <NoteBubble key={note.id} note={note} />
                  ))}
                  {message.mid && originByMid.get(message.mid) ? <OriginComment comment={originByMid.get(message.mid) as CommentDto} /> : null}
                  <MessageBubble
                    message={message}
                    platform={conversation.platform}
                    replyTarget={message.replyToMid ? byMid.get(message.replyToMid) : undefined}
                    onReply={setReplyTo}
                    onRetry={(m) => void retry(m)}
                    retrying={Boolean(retrying[message.id])}
                    onReact={onReact}
                  />
                </li>
              ))}
              {placedNotes.after.map((note) => (
                <li key={note.id}>
                  <NoteBubble note={note} />
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="col-start-1 row-start-2 min-w-0">
          <Composer
            conversation={conversation}
            policy={policy}
            policyChecking={policyChecking}
            replyTo={replyTo}
            onClearReply={() => setReplyTo(null)}
            onSend={(draft, confirmStale) => {
              stickToBottom.current = true;
              return send(draft, confirmStale);
            }}
            onNote={(body) => {
              stickToBottom.current = true;
              return createNote
                .mutateAsync({ body })
                .then(() => true)
                .catch((error: unknown) => {
                  toast.error(describeApiError(error));
                  return false;
                });
            }}
          />
        </div>
        {panelOpen ? (
          <ContactPanel
            conversation={conversation}
            className="z-20 col-start-1 row-start-1 min-h-0 w-72 max-w-full justify-self-end border-l bg-background shadow-xl @4xl/thread:col-start-2 @4xl/thread:row-span-2 @4xl/thread:w-auto @4xl/thread:shadow-none"
          />
        ) : null}
      </div>
    </section>
  );
}
