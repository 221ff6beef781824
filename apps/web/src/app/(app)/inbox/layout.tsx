import { Suspense } from 'react';
import { InboxShell } from '../../../features/inbox/components/inbox-shell';
import { ConversationListSkeleton } from '../../../features/inbox/components/conversation-list';

export default function InboxLayout({ children }: { children: React.ReactNode }) {
  return (
    <Suspense fallback={<ConversationListSkeleton />}>
      <InboxShell>{children}</InboxShell>
    </Suspense>
  );
}
