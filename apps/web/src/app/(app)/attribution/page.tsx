import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AttributionView } from '../../../features/capi/components/attribution-view';

export const metadata: Metadata = { title: 'Attribution' };

export default function AttributionPage() {
  return (
    <Suspense>
      <AttributionView />
    </Suspense>
  );
}
