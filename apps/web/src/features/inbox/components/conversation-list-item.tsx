'use client';

import * as React from 'react';
import Link from 'next/link';
import type { ConversationDto } from '@ticklegram/domain-models';
import { cn } from '../../../lib/utils';
import { LabelChips } from '../../collaboration/components/label-chips';
import { PRIORITY_CLASSES, PRIORITY_LABELS } from '../../collaboration/priority';
import { relativeTime } from '../../../lib/format-time';
import { ContactAvatar } from './contact-avatar';
import { HighlightedText } from './highlighted-text';
import { PlatformBadge } from '../../../components/platform-badge';

function assigneeLabel(conversation: ConversationDto, currentUserId: string | null): string {
  if (!conversation.assigneeId) return 'Unassigned';
  return conversation.assigneeId === currentUserId ? 'You' : 'Teammate';
}

export const ConversationListItem = React.memo(function ConversationListItem({
  conversation,
  href,
  selected,
  currentUserId,
  now,
}: {
  conversation: ConversationDto;
  href: string;
  selected: boolean;
  currentUserId: string | null;
  now: number;
}) {
  const unread = conversation.unreadCount > 0;
  const preview = conversation.lastMessagePreview
    ? `${conversation.lastMessageDirection === 'outbound' ? 'You: ' : ''}${conversation.lastMessagePreview}`
    : 'No messages yet';
  // in a search result, what matched: the name, the username or a message, with the matched words marked
  const match = conversation.searchMatch;
  const nameMatch = match?.field === 'name' && match.snippet === conversation.contact.displayName ? match : null;
  const lineMatch = match && !nameMatch ? match : null;
  return (
    <li>
      <Link
        href={href}
        scroll={false}
        data-testid="conversation-list-item"
        data-conversation-id={conversation.id}
        data-platform={conversation.platform}
        aria-current={selected ? 'page' : undefined}
        className={cn(
          'flex gap-3 border-b px-3 py-3 text-left transition-colors outline-none focus-visible:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-inset',
          selected ? 'bg-accent' : 'hover:bg-muted/60',
        )}
      >
        <ContactAvatar contact={conversation.contact} className="mt-0.5" />
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-2">
            <span className={cn('truncate text-sm', unread ? 'font-semibold' : 'font-medium')}>
              {nameMatch ? <HighlightedText text={nameMatch.snippet} highlights={nameMatch.highlights} /> : conversation.contact.displayName}
            </span>
            <PlatformBadge platform={conversation.platform} compact className="px-1" />
            <time className="ml-auto shrink-0 text-xs text-muted-foreground" dateTime={conversation.lastMessageAt ?? undefined}>
              {relativeTime(conversation.lastMessageAt, now)}
            </time>
          </div>
          <div className="mt-0.5 flex items-center gap-2">
            <p
              className={cn('line-clamp-1 flex-1 text-sm', unread ? 'text-foreground' : 'text-muted-foreground')}
              data-testid={lineMatch ? 'search-snippet' : undefined}
            >
              {lineMatch ? (
                <>
                  {lineMatch.field === 'username' ? '@' : null}
                  <HighlightedText text={lineMatch.snippet} highlights={lineMatch.highlights} />
                </>
              ) : (
                preview
              )}
            </p>
            {unread ? (
              <span
                className="flex h-5 min-w-5 items-center justify-center rounded-full bg-primary px-1.5 text-[11px] font-semibold text-primary-foreground"
                aria-label={`${conversation.unreadCount} unread`}
                data-testid="unread-badge"
              >
                {conversation.unreadCount > 99 ? '99+' : conversation.unreadCount}
              </span>
            ) : null}
          </div>
          <div className="mt-1 flex items-center gap-2 text-xs text-muted-foreground">
            <span>{assigneeLabel(conversation, currentUserId)}</span>
            {conversation.status !== 'open' ? <span className="capitalize">· {conversation.status}</span> : null}
            {conversation.referral ? <span>· {conversation.referral.kind === 'ad' ? 'From an ad' : 'From a link'}</span> : null}
            {conversation.priority && conversation.priority !== 'none' ? (
              <span className={PRIORITY_CLASSES[conversation.priority]} data-testid="priority-badge">
                · {PRIORITY_LABELS[conversation.priority]}
              </span>
            ) : null}
          </div>
          {conversation.labels && conversation.labels.length > 0 ? <LabelChips labels={conversation.labels} className="mt-1" /> : null}
        </div>
      </Link>
    </li>
  );
});
