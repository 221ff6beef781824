import type { Metadata } from 'next';
import { Suspense } from 'react';
import { connection } from 'next/server';
import { CommentsView } from '../../../features/comments/components/comments-view';

export const metadata: Metadata = { title: 'Comments' };

/** Where browsers reach the api for the realtime socket; read per request so one build serves any deployment. */
function apiPublicUrl(): string {
  return process.env['API_PUBLIC_URL'] || 'http://localhost:3001';
}

export default async function CommentsPage() {
  await connection();
  return (
    <Suspense>
      <CommentsView apiUrl={apiPublicUrl()} />
    </Suspense>
  );
}
