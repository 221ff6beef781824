import type { Metadata } from 'next';
import { CommentRulesView } from '../../../../features/comments/components/comment-rules-view';

export const metadata: Metadata = { title: 'Comment rules' };

export default function CommentRulesPage() {
  return <CommentRulesView />;
}
