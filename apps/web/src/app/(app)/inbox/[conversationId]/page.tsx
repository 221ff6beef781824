import type { Metadata } from 'next';
import { ThreadView } from '../../../../features/inbox/components/thread-view';

export const metadata: Metadata = { title: 'Conversation' };

export default async function ConversationPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const { conversationId } = await params;
  return <ThreadView key={conversationId} conversationId={conversationId} />;
}
