import type { Metadata } from 'next';
import { Suspense } from 'react';
import { WebhooksView } from '../../../../features/webhooks/components/webhooks-view';

export const metadata: Metadata = { title: 'Webhooks' };

export default function WebhooksPage() {
  return (
    <Suspense>
      <WebhooksView />
    </Suspense>
  );
}
