import type { Metadata } from 'next';
import { InboxNoSelection } from '../../../features/inbox/components/inbox-no-selection';

export const metadata: Metadata = { title: 'Inbox' };

export default function InboxPage() {
  return <InboxNoSelection />;
}
