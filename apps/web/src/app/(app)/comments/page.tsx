import type { Metadata } from 'next';
import { MessageSquareText } from 'lucide-react';
import { ComingSoon } from '../../../components/coming-soon';

export const metadata: Metadata = { title: 'Comments' };

export default function CommentsPage() {
  return (
    <ComingSoon
      title="Comments"
      icon={MessageSquareText}
      summary="Moderate Instagram and Facebook comments from one queue."
      features={[
        'New comments on your posts and ads, as they happen',
        'Reply publicly or privately, hide or delete in one click',
        'Filters for unanswered, hidden and flagged comments',
      ]}
    />
  );
}
