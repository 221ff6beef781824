'use client';

import { ExternalLink, Megaphone } from 'lucide-react';
import { MessagePlatform, type ConversationDto } from '@ticklegram/domain-models';
import { cn } from '../../../lib/utils';
import { ContactAvatar } from './contact-avatar';
import { PlatformBadge } from './platform-badge';

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
        <Row label={conversation.platform === MessagePlatform.INSTAGRAM ? 'Instagram-scoped id' : 'Page-scoped id'} value={<code className="text-xs">{contact.externalId}</code>} />
        <Row label="Status" value={<span className="capitalize">{conversation.status}</span>} />
        <Row label="First contact" value={new Date(conversation.createdAt).toLocaleString()} />
      </dl>
      <div className="grid gap-2" data-testid="contact-attribution">
        <h3 className="text-xs font-medium text-muted-foreground">How they found you</h3>
        {referral ? (
          <div className="grid gap-1 rounded-lg border p-3 text-sm">
            <p className="flex items-center gap-1.5 font-medium">
              <Megaphone className="size-4 text-amber-600" aria-hidden />
              {referral.kind === 'ad' ? 'Click-to-message ad' : referral.kind === 'link' ? `${conversation.platform === MessagePlatform.INSTAGRAM ? 'ig.me' : 'm.me'} link` : referral.kind === 'shop' ? 'Shop' : 'Other'}
            </p>
            {referral.adTitle ? <p>{referral.adTitle}</p> : null}
            {referral.adId ? <p className="text-xs text-muted-foreground">Ad {referral.adId}</p> : null}
            {referral.ref ? <p className="text-xs text-muted-foreground">ref: {referral.ref}</p> : null}
            {referral.source ? <p className="text-xs text-muted-foreground">source: {referral.source}</p> : null}
            <p className="text-xs text-muted-foreground">{new Date(referral.at).toLocaleString()}</p>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">They messaged you directly.</p>
        )}
      </div>
    </aside>
  );
}
