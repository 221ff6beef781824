'use client';

import { ArrowRightLeft } from 'lucide-react';
import type { ConversationDto } from '@ticklegram/domain-models';
import { threadOwnerNotice } from '../thread-owner-view';

/**
 * Shown at the top of the thread while another app controls the conversation (Meta's handover between
 * apps on a Page): the customer's messages still arrive here, but nothing sent from this inbox is delivered.
 */
export function ThreadOwnerBanner({ conversation }: { conversation: ConversationDto }) {
  const notice = threadOwnerNotice(conversation);
  if (!notice) return null;
  return (
    <div
      className="flex items-start gap-2 border-b border-amber-500/40 bg-amber-500/10 px-4 py-2 text-xs text-amber-900 dark:text-amber-200"
      role="status"
      data-testid="thread-owner-banner"
      data-app-id={conversation.threadOwner?.appId ?? ''}
    >
      <ArrowRightLeft className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0">
        <p className="font-semibold">{notice.title}</p>
        <p className="mt-0.5 text-foreground/80">{notice.detail}</p>
      </div>
    </div>
  );
}
