'use client';

import Link from 'next/link';
import { ExternalLink, Megaphone, MessageCircle, MessageSquareText } from 'lucide-react';
import { MessagePlatform, type ConversationDto } from '@ticklegram/domain-models';
import { cn } from '../../../lib/utils';
import { relativeTime } from '../../../lib/format-time';
import { useContactPanel } from '../hooks/use-inbox-queries';
import { ContactAvatar } from './contact-avatar';
import { useConversationComments } from '../../comments/api';
import { ContactOptins } from '../../messenger/components/contact-optins';
import { PLATFORM_NAMES, PlatformBadge } from '../../../components/platform-badge';
import { ConversationOutcomes } from '../../capi/components/conversation-outcomes';

function profileUrl(conversation: ConversationDto): string | null {
  const username = conversation.contact.username;
  if (conversation.platform === MessagePlatform.INSTAGRAM && username) return `https://instagram.com/${encodeURIComponent(username)}`;
  return null;
}

function Row({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div className="grid gap-0.5" data-testid={testId}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm break-words">{value}</dd>
    </div>
  );
}

/** The right-hand panel: who the customer is and what brought them. */
export function ContactPanel({ conversation, className }: { conversation: ConversationDto; className?: string }) {
  const { contact, referral } = conversation;
  const url = profileUrl(conversation);
  return (
    <aside aria-label="Contact details" className={cn('flex flex-col gap-5 overflow-y-auto p-4', className)} data-testid="contact-panel">
      <div className="flex flex-col items-center gap-2 text-center">
        <ContactAvatar contact={contact} className="size-16 text-base" />
        <div>
          <p className="font-semibold">{contact.displayName}</p>
          {contact.username ? <p className="text-sm text-muted-foreground">@{contact.username}</p> : null}
        </div>
        <PlatformBadge platform={conversation.platform} />
      </div>
      <dl className="grid gap-3">
        <Row label="Platform" value={conversation.platform === MessagePlatform.INSTAGRAM ? 'Instagram Direct' : 'Messenger'} />
        {contact.username ? (
          <Row
            label="Username"
            value={
              url ? (
                <a href={url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 text-primary hover:underline">
                  @{contact.username}
                  <ExternalLink className="size-3" aria-hidden />
                </a>
              ) : (
                `@${contact.username}`
              )
            }
          />
        ) : null}
        <Row
          label={conversation.platform === MessagePlatform.INSTAGRAM ? 'Instagram-scoped id' : 'Page-scoped id'}
          value={<code className="text-xs">{contact.externalId}</code>}
        />
        <Row label="Status" value={<span className="capitalize">{conversation.status}</span>} />
        <Row label="First contact" value={new Date(conversation.createdAt).toLocaleString()} />
      </dl>
      <div className="grid gap-2" data-testid="contact-attribution">
        <h3 className="text-xs font-medium text-muted-foreground">How they found you</h3>
        {referral ? (
          <div className="grid gap-1 rounded-lg border p-3 text-sm" data-testid="ad-card">
            <p className="flex items-center gap-1.5 font-medium">
              <Megaphone className="size-4 text-amber-600" aria-hidden />
              {referral.kind === 'ad'
                ? 'Click-to-message ad'
                : referral.kind === 'link'
                  ? `${conversation.platform === MessagePlatform.INSTAGRAM ? 'ig.me' : 'm.me'} link`
                  : referral.kind === 'shop'
                    ? 'Shop'
                    : 'Other'}
            </p>
            {referral.adTitle ? <p>{referral.adTitle}</p> : null}
            {referral.adId ? <p className="text-xs text-muted-foreground">Ad {referral.adId}</p> : null}
            {referral.ref ? <p className="text-xs text-muted-foreground">ref: {referral.ref}</p> : null}
            {referral.source ? <p className="text-xs text-muted-foreground">source: {referral.source}</p> : null}
            <p className="text-xs text-muted-foreground">{new Date(referral.at).toLocaleString()}</p>
            <h4 className="mt-2 text-xs font-medium text-muted-foreground">Outcomes</h4>
            <ConversationOutcomes conversationId={conversation.id} />
          </div>
        ) : (
          <>
            <p className="text-sm text-muted-foreground">They messaged you directly.</p>
            <ConversationOutcomes conversationId={conversation.id} />
          </>
        )}
      </div>
      {conversation.platform === MessagePlatform.FACEBOOK ? <ContactOptins conversationId={conversation.id} /> : null}
      <ContactHistory conversationId={conversation.id} />
    </aside>
  );
}

const linkClass = 'rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50';

function SectionState({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-muted-foreground">{children}</p>;
}

/**
 * One timeline of the person: their other conversations and their comments on Instagram and Facebook,
 * newest first. Linked only by Meta's ids (the api never matches names): the same id on the same
 * platform, or the id a private reply to their comment reached.
 */
function ContactHistory({ conversationId }: { conversationId: string }) {
  const query = useContactPanel(conversationId);
  const comments = useConversationComments(conversationId);
  const now = Date.now();
  if (query.isPending || comments.isPending) return <SectionState>Loading…</SectionState>;
  if (query.isError || comments.isError)
    return (
      <p className="text-sm text-muted-foreground" role="alert">
        Couldn’t load.{' '}
        <button type="button" className={cn('underline', linkClass)} onClick={() => void Promise.all([query.refetch(), comments.refetch()])}>
          Retry
        </button>
      </p>
    );
  const entries = [
    ...query.data.otherConversations.map((c) => ({ at: c.lastMessageAt ?? '', key: `c:${c.id}`, conversation: c, comment: null })),
    ...comments.data.items.map((c) => ({ at: c.commentedAt, key: `m:${c.id}`, conversation: null, comment: c })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section className="grid gap-2" aria-labelledby="contact-timeline" data-testid="contact-timeline">
      <h3 id="contact-timeline" className="text-xs font-medium text-muted-foreground">
        Conversations and comments
      </h3>
      {entries.length === 0 ? (
        <SectionState>No other conversations or comments.</SectionState>
      ) : (
        <ul className="grid gap-1">
          {entries.map(({ key, conversation, comment }) =>
            conversation ? (
              <li key={key} data-testid="contact-timeline-conversation">
                <Link
                  href={`/inbox/${encodeURIComponent(conversation.id)}`}
                  scroll={false}
                  className={cn('flex items-start gap-2 p-1.5 text-sm hover:bg-accent', linkClass)}
                >
                  <MessageCircle className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
                  <span className="grid min-w-0 flex-1">
                    <span className="truncate">{conversation.lastMessagePreview || 'No messages yet'}</span>
                    <span className="text-xs text-muted-foreground">
                      {PLATFORM_NAMES[conversation.platform]} DM · <span className="capitalize">{conversation.status}</span> ·{' '}
                      {relativeTime(conversation.lastMessageAt, now)}
                    </span>
                  </span>
                </Link>
              </li>
            ) : comment ? (
              <li key={key} data-testid="contact-timeline-comment">
                <Link
                  href={`/comments?status=all&c=${encodeURIComponent(comment.id)}`}
                  className={cn('flex items-start gap-2 p-1.5 text-sm hover:bg-accent', linkClass)}
                >
                  <MessageSquareText className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
                  <span className="grid min-w-0 flex-1">
                    <span className={cn('line-clamp-2', comment.removed && 'italic text-muted-foreground')}>
                      {comment.removed ? 'Comment removed' : comment.text || '(no text)'}
                    </span>
                    <span className="text-xs text-muted-foreground">
                      {comment.platform === 'INSTAGRAM' ? 'Instagram' : 'Facebook'} {comment.kind === 'mention' ? 'mention' : 'comment'} ·{' '}
                      {relativeTime(comment.commentedAt, now)}
                      {comment.isHidden ? ' · hidden' : ''}
                      {comment.privateReply ? ' · private reply sent' : ''}
                    </span>
                  </span>
                </Link>
              </li>
            ) : null,
          )}
        </ul>
      )}
    </section>
  );
}
