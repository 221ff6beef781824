import type { Metadata } from 'next';
import { LabelsView } from '../../../../features/collaboration/components/labels-view';

export const metadata: Metadata = { title: 'Labels' };

export default function LabelsPage() {
  return <LabelsView />;
}
