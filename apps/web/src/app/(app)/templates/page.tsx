import type { Metadata } from 'next';
import { FileText } from 'lucide-react';
import { ComingSoon } from '../../../components/coming-soon';

export const metadata: Metadata = { title: 'Templates' };

export default function TemplatesPage() {
  return (
    <ComingSoon
      title="Templates"
      icon={FileText}
      summary="Reusable replies and Meta-approved message templates."
      features={[
        'Saved replies with variables like the customer’s name',
        'Submit utility templates to Meta and follow their approval status',
        'Use approved templates to reach customers outside the 24-hour window',
      ]}
    />
  );
}
