import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CommentsView } from '../../../features/comments/components/comments-view';

export const metadata: Metadata = { title: 'Comments' };

export default function CommentsPage() {
  return (
    <Suspense>
      <CommentsView />
    </Suspense>
  );
}
