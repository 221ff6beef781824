import type { Metadata } from 'next';
import { Inbox } from 'lucide-react';
import { ComingSoon } from '../../../components/coming-soon';

export const metadata: Metadata = { title: 'Inbox' };

export default function InboxPage() {
  return (
    <ComingSoon
      title="Inbox"
      icon={Inbox}
      summary="Instagram Direct and Messenger conversations, answered by the whole team."
      features={[
        'Every Instagram and Messenger conversation in one list, updated live as messages arrive',
        'Assign conversations, see who is typing, and never answer the same customer twice',
        'Reply inside Meta’s 24-hour window, with a clear warning before a message would be blocked',
      ]}
    />
  );
}
