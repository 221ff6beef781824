import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TemplatesView } from '../../../features/templates/components/templates-view';
import TemplatesLoading from './loading';

export const metadata: Metadata = { title: 'Templates' };

export default function TemplatesPage() {
  return (
    <Suspense fallback={<TemplatesLoading />}>
      <TemplatesView />
    </Suspense>
  );
}
