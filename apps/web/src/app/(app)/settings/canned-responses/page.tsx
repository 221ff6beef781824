import type { Metadata } from 'next';
import { CannedResponsesView } from '../../../../features/collaboration/components/canned-responses-view';

export const metadata: Metadata = { title: 'Canned responses' };

export default function CannedResponsesPage() {
  return <CannedResponsesView />;
}
