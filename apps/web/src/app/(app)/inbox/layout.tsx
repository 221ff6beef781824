import { Suspense } from 'react';
import { connection } from 'next/server';
import { InboxShell } from '../../../features/inbox/components/inbox-shell';
import { ConversationListSkeleton } from '../../../features/inbox/components/conversation-list';

/** Where browsers reach the api for the realtime socket; read per request so one build serves any deployment. */
function apiPublicUrl(): string {
  return process.env['API_PUBLIC_URL'] || 'http://localhost:3001';
}

export default async function InboxLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <Suspense fallback={<ConversationListSkeleton />}>
      <InboxShell apiUrl={apiPublicUrl()}>{children}</InboxShell>
    </Suspense>
  );
}
